"""The generator core, independent of MkDocs: load and validate, then write pages to staging."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive.checks import doubt_notices
from .archive.collection import Archive
from .archive.kind import is_url
from .archive.loader import load_archive
from .dasar_hukum.index import DasarHukumIndex, build_index, duplicate_regulations
from .pages.addresses import ARCHIVE_INDEX, FEED_FILE, JDIHN_FILE, SEARCH_PAGE, attachment_uri
from .pages.archive import archive_page_uris, archive_pages
from .pages.dasar_hukum import regulation_page_uris, regulation_pages
from .pages.feeds import atom_feed, jdihn_feed
from .pages.hand_written import taken_addresses
from .pages.page_source import PageSource, render
from .pages.sop import sop_page_uris, sop_pages
from .pages.staging import StagingFolder
from .pages.urls import SiteUrls, markdown_link
from .sop.bagan.render import DiagramRenderer
from .sop.loader import LoadedSop, load_sops
from .source.problems import DataError, Notice


@dataclass(frozen=True)
class Project:
    """Where a site's sources live; every path the generator touches derives from `root`."""

    root: Path
    sops_dir_name: str = "sops"
    archive_dir_name: str = "content_archive"
    cache_dir_name: str = ".cache"

    @property
    def sops_dir(self) -> Path:
        return self.root / self.sops_dir_name

    @property
    def archive_dir(self) -> Path:
        return self.root / self.archive_dir_name

    @property
    def staging_dir(self) -> Path:
        return self.root / self.cache_dir_name / "sop-jdih" / "pages"

    @property
    def diagram_cache_dir(self) -> Path:
        return self.root / self.cache_dir_name / "sop-jdih" / "bagan"


@dataclass(frozen=True)
class Content:
    """Everything validated, ready to be written."""

    sops: list[LoadedSop]
    archive: Archive
    dasar_hukum: DasarHukumIndex
    notices: list[Notice]  # warnings: `--strict` fails on them unless their setting says "info"


@dataclass(frozen=True)
class SiteFile:
    """A file the generator adds to the site: a staged page or feed, or an attachment used in place."""

    uri: str  # path in the site's docs, e.g. sop/media-sosial.md or berkas/lampiran/x.pdf
    path: Path  # the file to read it from
    source: str | None  # the editor's file it comes from, relative to the project root
    in_nav: bool = False
    html: bool = False  # a page whose body is finished HTML (PageSource.html)


@dataclass(frozen=True)
class Generation:
    files: list[SiteFile]
    diagrams_rendered: int
    files_changed: int


def load_content(project: Project, docs_dir: Path | None = None, directory_urls: bool = True) -> Content:
    """Load and validate everything; all problems of the run are raised together.

    Then the hand-written files of `docs_dir` (default: docs/ in the project) that would be built where a generated
    page is, as MkDocs builds them (`directory_urls`: its use_directory_urls), raised the same way.
    """
    sops, problems, sop_ids = load_sops(project.root, project.sops_dir)
    archive, archive_problems = load_archive(project.root, project.archive_dir, sop_ids)
    problems += archive_problems
    problems += duplicate_regulations(archive)
    if problems:
        raise DataError(problems)
    content = Content(sops, archive, build_index(sops, archive), doubt_notices(archive))
    docs = docs_dir or project.root / "docs"
    shown = f"{docs.relative_to(project.root).as_posix()}/" if docs.is_relative_to(project.root) else f"{docs}/"
    taken = taken_addresses(docs, shown, generated_uris(content), directory_urls)
    if taken:
        raise DataError(taken)
    return content


def generated_uris(content: Content) -> dict[str, str | None]:
    """Every file `generate` adds to the site's docs, with the editor's file it comes from, without writing any."""
    uris = {**sop_page_uris(content.sops), **archive_page_uris(content.archive)}
    uris |= dict.fromkeys([*regulation_page_uris(content.dasar_hukum), JDIHN_FILE, FEED_FILE, SEARCH_PAGE])
    return uris | dict.fromkeys(attachment_uri(path) for path in _local_files(content.archive))


def generate(
    content: Content,
    project: Project,
    urls: SiteUrls,
    site_name: str,
    renderer: DiagramRenderer | None = None,
    with_pdf: bool = False,
) -> Generation:
    """Write every generated page and feed into the staging folder, touching only files whose text changed."""
    renderer = renderer or DiagramRenderer(project.diagram_cache_dir)
    before = renderer.rendered
    staging = StagingFolder(project.staging_dir)
    titles = {item.document.id: item.document.nama_sop for item in content.sops}
    search_page = render("cari.md.j2", archive=markdown_link(SEARCH_PAGE, ARCHIVE_INDEX))
    generated = [
        *sop_pages(content.sops, content.archive, content.dasar_hukum, renderer, urls, with_pdf),
        *archive_pages(content.archive, content.dasar_hukum, titles, urls),
        *regulation_pages(content.dasar_hukum, content.archive),
        PageSource(JDIHN_FILE, jdihn_feed(content.archive, urls), None),
        PageSource(FEED_FILE, atom_feed(content.archive, urls, site_name), None),
        PageSource(SEARCH_PAGE, search_page, None, in_nav=True),
    ]
    site_files = [
        SiteFile(page.uri, staging.write(page.uri, page.content), page.source, page.in_nav, page.html)
        for page in generated
    ]
    staging.remove_stale()
    return Generation(site_files + _attachments(content.archive, project), renderer.rendered - before, staging.changed)


def _attachments(archive: Archive, project: Project) -> list[SiteFile]:
    """Local PDFs and images, published from content_archive/ as they are (never copied to staging)."""
    return [SiteFile(attachment_uri(path), project.archive_dir / path, None) for path in _local_files(archive)]


def _local_files(archive: Archive) -> list[str]:
    """The attachments inside content_archive/ (not https addresses), each once, in order."""
    paths = {value for kind in archive.kinds for item in archive.documents(kind) for _, value in kind.files(item)}
    return [path for path in sorted(paths) if not is_url(path)]
