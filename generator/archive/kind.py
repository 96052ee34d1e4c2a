"""The shape of one archive collection's description: every stage reads it, none names a collection.

A collection (produk hukum, konten, …) is a folder of items in content_archive/, one model, and how each stage treats
its items: the loader reads the folder and checks files and references, the pages write one page per item and the
listings, the manifest and the build's date read its attachments and dates, the feeds its JDIHN mapping, `sop-jdih
new` its starter template and `sop-jdih schema` its schema path. `kinds.py` lists the collections; each is described in
its own module (`produk_hukum.py`, `monografi.py`, `artikel.py`, `putusan.py`, `konten.py`). The relations its
items declare are in relations.py (`Relation.source`).

Callables receive the item (its model) and, where the derived archive matters (status, other items), the `Archive`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel

from ..source.yaml_source import Location

if TYPE_CHECKING:
    from .collection import Archive

SOP = "sop"  # a reference's target when it names an SOP (sops/ is not an archive collection)
DOCUMENT_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")  # no SVG: it can carry scripts


def is_url(value: str) -> bool:
    """An attachment is an https address (published elsewhere) or a path inside content_archive/ (published here)."""
    return value.startswith("https://")


@dataclass(frozen=True)
class Attachment:
    """A file field: a path inside content_archive/ with one of `suffixes`, or an https URL if `remote`."""

    name: str  # how the item page's template finds it: files.<name>
    path: tuple[str, ...]  # where it sits in the item, e.g. ("lampiran", "dokumen")
    suffixes: tuple[str, ...]
    remote: bool = True  # an https address (published elsewhere) may stand for the file; else a path only
    # A required image: `sop-jdih new` writes a grey PNG here for a new item, e.g. "konten/gambar/{id}.png".
    placeholder: str | None = None

    def value(self, item: Any) -> str | None:
        for name in self.path:
            item = getattr(item, name)
        return item


@dataclass(frozen=True)
class Reference:
    """A field that names other items by id: each must exist, and the named item's page lists who names it."""

    field: str  # a list of ids, or one optional id
    target: str  # SOP, or the key of an archive collection
    heading: str  # how the named item's page titles the items that name it

    def ids(self, item: Any) -> list[tuple[Location, str]]:
        """Each id the item names, with where it is written."""
        value = getattr(item, self.field)
        if isinstance(value, list):
            return [((self.field, index), target) for index, target in enumerate(value)]
        return [((self.field,), value)] if value is not None else []


@dataclass(frozen=True)
class Facet:
    """A listing of one collection: its items grouped by label, at arsip/<key>/<label>/, newest first in a group."""

    key: str  # the address segment; unique across collections
    title: str  # e.g. "Produk hukum menurut tahun"
    labels: Callable[[Any, Archive], list[str]]  # the groups an item belongs to
    newest_label_first: bool = False  # labels are years: newest first, instead of by name


@dataclass(frozen=True)
class Cell:
    """A listing cell or metadata value that links or stands out: the item's title (links to its own page, first
    on a phone's card), one of its files, or a status badge."""

    text: str
    page: bool = False
    file: str | None = None  # an attachment's value
    badge: str | None = None  # the badge's kind (sop-jdih.css `.jdih-badge--<badge>`), e.g. "berlaku"


# What a listing cell or a metadata row shows: None is written "–", a date the Indonesian way, a list one per line.
Value = str | int | datetime.date | list[str] | Cell | None


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Any, Archive], Value]
    right: bool = False  # numbers: aligned right


@dataclass(frozen=True)
class MetadataRow:
    label: str
    value: Value
    facet: str | None = None  # the Pagefind filter the value feeds, e.g. "tahun"


@dataclass(frozen=True)
class Doubt:
    """Fields of one item that disagree (tahun and tanggal_penetapan), where the signed document itself may disagree.

    Reported as a warning (`source.problems.Notice`) that the plugin setting named `setting` can lower to "info".
    """

    where: Location
    message: str
    setting: str


@dataclass(frozen=True)
class Rank:
    """How the search page (pencari.js) ranks one kind of result against the others: SOPs, dasar hukum pages and
    every collection. Read from each result's Pagefind metadata (pages/search_text.py), so no table in the script
    names a collection."""

    weight: float = 1.0  # multiplies Pagefind's score for a plain query: produk hukum 1.5, SOP 1.3, konten 0.8
    tier: int = 5  # its place after the document a typed citation names: produk hukum 2, SOP 3, dasar hukum 4
    words: tuple[str, ...] = ()  # a typed word that asks for this kind ("konten"): its results count double


