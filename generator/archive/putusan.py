"""The putusan collection: decisions of courts and Bawaslu that concern the office, in the JDIHN feed.

A putusan may test (`relasi.menguji`) produk hukum of the archive; its amar and whether it is final decide the effect
on their status (status.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from ..dasar_hukum.citations import nomor_keys
from .collection import Archive
from .jdihn import document, record
from .kind import (
    DOCUMENT_SUFFIXES,
    Addresses,
    ArchiveKind,
    Attachment,
    Cell,
    Column,
    Doubt,
    Facet,
    Found,
    MetadataRow,
    Rank,
    pdf_encoding,
)
from .model import Putusan
from .monografi import file_cell
from .produk_hukum import TANGGAL_TIDAK_COCOK
from .relations import MENGUJI, PUTUSAN_KEY

NOT_RECORDED = "Belum dicatat"  # an amar or finality the file does not state (an imported putusan)


def citation(item: Putusan) -> str:
    """How other pages cite it: "Putusan PTUN 12/G/2023/PTUN.CTH"."""
    return f"Putusan {item.singkatan_jenis} {item.nomor}"


def final(item: Putusan) -> str:
    """Whether it is final (berkekuatan hukum tetap), as its page and the JDIHN feed's status say it; "" unknown."""
    if item.berkekuatan_hukum_tetap is None:
        return ""
    return "Berkekuatan Hukum Tetap" if item.berkekuatan_hukum_tetap else "Belum Berkekuatan Hukum Tetap"


def _amar(item: Putusan) -> str:
    return item.amar.value if item.amar else NOT_RECORDED


def _metadata(item: Putusan, archive: Archive) -> list[MetadataRow]:
    return [
        MetadataRow("Tipe Dokumen", "Putusan"),
        MetadataRow("Judul", item.judul),
        MetadataRow("T.E.U. Badan", item.teu_badan),
        MetadataRow("Nomor Putusan", item.nomor),
        MetadataRow("Jenis Peradilan", item.jenis_peradilan, "lembaga"),
        MetadataRow("Singkatan Jenis", item.singkatan_jenis),
        MetadataRow("Jenis Perkara", item.jenis_perkara),
        MetadataRow("Para Pihak", item.para_pihak or None),
        MetadataRow("Tempat Peradilan", item.tempat_peradilan),
        MetadataRow("Tanggal Dibacakan", item.tanggal_dibacakan),
        MetadataRow("Tahun", item.tahun, "tahun"),
        MetadataRow("Amar Putusan", _amar(item), "amar"),
        MetadataRow("Kekuatan Hukum", final(item) or NOT_RECORDED),
        MetadataRow("Sumber", item.sumber),
        MetadataRow("Subjek", item.subjek),
        MetadataRow("Bahasa", item.bahasa),
        MetadataRow("Bidang Hukum", item.bidang_hukum, "bidang hukum"),
        MetadataRow("Lokasi", item.lokasi),
    ]


def _jdihn(item: Putusan, archive: Archive, addresses: Addresses) -> dict[str, str]:
    """Its JDIHN record: a putusan is told apart by `jenis` ("Putusan …"); its status says whether it is final."""
    return record(
        item,
        archive,
        addresses,
        tahun_pengundangan=str(item.tahun),
        tanggal_penetapan=item.tanggal_dibacakan.isoformat(),
        jenis=f"Putusan {item.jenis_peradilan}",
        noPeraturan=item.nomor,
        singkatanJenis=item.singkatan_jenis,
        tempatTerbit=item.tempat_peradilan or "",
        sumber=item.sumber or "",
        status=final(item),
        teuBadan=item.teu_badan,
        abstrak=" ".join(item.abstrak.split()) if item.abstrak else "",
        urlAbstrak=f"{addresses.page(item.id)}#abstrak" if item.abstrak else "",
        **document(item.lampiran, addresses),
    )


