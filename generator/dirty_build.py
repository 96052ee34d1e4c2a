"""What a `--dirty` MkDocs build (`make serve`) must redo that MkDocs' own check cannot see.

MkDocs re-renders a page under `--dirty` only when its source file is newer than its output. The generator rewrites a
staged page only when its text changed, so an edit re-renders just the pages it changes; but three kinds of change
reach pages whose source did not change, and MkDocs alone would leave them stale:

- what every page shows around its content: `mkdocs.yml`, `kantor.yaml` (the office's name in the footer), the
  theme's templates, the navigation's titles and order, and the problems banner of a preview with broken data. When
  any of these differs from the previous build, the output folder is emptied, so every page is rendered again;
- a page (or asset) that is no longer built: its output is removed, as a full build would not write it;
- the home page's generated block (pages/beranda.py): its output is removed when the block changes;
- what the plugin gives a page besides its text, its "Ubah" button's file (an SOP file renamed, its id kept): the
  page's output is removed when that changes.

MkDocs also leaves the pages it does not render unread, so their navigation titles would be missing from the pages it
does render: the pages named in the navigation are read (not rendered) first.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

from .pages.beranda import HOME

# MkDocs' warning on every --dirty build ("will likely lead to inaccurate navigation"): not true of this plugin's.
DIRTY_WARNING = "A 'dirty' build is being performed"


class DirtyBuild:
    """The previous `--dirty` build's surroundings and outputs, kept by the plugin across `mkdocs serve` rebuilds."""

    def __init__(self) -> None:
        self.site: Path | None = None
        self.surroundings: str | None = None
        self.outputs: set[str] = set()
        self.home: str | None = None
        self.edits: dict[str, str] = {}

    def prepare(
        self,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        theme: list[str],
        every_page: str,
        home: str,
        edits: dict[str, str],
    ) -> None:
        """Before MkDocs reads and renders pages: remove every output a full build would write differently.

        `theme`: the template folders that may change while serving (the office's and the plugin's); `every_page`:
        what else the plugin puts on every page (office, security policy), as text; `edits`: the file each page's
        "Ubah" button opens, by the page's docs path.
        """
        _read_titles(nav, config, files)
        surroundings = _digest([_config_text(config), _theme_files(theme), _nav_outline(nav), every_page])
        site = Path(config.site_dir)
        if site != self.site:  # another folder (MkDocs keeps this object for every build of the process)
            self.outputs, self.home, self.edits = set(), None, {}
        if site != self.site or surroundings != self.surroundings:
            clean_directory(str(site))
        self.site, self.surroundings = site, surroundings
        outputs = {file.abs_dest_path for file in files}
        for stale in sorted(self.outputs - outputs):
            Path(stale).unlink(missing_ok=True)
            _remove_empty_folders(Path(stale).parent, site)
        self.outputs = outputs
        home_page = files.get_file_from_path(HOME)
        if home_page is not None and home != self.home:
            Path(home_page.abs_dest_path).unlink(missing_ok=True)
        self.home = home
        for uri in self.edits.keys() | edits.keys():
            page = files.get_file_from_path(uri)
            if page is not None and self.edits.get(uri) != edits.get(uri):
                Path(page.abs_dest_path).unlink(missing_ok=True)
        self.edits = dict(edits)


def _remove_empty_folders(folder: Path, site: Path) -> None:
    """A deleted page's folder (sop/<id>/) and its parents up to the site, as far as they are empty."""
    while folder != site and site in folder.parents and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


class DirtyWarningFilter(logging.Filter):
    """Drops MkDocs' warning about --dirty builds, which `DirtyBuild` makes accurate."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def _read_titles(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    """Give every navigation page its title as a full build does (front matter, else the first heading as rendered),
    so the pages MkDocs renders show the titles of those it does not."""
    for page in nav.pages:
        if isinstance(page, Page) and page.markdown is None:
            page.read_source(config)
            if "title" not in page.meta:
                page.render(config, files)


def _config_text(config: MkDocsConfig) -> str:
    path = config.config_file_path
    return Path(path).read_text(encoding="utf-8") if path and os.path.isfile(path) else ""


def _theme_files(folders: list[str]) -> str:
    """Every template and asset of the folders, by path, size and time of change."""
    found = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                found.append(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}")
    return "\n".join(found)


def _nav_outline(nav: Navigation) -> str:
    """The navigation as every page shows it: titles, addresses and nesting."""

    def outline(items: list[object], depth: int) -> list[str]:
        lines = []
        for item in items:
            title = getattr(item, "title", None)
            url = getattr(item, "url", None)
            lines.append(f"{'  ' * depth}{title}\t{url}")
            if isinstance(item, Section):
                lines += outline(item.children, depth + 1)
        return lines

    return "\n".join(outline(list(nav.items), 0))


def _digest(parts: list[str]) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return hashed.hexdigest()
