"""Load the archive folder (content_archive/) and report every problem of the run at once, like the SOP loader."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..project import Project
from ..source.front_matter import load_item
from ..source.model_base import HTTPS_URL
from ..source.model_errors import Loaded, validate_source
from ..source.problems import Problem
from ..source.yaml_source import Location, SourceFile, declared_id, file_name_problems
from .collection import RELATIONS, Archive
from .model import Konten, ProdukHukum

DOCUMENT_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")  # no SVG: it can carry scripts


@dataclass(frozen=True)
class ItemKind:
    folder: str  # inside the archive folder, also the page address prefix
    model: type[BaseModel]
    body_field: str  # what the body of a .md file becomes


PRODUK_HUKUM = ItemKind("produk-hukum", ProdukHukum, "uraian")
KONTEN = ItemKind("konten", Konten, "caption")


def item_files(folder: Path) -> list[Path]:
    return sorted(path for pattern in ("*.yaml", "*.yml", "*.md") for path in folder.glob(pattern))


def load_archive(project: Project, sop_ids: set[str]) -> tuple[Archive, list[Problem]]:
    problems: list[Problem] = []
    produk_ids: set[str] = set()  # of every produk file, valid or not: a broken target is reported once, at itself
    archive_dir = project.archive_dir
    produk = _load_kind(project.root, archive_dir, PRODUK_HUKUM, problems, produk_ids)
    konten = _load_kind(project.root, archive_dir, KONTEN, problems, produk_ids)
    problems.extend(_reference_problems(produk, konten, sop_ids, produk_ids, project))
    problems.extend(_cycle_problems(produk))
    for item in produk:
        lampiran = item.document.lampiran
        for name in ("dokumen", "abstrak"):
            value = getattr(lampiran, name)
            if value is not None:
                problems.extend(_file_problems(value, ("lampiran", name), DOCUMENT_SUFFIXES, project, item.source))
    for post in konten:
        problems.extend(_file_problems(post.document.gambar, ("gambar",), IMAGE_SUFFIXES, project, post.source))
    return Archive.derive(produk, konten), problems


def _load_kind(
    project_root: Path, archive_dir: Path, kind: ItemKind, problems: list[Problem], produk_ids: set[str]
) -> list[Loaded]:
    loaded = []
    for file in item_files(archive_dir / kind.folder):
        shown_as = file.relative_to(project_root).as_posix()
        problems.extend(file_name_problems(file, shown_as))
        source, found = load_item(file, shown_as, kind.body_field)
        problems.extend(found)
        if kind is PRODUK_HUKUM:
            produk_ids.add(declared_id(source, file))
        if source is None:
            continue
        item, found = validate_source(source, kind.model)
        problems.extend(found)
        if item is not None:
            loaded.append(item)
    return loaded


def _reference_problems(
    produk: list[Loaded[ProdukHukum]],
    konten: list[Loaded[Konten]],
    sop_ids: set[str],
    produk_ids: set[str],
    project: Project,
) -> Iterator[Problem]:
    archive, sops = project.archive_label, project.sops_label
    first_seen: dict[str, str] = {}
    # The copy is blamed, not the original: a file named after its id is taken as the owner of that id.
    for item in sorted([*produk, *konten], key=lambda item: Path(item.path).stem != item.document.id):
        item_id = item.document.id
        if item_id in first_seen:
            yield item.source.problem(("id",), f"id '{item_id}' sudah dipakai oleh {first_seen[item_id]}")
        first_seen.setdefault(item_id, item.path)
    for item in produk:
        for name in ("mencabut", "mengubah", "melaksanakan"):
            for index, target in enumerate(getattr(item.document.relasi, name)):
                where = ("relasi", name, index)
                if target == item.document.id:
                    yield item.source.problem(where, f"produk hukum tidak dapat {name} dirinya sendiri")
                elif target not in produk_ids:
                    yield item.source.problem(where, f"tidak ada produk hukum dengan id '{target}' di {archive}")
    for post in konten:
        for index, target in enumerate(post.document.produk_hukum):
            if target not in produk_ids:
                yield post.source.problem(
                    ("produk_hukum", index), f"tidak ada produk hukum dengan id '{target}' di {archive}"
                )
        if post.document.sop is not None and post.document.sop not in sop_ids:
            yield post.source.problem(("sop",), f"tidak ada SOP dengan id '{post.document.sop}' di {sops}")


Edge = tuple[str, str, int]  # target id, relation name, index in that relation's list


def _cycle_problems(produk: list[Loaded[ProdukHukum]]) -> Iterator[Problem]:
    """A chain of relations that comes back to where it started (a mengubah b, b mengubah a) cannot be true.

    Each cycle is reported once, at the relation that closes it as the items are walked in id order.
    Self-relations are reported on their own by `_reference_problems`; dangling targets are skipped here.
    """
    by_id = {item.document.id: item for item in produk}
    graph: dict[str, list[Edge]] = {
        item_id: [
            (target, name, index)
            for name in RELATIONS
            for index, target in enumerate(getattr(item.document.relasi, name))
            if target in by_id and target != item_id
        ]
        for item_id, item in by_id.items()
    }
    for path, (target, name, index) in _back_edges(graph):
        chain = " → ".join([path[-1], *path[path.index(target) :]])
        yield by_id[path[-1]].source.problem(
            ("relasi", name, index), f"relasi melingkar: {chain}; hapus relasi yang salah"
        )


def _back_edges(graph: dict[str, list[Edge]]) -> Iterator[tuple[list[str], Edge]]:
    """Depth-first, without recursion (chains of amendments can be long): every edge back into the current path."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path, on_path, pending = [start], {start}, [iter(graph[start])]
        while pending:
            edge = next(pending[-1], None)
            if edge is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                pending.pop()
            elif edge[0] in on_path:
                yield list(path), edge
            elif edge[0] not in done:
                path.append(edge[0])
                on_path.add(edge[0])
                pending.append(iter(graph[edge[0]]))


def _file_problems(
    value: str, where: Location, suffixes: tuple[str, ...], project: Project, source: SourceFile
) -> Iterator[Problem]:
    """A file is an https URL or a path inside the archive folder that exists: never outside the repository."""
    if re.match(HTTPS_URL, value):
        return
    archive, archive_dir = project.archive_label, project.archive_dir
    if "://" in value or value.lower().startswith(("javascript:", "data:", "http:")):
        yield source.problem(where, f"tulis alamat https://… atau path berkas di dalam {archive}")
        return
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts:
        yield source.problem(where, f"path '{value}' harus di dalam {archive} (tanpa '/' di awal, tanpa '..')")
        return
    if relative.suffix.lower() not in suffixes:
        yield source.problem(where, f"berkas '{value}' harus berjenis {', '.join(suffixes)}")
        return
    target = archive_dir / relative
    partial = archive_dir
    for part in relative.parts:
        partial = partial / part
        if partial.is_symlink():
            yield source.problem(where, f"'{value}' melewati tautan simbolik; simpan berkasnya di {archive}")
            return
    if not target.is_file():
        yield source.problem(where, f"berkas {archive}{value} tidak ada")
