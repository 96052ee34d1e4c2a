"""Relations between archive items, declared once: editors write the acting side under `relasi`, the other is derived.

Every stage reads this table: the loader checks the targets (in the collection each relation names) and cycles, the
archive derives the other side and the status in force (status.py), pages print both sides with these labels, the
dasar hukum index follows amendments and revocations, and the JSON-LD names the change. The editor's fields are the
`relasi` model of the declaring collection (`Relasi` of produk hukum, `RelasiPutusan` of putusan), one per relation
here (a test keeps the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PRODUK_HUKUM_KEY = "produk-hukum"
PUTUSAN_KEY = "putusan"


@dataclass(frozen=True)
class Relation:
    name: str  # the list editors write under `relasi`, e.g. "mencabut"
    label: str  # how the acting item's page reads it: "Mencabut"
    inverse_label: str  # how the other item's page reads it: "Dicabut dengan"
    schema_org: str  # the schema.org property of the acting item
    source: str = PRODUK_HUKUM_KEY  # the collection whose items declare it
    target: str = PRODUK_HUKUM_KEY  # the collection of the items it names
    undirected: bool = False  # both sides read `label`; writing the pair on both sides is allowed, shown once

    def targets(self, item: Any) -> list[str]:
        """Ids the item declares for this relation."""
        return list(getattr(item.relasi, self.name))


MENCABUT = Relation("mencabut", "Mencabut", "Dicabut dengan", "legislationChanges")  # the target is no longer in force
MENCABUT_SEBAGIAN = Relation("mencabut_sebagian", "Mencabut sebagian", "Dicabut sebagian dengan", "legislationChanges")
MENGUBAH = Relation("mengubah", "Mengubah", "Diubah dengan", "legislationChanges")
MELAKSANAKAN = Relation("melaksanakan", "Melaksanakan", "Dilaksanakan dengan", "legislationApplies")
# schema.org has no "related legislation"; `mentions` (refers to, without being about) claims no more than terkait does
TERKAIT = Relation("terkait", "Terkait", "Terkait", "mentions", undirected=True)
# A putusan that reviews a produk hukum; its amar and whether it is final decide the effect (status.py).
MENGUJI = Relation("menguji", "Menguji", "Diuji dengan", "about", source=PUTUSAN_KEY)
RELATIONS = (MENCABUT, MENCABUT_SEBAGIAN, MENGUBAH, MELAKSANAKAN, TERKAIT, MENGUJI)


def declared_by(collection: str) -> tuple[Relation, ...]:
    """The relations items of a collection declare under `relasi`, in the order of its fields."""
    return tuple(relation for relation in RELATIONS if relation.source == collection)
