"""The loaded archive and what follows from it: the derived side of relations and references, the status in force."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..source.model_errors import Loaded
from .kind import ArchiveKind, Reference
from .model import Status
from .relations import MENCABUT, MENGUJI, declared_by
from .status import Standing, standings, tested_by_label


@dataclass(frozen=True)
class Link:
    """One side of a relation as a page shows it: "Dicabut dengan" → the other item."""

    label: str
    target: str  # item id


@dataclass(frozen=True)
class Referrer:
    """An item that names another through one of its references (a konten about a produk hukum, or of an SOP)."""

    reference: Reference
    item_id: str


@dataclass(frozen=True)
class Archive:
    kinds: tuple[ArchiveKind, ...]
    loaded: dict[str, list[Loaded[Any]]]  # collection key → its valid items, in file order
    by_id: dict[str, Any]  # item id → its document; ids are one space across the collections
    kind_of: dict[str, ArchiveKind]  # item id → its collection
    links: dict[str, list[Link]]  # item id → both sides of its relations
    revoked_by: dict[str, list[str]]  # item id → ids of the items that revoke it
    referrers: dict[tuple[str, str], list[Referrer]]  # (SOP or collection key, id) → who names it, in load order
    standing: dict[str, Standing]  # item id → its status in force and why (status.py); items with a status only

    @classmethod
    def derive(cls, kinds: tuple[ArchiveKind, ...], loaded: dict[str, list[Loaded[Any]]]) -> Archive:
        """Both sides of every relation and reference, from the side editors declared."""
        links: dict[str, list[Link]] = defaultdict(list)
        revoked_by: dict[str, list[str]] = defaultdict(list)
        referrers: dict[tuple[str, str], list[Referrer]] = defaultdict(list)
        for kind in kinds:
            for item in loaded[kind.key]:
                document = item.document
                for relation in declared_by(kind.key):
                    for target in relation.targets(document):
                        if relation.undirected and Link(relation.label, target) in links[document.id]:
                            continue  # written on both sides (terkait): each page shows it once
                        links[document.id].append(Link(relation.label, target))
                        inverse = tested_by_label(document) if relation is MENGUJI else relation.inverse_label
                        links[target].append(Link(inverse, document.id))
                        if relation is MENCABUT:
                            revoked_by[target].append(document.id)
                for reference in kind.references:
                    for _, target in reference.ids(document):
                        referrers[(reference.target, target)].append(Referrer(reference, document.id))
        everything = [(kind, item.document) for kind in kinds for item in loaded[kind.key]]
        kind_of = {document.id: kind for kind, document in everything}
        standing = standings(everything)
        return cls(
            kinds,
            loaded,
            {document.id: document for _, document in everything},
            kind_of,
            dict(links),
            dict(revoked_by),
            dict(referrers),
            standing,
        )

    def items(self, kind: ArchiveKind) -> list[Loaded[Any]]:
        return self.loaded[kind.key]

    def documents(self, kind: ArchiveKind) -> list[Any]:
        return [item.document for item in self.loaded[kind.key]]

    def status(self, item: Any) -> Status | None:
        """Its status in force by the rules of status.py, the one every output shows; None: it has no status."""
        found = self.standing.get(item.id)
        return found.status if found else None

    def notes(self, item: Any) -> tuple[str, ...]:
        """Its "Keterangan Status": the file's own, then what its relations say (status.py)."""
        found = self.standing.get(item.id)
        return found.notes if found else ()

    def summary(self, item: Any) -> tuple[str, ...]:
        """The notes shown beside its badge: those no relation link on its page says (status.py `Standing.summary`)."""
        found = self.standing.get(item.id)
        return found.summary if found else ()

    def changed(self, item: Any) -> datetime.date:
        """The latest event that changed its record: its own newest date, or that of an item that acted on it."""
        found = self.standing.get(item.id)
        if found is not None:
            return found.changed
        return max(filter(None, self.kind_of[item.id].dates(item)))

    def shown_kinds(self) -> tuple[ArchiveKind, ...]:
        """The collections counts and lists name: those with items (an office need not keep books), or all of them
        when the archive is empty."""
        return tuple(kind for kind in self.kinds if self.loaded[kind.key]) or self.kinds

    def counts(self) -> str:
        """How many items of each collection, for messages: "32 produk hukum, 23 konten"."""
        return ", ".join(f"{len(self.loaded[kind.key])} {kind.plural}" for kind in self.shown_kinds())
