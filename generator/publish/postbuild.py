"""After the pages are built: harden them, print the SOP PDFs, index the site for search, check and record it.

The core's second half, independent of MkDocs like `core.generate` (the first): whatever turns the staged pages
into a site folder calls `postbuild` on that folder. The MkDocs plugin does so from on_post_build.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core import Content, Generation
from ..pages.addresses import sop_pdf_uri, sop_uri
from ..pages.urls import SiteUrls
from ..project import Project
from .hardening import Policy, harden_pages
from .manifest import Manifest, built_file, publish_manifest
from .search_index import index_site
from .sop_pdf import print_pdfs


@dataclass(frozen=True)
class Published:
    manifest: Manifest
    search: str  # Pagefind's summary: pages and words indexed
    pdfs: int  # SOP PDFs printed (0 unless the project's `pdf` setting is on)


def postbuild(
    content: Content,
    generation: Generation,
    project: Project,
    site: Path,
    urls: SiteUrls,
    policy: Policy,
    pages: Mapping[str, str],
    index: Callable[[Path], str] = index_site,
) -> Published:
    """Finish the built `site` folder, in the order each step needs: hardened pages first (the PDFs print them and
    Pagefind indexes them), then the PDFs (the manifest expects them), the search index, and the manifest last.

    `pages` names the HTML files still to harden, each with its untrusted part (see `hardening.harden_pages`); a
    builder that hardens each page as it writes it (the MkDocs plugin) names none.
    `index` builds the search index of the folder and summarises it: by default the Pagefind CLI reads it whole; the
    preview schedules it in the background instead (`search_later.SearchLater.start`).
    Raises SearchIndexError, PdfError or ManifestError, each with a message for the build's output.
    """
    harden_pages(site, urls.site_url, policy, pages)
    pdfs = _print_sop_pdfs(content, site, urls) if project.settings.pdf else 0
    search = index(site)
    manifest = publish_manifest(content, generation, urls, site, project.settings.pdf)
    return Published(manifest, search, pdfs)


def _print_sop_pdfs(content: Content, site: Path, urls: SiteUrls) -> int:
    pages = {sop.document.id: built_file(urls.path(sop_uri(sop.document.id))) for sop in content.sops}
    print_pdfs([(site / page, site / sop_pdf_uri(sop_id)) for sop_id, page in pages.items()])
    return len(pages)