def _json_ld(item: Putusan, archive: Archive, addresses: Addresses) -> dict[str, Any]:
    """schema.org has no type for a court decision, and Legislation's properties (legal force, passed by) describe a
    law, not a judgment: a CreativeWork, authored by the court, `about` the produk hukum it tests."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "genre": "Putusan",
        "name": item.judul,
        "identifier": item.nomor,
        "alternateName": citation(item),
        "author": {"@type": "Organization", "name": item.teu_badan},
        "dateCreated": item.tanggal_dibacakan.isoformat(),
        "inLanguage": "id",
        "keywords": item.subjek,
        "url": addresses.page(item.id),
    }
    tested = [addresses.page(other) for other in MENGUJI.targets(item)]
    if tested:
        data[MENGUJI.schema_org] = tested
    if item.lampiran:
        data["encoding"] = pdf_encoding(item.lampiran, addresses)
    return data


def _doubts(item: Putusan) -> list[Doubt]:
    """Tahun is the year the putusan is read: a different year beside tanggal_dibacakan is a typo in one of them."""
    if item.tanggal_dibacakan.year == item.tahun:
        return []
    message = f"{item.tahun} berbeda dengan tahun tanggal_dibacakan {item.tanggal_dibacakan.isoformat()}"
    return [Doubt(("tahun",), message, TANGGAL_TIDAK_COCOK)]


def _found(item: Putusan) -> Found:
    """Named as it is cited ("Putusan PTUN 12/G/2023/PTUN.CTH") and by its nomor alone, which /arsip/'s Nomor field
    matches exactly."""
    forms = (citation(item), f"{item.singkatan_jenis} {item.nomor}", item.nomor)
    return Found("Putusan", tuple(dict.fromkeys(forms)), numbers=nomor_keys(item.nomor))


PUTUSAN = ArchiveKind(
    key=PUTUSAN_KEY,
    name="putusan",
    plural="putusan",
    full_name="putusan",
    model=Putusan,
    body_field="abstrak",
    address="putusan/{id}.md",
    date=lambda item: item.tanggal_dibacakan,
    dates=lambda item: [item.tanggal_dibacakan, datetime.date(item.tahun, 1, 1)],
    page_template="putusan.html.j2",
    sections=("abstrak", "dokumen"),
    starter="new_putusan.yaml.j2",
    next_steps="Berikutnya: ganti metadata contoh (lembaga, nomor, tanggal dibacakan, amar, para pihak, subjek), "
    "simpan salinan putusan di {archive}lampiran/ dan isi lampiran, tulis di relasi.menguji produk hukum yang "
    "diujinya, lalu jalankan: {check}",
    schema="schema/putusan.json",
    label=citation,
    attachments=(Attachment("dokumen", ("lampiran",), DOCUMENT_SUFFIXES),),
    doubts=_doubts,
    metadata=_metadata,
    facets=(
        Facet("lembaga-peradilan", "Putusan menurut lembaga peradilan", lambda item, archive: [item.jenis_peradilan]),
        Facet(
            "tahun-putusan", "Putusan menurut tahun", lambda item, archive: [str(item.tahun)], newest_label_first=True
        ),
        Facet("amar", "Putusan menurut amar", lambda item, archive: [_amar(item)]),
    ),
    columns=(
        Column("Judul", lambda item, archive: Cell(item.judul, page=True)),
        Column("Nomor", lambda item, archive: item.nomor),
        Column("Lembaga", lambda item, archive: item.singkatan_jenis),
        Column("Dibacakan", lambda item, archive: item.tanggal_dibacakan),
        Column("Amar", lambda item, archive: _amar(item)),
        Column("Dokumen", file_cell),
    ),
    jdihn=_jdihn,
    json_ld=_json_ld,
    # A typed citation finds it as exactly as a regulation (tier 2), but for a topic a reader wants the rule before
    # one case decided under it: weighted below produk hukum (1.5) and SOP (1.3), above konten.
    rank=Rank(weight=1.2, tier=2, words=("putusan",)),
    found=_found,
)
