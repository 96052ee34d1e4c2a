"""The produk hukum collection: peraturan and keputusan with their JDIH metadata, in the JDIHN feed."""

from __future__ import annotations

import datetime
import re
from typing import Any

from ..dasar_hukum.citations import GROUPS, citation_forms, nomor_keys, parse_citation
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
from .model import ProdukHukum, Status
from .relations import PRODUK_HUKUM_KEY, declared_by


def citation(item: ProdukHukum) -> str:
    """How JDIH lists cite an item: "PKPU 3 Tahun 2020"; a nomor that ends with its year keeps it once."""
    if nomor_has_year(item):
        return f"{item.singkatan_jenis} {item.nomor}"
    return f"{item.singkatan_jenis} {item.nomor} Tahun {item.tahun}"


def short_citation(item: ProdukHukum) -> str:
    """The short form: "PKPU 8/2019", "KEPKAB 27/HK.03.1-Kpt/3300/2022" (its year already ends the nomor)."""
    if nomor_has_year(item):
        return f"{item.singkatan_jenis} {item.nomor}"
    return f"{item.singkatan_jenis} {item.nomor}/{item.tahun}"


def nomor_has_year(item: ProdukHukum) -> bool:
    """A slashed nomor often ends with the year ("…/3300/2022"): citing it adds no second year."""
    return re.search(rf"(?<!\d){item.tahun}$", item.nomor.strip()) is not None


def date(item: ProdukHukum) -> datetime.date:
    """Newest first: by tanggal penetapan when known, else by tahun."""
    return item.tanggal_penetapan or datetime.date(item.tahun, 1, 1)


def _dates(item: ProdukHukum) -> list[datetime.date | None]:
    return [item.tanggal_penetapan, item.tanggal_pengundangan, datetime.date(item.tahun, 1, 1)]


# The plugin setting that lowers the warnings below to "info": a signed document may carry the same disagreement.
TANGGAL_TIDAK_COCOK = "tanggal_tidak_cocok"


def _doubts(item: ProdukHukum) -> list[Doubt]:
    """Tahun is the year a produk hukum is ditetapkan; it is diundangkan after that, in the same year or the next."""
    doubts = []
    penetapan, pengundangan = item.tanggal_penetapan, item.tanggal_pengundangan
    if penetapan is not None and penetapan.year != item.tahun:
        message = f"{item.tahun} berbeda dengan tahun tanggal_penetapan {penetapan.isoformat()}"
        doubts.append(Doubt(("tahun",), message, TANGGAL_TIDAK_COCOK))
    if pengundangan is None:
        return doubts
    if penetapan is not None and pengundangan < penetapan:
        message = (
            f"{pengundangan.isoformat()} lebih awal dari tanggal_penetapan {penetapan.isoformat()}; "
            "produk hukum diundangkan setelah ditetapkan"
        )
        doubts.append(Doubt(("tanggal_pengundangan",), message, TANGGAL_TIDAK_COCOK))
    elif pengundangan.year not in (item.tahun, item.tahun + 1):
        message = (
            f"{pengundangan.isoformat()} jauh dari tahun {item.tahun}; produk hukum diundangkan pada tahun itu "
            "atau tahun berikutnya"
        )
        doubts.append(Doubt(("tanggal_pengundangan",), message, TANGGAL_TIDAK_COCOK))
    return doubts


def _status(item: ProdukHukum, archive: Archive) -> Status:
    status = archive.status(item)
    assert status is not None  # every produk hukum has one
    return status


def _metadata(item: ProdukHukum, archive: Archive) -> list[MetadataRow]:
    return [
        MetadataRow("Tipe Dokumen", item.tipe_dokumen),
        MetadataRow("Judul", item.judul),
        MetadataRow("T.E.U. Badan", item.teu_badan),
        MetadataRow("Nomor", item.nomor),
        MetadataRow("Jenis / Bentuk", item.jenis, "jenis"),
        MetadataRow("Singkatan Jenis", item.singkatan_jenis),
        MetadataRow("Tahun", item.tahun, "tahun"),
        MetadataRow("Tempat Penetapan", item.tempat_penetapan),
        MetadataRow("Tanggal Penetapan", item.tanggal_penetapan),
        MetadataRow("Tanggal Pengundangan", item.tanggal_pengundangan),
        MetadataRow("Sumber", item.sumber),
        MetadataRow("Subjek", item.subjek),
        MetadataRow("Status", _status(item, archive).value, "status"),
        MetadataRow("Keterangan Status", list(archive.notes(item)) or None),
        MetadataRow("Bahasa", item.bahasa),
        MetadataRow("Bidang Hukum", item.bidang_hukum, "bidang hukum"),
        MetadataRow("Lokasi", item.lokasi),
        MetadataRow("Pemrakarsa", item.pemrakarsa),
        MetadataRow("Penandatangan", item.penandatangan),
    ]


