"""Relations between produk hukum, declared once: editors write the acting side under `relasi`, the other is derived.

Every stage reads this table: the loader checks the targets and cycles, the archive derives the other side and the
status in force, pages print both sides with these labels, the dasar hukum index follows amendments and revocations,
and the JSON-LD names the change. The editor's fields are `Relasi` in model.py, one per relation here (a test keeps
the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Relation:
    name: str  # the list editors write under `relasi`, e.g. "mencabut"
    label: str  # how the acting item's page reads it: "Mencabut"
    inverse_label: str  # how the other item's page reads it: "Dicabut dengan"
    schema_org: str  # the schema.org Legislation property of the acting item

    def targets(self, item: Any) -> list[str]:
        """Ids the item declares for this relation."""
        return list(getattr(item.relasi, self.name))


MENCABUT = Relation("mencabut", "Mencabut", "Dicabut dengan", "legislationChanges")  # the target is no longer in force
MENCABUT_SEBAGIAN = Relation("mencabut_sebagian", "Mencabut sebagian", "Dicabut sebagian dengan", "legislationChanges")
MENGUBAH = Relation("mengubah", "Mengubah", "Diubah dengan", "legislationChanges")
MELAKSANAKAN = Relation("melaksanakan", "Melaksanakan", "Dilaksanakan dengan", "legislationApplies")
TERKAIT = Relation("terkait", "Terkait", "Terkait", "isBasedOn")  # undirected: both pages read "Terkait"
RELATIONS = (MENCABUT, MENCABUT_SEBAGIAN, MENGUBAH, MELAKSANAKAN, TERKAIT)