@dataclass(frozen=True)
class Found:
    """How a search names one item: its result's kind, and what a reader types for it beyond its words."""

    kind: str  # shown on the result: "Peraturan", "Keputusan", "Monografi"
    forms: tuple[str, ...] = ()  # citation forms and identifiers (ISBN, nomor panggil), indexed at the highest weight
    keys: tuple[str, ...] = ()  # `kutipan` keys: which result *is* the document a typed citation names
    numbers: tuple[str, ...] = ()  # the `nomor` filter /arsip/'s Nomor field matches exactly


class Addresses(Protocol):
    """Absolute, percent-encoded URLs on the built site, for the mappings that publish them (JDIHN feed, JSON-LD)."""

    def page(self, item_id: str) -> str: ...

    def file(self, value: str) -> str: ...


def pdf_encoding(value: str, addresses: Addresses, schema_type: str = "MediaObject") -> dict[str, str]:
    """The schema.org `encoding` of an item's document for its JSON-LD: a PDF (DOCUMENT_SUFFIXES) at its address."""
    return {"@type": schema_type, "encodingFormat": "application/pdf", "contentUrl": addresses.file(value)}


@dataclass(frozen=True)
class ArchiveKind:
    """One collection of the archive, described once."""

    key: str  # its folder in content_archive/, its `sop-jdih new` choice and its count in the manifest
    name: str  # one item, in messages: "produk hukum"
    plural: str  # in counts: "32 produk hukum"
    full_name: str  # on the archive's front page: "23 konten media sosial"
    model: type[BaseModel]
    body_field: str  # what the body of a .md file becomes
    address: str  # its item pages in the site's docs, e.g. "produk-hukum/{id}.md"
    date: Callable[[Any], datetime.date]  # newest first, in listings and the Atom feed
    dates: Callable[[Any], list[datetime.date | None]]  # every date an item carries: the build is dated by the newest
    page_template: str  # `*.html.j2`, given `item` and what pages/archive.py computes for every item
    sections: tuple[str, ...]  # ids of the page template's fixed headings, which the title's id must not take
    starter: str  # the template `sop-jdih new <key>` writes
    next_steps: str  # what `sop-jdih new` tells the editor to do next; {check} is the check command
    schema: str  # its JSON Schema, inside content_archive/
    title: str = "judul"  # the field that titles an item
    label: Callable[[Any], str] | None = None  # how other pages cite an item ("PKPU 3 Tahun 2020"); else its title
    attachments: tuple[Attachment, ...] = ()
    references: tuple[Reference, ...] = ()
    cites: str | None = None  # a field of regulation lines the dasar hukum index reads, e.g. "mengingat"
    doubts: Callable[[Any], list[Doubt]] | None = None  # where an item's fields disagree: warnings, not errors
    metadata: Callable[[Any, Archive], list[MetadataRow]] | None = None  # the item page's metadata table
    facets: tuple[Facet, ...] = ()
    columns: tuple[Column, ...] = ()  # of its listings
    jdihn: Callable[[Any, Archive, Addresses], dict[str, str]] | None = None  # None: not in the JDIHN feed
    json_ld: Callable[[Any, Archive, Addresses], dict[str, Any]] | None = None  # schema.org data of the item page
    templates: Path | None = None  # a folder with its templates, when they are not among the generator's own
    year_only: bool = False  # its date is a year only (a book's tahun terbit): shown as "2019", not "1 Januari 2019"
    rank: Rank = Rank()  # its results among the others on /cari/
    found: Callable[[Any], Found] | None = None  # how a search names an item; else by its kind's name alone

    def uri(self, item_id: str) -> str:
        return self.address.format(id=item_id)

    def title_of(self, item: Any) -> str:
        return str(getattr(item, self.title))

    def label_of(self, item: Any) -> str:
        return self.label(item) if self.label else self.title_of(item)

    def files(self, item: Any) -> list[tuple[Attachment, str]]:
        """The attachments an item has, with their values."""
        return [(attachment, value) for attachment in self.attachments if (value := attachment.value(item))]

    @property
    def filter_value(self) -> str:
        """Its value of the /arsip/ Tipe filter: "Produk hukum", "Konten media sosial"."""
        return self.full_name[:1].upper() + self.full_name[1:]

    def found_of(self, item: Any) -> Found:
        return self.found(item) if self.found else Found(self.name[:1].upper() + self.name[1:])

    @property
    def count_key(self) -> str:
        """Its count in the manifest's JSON: "produk_hukum"."""
        return self.key.replace("-", "_")
