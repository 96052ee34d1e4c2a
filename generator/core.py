"""The generator core, independent of MkDocs: load and validate, then write pages to staging."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .archive import Archive
from .archive_loader import load_archive
from .bagan.render import DiagramRenderer
from .problems import DataError
from .sop_loader import LoadedSop, load_sops
from .sop_pages import sop_pages
from .staging import StagingFolder


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


@dataclass(frozen=True)
class StagedPage:
    uri: str  # path in the site's docs, e.g. sop/media-sosial.md
    path: Path  # the staged file
    source: str | None  # the editor's file it comes from, relative to the project root
    in_nav: bool


@dataclass(frozen=True)
class Generation:
    pages: list[StagedPage]
    diagrams_rendered: int
    files_changed: int


def load_content(project: Project) -> Content:
    """Load and validate everything; all problems of the run are raised together."""
    sops, problems = load_sops(project.root, project.sops_dir)
    archive, archive_problems = load_archive(project.root, project.archive_dir, {item.document.id for item in sops})
    problems += archive_problems
    if problems:
        raise DataError(problems)
    return Content(sops, archive)


def generate(content: Content, project: Project, renderer: DiagramRenderer | None = None) -> Generation:
    """Write every generated page into the staging folder, touching only files whose text changed."""
    renderer = renderer or DiagramRenderer(project.diagram_cache_dir)
    before = renderer.rendered
    staging = StagingFolder(project.staging_dir)
    pages = [
        StagedPage(page.uri, staging.write(page.uri, page.content), page.source, page.in_nav)
        for page in sop_pages(content.sops, renderer)
    ]
    staging.remove_stale()
    return Generation(pages, renderer.rendered - before, staging.changed)
