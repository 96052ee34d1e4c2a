"""A full build writes its pages in two processes (generator/split_render.py): the same site as one process, and
what goes wrong in the second process fails the build with MkDocs' own message."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jinja2 import TemplateNotFound
from mkdocs.commands import build as mkdocs_build
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from generator.split_render import SplitRender
from tests.conftest import copy_example_project, files_of


def _build(project: Path, site: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


def _one_process(project: Path) -> None:
    config = project / "mkdocs.yml"
    block = "  - sop-jdih:\n"
    text = config.read_text(encoding="utf-8").replace(block, f"{block}      render_dua_proses: false\n")
    config.write_text(text, encoding="utf-8")


def test_two_processes_write_the_site_one_process_writes(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = copy_example_project(tmp_path / "proyek")
    with caplog.at_level(logging.INFO):
        _build(project, tmp_path / "dua")
    shared = [record.getMessage() for record in caplog.records if "ditulis oleh proses kedua" in record.getMessage()]
    assert len(shared) == 1 and not shared[0].startswith("sop-jdih: 0 "), shared
    caplog.clear()
    _one_process(project)
    with caplog.at_level(logging.INFO):
        _build(project, tmp_path / "satu")
    assert not any("proses kedua" in record.getMessage() for record in caplog.records)
    assert files_of(tmp_path / "dua") == files_of(tmp_path / "satu")


def test_with_another_plugin_acting_as_pages_are_written_one_process_writes_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs' own search plugin gathers every page as it is written: split, its index held half of them."""
    project = copy_example_project(tmp_path / "proyek")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n", "plugins:\n  - search\n"), "utf-8")
    with caplog.at_level(logging.INFO):
        _build(project, tmp_path / "site")
    assert not any("proses kedua" in record.getMessage() for record in caplog.records)
    assert "sop-jdih: halaman ditulis di satu proses: plugin lain ikut bekerja saat halaman ditulis" in caplog.messages
    _one_process(project)
    _build(project, tmp_path / "satu")
    index, reference = (folder / "search" / "search_index.json" for folder in (tmp_path / "site", tmp_path / "satu"))
    assert len(json.loads(index.read_text(encoding="utf-8"))["docs"]) > 100
    assert index.read_bytes() == reference.read_bytes()


def test_a_page_that_cannot_be_written_fails_the_build_and_leaves_no_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_example_project(tmp_path / "proyek")
    # Two neighbouring pages with a template that does not exist: one for each process.
    for name in ("rusak-a", "rusak-b"):
        (project / "docs" / f"{name}.md").write_text("---\ntemplate: tidak-ada.html\n---\n# Rusak\n", encoding="utf-8")
    with pytest.raises((Abort, TemplateNotFound)):
        _build(project, tmp_path / "site")
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert any("rusak-" in error and "tidak-ada.html" in error for error in errors), errors
    assert not (tmp_path / "site").exists()  # site/ is not half-written


class _Inclusion:
    def is_excluded(self) -> bool:
        return False


@dataclass
class _Page:
    name: str

    @property
    def file(self) -> _File:
        return _File(self, _Inclusion())


@dataclass
class _File:
    page: _Page
    inclusion: _Inclusion


def test_what_the_second_process_logs_reaches_the_parent_and_its_failure_fails_the_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """MkDocs' page writer replaced by one that writes a file per page and fails on page 3 (the child's share)."""
    written = tmp_path / "written"
    written.mkdir()

    def write_page(page: _Page, *args: Any, **kwargs: Any) -> None:
        logging.getLogger("mkdocs.commands.build").warning(f"menulis {page.name}")
        if page.name == "halaman-3":
            raise RuntimeError("templat rusak")
        (written / page.name).write_text(str(os.getpid()), encoding="utf-8")

    monkeypatch.setattr(mkdocs_build, "_build_page", write_page)
    pages = [_Page(f"halaman-{number}") for number in range(6)]
    files = [page.file for page in pages]
    split = SplitRender()
    split.install()
    with pytest.raises(PluginError):
        for page in pages:
            mkdocs_build._build_page(page, None, files, None, None, False, excluded=False)
    assert mkdocs_build._build_page is write_page  # MkDocs restored
    parent = str(os.getpid())
    by_process = {path.name: path.read_text(encoding="utf-8") for path in sorted(written.iterdir())}
    assert [page for page, pid in by_process.items() if pid == parent] == ["halaman-0", "halaman-2", "halaman-4"]
    # the child wrote page 1, then stopped at page 3, as MkDocs stops at the first page it cannot write
    assert [page for page, pid in by_process.items() if pid != parent] == ["halaman-1"]
    logged = [record.getMessage() for record in caplog.records]
    assert "menulis halaman-3" in logged  # said in the child, logged here
    assert "sop-jdih: proses kedua berhenti: RuntimeError: templat rusak" in logged
