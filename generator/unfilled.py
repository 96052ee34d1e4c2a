"""Starter text `sop-jdih new` writes that an editor has not replaced yet, so it is never published unnoticed.

A starter is valid on purpose (`new` then `check` succeeds), so its example values would pass every other check and
reach the public site as "Judul Produk Hukum Baru" or "KATA KUNCI". `sop-jdih check` names each field still holding
one as a warning without failing, and `mkdocs build --strict` refuses it (see `core.findings`). The starters'
placeholders are listed here once; a test renders every starter and asserts each is found.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from typing import Any

from .source.places import Location
from .source.problems import Problem
from .source.yaml_source import SourceFile

# Texts that only a starter holds: none is a plausible real value (the example archive's "Kabupaten Contoh" is).
TEMPORARY_TITLE = "(judul sementara)"
PLACEHOLDERS = (
    TEMPORARY_TITLE,
    "Judul Produk Hukum Baru",
    "Nama Prosedur Baru",
    "KATA KUNCI",
    "Nama Pejabat",
    "Pengarang, Nama",
    "Nama Jurnal",
    "Nama Penerbit",
    "Nama Pemohon",
    "Bahwa untuk ... perlu",
    "Tulis abstrak",
    "Tulis caption di sini",
    "Ringkasan perkara: apa yang dimohonkan",
    "ganti-dengan-kode-unggahan",
    "pengganti desain konten",
    "(boleh dihapus)",
)
_ITEM_ID = re.compile(r"^(?P<singkatan>[a-z]+)-(?P<nomor>\d+)-(?P<tahun>\d{4})$")  # pkpu-3-2025


def id_title(item_id: str) -> str:
    """The title a starter takes from its id, marked as not final: `pengelolaan-arsip` → "Pengelolaan Arsip (judul
    sementara)". A title equal to the id's words alone is often the real one ("Daftar Informasi Publik 2025")."""
    return " ".join(word.capitalize() for word in item_id.split("-")) + f" {TEMPORARY_TITLE}"


def numbered_id(item_id: str) -> tuple[str, str, int] | None:
    """`pkpu-3-2025` → ("PKPU", "3", 2025): an id written like a produk hukum's citation, or None."""
    found = _ITEM_ID.fullmatch(item_id)
    if found is None:
        return None
    return found["singkatan"].upper(), found["nomor"], int(found["tahun"])


def unfilled_problems(source: SourceFile) -> list[Problem]:
    """Each field of a loaded file that still holds a starter's placeholder.

    Kept per loaded file while it lives: the load cache hands a serve rebuild the same object for an unchanged file.
    """
    found = _FOUND.get(id(source))
    if found is None:
        found = _FOUND[id(source)] = tuple(_unfilled(source))
        weakref.finalize(source, _FOUND.pop, id(source), None)  # before its id can be another file's
    return list(found)


_FOUND: dict[int, tuple[Problem, ...]] = {}


def _unfilled(source: SourceFile) -> list[Problem]:
    data = source.data if isinstance(source.data, dict) else {}
    problems = []
    for where, placeholder in _placeholders((), data):
        message = f"masih isian contoh '{placeholder}' dari 'sop-jdih new'; ganti dengan isi sebenarnya"
        problems.append(source.problem(where, message))
    return problems


def _placeholders(at: Location, value: Any) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        found = next((placeholder for placeholder in PLACEHOLDERS if placeholder in value), None)
        if found is not None:
            yield at, found
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from _placeholders((*at, key), item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders((*at, index), item)
