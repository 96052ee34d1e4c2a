"""Every collection of the archive, in the order the site shows them.

A stage that starts from nothing (the loader, `sop-jdih schema`, `sop-jdih new`) reads `kinds.KINDS` when it runs;
every later stage reads the collections the loaded `Archive` carries. A test adds a collection by putting its
description here with `monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, MINE))`.
"""

from __future__ import annotations

from .artikel import ARTIKEL
from .kind import ArchiveKind
from .konten import KONTEN
from .monografi import MONOGRAFI
from .produk_hukum import PRODUK_HUKUM
from .putusan import PUTUSAN

KINDS: tuple[ArchiveKind, ...] = (PRODUK_HUKUM, MONOGRAFI, ARTIKEL, PUTUSAN, KONTEN)


def kind_named(key: str) -> ArchiveKind:
    """The collection with this key (its folder); a key no collection has is a bug in the caller."""
    return next(kind for kind in KINDS if kind.key == key)
