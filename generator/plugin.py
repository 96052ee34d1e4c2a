"""MkDocs plugin `sop-jdih`: a thin adapter between MkDocs' events and the generator core."""

from __future__ import annotations

import gc
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin, urlsplit

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import BaseConfigOption
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from .core import Content, Generation, findings, generate, load_content
from .dirty_build import DirtyBuild, DirtyWarningFilter
from .editor.admin import EditorMissing
from .editor.config import Repository, github_repository
from .kantor import kantor_file
from .pages.beranda import HOME, with_home_block
from .pages.feeds import FeedInvalid
from .pages.html_body import anchor_ids, toc_tokens
from .pages.memo import Memo
from .pages.problems_banner import problems_banner
from .pages.urls import SiteUrls
from .project import CONFIG_FILE, OPTIONS, Option, Project, project_from_options
from .publish.hardening import Policy, harden
from .publish.manifest import ManifestError, content_epoch
from .publish.postbuild import postbuild
from .publish.search_index import SearchIndexError, index_site
from .publish.search_later import SearchLater
from .publish.site_swap import SiteSwap
from .publish.sop_pdf import PdfError
from .sop.bagan.render import DiagramRenderer, GraphvizMissing
from .source.problems import DataError, Problem
from .split_render import SplitRender

log = logging.getLogger("mkdocs.plugins.sop-jdih")
_BODY_START_BYTES = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
THEME_DIR = str(Path(__file__).parent / "theme")
STYLESHEETS = ("assets/sop-jdih/sop-jdih.css", "assets/sop-jdih/cetak.css")
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
PINNED_EPOCH = "SOP_JDIH_SOURCE_DATE_EPOCH"  # the value this plugin set, as opposed to one the caller set
WRITING_EVENTS = ("page_context", "post_page")  # what MkDocs runs for each page as it writes it


def _extend_theme(config: MkDocsConfig) -> None:
    """Templates, CSS and Markdown extensions the generated pages rely on."""
    if THEME_DIR not in config.theme.dirs:  # after the office's custom_dir, so an office can still override ours
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
    for position, stylesheet in enumerate(STYLESHEETS):
        if stylesheet not in config.extra_css:
            config.extra_css.insert(position, stylesheet)
    if "attr_list" not in config.markdown_extensions:  # classes on the download button, images and pagination
        config.markdown_extensions.append("attr_list")


def _pin_source_date_epoch(epoch: int) -> None:
    """Date the build by its content, so two builds of one commit are byte-identical.

    MkDocs stamps every page's sitemap <lastmod> (and the sitemap.xml.gz header) with the day of the build unless
    SOURCE_DATE_EPOCH is set. The newest date the content itself carries (tanggal of SOPs, produk hukum, konten) is
    what the pages reflect and changes only when the content does: never with the clock, the machine or the git
    history (a shallow clone, a tarball or an uncommitted edit builds the same). A value set by whoever runs the
    build wins; the one set here is marked, so the next build in the same process (serve, tests) recomputes it.
    """
    current = os.environ.get(SOURCE_DATE_EPOCH)
    if current is None or current == os.environ.get(PINNED_EPOCH):
        os.environ[SOURCE_DATE_EPOCH] = os.environ[PINNED_EPOCH] = str(epoch)


