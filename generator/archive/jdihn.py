"""One record of the JDIHN feed, the shape every collection fills (GUIDE.md §2, §6).

The 28 official keys in their official order, every value text: what a collection does not have is "" (never null,
though the official template allows null for the book-only keys), and operasi and display are constants. The keys
every collection fills alike (id, title, page, subjects, language, field of law, last change) are filled here; a
collection's `jdihn` mapping gives the rest.
"""

from __future__ import annotations

import datetime
import posixpath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from .kind import Addresses, is_url

if TYPE_CHECKING:
    from .collection import Archive

KEYS = (
    "idData",
    "tahun_pengundangan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "abstrak",
    "urlAbstrak",
    "urlDetailPeraturan",
    "fileDownload",
    "urlDownload",
    "last_updated",
    "operasi",
    "display",
)


def record(item: Any, archive: Archive, addresses: Addresses, **values: str) -> dict[str, str]:
    """The item's record: the keys every collection fills alike, then `values` (official key → text); a key given
    neither way is "". Raises KeyError for a key the feed does not have (a bug in the collection's mapping)."""
    common = {
        "idData": item.id,
        "judul": item.judul,
        "subjek": ", ".join(item.subjek),
        "bahasa": item.bahasa,
        "bidangHukum": item.bidang_hukum or "",
        "urlDetailPeraturan": addresses.page(item.id),
        "last_updated": last_updated(archive.changed(item)),
        "operasi": "4",
        "display": "1",
    }
    unknown = sorted(set(values) - set(KEYS))
    if unknown:
        raise KeyError(f"bukan kolom umpan JDIHN: {', '.join(unknown)}")
    return {key: values.get(key, common.get(key, "")) for key in KEYS}


def document(value: str | None, addresses: Addresses) -> dict[str, str]:
    """fileDownload and urlDownload of the item's PDF (none: both "")."""
    return {"fileDownload": file_name(value), "urlDownload": addresses.file(value)} if value else {}


def last_updated(changed: datetime.date) -> str:
    """The feed's last_updated: the day of the latest event that changed the record (Archive.changed), at midnight."""
    return f"{changed.isoformat()} 00:00:00"


def file_name(value: str) -> str:
    """fileDownload: the file's own name, as a harvester saves it, while urlDownload is its (encoded) address.

    A path's last part as written ("SK KPU Nomor 6 Tahun 2021.pdf"); an https address's last path segment decoded
    ("SK%20KPU.pdf?unduh=1" → "SK KPU.pdf"), unless decoding would make a control or bidi character: then as written.
    """
    if not is_url(value):
        return posixpath.basename(value)
    segment = posixpath.basename(urlsplit(value).path)
    name = posixpath.basename(unquote(segment))
    return name if name.isprintable() else segment
