"""Machine-readable outputs: the JDIHN integration feed and an Atom feed of the newest items.

Both are static files with absolute URLs built from site_url, and carry no build timestamp: every
date in them is the content's own, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime
import json
import posixpath
import xml.etree.ElementTree as ET
from importlib.resources import files
from typing import Any

import jsonschema

from ..archive.collection import Archive
from ..archive.model import ProdukHukum
from .addresses import attachment_uri, konten_uri, produk_uri
from .archive import is_url, produk_date
from .urls import SiteUrls

FEED_SIZE = 20
ATOM = "http://www.w3.org/2005/Atom"


class FeedInvalid(RuntimeError):
    """The generated JDIHN feed does not match its schema: a bug in sop-jdih, never the editor's data."""


def jdihn_feed(archive: Archive, urls: SiteUrls) -> str:
    """The flat array the national portal harvests; validated against the schema kept in the repo."""
    records = [_jdihn_record(item.document, archive, urls) for item in archive.produk]
    schema = json.loads(files("generator").joinpath("schemas/jdihn.schema.json").read_text(encoding="utf-8"))
    try:
        jsonschema.validate(records, schema)
    except jsonschema.ValidationError as error:
        raise FeedInvalid(f"umpan JDIHN tidak sesuai skema: {error.message} di {list(error.absolute_path)}") from None
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def _jdihn_record(item: ProdukHukum, archive: Archive, urls: SiteUrls) -> dict[str, Any]:
    page = urls.absolute(produk_uri(item.id))
    document = item.lampiran.dokumen
    download = (document if is_url(document) else urls.absolute(attachment_uri(document))) if document else ""
    abstract_file = item.lampiran.abstrak
    if abstract_file:
        abstract_url = abstract_file if is_url(abstract_file) else urls.absolute(attachment_uri(abstract_file))
    else:
        abstract_url = f"{page}#abstrak" if item.abstrak else ""
    updated = max(filter(None, [item.tanggal_penetapan, item.tanggal_pengundangan]), default=produk_date(item))
    return {
        "idData": item.id,
        "tahun_pengundangan": str(item.tanggal_pengundangan.year if item.tanggal_pengundangan else item.tahun),
        "tanggal_penetapan": _iso(item.tanggal_penetapan),
        "tanggal_pengundangan": _iso(item.tanggal_pengundangan),
        "jenis": item.jenis,
        "noPeraturan": item.nomor,
        "judul": item.judul,
        "noPanggil": None,
        "singkatanJenis": item.singkatan_jenis,
        "tempatTerbit": item.tempat_penetapan,
        "penerbit": None,
        "deskripsiFisik": None,
        "sumber": item.sumber or "",
        "subjek": ", ".join(item.subjek),
        "isbn": None,
        "status": archive.status(item).value,
        "bahasa": item.bahasa,
        "bidangHukum": item.bidang_hukum.value,
        "teuBadan": item.teu_badan,
        "nomorIndukBuku": None,
        "abstrak": " ".join(item.abstrak.abstrak) if item.abstrak else "",
        "urlAbstrak": abstract_url,
        "urlDetailPeraturan": page,
        "fileDownload": posixpath.basename(document) if document else "",
        "urlDownload": download,
        "last_updated": f"{updated.isoformat()} 00:00:00",
        "operasi": "4",
        "display": "1",
    }


def _iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def atom_feed(archive: Archive, urls: SiteUrls, site_name: str) -> str:
    """The newest produk hukum and konten, for feed readers."""
    entries = [
        (produk_date(i.document), produk_uri(i.document.id), i.document.judul, "Produk hukum") for i in archive.produk
    ]
    entries += [
        (p.document.tanggal_terbit, konten_uri(p.document.id), p.document.judul, "Konten") for p in archive.konten
    ]
    entries = sorted(entries, key=lambda entry: (entry[0], entry[1]), reverse=True)[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "id"})
    _text(feed, "title", f"{site_name}: terbaru")
    _text(feed, "id", urls.absolute("feed.xml"))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urls.absolute("feed.xml")})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": urls.absolute("index.md")})
    _text(feed, "updated", _timestamp(entries[0][0] if entries else datetime.date(2000, 1, 1)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    for date, uri, title, kind in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", title)
        _text(entry, "id", urls.absolute(uri))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": urls.absolute(uri)})
        _text(entry, "updated", _timestamp(date))
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": kind})
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _timestamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