def _strict_abort_coming(config: MkDocsConfig) -> bool:
    """MkDocs aborts a --strict build right after on_post_build if its counter on the `mkdocs` logger saw a warning."""
    handlers = logging.getLogger("mkdocs").handlers
    return bool(config.strict) and any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def site_policy(config: MkDocsConfig, repository_widget: bool = False) -> Policy:
    """What the site's own configuration makes the theme load from elsewhere, and nothing more."""
    scripts = [_origin(str(path)) for path in config.extra_javascript]
    styles = [_origin(str(path)) for path in config.extra_css]
    fonts: list[str | None] = []
    if config.theme.get("font") is not False:  # Material's default: Roboto from Google Fonts
        styles.append("https://fonts.googleapis.com")
        fonts.append("https://fonts.gstatic.com")
    connect: list[str | None] = []
    if repository_widget:  # Material shows the repository's stars and forks, asked from its host's API
        host = urlsplit(config.repo_url).hostname
        connect.append("https://api.github.com" if host == "github.com" else _origin(config.repo_url))
    host, port = config.dev_addr
    preview = urlsplit(config.site_url or "").netloc == f"{host}:{port}"  # `mkdocs serve` sets this site_url

    def unique(origins: list[str | None]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(origin for origin in origins if origin))

    return Policy(unique(scripts), unique(styles), unique(fonts), unique(connect), preview)


def _mkdocs_option(option: Option) -> BaseConfigOption:
    """MkDocs' validator for one option of `project.Settings`: the build and the CLI accept the same block."""
    if option.choices:
        return config_options.Choice(option.choices, default=option.default)
    if option.nullable:
        return config_options.Optional(config_options.Type(option.kind))
    return config_options.Type(option.kind, default=option.default)


