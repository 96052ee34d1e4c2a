"""`sop-jdih new`: starting files that already pass `sop-jdih check`, commented for editors who learn by example.

The comment above each field is its description in the model (`describe` in the templates), the same text the
JSON Schema shows as hover help.
"""

from __future__ import annotations

import datetime
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .archive import kinds
from .archive.kind import SOP, ArchiveKind
from .archive.loader import item_files
from .impor.jenis import regulation
from .pages.page_source import render
from .project import Project
from .schema import SOP_MODELINE, field_help, item_modeline
from .sop.loader import sop_files
from .sop.model import SopDocument
from .source.front_matter import load_item
from .source.model_base import EARLIEST_YEAR, SLUG
from .source.yaml_source import load_yaml
from .unfilled import id_title, numbered_id

ITEM_SUFFIXES = (".yaml", ".yml", ".md")  # what the archive loader reads: any of them claims the id
PLACEHOLDER_SIZE = 1080  # pixels: the square post the real design will replace; about 1 KB as a grey PNG


class ScaffoldRefused(Exception):
    """The id or the target cannot be used; nothing was written."""


@dataclass(frozen=True)
class Written:
    """What was created, relative to the project root; `images`: the placeholders that had to be made."""

    file: Path
    images: tuple[Path, ...] = ()


def starters() -> list[str]:
    """What `sop-jdih new` can start: an SOP, or an item of any archive collection (its key)."""
    return [SOP, *(kind.key for kind in kinds.KINDS)]


def scaffold(project: Project, kind: str, item_id: str, today: datetime.date) -> Written:
    """Write the starting file of one SOP or archive item (`kind`: SOP or a collection's key); refuse to overwrite."""
    if not re.fullmatch(SLUG, item_id):
        raise ScaffoldRefused(f"id {item_id!r} tidak dapat dipakai: tulis huruf kecil, angka dan '-', mis. 'sop-baru'")
    if not (project.sops_dir.is_dir() or project.archive_dir.is_dir()):
        raise ScaffoldRefused(
            f"{project.root} bukan folder proyek (tidak ada {project.sops_label} atau {project.archive_label}); "
            "pakai --root"
        )
    if kind == SOP:
        return _new_sop(project, item_id, today)
    return _new_item(project, kinds.kind_named(kind), item_id, today)


def _new_sop(project: Project, item_id: str, today: datetime.date) -> Written:
    _refuse_taken(project, [project.sops_dir / f"{item_id}{suffix}" for suffix in (".yaml", ".yml")])
    text = starter_text(project, SOP, item_id, today)
    return Written(_create(project, project.sops_dir / f"{item_id}.yaml", text.encode("utf-8")))


def _new_item(project: Project, kind: ArchiveKind, item_id: str, today: datetime.date) -> Written:
    """The collection's starter file and, for a required image, a grey placeholder unless one is already there."""
    _refuse_taken_item(project, item_id)
    placeholders = [a.placeholder.format(id=item_id) for a in kind.attachments if a.placeholder]
    missing = [image for image in (project.archive_dir / path for path in placeholders) if not image.exists()]
    text = starter_text(project, kind.key, item_id, today)
    written = _create(project, project.archive_dir / kind.key / f"{item_id}.yaml", text.encode("utf-8"))
    images = [_create(project, image, placeholder_png(PLACEHOLDER_SIZE)) for image in missing]
    return Written(written, tuple(images))


def starter_text(project: Project, kind: str, item_id: str, today: datetime.date) -> str:
    """The text `sop-jdih new <kind> <id>` writes (`kind`: SOP or a collection's key): its template, given the first
    id of what each reference names (so the file passes the check) and the placeholder of a required image."""
    if kind == SOP:
        return render(
            "new_sop.yaml.j2",
            modeline=SOP_MODELINE,
            describe=field_help(SopDocument),
            id=item_id,
            today=today,
            related_sop=_first_sop(project),
            **starter_values(item_id, today),
        )
    collection = kinds.kind_named(kind)
    return render(
        collection.starter,
        collection.templates,
        modeline=item_modeline(collection),
        describe=field_help(collection.model),
        id=item_id,
        today=today,
        **starter_values(item_id, today),
        **{reference.field: _first_id(project, reference.target) for reference in collection.references},
        # relative to the archive folder, as the loader reads them
        **{a.name: a.placeholder.format(id=item_id) for a in collection.attachments if a.placeholder},
    )


def starter_values(item_id: str, today: datetime.date) -> dict[str, Any]:
    """What a starter takes from its id: the title, and for an id written like a citation (`pkpu-3-2025`) the jenis,
    singkatan, nomor and tahun of a produk hukum. The title stays recognisably unfilled (`unfilled.py`)."""
    values: dict[str, Any] = {
        "title": id_title(item_id),
        "jenis": "Keputusan Komisi Pemilihan Umum Kabupaten Contoh",
        "singkatan": "KEPKAB",
        "nomor": "1",
        "tahun": today.year,
    }
    numbered = numbered_id(item_id)
    if numbered is not None and EARLIEST_YEAR <= numbered[2] <= today.year + 1:
        singkatan, nomor, tahun = numbered
        known = regulation(singkatan)
        jenis = known[0] if known else singkatan
        values |= {"jenis": jenis, "singkatan": singkatan, "nomor": nomor, "tahun": tahun}
    return values


def _refuse_taken_item(project: Project, item_id: str) -> None:
    """The archive's collections share one id space, in any of the suffixes the archive loader reads."""
    folders = [project.archive_dir / kind.key for kind in kinds.KINDS]
    _refuse_taken(project, [folder / f"{item_id}{suffix}" for folder in folders for suffix in ITEM_SUFFIXES])


def _refuse_taken(project: Project, candidates: list[Path]) -> None:
    """An id already in use would fail the check as a duplicate; an existing file is never overwritten."""
    for path in candidates:
        if path.exists():
            raise ScaffoldRefused(_taken(project, path))


def _taken(project: Project, path: Path) -> str:
    return (
        f"{path.relative_to(project.root).as_posix()} sudah ada; pilih id lain (berkas yang ada tidak pernah ditimpa)"
    )


def _create(project: Project, path: Path, content: bytes) -> Path:
    """Exclusive creation: even a file appearing after the checks is not overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as file:
            file.write(content)
    except FileExistsError:
        raise ScaffoldRefused(_taken(project, path)) from None
    return path.relative_to(project.root)


def _first_sop(project: Project) -> str | None:
    return next(_ids(project.root, sop_files(project.sops_dir), None), None)


def _first_id(project: Project, target: str) -> str | None:
    """The first SOP or item of a collection, in file order."""
    if target == SOP:
        return _first_sop(project)
    kind = kinds.kind_named(target)
    return next(_ids(project.root, item_files(project.archive_dir / kind.key), kind.body_field), None)


def _ids(root: Path, files: list[Path], body_field: str | None) -> Iterator[str]:
    """Ids in sorted file order, read lazily: a large archive costs one parsed file, not thousands."""
    for file in files:
        shown = file.relative_to(root).as_posix()
        source, _ = load_yaml(file, shown) if body_field is None else load_item(file, shown, body_field)
        data = source.data if source is not None else None
        if isinstance(data, dict) and isinstance(data.get("id"), str) and re.fullmatch(SLUG, data["id"]):
            yield data["id"]


def placeholder_png(size: int, grey: int = 0xD0) -> bytes:
    """A square grey PNG written by hand: one placeholder does not justify an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + bytes([grey]) * size) * size  # per row: filter byte 0, then one grey byte per pixel
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
