"""When two records, or a record and an item already in the archive, are one document, however the jenis is spelled.

A nomor with a slash ("7/HK.03.1-Kpt/3300/2021") names one document with its tahun, whatever the jenis says ("Keputusan
KPU Kabupaten" in the feed, "Keputusan Komisi Pemilihan Umum Kabupaten Contoh" in the archive); a plain number needs
the same jenis or the same singkatan too (PKPU 7/2021 and KEPKAB 7/2021 are two); a book or an article is its judul and
year. Values compare casing and spacing aside.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..archive import kinds
from ..archive.loader import item_files
from ..source.front_matter import load_item

NUMBERED = ("produk-hukum", "putusan")  # collections whose documents are cited by nomor and tahun
Key = tuple[object, ...]


def keys(collection: str, data: dict[str, Any]) -> list[Key]:
    """What identifies the item with these fields (a file's, or a record's as it would be written)."""
    tahun = data.get("tahun", data.get("tahun_terbit"))
    nomor = _compared(data.get("nomor")).replace(" ", "")
    if collection in NUMBERED and nomor:
        if "/" in nomor:
            return [("nomor", nomor, tahun)]
        jenis = _compared(data.get("jenis") or data.get("jenis_peradilan"))
        singkatan = _compared(data.get("singkatan_jenis"))
        named = [("jenis", jenis), ("singkatan", singkatan)]
        return [(collection, by, name, nomor, tahun) for by, name in named if name]
    judul = _compared(data.get("judul"))
    return [(collection, "judul", judul, tahun)] if judul else []


def what_matched(key: Key) -> str:
    """In a report line: "nomor dan tahunnya", "jenis, nomor dan tahunnya", "judul dan tahunnya"."""
    by = key[0] if key[0] == "nomor" else key[1]
    return {"nomor": "nomor dan tahunnya", "judul": "judul dan tahunnya"}.get(str(by), f"{by}, nomor dan tahunnya")


def archive_index(archive_dir: Path) -> dict[Key, Path]:
    """Every item of every collection already in the archive, by each of its keys; a file that does not load
    (broken YAML) identifies nothing: `sop-jdih check` reports it."""
    index: dict[Key, Path] = {}
    for kind in kinds.KINDS:
        for file in item_files(archive_dir / kind.key):
            for key in keys(kind.key, _fields(file, kind.body_field)):
                index.setdefault(key, file)
    return index


def titled(file: Path, judul: object) -> bool:
    """Whether the archive file `file` has this judul (casing and spacing aside): the same document under its id."""
    kind = next((kind for kind in kinds.KINDS if kind.key == file.parent.name), None)
    found = _compared(_fields(file, kind.body_field).get("judul")) if kind else ""
    return bool(found) and found == _compared(judul)


def _fields(file: Path, body_field: str) -> dict[str, Any]:
    source, _ = load_item(file, file.name, body_field)
    return source.data if source is not None and isinstance(source.data, dict) else {}


def _compared(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value not in (None, "") else ""
