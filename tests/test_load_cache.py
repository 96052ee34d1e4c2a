"""The load cache: an unchanged file is parsed and validated once, and every run reports exactly the same problems.

Counts parses (`LoadCache.parsed`), never times them.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path
from typing import Any

import pytest

from generator.archive.collection import Archive
from generator.archive.loader import load_archive
from generator.core import load_content
from generator.project import Project
from generator.sop.loader import load_sops
from generator.source.load_cache import LoadCache, _Unpickler

from .conftest import copy_example_project

# Files that are wrong in every way the per-file stage reports: syntax, model, name, encoding, unreadable.
BROKEN = {
    "content_archive/produk-hukum/rusak.yaml": "id: rusak\njudul: [tak ditutup\n",
    "content_archive/produk-hukum/tanpa-nomor.yaml": "id: tanpa-nomor\njenis: Keputusan\ntahun: dua\n",
    "content_archive/konten/Nama Salah.yaml": "id: nama-salah\njudul: Tes\n",
    "content_archive/konten/ber-bom.md": "\ufeff---\nid: ber-bom\n---\nIsi.\n",
    "sops/sop-rusak.yaml": "id: sop-rusak\nnama_sop: Rusak\nprosedur: teks\n",
}


def _project(tmp_path: Path) -> Project:
    root = copy_example_project(tmp_path / "proyek")
    for relative, text in BROKEN.items():
        (root / relative).write_text(text, encoding="utf-8")
    (root / "content_archive" / "produk-hukum" / "hilang.yaml").symlink_to(root / "tidak-ada.yaml")
    return Project(root)


def _load(project: Project, cache: LoadCache) -> tuple[list[Any], Archive, list[str]]:
    sops, problems, ids = load_sops(project, cache)
    archive, archive_problems = load_archive(project, ids, cache)
    return sops, archive, [str(problem) for problem in problems + archive_problems]


def _files(project: Project) -> int:
    return sum(
        1
        for pattern in ("sops/*.yaml", "content_archive/*/*.yaml", "content_archive/*/*.md")
        for _ in project.root.glob(pattern)
    )


def _items(archive: Archive) -> list[Any]:
    return [item for kind in archive.kinds for item in archive.items(kind)]


def test_every_run_reports_what_an_uncached_run_reports(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _, _, uncached = _load(project, LoadCache(None))
    assert any("rusak.yaml" in line for line in uncached) and any("sop-rusak" in line for line in uncached)

    cache = LoadCache(project.load_cache_dir)
    sops, archive, first = _load(project, cache)
    readable = _files(project) - 1  # the dangling link is reported without being parsed
    assert first == uncached and cache.parsed == readable

    # The same process again (mkdocs serve): nothing parsed, the very same objects back.
    again_sops, again_archive, second = _load(project, cache)
    assert second == uncached and cache.parsed == readable
    assert all(a is b for a, b in zip(again_sops, sops, strict=True))
    assert all(a is b for a, b in zip(_items(again_archive), _items(archive), strict=True))

    # A new process (CI restoring .cache/): everything from disk.
    fresh = LoadCache(project.load_cache_dir)
    _, _, third = _load(project, fresh)
    assert third == uncached and fresh.parsed == 0


def test_only_the_edited_file_is_parsed_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    cache = LoadCache(project.load_cache_dir)
    _, before, _ = _load(project, cache)
    parsed = cache.parsed
    edited = project.root / "content_archive" / "produk-hukum" / "tanpa-nomor.yaml"
    edited.write_text("id: tanpa-nomor\njenis: Keputusan\ntahun: tiga\n", encoding="utf-8")

    _, after, problems = _load(project, cache)
    assert cache.parsed == parsed + 1
    assert problems == _load(project, LoadCache(None))[2]
    assert any("tanpa-nomor.yaml" in line for line in problems)
    unchanged = [item for item in _items(before) if item.path != "content_archive/produk-hukum/tanpa-nomor.yaml"]
    assert all(a is b for a, b in zip(_items(after), unchanged, strict=True))

    fresh = LoadCache(project.load_cache_dir)  # the disk has the edit too, and nothing stale is read
    assert _load(project, fresh)[2] == problems and fresh.parsed == 0


def test_attachments_are_checked_on_every_run(tmp_path: Path) -> None:
    project = _project(tmp_path)
    cache = LoadCache(project.load_cache_dir)
    _, _, before = _load(project, cache)
    parsed = cache.parsed
    (project.archive_dir / "lampiran" / "kepkab-contoh-3-2025.pdf").unlink()

    _, _, after = _load(project, cache)
    assert cache.parsed == parsed  # the item did not change, its attachment did
    missing = [line for line in _load(project, LoadCache(None))[2] if "kepkab-contoh-3-2025.pdf tidak ada" in line]
    assert missing and [line for line in after if line not in before] == missing


def test_a_corrupt_or_foreign_cache_file_is_a_miss(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _, _, expected = _load(project, LoadCache(project.load_cache_dir))
    (project.load_cache_dir / "sop.pickle").write_bytes(b"bukan pickle")
    marker = tmp_path / "dijalankan"
    (project.load_cache_dir / "konten.pickle").write_bytes(pickle.dumps(_Foreign(str(marker))))

    fresh = LoadCache(project.load_cache_dir)
    assert _load(project, fresh)[2] == expected
    assert not marker.exists()
    sops, konten = (len(list(project.root.glob(pattern))) for pattern in ("sops/*.yaml", "content_archive/konten/*.*"))
    assert fresh.parsed == sops + konten  # those two collections again, nothing else


class _Foreign:
    """A pickle that would run a command when loaded by a plain unpickler."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (Path(self.path),))


def test_a_class_a_generator_module_only_imports_is_refused(tmp_path: Path) -> None:
    """`subprocess.Popen` reached through a generator module that imports subprocess (found by a review)."""
    marker = tmp_path / "dijalankan"
    module, name, path = b"generator.publish.search_stream", b"subprocess.Popen", str(marker).encode()
    crafted = (
        b"\x80\x04\x8c" + bytes([len(module)]) + module + b"\x94\x8c" + bytes([len(name)]) + name + b"\x94\x93\x94"
        b"]\x94(\x8c\x05touch\x94\x8c" + bytes([len(path)]) + path + b"\x94e\x85\x94R\x94."
    )
    with pytest.raises(pickle.UnpicklingError):
        _Unpickler(io.BytesIO(crafted)).load()
    assert not marker.exists()


def test_load_content_keeps_one_cache_per_project_across_rebuilds(tmp_path: Path) -> None:
    """`mkdocs serve` makes a new Project on every rebuild: the items of unchanged files are still the same objects."""
    root = copy_example_project(tmp_path / "proyek")
    first = load_content(Project(root))
    second = load_content(Project(root))
    assert second.sops[0] is first.sops[0]
    assert all(a is b for a, b in zip(_items(second.archive), _items(first.archive), strict=True))
    assert (Project(root).load_cache_dir / "produk-hukum.pickle").is_file()
