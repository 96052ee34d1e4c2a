"""MkDocs plugin `sop-jdih`: a thin adapter between MkDocs' events and the generator core."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import config_options as options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .bagan.render import DiagramRenderer, GraphvizMissing
from .core import Content, Project, generate, load_content
from .problems import DataError

log = logging.getLogger("mkdocs.plugins.sop-jdih")


class SopJdihConfig(Config):
    sops_dir = options.Type(str, default="sops")
    archive_dir = options.Type(str, default="content_archive")
    cache_dir = options.Type(str, default=".cache")
    # Where "edit this page" points for generated pages, relative to repo_url (e.g. "edit/main/").
    # Default: MkDocs' edit_uri without its trailing docs folder.
    edit_uri = options.Optional(options.Type(str))


class SopJdihPlugin(BasePlugin[SopJdihConfig]):
    # MkDocs keeps this object across `mkdocs serve` rebuilds: on_config resets every field.
    def __init__(self) -> None:
        self.project: Project | None = None
        self.content: Content | None = None
        self.renderer: DiagramRenderer | None = None
        self.sources: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.project = Project(root, self.config.sops_dir, self.config.archive_dir, self.config.cache_dir)
        self.sources = {}
        for folder in (self.project.sops_dir, self.project.archive_dir):
            if folder.is_dir() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        if "md_in_html" not in config.markdown_extensions:
            config.markdown_extensions.append("md_in_html")  # the SOP header boxes hold Markdown links
        try:
            self.renderer = DiagramRenderer(self.project.diagram_cache_dir)
            self.content = load_content(self.project)
        except (DataError, GraphvizMissing) as error:
            raise PluginError(str(error)) from None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.project and self.content and self.renderer
        generation = generate(self.content, self.project, self.renderer)
        for page in generation.pages:
            existing = files.get_file_from_path(page.uri)
            if existing is not None:
                raise PluginError(f"{page.uri} dibuat oleh sop-jdih; hapus berkas dengan nama itu dari docs/")
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.uri, abs_src_path=str(page.path), inclusion=inclusion))
            if page.source:
                self.sources[page.uri] = page.source
        log.info(
            f"sop-jdih: {len(self.content.sops)} SOP, {generation.diagrams_rendered} bagan alur digambar, "
            f"{generation.files_changed} halaman berubah"
        )
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Point "edit this page" of a generated page at its YAML source, not at the staged Markdown."""
        source = self.sources.get(page.file.src_uri)
        base = self._edit_base(config)
        if source and base:
            page.edit_url = urljoin(base, source)
        return markdown

    def _edit_base(self, config: MkDocsConfig) -> str | None:
        if not config.repo_url:
            return None
        edit_uri = self.config.edit_uri
        if edit_uri is None:
            if not config.edit_uri:
                return None
            docs_folder = Path(config.docs_dir).name + "/"
            edit_uri = (
                config.edit_uri.removesuffix(docs_folder) if config.edit_uri.endswith(docs_folder) else config.edit_uri
            )
        return urljoin(config.repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")
