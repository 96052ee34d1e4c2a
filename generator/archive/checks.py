"""Checks of archive items the model cannot express alone: an item that names one target twice, and fields of one item
that disagree with each other (warnings, since the signed document may disagree the same way)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..source.model_errors import Loaded
from ..source.problems import Notice, Problem
from ..source.yaml_source import Location
from .collection import Archive
from .kind import ArchiveKind, Doubt
from .produk_hukum import TANGGAL_TIDAK_COCOK
from .relations import declared_by


def repeated_targets(kind: ArchiveKind, loaded: list[Loaded[Any]]) -> Iterator[Problem]:
    """One item named twice by another: twice in a relation (`mencabut: [x, x]`), in two relations (mencabut and
    mengubah x: one is wrong), or twice in a reference list; reported at the second mention, naming the first.

    A relation to the item itself is reported by the loader, once per mention, so it is not counted here.
    """
    for item in loaded:
        named: dict[str, Location] = {}
        for relation in declared_by(kind.key):
            for index, target in enumerate(relation.targets(item.document)):
                where: Location = ("relasi", relation.name, index)
                first = named.setdefault(target, where)
                if first == where or target == item.document.id:
                    continue
                if first[1] == relation.name:
                    first_place = item.source.where(first)
                    yield item.source.problem(where, f"'{target}' sudah ditulis di {first_place}; hapus yang ganda")
                else:
                    yield item.source.problem(
                        where,
                        f"{kind.name} tidak dapat sekaligus {first[1]} dan {relation.name} '{target}' "
                        f"({item.source.where(first)}); hapus yang salah",
                    )
        for reference in kind.references:
            seen: dict[str, Location] = {}
            for where, target in reference.ids(item.document):
                first = seen.setdefault(target, where)
                if first != where:
                    first_place = item.source.where(first)
                    yield item.source.problem(where, f"'{target}' sudah ditulis di {first_place}; hapus yang ganda")


def doubt_notices(archive: Archive) -> list[Notice]:
    """Every item's doubts (`ArchiveKind.doubts`, and relations to later items) as located warnings that say which
    setting lowers them."""
    notices = []
    for kind in archive.kinds:
        for item in archive.items(kind):
            doubts = kind.doubts(item.document) if kind.doubts else []
            for doubt in [*doubts, *_later_targets(kind, item.document, archive)]:
                message = (
                    f"{doubt.message} (peringatan; bila naskah bertanda tangan memang begitu, setel "
                    f"'{doubt.setting}: info' pada plugin sop-jdih di mkdocs.yml)"
                )
                notices.append(Notice(doubt.setting, item.source.problem(doubt.where, message)))
    return notices


def _later_targets(kind: ArchiveKind, item: Any, archive: Archive) -> Iterator[Doubt]:
    """An item revokes, amends, implements or tests only what came before it: a 2021 keputusan that revokes a 2025 one
    names the wrong id, and would silently end the newer item. Compared by year, since many items have no exact date."""
    year = kind.date(item).year
    for relation in declared_by(kind.key):
        for index, target in enumerate(relation.targets(item)) if not relation.undirected else ():
            other = archive.by_id.get(target)
            if other is None:
                continue  # reported by the loader
            other_year = archive.kind_of[target].date(other).year
            if other_year > year:
                message = (
                    f"'{target}' (tahun {other_year}) lebih baru daripada {kind.name} ini (tahun {year}), padahal "
                    f"{relation.label.lower()} hanya mengenai yang terbit lebih dahulu; periksa id-nya"
                )
                yield Doubt(("relasi", relation.name, index), message, TANGGAL_TIDAK_COCOK)
