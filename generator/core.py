"""The generator core, independent of MkDocs: load and validate, then write pages to staging."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive.checks import doubt_notices
from .archive.collection import Archive
from .archive.kind import is_url
from .archive.loader import load_archive
from .dasar_hukum.index import DasarHukumIndex, build_index, duplicate_regulations, revoked_basis, unparsed_lines
from .kantor import Kantor, load_kantor
from .pages.addresses import ARCHIVE_INDEX, FEED_FILE, JDIHN_FILE, SEARCH_PAGE, attachment_uri
from .pages.archive import archive_page_uris, archive_pages
from .pages.beranda import home_block, kantor_page_uris, kantor_pages
from .pages.dasar_hukum import regulation_page_uris, regulation_pages
from .pages.feeds import atom_feed, jdihn_feed
from .pages.hand_written import taken_addresses
from .pages.page_source import PageSource, render
from .pages.search_text import page_facts, search_file_uris, searchable
from .pages.sop import sop_page_uris, sop_pages
from .pages.staging import StagingFolder
from .pages.text import joined
from .pages.urls import SiteUrls, markdown_link
from .project import Project
from .sop.bagan.render import DiagramRenderer
from .sop.loader import LoadedSop, load_sops
from .source.problems import DataError, Notice, Problem
from .unfilled import unfilled_problems


@dataclass(frozen=True)
class Content:
    """Everything validated, ready to be written."""

    sops: list[LoadedSop]
    archive: Archive
    dasar_hukum: DasarHukumIndex
    kantor: Kantor | None = None  # kantor.yaml, when the project has one


@dataclass(frozen=True)
class SiteFile:
    """A file the generator adds to the site: a staged page or feed, or an attachment used in place."""

    uri: str  # path in the site's docs, e.g. sop/media-sosial.md or berkas/lampiran/x.pdf
    path: Path  # the file to read it from
    source: str | None  # the editor's file it comes from, relative to the project root
    in_nav: bool = False
    html: bool = False  # a page whose body is finished HTML (PageSource.html)
    staff_edit: bool = False  # its "Ubah" button opens `source` (PageSource.staff_edit)


@dataclass(frozen=True)
class Generation:
    files: list[SiteFile]
    diagrams_rendered: int
    files_changed: int
    home: str = ""  # the home page's generated block (HTML): the adapter puts it where the office's page asks


def load_content(project: Project) -> Content:
    """Load and validate everything; all problems of the run are raised together.

    Then the hand-written files of the project's docs folder that MkDocs would build where a generated page is, raised
    the same way.
    """
    sops, problems, sop_ids = load_sops(project)
    archive, archive_problems = load_archive(project, sop_ids)
    problems += archive_problems
    problems += duplicate_regulations(archive)
    kantor, kantor_problems = load_kantor(project)
    problems += kantor_problems
    if problems:
        raise DataError(problems)
    content = Content(sops, archive, build_index(sops, archive), kantor.document if kantor else None)
    taken = taken_addresses(project.docs_dir, project.docs_label, generated_uris(content), project.directory_urls)
    if taken:
        raise DataError(taken)
    return content


def generated_uris(content: Content) -> dict[str, str | None]:
    """Every file `generate` adds to the site's docs, with the editor's file it comes from, without writing any."""
    uris = {**sop_page_uris(content.sops), **archive_page_uris(content.archive)}
    uris |= dict.fromkeys([*regulation_page_uris(content.dasar_hukum), JDIHN_FILE, FEED_FILE, SEARCH_PAGE])
    uris |= dict.fromkeys(search_file_uris())
    uris |= kantor_page_uris(content.kantor)
    return uris | dict.fromkeys(attachment_uri(path) for path in _local_files(content.archive))


@dataclass(frozen=True)
class Findings:
    """What valid data still says about itself: `warnings` fail a strict build and `sop-jdih check`; `notes` do not;
    `unfilled` (starter text not replaced yet) fails a strict build but not `sop-jdih check`, so `new` then `check`
    succeeds while nothing unfilled is published."""

    warnings: list[Problem]
    notes: list[Problem]
    unfilled: list[Problem]


def findings(content: Content, project: Project) -> Findings:
    """Dasar hukum lines the parser cannot read, SOPs resting on regulations no longer in force, and archive items
    whose fields disagree where the signed document may disagree too (tahun and tanggal: `ArchiveKind.doubts`).

    The last two are notes when the project's setting named by each sets "info" (`dasar_hukum_tidak_berlaku: info`:
    a signed SOP stays in force until it is revised; `tanggal_tidak_cocok: info`). The build logs the same findings,
    so `sop-jdih check` and `mkdocs build --strict` agree.
    """
    revoked = revoked_basis(content.dasar_hukum, content.archive)
    notices = [Notice("dasar_hukum_tidak_berlaku", problem) for problem in revoked] + doubt_notices(content.archive)
    lowered = [notice.problem for notice in notices if getattr(project.settings, notice.setting) == "info"]
    raised = [notice.problem for notice in notices if getattr(project.settings, notice.setting) != "info"]
    loaded = [*content.sops, *(item for kind in content.archive.kinds for item in content.archive.items(kind))]
    unfilled = [problem for item in loaded for problem in unfilled_problems(item.source)]
    return Findings(sorted(unparsed_lines(content.dasar_hukum) + raised), sorted(lowered), sorted(unfilled))


def generate(
    content: Content,
    project: Project,
    urls: SiteUrls,
    site_name: str,
    renderer: DiagramRenderer | None = None,
) -> Generation:
    """Write every generated page and feed into the staging folder, touching only files whose text changed.

    Raises FeedInvalid when a feed does not match its schema. SOP pages link their PDF when the project prints them.
    """
    renderer = renderer or DiagramRenderer(project.diagram_cache_dir)
    before = renderer.rendered
    staging = StagingFolder(project.staging_dir)
    titles = {item.document.id: item.document.nama_sop for item in content.sops}
    search_page = render(
        "cari.md.j2",
        archive=markdown_link(SEARCH_PAGE, ARCHIVE_INDEX),
        collections=joined([kind.full_name for kind in content.archive.shown_kinds()]),
    )
    generated = [
        *sop_pages(
            content.sops,
            content.archive,
            content.dasar_hukum,
            renderer,
            urls,
            project.settings.pdf,
            content.kantor.logo if content.kantor else None,
        ),
        *archive_pages(content.archive, content.dasar_hukum, titles, urls, project.settings.tampilkan_nama_staf),
        *regulation_pages(content.dasar_hukum, content.archive, urls),
        PageSource(JDIHN_FILE, jdihn_feed(content.archive, urls), None),
        PageSource(FEED_FILE, atom_feed(content.archive, urls, site_name), None),
        PageSource(SEARCH_PAGE, search_page, None, in_nav=True),
        *kantor_pages(content.kantor, project.settings.kantor),
    ]
    facts = page_facts(content.sops, content.archive, content.dasar_hukum)
    generated, search_files = searchable(generated, facts)
    generated += search_files
    site_files = [
        SiteFile(page.uri, staging.write(page.uri, page.content), page.source, page.in_nav, page.html, page.staff_edit)
        for page in generated
    ]
    staging.remove_stale()
    home = home_block(content.archive, content.kantor, urls)
    return Generation(
        site_files + _attachments(content.archive, project), renderer.rendered - before, staging.changed, home
    )


def _attachments(archive: Archive, project: Project) -> list[SiteFile]:
    """Local PDFs and images, published from the archive folder as they are (never copied to staging)."""
    return [SiteFile(attachment_uri(path), project.archive_dir / path, None) for path in _local_files(archive)]


def _local_files(archive: Archive) -> list[str]:
    """The attachments inside the archive folder (not https addresses), each once, in order."""
    paths = {value for kind in archive.kinds for item in archive.documents(kind) for _, value in kind.files(item)}
    return [path for path in sorted(paths) if not is_url(path)]
