"""The monografi hukum collection: the office library's law books, reports and proceedings, catalogued as JDIH apps
do, in the JDIHN feed with the book-only keys filled."""

from __future__ import annotations

import datetime
import re
from typing import Any

from .collection import Archive
from .jdihn import document, record
from .kind import (
    DOCUMENT_SUFFIXES,
    IMAGE_SUFFIXES,
    Addresses,
    ArchiveKind,
    Attachment,
    Cell,
    Column,
    Facet,
    Found,
    MetadataRow,
    Rank,
    pdf_encoding,
)
from .model import Monografi


def author_year(authors: list[str], year: int) -> str:
    """How a library cites a work: "Hidayat (2019)", "Hidayat dan Lestari (2021)", "Hidayat dkk. (2020)".

    A person is catalogued inverted ("Hidayat, Arif"): the part before the comma is the surname; a badan
    ("Indonesia. Komisi Pemilihan Umum") is cited by its last part.
    """
    names = [author.split(",")[0].strip() if "," in author else author.split(". ")[-1].strip() for author in authors]
    if len(names) > 2:
        return f"{names[0]} dkk. ({year})"
    return f"{' dan '.join(names)} ({year})"


def agents(authors: list[str]) -> list[dict[str, str]]:
    """schema.org authors: an inverted name ("Hidayat, Arif") is a Person, written as read; else an Organization."""
    shown = []
    for author in authors:
        if "," in author:
            family, given = (part.strip() for part in author.split(",", 1))
            shown.append({"@type": "Person", "name": f"{given} {family}".strip()})
        else:
            shown.append({"@type": "Organization", "name": author})
    return shown


def plain(text: str | None) -> str:
    """A long text on one line, for the JDIHN feed's abstrak."""
    return " ".join((text or "").split())


def january_first(year: int) -> datetime.date:
    """A work's date is its year: newest first in listings and the Atom feed."""
    return datetime.date(year, 1, 1)


def _impressum(book: Monografi) -> str | None:
    """Tempat terbit : penerbit, as a catalogue writes it: "Jakarta : Rajawali Pers"."""
    return " : ".join(filter(None, [book.tempat_terbit, book.penerbit])) or None


def isbn_digits(isbn: str) -> str:
    """The ISBN as a reader may type it: digits (and a final X) only."""
    return re.sub(r"[^0-9X]", "", isbn.upper())


def _metadata(book: Monografi, archive: Archive) -> list[MetadataRow]:
    return [
        MetadataRow("Jenis", book.jenis, "jenis"),
        MetadataRow("Judul", book.judul),
        MetadataRow("Pengarang / T.E.U. Badan", book.pengarang),
        MetadataRow("Cetakan / Edisi", book.cetakan),
        MetadataRow("Tempat Terbit : Penerbit", _impressum(book)),
        MetadataRow("Tahun Terbit", book.tahun_terbit, "tahun"),
        MetadataRow("Deskripsi Fisik", book.deskripsi_fisik),
        MetadataRow("ISBN", book.isbn),
        MetadataRow("Nomor Panggil", book.nomor_panggil),
        MetadataRow("Nomor Induk Buku", book.nomor_induk_buku),
        MetadataRow("Subjek", book.subjek),
        MetadataRow("Bahasa", book.bahasa),
        MetadataRow("Bidang Hukum", book.bidang_hukum, "bidang hukum"),
        MetadataRow("Lokasi", book.lokasi),
    ]


def _jdihn(book: Monografi, archive: Archive, addresses: Addresses) -> dict[str, str]:
    """Its record of the JDIHN feed: the book-only keys filled (GUIDE.md §2, §6); noPeraturan, which the portal
    requires of every record, is its nomor induk buku or "-"."""
    return record(
        book,
        archive,
        addresses,
        tahun_pengundangan=str(book.tahun_terbit),
        jenis=book.jenis,
        noPeraturan=book.nomor_induk_buku or "-",
        noPanggil=book.nomor_panggil or "",
        singkatanJenis="BUKU",
        tempatTerbit=book.tempat_terbit or "",
        penerbit=book.penerbit or "",
        deskripsiFisik=book.deskripsi_fisik or "",
        isbn=book.isbn or "",
        status="Berlaku",
        teuBadan="; ".join(book.pengarang),
        nomorIndukBuku=book.nomor_induk_buku or "",
        abstrak=plain(book.abstrak),
        urlAbstrak=f"{addresses.page(book.id)}#abstrak" if book.abstrak else "",
        **document(book.lampiran, addresses),
    )


