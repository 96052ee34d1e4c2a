"""The artikel hukum collection: articles from journals, magazines and bulletins, catalogued as JDIH apps do, in the
JDIHN feed with their source in `sumber`."""

from __future__ import annotations

from typing import Any

from .collection import Archive
from .jdihn import file_name, record
from .kind import (
    DOCUMENT_SUFFIXES,
    Addresses,
    ArchiveKind,
    Attachment,
    Cell,
    Column,
    Facet,
    MetadataRow,
    Rank,
    pdf_encoding,
)
from .model import Artikel, SumberArtikel
from .monografi import agents, author_year, file_cell, january_first, plain


def source(sumber: SumberArtikel) -> str:
    """Where it was published, only the parts written: "Jurnal Tata Kelola Pemilu Vol. 5 No. 2 hlm. 101-120"."""
    parts = [sumber.nama]
    parts += [f"{label} {value}" for label, value in [("Vol.", sumber.volume), ("No.", sumber.nomor)] if value]
    if sumber.halaman:
        parts.append(f"hlm. {sumber.halaman}")
    return " ".join(parts)


def _metadata(article: Artikel, archive: Archive) -> list[MetadataRow]:
    return [
        MetadataRow("Jenis", article.jenis, "jenis"),
        MetadataRow("Judul", article.judul),
        MetadataRow("Pengarang", article.pengarang),
        MetadataRow("Sumber", source(article.sumber)),
        MetadataRow("Tempat Terbit", article.tempat_terbit),
        MetadataRow("Tahun", article.tahun, "tahun"),
        MetadataRow("Subjek", article.subjek),
        MetadataRow("Bahasa", article.bahasa),
        MetadataRow("Bidang Hukum", article.bidang_hukum, "bidang hukum"),
        MetadataRow("Lokasi", article.lokasi),
    ]


def _jdihn(article: Artikel, archive: Archive, addresses: Addresses) -> dict[str, str]:
    """Its record of the JDIHN feed (GUIDE.md §2, §6): the journal in `sumber`; urlDownload its PDF, or else the
    article at its publisher; noPeraturan, which the portal requires of every record, "-"."""
    download = article.lampiran or article.tautan
    return record(
        article,
        archive,
        addresses,
        tahun_pengundangan=str(article.tahun),
        jenis=article.jenis,
        noPeraturan="-",
        singkatanJenis="ARTIKEL",
        tempatTerbit=article.tempat_terbit or "",
        sumber=source(article.sumber),
        status="Berlaku",
        teuBadan="; ".join(article.pengarang),
        abstrak=plain(article.abstrak),
        urlAbstrak=f"{addresses.page(article.id)}#abstrak" if article.abstrak else "",
        fileDownload=file_name(article.lampiran) if article.lampiran else "",
        urlDownload=addresses.file(download) if download else "",
    )


def _json_ld(article: Artikel, archive: Archive, addresses: Addresses) -> dict[str, Any]:
    """schema.org ScholarlyArticle, part of its periodical's issue as far as the source is written."""
    sumber = article.sumber
    periodical: dict[str, Any] = {"@type": "Periodical", "name": sumber.nama}
    if sumber.volume:
        periodical = {"@type": "PublicationVolume", "volumeNumber": sumber.volume, "isPartOf": periodical}
    if sumber.nomor:
        periodical = {"@type": "PublicationIssue", "issueNumber": sumber.nomor, "isPartOf": periodical}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": article.judul,
        "name": article.judul,
        "author": agents(article.pengarang),
        "datePublished": str(article.tahun),
        "isPartOf": periodical,
        "inLanguage": "id" if article.bahasa == "Indonesia" else article.bahasa,
        "keywords": article.subjek,
        "url": addresses.page(article.id),
    }
    optional = {
        "genre": article.bidang_hukum,
        "pagination": sumber.halaman,
        "abstract": plain(article.abstrak) or None,
        "sameAs": article.tautan,
    }
    data |= {key: value for key, value in optional.items() if value}
    if article.lampiran:
        data["encoding"] = pdf_encoding(article.lampiran, addresses)
    return data


ARTIKEL = ArchiveKind(
    key="artikel",
    name="artikel",
    plural="artikel",
    full_name="artikel hukum",
    model=Artikel,
    body_field="abstrak",
    address="artikel/{id}.md",
    date=lambda article: january_first(article.tahun),
    year_only=True,
    dates=lambda article: [january_first(article.tahun)],
    page_template="artikel.html.j2",
    sections=("abstrak", "naskah"),
    starter="new_artikel.yaml.j2",
    next_steps="Berikutnya: ganti data contoh (judul, pengarang, sumber, tahun, subjek, abstrak), simpan PDF-nya di "
    "{archive}lampiran/ atau isi tautannya, lalu jalankan: {check}",
    schema="schema/artikel.json",
    label=lambda article: author_year(article.pengarang, article.tahun),
    attachments=(Attachment("lampiran", ("lampiran",), DOCUMENT_SUFFIXES),),
    metadata=_metadata,
    facets=(
        Facet(
            "artikel-tahun",
            "Artikel hukum menurut tahun",
            lambda article, archive: [str(article.tahun)],
            newest_label_first=True,
        ),
        Facet("artikel-sumber", "Artikel hukum menurut sumber", lambda article, archive: [article.sumber.nama]),
    ),
    columns=(
        Column("Judul", lambda article, archive: Cell(article.judul, page=True)),
        Column("Pengarang", lambda article, archive: "; ".join(article.pengarang)),
        Column("Sumber", lambda article, archive: source(article.sumber)),
        Column("Tahun", lambda article, archive: article.tahun, right=True),
        Column("Naskah", file_cell),
    ),
    jdihn=_jdihn,
    json_ld=_json_ld,
    rank=Rank(words=("artikel", "jurnal")),
)