def _jdihn(item: ProdukHukum, archive: Archive, addresses: Addresses) -> dict[str, str]:
    """Its record of the flat array the national portal harvests (jdihn.py; GUIDE.md for the official keys)."""
    if item.lampiran.abstrak:
        abstract_url = addresses.file(item.lampiran.abstrak)
    else:
        abstract_url = f"{addresses.page(item.id)}#abstrak" if item.abstrak else ""
    return record(
        item,
        archive,
        addresses,
        tahun_pengundangan=str(item.tanggal_pengundangan.year if item.tanggal_pengundangan else item.tahun),
        tanggal_penetapan=_iso(item.tanggal_penetapan),
        tanggal_pengundangan=_iso(item.tanggal_pengundangan),
        jenis=item.jenis,
        noPeraturan=item.nomor,
        singkatanJenis=item.singkatan_jenis,
        tempatTerbit=item.tempat_penetapan or "",
        sumber=item.sumber or "",
        status=_status(item, archive).value,
        teuBadan=item.teu_badan,
        abstrak=" ".join(item.abstrak.abstrak) if item.abstrak else "",
        urlAbstrak=abstract_url,
        **document(item.lampiran.dokumen, addresses),
    )


def _iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def _json_ld(item: ProdukHukum, archive: Archive, addresses: Addresses) -> dict[str, Any]:
    """schema.org Legislation, so search engines and harvesters read the metadata without scraping."""
    status = _status(item, archive)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": item.judul,
        "legislationIdentifier": citation(item),
        "legislationType": item.jenis,
        "legislationJurisdiction": "ID",
        "legislationPassedBy": {"@type": "Organization", "name": item.teu_badan},
        "legislationLegalForce": _legal_force(status, archive.standing[item.id].partly),
        "inLanguage": "id",
        "keywords": item.subjek,
        "url": addresses.page(item.id),
    }
    if item.tanggal_penetapan:
        data["legislationDate"] = item.tanggal_penetapan.isoformat()
    if item.tanggal_pengundangan:
        data["datePublished"] = item.tanggal_pengundangan.isoformat()
    for relation in declared_by(PRODUK_HUKUM_KEY):
        for other in relation.targets(item):
            data.setdefault(relation.schema_org, []).append(addresses.page(other))
    if item.lampiran.dokumen:
        data["encoding"] = pdf_encoding(item.lampiran.dokumen, addresses, "LegislationObject")
    return data


def _found(item: ProdukHukum) -> Found:
    """A peraturan or a keputusan, by its jenis as the citation parser reads it; named by its citation forms."""
    parsed = parse_citation(f"{item.jenis} Nomor {item.nomor} Tahun {item.tahun}")
    decision = parsed.jenis.group == GROUPS.index("Keputusan") if parsed else item.jenis.startswith("Keputusan")
    cited = citation_forms(item.jenis, item.singkatan_jenis, item.nomor, item.tahun)
    return Found("Keputusan" if decision else "Peraturan", cited.forms, cited.keys, nomor_keys(item.nomor))


def _legal_force(status: Status, partly: bool) -> str:
    """schema.org LegalForceStatus: part of an item in force revoked or annulled leaves it partially in force."""
    if status is Status.tidak_berlaku:
        return "NotInForce"
    return "PartiallyInForce" if partly else "InForce"


def _status_cell(item: ProdukHukum, archive: Archive) -> Cell:
    status = _status(item, archive)
    return Cell(status.value, badge=status.badge)


def _file_cell(item: ProdukHukum, archive: Archive) -> Cell | None:
    document = item.lampiran.dokumen
    return Cell("PDF", file=document) if document else None


PRODUK_HUKUM = ArchiveKind(
    key=PRODUK_HUKUM_KEY,
    name="produk hukum",
    plural="produk hukum",
    full_name="produk hukum",
    model=ProdukHukum,
    body_field="uraian",
    address="produk-hukum/{id}.md",
    date=date,
    dates=_dates,
    page_template="produk_hukum.html.j2",
    sections=("mengingat", "abstrak", "uraian", "dokumen"),
    starter="new_produk_hukum.yaml.j2",
    next_steps="Berikutnya: ganti metadata contoh (jenis, nomor, tahun, judul, subjek, abstrak), "
    "simpan PDF-nya di {archive}lampiran/ dan isi lampiran.dokumen, lalu jalankan: {check}",
    schema="schema/produk-hukum.json",
    label=citation,
    attachments=(
        Attachment("dokumen", ("lampiran", "dokumen"), DOCUMENT_SUFFIXES),
        Attachment("abstrak", ("lampiran", "abstrak"), DOCUMENT_SUFFIXES),
    ),
    cites="mengingat",
    doubts=_doubts,
    metadata=_metadata,
    facets=(
        Facet("jenis", "Produk hukum menurut jenis", lambda item, archive: [item.jenis]),
        Facet("tahun", "Produk hukum menurut tahun", lambda item, archive: [str(item.tahun)], newest_label_first=True),
        Facet("status", "Produk hukum menurut status", lambda item, archive: [_status(item, archive).value]),
    ),
    columns=(
        Column("Judul", lambda item, archive: Cell(item.judul, page=True)),
        Column("Jenis", lambda item, archive: item.jenis),
        Column("Nomor", lambda item, archive: item.nomor),
        Column("Tahun", lambda item, archive: item.tahun, right=True),
        Column("Status", _status_cell),
        Column("Dokumen", _file_cell),
    ),
    jdihn=_jdihn,
    json_ld=_json_ld,
    rank=Rank(weight=1.5, tier=2),
    found=_found,
)
