"""The loaded archive and what follows from it: the derived side of relations and the status in force."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..source.model_errors import Loaded
from .model import Konten, ProdukHukum, Status

# declared relation → (its derived inverse, how each side reads in Indonesian)
RELATIONS = {
    "mencabut": ("dicabut", "Mencabut", "Dicabut dengan"),
    "mengubah": ("diubah", "Mengubah", "Diubah dengan"),
    "melaksanakan": ("dilaksanakan", "Melaksanakan", "Dilaksanakan dengan"),
}


@dataclass(frozen=True)
class Link:
    """One side of a relation as a page shows it: "Dicabut dengan" → the other item."""

    label: str
    target: str  # item id


@dataclass
class Archive:
    produk: list[Loaded[ProdukHukum]] = field(default_factory=list)
    konten: list[Loaded[Konten]] = field(default_factory=list)
    links: dict[str, list[Link]] = field(default_factory=dict)  # item id → both sides of its relations
    revoked_by: dict[str, list[str]] = field(default_factory=dict)
    konten_about: dict[str, list[str]] = field(default_factory=dict)  # produk id → konten ids
    produk_by_id: dict[str, ProdukHukum] = field(default_factory=dict)
    konten_by_id: dict[str, Konten] = field(default_factory=dict)

    @classmethod
    def derive(cls, produk: list[Loaded[ProdukHukum]], konten: list[Loaded[Konten]]) -> Archive:
        """Both sides of every relation, from the side editors declared."""
        links: dict[str, list[Link]] = defaultdict(list)
        revoked_by: dict[str, list[str]] = defaultdict(list)
        for item in produk:
            for name, (_, active, passive) in RELATIONS.items():
                for target in getattr(item.document.relasi, name):
                    links[item.document.id].append(Link(active, target))
                    links[target].append(Link(passive, item.document.id))
                    if name == "mencabut":
                        revoked_by[target].append(item.document.id)
        about: dict[str, list[str]] = defaultdict(list)
        for post in konten:
            for target in post.document.produk_hukum:
                about[target].append(post.document.id)
        return cls(
            produk,
            konten,
            dict(links),
            dict(revoked_by),
            dict(about),
            {item.document.id: item.document for item in produk},
            {post.document.id: post.document for post in konten},
        )

    def status(self, item: ProdukHukum) -> Status:
        """An item another one revokes is no longer in force, whatever its file says."""
        return Status.tidak_berlaku if item.id in self.revoked_by else item.status