class SopJdihPlugin(BasePlugin):
    # MkDocs checks the types; `project_from_options` then checks the rest (folders that exist) for the CLI alike.
    config_scheme = tuple((option.name, _mkdocs_option(option)) for option in OPTIONS)

    # MkDocs keeps this object across `mkdocs serve` rebuilds: on_config resets every field.
    def __init__(self) -> None:
        self.project: Project | None = None
        self.content: Content | None = None
        self.renderer: DiagramRenderer | None = None
        self.urls = SiteUrls("")
        self.policy = Policy()
        self.sources: dict[str, str] = {}  # pages with an "Ubah" button → the file it opens
        self.html_pages: set[str] = set()  # generated pages written as HTML: Markdown skips them
        self.html_bodies: dict[str, str] = {}  # their HTML, from on_page_markdown to on_page_content
        self.generation: Generation | None = None
        self.swap: SiteSwap | None = None  # where this build writes, swapped in for site/ when it succeeds
        self.swap_config: MkDocsConfig | None = None  # the config whose site_dir points at the new folder meanwhile
        self.dirty = False
        self.serving = False  # `mkdocs serve`: a data error shows on the pages instead of stopping the preview
        self.last_good: Content | None = None  # the last content that loaded without problems (serve keeps it)
        self.problems: list[Problem] = []  # the data's problems, while serving
        # --dirty (`make serve`): what the previous build produced, so a rebuild produces only what changed
        self.memo = Memo()
        self.dirty_build = DirtyBuild()
        self.split = SplitRender()  # a full build writes its pages in two processes
        self.search_later = SearchLater(lambda message: log.info(f"sop-jdih: {message}"))
        self.builds = 0  # builds by this object: `mkdocs serve` rebuilds with the same one

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """The only event told about `--dirty` (its presence also makes MkDocs keep this object across rebuilds)."""
        self.dirty = dirty
        self.serving = command == "serve"
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyWarningFilter())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.search_later.cancel()  # first: a serve rebuild may empty site/ before on_pre_build
        if self.serving and self.dirty and self.builds == 1:
            # The first rebuild of `make serve`: what the first build left alive (the loaded content, the caches, the
            # memo) lives as long as the preview. Frozen, Python's full garbage collections, a second each at 10,000
            # items, no longer walk it during every later rebuild.
            gc.collect()
            gc.freeze()
        config_file = Path(config.config_file_path or CONFIG_FILE).resolve()
        self.content = self.project = self.generation = self.swap = self.swap_config = None
        self.sources = {}
        self.html_pages = set()
        self.html_bodies = {}
        self.problems = []
        if not config.site_url:
            raise PluginError("site_url wajib diisi di mkdocs.yml: umpan JDIHN dan Atom memakai alamat absolut situs")
        try:
            self.project = project_from_options(
                config_file.parent,
                dict(self.config),
                config_file.name,
                config.site_dir,
                config.site_url,
                config.docs_dir,
                config.use_directory_urls,
            )
        except DataError as error:
            raise PluginError(str(error)) from None
        for folder in (self.project.sops_dir, self.project.archive_dir):
            if folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        kantor = kantor_file(self.project)  # `mkdocs serve` rebuilds when kantor.yaml changes too
        if kantor.is_file() and str(kantor) not in config.watch:
            config.watch.append(str(kantor))
        _extend_theme(config)
        self.urls = SiteUrls(config.site_url, config.use_directory_urls)
        try:
            self.renderer = DiagramRenderer(self.project.diagram_cache_dir)
            self.content = self.last_good = load_content(self.project)
        except GraphvizMissing as error:
            raise PluginError(str(error)) from None
        except DataError as error:
            if not self.serving:
                raise PluginError(str(error)) from None
            self._preview_with_problems(error.problems)
        if self.content is not None:
            self._report_findings(self.content)
            _pin_source_date_epoch(content_epoch(self.content))
            logo = self.content.kantor.logo if self.content.kantor else None
            if logo and not config.theme.get("logo"):  # kantor.yaml's logo is Material's header logo too
                config.theme["logo"] = logo
        self._build_beside(config)  # last: a data error above stops the build before anything is written
        return config

    def _preview_with_problems(self, problems: list[Problem]) -> None:
        """`mkdocs serve` goes on with the last good content (or without generated pages) and shows the problems.

        Raising here would leave the browser waiting for a build that never comes until the files are fixed.
        """
        self.problems = problems
        self.content = self.last_good
        shown = "versi terakhir yang berhasil" if self.content else "tanpa halaman SOP dan arsip"
        log.warning(
            f"sop-jdih: pratinjau dibangun {shown}; setiap halaman menampilkan masalahnya:\n{DataError(problems)}"
        )

    def _build_beside(self, config: MkDocsConfig) -> None:
        """Point MkDocs at a fresh sibling of site/; on_post_build swaps it in once the site is complete.

        `--dirty` builds in place: it rebuilds only what changed on top of site/ as it is, which a fresh folder lacks.
        `mkdocs serve` builds into its own temporary folder, swapped the same way: a failed rebuild keeps serving the
        last good site.
        """
        if self.dirty:
            return
        self.swap = SiteSwap.prepare(Path(config.site_dir))
        self.swap_config = config
        config.site_dir = str(self.swap.new)
        log.info(f"sop-jdih: situs dibangun di {self.swap.new}, menggantikan {self.swap.site} bila build berhasil")

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Search: a background index still reading the pages stops before MkDocs rewrites them."""
        self.search_later.cancel()
        self.builds += 1

    def _defers_search(self) -> bool:
        """A `serve --dirty` rebuild renders only the changed pages: the whole site is indexed after it, in the
        background, so the reloaded page does not wait for it (the search page says so in the preview)."""
        return self.serving and self.dirty and self.builds > 1

    def on_shutdown(self) -> None:
        self.search_later.cancel()

    def _report_findings(self, content: Content) -> None:
        """What `sop-jdih check` also reports: warnings (a strict build fails on them, also on starter text not replaced
        yet) and notes, located."""
        assert self.project
        found = findings(content, self.project)
        for warning in [*found.warnings, *found.unfilled]:
            log.warning(f"sop-jdih: {warning}")
        for note in found.notes:
            log.info(f"sop-jdih: {note}")

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.project and self.renderer
        # here, when every plugin's on_config has had its say about scripts
        self.policy = site_policy(config, self._shows_repository(config))
        if self.content is None:  # serving broken data with nothing good to show yet
            return files
        try:
            memo = self.memo if self.dirty else None
            editor = self._editor(config)
            generation = generate(self.content, self.project, self.urls, config.site_name, self.renderer, memo, editor)
        except (FeedInvalid, EditorMissing) as error:
            raise PluginError(str(error)) from None
        for site_file in generation.files:
            if self.problems and not site_file.path.is_file():
                continue  # the last good content's attachment, deleted since: the preview goes on without it
            if files.get_file_from_path(site_file.uri) is not None:
                raise PluginError(f"{site_file.uri} dibuat oleh sop-jdih; hapus berkas dengan nama itu dari docs/")
            inclusion = InclusionLevel.UNDEFINED if site_file.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, site_file.uri, abs_src_path=str(site_file.path), inclusion=inclusion))
            if site_file.source and site_file.staff_edit:
                self.sources[site_file.uri] = site_file.source
            if site_file.html:
                self.html_pages.add(site_file.uri)
        self.generation = generation
        counts = f"{len(self.content.sops)} SOP, {self.content.archive.counts()}"
        log.info(
            f"sop-jdih: {counts}; {generation.diagrams_rendered} bagan alur digambar, "
            f"{generation.files_changed} berkas berubah"
        )
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A --dirty build: remove the outputs MkDocs would otherwise leave stale (dirty_build.py)."""
        if self.dirty:
            every_page = [repr(self.content.kantor if self.content else None), repr(self.policy)]
            theme = [folder for folder in (config.theme.custom_dir, THEME_DIR) if folder]
            home = self.generation.home if self.generation else ""
            self.dirty_build.prepare(config, files, nav, theme, "\n".join(every_page), home, self.sources)
        return nav

    @event_priority(-100)  # last: what other plugins write is in the new folder before it is checked and swapped in
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Hardening, PDFs, the search index and the manifest (see `postbuild`); then the new folder replaces site/."""
        assert self.project
        if _strict_abort_coming(config):  # on_build_error drops the new folder
            return
        if self.content is None or self.generation is None:  # a preview of broken data: no generated pages to finish
            self._swap_in()
            return
        try:
            # Every page was hardened as MkDocs wrote it (on_post_page, on_post_template): none is named to postbuild,
            # which would otherwise read each one back from disk and write it again.
            published = postbuild(
                self.content,
                self.generation,
                self.project,
                Path(config.site_dir),
                self.urls,
                self.policy,
                {},
                self.search_later.start if self._defers_search() else index_site,
            )
        except (SearchIndexError, PdfError, ManifestError) as error:
            raise PluginError(str(error)) from None
        if published.pdfs:
            log.info(f"sop-jdih: {published.pdfs} PDF SOP dicetak")
        log.info(f"sop-jdih: indeks pencarian Pagefind: {published.search}")
        self._swap_in()
        log.info(f"sop-jdih: {published.manifest.summary()}")

    def _swap_in(self) -> None:
        if self.swap and self.swap_config:
            self.swap.commit()
            self.swap_config.site_dir = str(self.swap.site)
            self.swap = self.swap_config = None

    def on_build_error(self, error: Exception) -> None:
        """A failed build leaves site/ as it was: drop the new folder and point the config back at site/.

        A `--dirty` build wrote into site/ itself: the pages it wrote were hardened as they were written.
        """
        self.split.abandon()
        if self.swap and self.swap_config:
            self.swap.discard()
            self.swap_config.site_dir = str(self.swap.site)
        self.swap = self.swap_config = None

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The page hardened (CSP, `rel`) as it is written; its Markdown body is where the data is (untrusted)."""
        return harden(output, self.urls.site_url, self.policy, page.content or "")

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        """While `mkdocs serve` shows broken data, every page it serves carries the problems first in its body.

        Added as pages are served (where MkDocs adds its reload script), not written into them: a --dirty rebuild
        then renders nothing again when a problem appears or goes away.
        """
        add_reload_script = server._inject_js_into_html

        def with_problems(content: bytes, epoch: int) -> bytes:
            if self.problems:
                banner = problems_banner(self.problems, showing_last_good=self.content is not None).encode()
                content = _BODY_START_BYTES.sub(lambda start: start.group() + banner, content, count=1)
            return add_reload_script(content, epoch)  # type: ignore[no-any-return]

        server._inject_js_into_html = with_problems  # type: ignore[method-assign]
        return server

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) are hardened too; they are not pages, so on_post_page misses them."""
        if template_name.endswith(".html"):  # not sitemap.xml
            return harden(output_content, self.urls.site_url, self.policy)
        return output_content

    def _shows_repository(self, config: MkDocsConfig) -> bool:
        """The header's repository widget: only when the office asks for it in kantor.yaml (and has a repo_url)."""
        return bool(
            config.repo_url and self.content and self.content.kantor and self.content.kantor.tampilkan_repositori
        )

    def _writes_pages_alone(self, config: MkDocsConfig) -> bool:
        """No other plugin acts while a page is written: what it gathered in a second process would be lost to it
        (MkDocs' search index would hold half the pages; found by a review)."""
        events = config.plugins.events
        return all(getattr(handler, "__self__", None) is self for event in WRITING_EVENTS for handler in events[event])

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """The office's name (footer) and its choice about the repository widget (header), for the theme's partials.

        Every page has been read by now: a full `mkdocs build` writes them in two processes from here (split_render.py;
        not under `mkdocs serve`, whose server threads a fork would copy mid-step).
        """
        if not (self.dirty or self.serving) and self.project and self.project.settings.render_dua_proses:
            if self._writes_pages_alone(config):
                self.split.install()
            else:
                log.info("sop-jdih: halaman ditulis di satu proses: plugin lain ikut bekerja saat halaman ditulis")
        kantor = self.content.kantor if self.content else None
        env.globals["sop_jdih"] = {
            "kantor": kantor.nama if kantor else config.site_name,
            "repositori": self._shows_repository(config),
            "pratinjau": self.serving and self.dirty,  # the search page: its index follows a save seconds later
        }
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Point "edit this page" of an SOP page at its YAML source, drop it elsewhere; set aside an HTML page's body;
        give the home page its generated block (pages/beranda.py).

        The button is for staff (cara-mengubah-sop): SOP pages keep it; the public's pages go without it, and a
        generated page without a source file would point at a docs file that does not exist.
        """
        if page.file.src_uri == HOME and self.generation is not None:
            markdown = with_home_block(markdown, self.generation.home)
        source = self.sources.get(page.file.src_uri)
        base = self._edit_base(config)
        page.edit_url = urljoin(base, source) if source and base else None
        if page.file.src_uri in self.html_pages:  # finished HTML: Markdown gets nothing to do (see pages/html_body.py)
            self.html_bodies[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Put back the HTML of a page written as HTML, with what Markdown would have found in it."""
        body = self.html_bodies.pop(page.file.src_uri, None)
        if body is None:
            return html
        page.toc = get_toc(toc_tokens(body))  # type: ignore[arg-type]
        page.present_anchor_ids = anchor_ids(body)
        return body

    def _editor(self, config: MkDocsConfig) -> Repository | None:
        """The repository the web editor commits to; None when it is turned off or repo_url is not on GitHub."""
        assert self.project
        if not self.project.settings.editor_web:
            return None
        repository = github_repository(config.repo_url, self._edit_base(config))
        if repository is None:
            log.info("sop-jdih: editor web /admin/ tidak dibuat: repo_url bukan repositori GitHub")
        return repository

    def _edit_base(self, config: MkDocsConfig) -> str | None:
        if not config.repo_url:
            return None
        assert self.project
        edit_uri = self.project.settings.edit_uri
        if edit_uri is None:
            if not config.edit_uri:
                return None
            docs_folder = Path(config.docs_dir).name + "/"
            edit_uri = (
                config.edit_uri.removesuffix(docs_folder) if config.edit_uri.endswith(docs_folder) else config.edit_uri
            )
        return urljoin(config.repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")
