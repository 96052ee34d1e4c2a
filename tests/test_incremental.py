"""A `--dirty` rebuild (`make serve`) after each kind of change gives the site a clean full build gives, and renders
only what the change reaches.

One plugin object builds the example site again and again as `mkdocs serve --dirty` does (MkDocs keeps it across
rebuilds); after each change a clean build of the same sources in another folder is the reference.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import copy_example_project, files_of

ITEM = "content_archive/produk-hukum/kepkab-contoh-27-2022.yaml"
ITEM_PAGE = "produk-hukum/kepkab-contoh-27-2022/index.html"
UNRELATED_PAGE = "produk-hukum/kepkab-contoh-12-2019/index.html"
SOP = "sops/media-sosial-jdih-banjarnegara.yaml"


def _build(project: Path, site: Path, dirty: bool) -> object:
    """One build of `project` into `site`, as `mkdocs build [--dirty]` runs it; the plugin object it used."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=dirty)
    build(config, dirty=dirty)
    return config.plugins["sop-jdih"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The example project and the folder its --dirty builds go to, built once."""
    root = tmp_path_factory.mktemp("incremental")
    project = copy_example_project(root / "project")
    _build(project, root / "served", dirty=True)
    yield project, root / "served"


def _folders(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_dir())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _relate(project: Path) -> None:
    revokes = "  mencabut:\n    - kepkab-contoh-34-2018\n"
    _edit(project / ITEM, revokes, f"{revokes}  mengubah:\n    - kepkab-contoh-12-2019\n")


def _add(project: Path) -> None:
    text = (project / ITEM).read_text(encoding="utf-8").replace("27-2022", "28-2022").replace("27/HK", "28/HK")
    text = re.sub(r"relasi:\n(  .*\n)+", "", text)
    (project / ITEM.replace("27-2022", "28-2022")).write_text(text, encoding="utf-8")


def _overwrite_staged(project: Path) -> None:
    staged = project / ".cache/sop-jdih/pages" / Path(UNRELATED_PAGE).parent.with_suffix(".md")
    staged.write_text(staged.read_text(encoding="utf-8").replace("</h1>", " (situs lain)</h1>", 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "judul item": lambda project: _edit(project / ITEM, "tentang Pembentukan Tim", "tentang Pembaruan Tim"),
    "tanggal item (urutan daftar)": lambda project: _edit(project / ITEM, "2022-06-06", "2024-01-02"),
    "relasi baru": _relate,
    "item baru": _add,
    "item dihapus": lambda project: (project / ITEM.replace("27-2022", "28-2022")).unlink(),
    "langkah SOP": lambda project: _edit(
        project / SOP, "membuat dan menyerahkan konsep konten", "menyusun dan menyerahkan konsep konten"
    ),
    "mkdocs.yml": lambda project: _edit(project / "mkdocs.yml", "site_name: ", "site_name: Uji "),
    "judul halaman docs": lambda project: _edit(project / "docs/status-produk-hukum.md", "# Status", "# Keadaan"),
    "halaman docs baru": lambda project: (project / "docs/baru.md").write_text("# Baru\n", encoding="utf-8"),
    "kantor.yaml": lambda project: _edit(project / "kantor.yaml", "nama: ", "nama: Uji "),
    # a build for another site address beside `make serve` rewrites the shared staged pages (found by a review)
    "halaman persiapan ditimpa": lambda project: _overwrite_staged(project),
    # its page's text is the same; its "Ubah" button must open the new file (found by a review)
    "berkas SOP diganti nama": lambda project: (project / "sops/media-sosial-resmi-agam.yaml").rename(
        project / "sops/agam-baru.yaml"
    ),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_dirty_rebuild_after_a_change_equals_a_clean_build(
    served: tuple[Path, Path], tmp_path: Path, change: str
) -> None:
    project, site = served
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
    CHANGES[change](project)
    plugin = _build(project, site, dirty=True)
    clean = tmp_path / "clean"
    _build(project, clean, dirty=False)
    incremental, full = files_of(site), files_of(clean)
    assert sorted(incremental) == sorted(full)
    assert _folders(site) == _folders(clean)  # no folder of a deleted page left behind
    differing = [name for name in full if incremental[name] != full[name]]
    assert differing == []
    if change in ("judul item", "tanggal item (urutan daftar)", "relasi baru", "item baru", "item dihapus"):
        unrelated = site / UNRELATED_PAGE
        if change != "relasi baru":  # the relation's target shows it
            assert unrelated.stat().st_mtime_ns == before[unrelated], "an unrelated item page was rendered again"
        assert plugin.memo.produced < 40  # type: ignore[attr-defined]  # of the example's ~150 pages and records
    shutil.rmtree(clean)
