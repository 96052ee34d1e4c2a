"""The generator core, independent of MkDocs: load and validate, then write pages to staging."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .archive.checks import doubt_notices
from .archive.collection import Archive
from .archive.kind import is_url
from .archive.loader import load_archive
from .dasar_hukum.index import DasarHukumIndex, build_index, duplicate_regulations, revoked_basis, unparsed_lines
from .editor.admin import ADMIN, CMS_FONTS, admin_page, config_text, editor_script
from .editor.config import Repository
from .kantor import Kantor, load_kantor
from .pages.addresses import ARCHIVE_INDEX, FEED_FILE, JDIHN_FILE, SEARCH_PAGE, attachment_uri
from .pages.archive import archive_page_uris, archive_pages, listings
from .pages.beranda import home_block, kantor_page_uris, kantor_pages
from .pages.dasar_hukum import regulation_page_uris, regulation_pages
from .pages.feeds import atom_feed, jdihn_feed
from .pages.hand_written import taken_addresses
from .pages.memo import Memo, Tracked, tables, tracked
from .pages.page_source import LazyPage, PageSource, render
from .pages.search_text import Vocabulary, regulation_facts, search_file_uris, search_files, with_search_block
from .pages.sop import SOP_TITLES, sop_page_uris, sop_pages, sop_tables
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
    uris |= dict.fromkeys(f"{ADMIN}/{name}" for name in _ADMIN_FILES)
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
    memo: Memo | None = None,
    editor: Repository | None = None,
) -> Generation:
    """Write every generated page and feed into the staging folder, touching only files whose text changed.

    With the `memo` of the previous build (`mkdocs serve --dirty`), SOP and archive pages and JDIHN records whose
    inputs did not change are not produced again (pages/memo.py): their staged files stay as they are.
    With `editor` (the GitHub repository it commits to), the web editor is written at admin/ (editor/admin.py).
    Raises FeedInvalid when a feed does not match its schema, EditorMissing when the editor is asked for and its
    script or fonts are not installed. SOP pages link their PDF when the project prints them.
    """
    renderer = renderer or DiagramRenderer(project.diagram_cache_dir)
    memo = memo or Memo(kept=False)
    before = renderer.rendered
    staging = StagingFolder(project.staging_dir)
    plain = tables(content.archive, content.dasar_hukum) | sop_tables(content.sops)
    memo.start((project.root, project.staging_dir, urls, site_name, project.settings, content.kantor), plain)
    views = {name: Tracked(name, table) for name, table in plain.items()}
    archive, dasar_hukum = tracked(content.archive, content.dasar_hukum, views)
    shown = listings(archive)
    logo = content.kantor.logo if content.kantor else None
    search_page = render(
        "cari.md.j2",
        archive=markdown_link(SEARCH_PAGE, ARCHIVE_INDEX),
        collections=joined([kind.full_name for kind in archive.shown_kinds()]),
    )
    facts = regulation_facts(archive, dasar_hukum)
    site_files: list[SiteFile] = []
    words: set[str] = set()

    def write(pages: list[PageSource]) -> None:
        for page in pages:
            page, found = with_search_block(page, facts.get(page.uri), _VOCABULARY)
            site_files.append(_site_file(page, staging.write(page.uri, page.content)))
            words.update(found)

    def write_lazily(pages: list[LazyPage]) -> None:
        for page in pages:
            path = staging.keep(page.uri)
            key = ("halaman", page.uri, page.key, page.source)
            found, _ = memo.value(key, partial(_write, page, staging), partial(_still_staged, path))
            words.update(found)
            site_files.append(SiteFile(page.uri, path, page.source, page.in_nav, page.html, page.staff_edit))

    write_lazily(sop_pages(content.sops, views, archive, dasar_hukum, renderer, urls, project.settings.pdf, logo))
    staff_names = project.settings.tampilkan_nama_staf
    write_lazily(archive_pages(archive, shown, dasar_hukum, views[SOP_TITLES], urls, staff_names))
    write(
        [
            *regulation_pages(dasar_hukum, archive, urls),
            PageSource(JDIHN_FILE, jdihn_feed(archive, urls, memo), None),
            PageSource(FEED_FILE, atom_feed(archive, urls, site_name), None),
            PageSource(SEARCH_PAGE, search_page, None, in_nav=True),
            *kantor_pages(content.kantor, project.settings.kantor),
        ]
    )
    write(search_files(words, _VOCABULARY))
    if editor:
        site_files += _editor_files(content, project, urls, site_name, editor, staging)
    memo.finish()
    staging.remove_stale()
    home = home_block(archive, shown, content.kantor, urls)
    return Generation(
        site_files + _attachments(content.archive, project), renderer.rendered - before, staging.changed, home
    )


# Words' roots and stems, which never change: kept for the life of the process (serve rebuilds, tests).
_VOCABULARY = Vocabulary()


def _write(page: LazyPage, staging: StagingFolder) -> tuple[tuple[str, ...], int | None]:
    """Produce the page, add its search block and stage it: its words (for the search page's root files) and the
    staged file's time of change, by which a later build sees that something else rewrote or removed it (a
    `mkdocs build` for another site address beside `make serve`: found by a review)."""
    produced = PageSource(page.uri, page.produce(), page.source, page.in_nav, page.html, page.staff_edit)
    produced, words = with_search_block(produced, page.facts(), _VOCABULARY)
    return words, _stamp(staging.write(page.uri, produced.content))


def _still_staged(path: Path, written: tuple[tuple[str, ...], int | None]) -> bool:
    return _stamp(path) == written[1]


def _stamp(path: Path) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


# The editor's files at admin/: its page, its configuration, Sveltia CMS's script and the fonts it names.
_ADMIN_FILES = ("index.html", "config.yml", "sveltia-cms.js", *(font.uri for font in CMS_FONTS))


def _editor_files(
    content: Content, project: Project, urls: SiteUrls, site_name: str, editor: Repository, staging: StagingFolder
) -> list[SiteFile]:
    page, config, script = (f"{ADMIN}/{name}" for name in _ADMIN_FILES[:3])
    script_text, fonts = editor_script(project)
    return [
        SiteFile(page, staging.write(page, admin_page(f"Editor · {site_name}")), None),
        SiteFile(config, staging.write(config, config_text(project, editor, urls.site_url, content.archive)), None),
        SiteFile(script, staging.write(script, script_text), None),
        *(SiteFile(f"{ADMIN}/{uri}", path, None) for uri, path in fonts.items()),
    ]


def _site_file(page: PageSource, path: Path) -> SiteFile:
    return SiteFile(page.uri, path, page.source, page.in_nav, page.html, page.staff_edit)


def _attachments(archive: Archive, project: Project) -> list[SiteFile]:
    """Local PDFs and images, published from the archive folder as they are (never copied to staging)."""
    return [SiteFile(attachment_uri(path), project.archive_dir / path, None) for path in _local_files(archive)]


def _local_files(archive: Archive) -> list[str]:
    """The attachments inside the archive folder (not https addresses), each once, in order."""
    paths = {value for kind in archive.kinds for item in archive.documents(kind) for _, value in kind.files(item)}
    return [path for path in sorted(paths) if not is_url(path)]