def _json_ld(book: Monografi, archive: Archive, addresses: Addresses) -> dict[str, Any]:
    """schema.org Book, so search engines and library harvesters read the catalogue record."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Book",
        "name": book.judul,
        "author": agents(book.pengarang),
        "datePublished": str(book.tahun_terbit),
        "inLanguage": "id" if book.bahasa == "Indonesia" else book.bahasa,
        "keywords": book.subjek,
        "url": addresses.page(book.id),
    }
    optional = {
        "genre": book.bidang_hukum,
        "isbn": book.isbn,
        "bookEdition": book.cetakan,
        "publisher": {"@type": "Organization", "name": book.penerbit} if book.penerbit else None,
        "locationCreated": {"@type": "Place", "name": book.tempat_terbit} if book.tempat_terbit else None,
        "abstract": plain(book.abstrak) or None,
        "image": addresses.file(book.sampul) if book.sampul else None,
    }
    data |= {key: value for key, value in optional.items() if value}
    if book.lampiran:
        data["encoding"] = pdf_encoding(book.lampiran, addresses)
    return data


def _found(book: Monografi) -> Found:
    """Found by its ISBN as printed or as digits, and by its nomor panggil, as a library visitor types them."""
    forms = [book.isbn, isbn_digits(book.isbn)] if book.isbn else []
    if book.nomor_panggil:
        forms.append(book.nomor_panggil)
    return Found("Monografi", tuple(dict.fromkeys(forms)))


def file_cell(item: Any, archive: Archive) -> Cell | None:
    """The item's PDF (`lampiran`), for a listing's last column: shared with the artikel and putusan collections."""
    return Cell("PDF", file=item.lampiran) if item.lampiran else None


MONOGRAFI = ArchiveKind(
    key="monografi",
    name="monografi",
    plural="monografi",
    full_name="monografi hukum",
    model=Monografi,
    body_field="abstrak",
    address="monografi/{id}.md",
    date=lambda book: january_first(book.tahun_terbit),
    year_only=True,
    dates=lambda book: [january_first(book.tahun_terbit)],
    page_template="monografi.html.j2",
    sections=("abstrak", "naskah"),
    starter="new_monografi.yaml.j2",
    next_steps="Berikutnya: ganti data katalog contoh (judul, pengarang, penerbit, tahun terbit, ISBN, nomor panggil, "
    "subjek, abstrak), simpan foto sampulnya di {archive}sampul/ bila ada, lalu jalankan: {check}",
    schema="schema/monografi.json",
    label=lambda book: author_year(book.pengarang, book.tahun_terbit),
    # The sampul is the office's own photo, kept with the item: the site's CSP (img-src 'self') would block an image
    # from another site anyway.
    attachments=(
        Attachment("sampul", ("sampul",), IMAGE_SUFFIXES, remote=False),
        Attachment("lampiran", ("lampiran",), DOCUMENT_SUFFIXES),
    ),
    metadata=_metadata,
    facets=(
        Facet(
            "monografi-tahun",
            "Monografi hukum menurut tahun terbit",
            lambda book, archive: [str(book.tahun_terbit)],
            newest_label_first=True,
        ),
        Facet(
            "monografi-subjek",
            "Monografi hukum menurut subjek",
            lambda book, archive: list(dict.fromkeys(book.subjek)),
        ),
    ),
    columns=(
        Column("Judul", lambda book, archive: Cell(book.judul, page=True)),
        Column("Pengarang", lambda book, archive: "; ".join(book.pengarang)),
        Column("Penerbit", lambda book, archive: _impressum(book)),
        Column("Tahun", lambda book, archive: book.tahun_terbit, right=True),
        Column("Nomor panggil", lambda book, archive: book.nomor_panggil),
        Column("Naskah", file_cell),
    ),
    jdihn=_jdihn,
    json_ld=_json_ld,
    rank=Rank(words=("monografi", "buku")),
    found=_found,
)
