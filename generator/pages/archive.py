"""Pages of the JDIH archive: one per item (out of the navigation), paginated listings, the archive index."""

from __future__ import annotations

import datetime
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..archive.collection import Archive
from ..archive.model import Konten, ProdukHukum, Status
from ..dasar_hukum.index import DasarHukumIndex
from .addresses import (
    ARCHIVE_INDEX,
    FEED_FILE,
    JDIHN_FILE,
    attachment_uri,
    konten_uri,
    produk_uri,
    regulation_uri,
    sop_uri,
)
from .page_source import PageSource, heading_id, paragraphs, render
from .text import tanggal
from .urls import SiteUrls, markdown_link

PER_PAGE = 50
# Ids of the fixed headings, which a page's title must not take (Markdown's toc would have renamed the section).
PRODUK_SECTIONS = ("mengingat", "abstrak", "uraian", "dokumen", "konten-media-sosial-tentang-produk-hukum-ini")
KONTEN_SECTIONS = ("diunggah-di", "produk-hukum-yang-dijelaskan", "sop-yang-mengatur", "catatan-alur-kerja")


def is_url(value: str) -> bool:
    return value.startswith("https://")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "lain"


def citation(item: ProdukHukum) -> str:
    """How JDIH lists cite an item: "PKPU 3 Tahun 2020"."""
    return f"{item.singkatan_jenis} {item.nomor} Tahun {item.tahun}"


def produk_date(item: ProdukHukum) -> datetime.date:
    """Newest first: by tanggal penetapan when known, else by tahun."""
    return item.tanggal_penetapan or datetime.date(item.tahun, 1, 1)


def archive_pages(
    archive: Archive, dasar_hukum: DasarHukumIndex, sop_titles: dict[str, str], urls: SiteUrls
) -> list[PageSource]:
    pages = [
        PageSource(
            produk_uri(item.document.id), _produk_page(item.document, archive, dasar_hukum, urls), item.path, html=True
        )
        for item in archive.produk
    ]
    pages += [
        PageSource(
            konten_uri(post.document.id), _konten_page(post.document, archive, sop_titles, urls), post.path, html=True
        )
        for post in archive.konten
    ]
    listings = _listings(archive)
    for listing in listings:
        for group in listing.groups:
            pages += _listing_pages(listing, group, archive, urls)
    pages.append(PageSource(ARCHIVE_INDEX, _index_page(archive, listings), None, in_nav=True))
    return pages


def _produk_page(item: ProdukHukum, archive: Archive, dasar_hukum: DasarHukumIndex, urls: SiteUrls) -> str:
    here = produk_uri(item.id)
    by_id = archive.produk_by_id
    status = archive.status(item)
    related = sorted(archive.links.get(item.id, []), key=lambda link: (produk_date(by_id[link.target]), link.target))
    links = [
        {
            "label": link.label,
            "citation": citation(by_id[link.target]),
            "title": by_id[link.target].judul,
            "href": urls.relative(here, produk_uri(link.target)),
        }
        for link in related
    ]
    keterangan = item.keterangan_status or "; ".join(
        f"Dicabut dengan {citation(by_id[other])}" for other in archive.revoked_by.get(item.id, [])
    )
    document = _document(item, here, urls)
    metadata = [
        ("Tipe Dokumen", item.tipe_dokumen, None),
        ("Judul", item.judul, None),
        ("T.E.U. Badan", item.teu_badan, None),
        ("Nomor", item.nomor, None),
        ("Jenis / Bentuk", item.jenis, "jenis"),
        ("Singkatan Jenis", item.singkatan_jenis, None),
        ("Tahun", str(item.tahun), "tahun"),
        ("Tempat Penetapan", item.tempat_penetapan, None),
        ("Tanggal Penetapan", tanggal(item.tanggal_penetapan), None),
        ("Tanggal Pengundangan", tanggal(item.tanggal_pengundangan), None),
        ("Sumber", item.sumber or "–", None),
        ("Subjek", "\n".join(item.subjek), None),
        ("Status", status.value, "status"),
        ("Keterangan Status", keterangan or "–", None),
        ("Bahasa", item.bahasa, None),
        ("Bidang Hukum", item.bidang_hukum.value, "bidang hukum"),
        ("Lokasi", item.lokasi or "–", None),
        ("Pemrakarsa", item.pemrakarsa or "–", None),
        ("Penandatangan", item.penandatangan or "–", None),
    ]
    konten = sorted(
        (archive.konten_by_id[post_id] for post_id in archive.konten_about.get(item.id, [])),
        key=lambda post: post.tanggal_terbit,
        reverse=True,
    )
    return render(
        "produk_hukum.html.j2",
        item=item,
        title_id=heading_id(item.judul, PRODUK_SECTIONS),
        status=status.value,
        status_class="berlaku" if status is Status.berlaku else "tidak-berlaku",
        links=links,
        metadata=metadata,
        abstrak_header=f"{', '.join(item.subjek)} · {item.tahun} · {item.singkatan_jenis} {item.nomor} · {item.judul}",
        paragraphs=paragraphs(item.uraian or ""),
        document=document,
        konten=[
            {
                "title": post.judul,
                "href": urls.relative(here, konten_uri(post.id)),
                "date": tanggal(post.tanggal_terbit),
            }
            for post in konten
        ],
        json_ld=Markup(_json_ld(item, status, by_id, document, urls)),  # safe inside <script>: see _json_ld
        mengingat=[
            {"text": line, "href": _regulation_href(here, dasar_hukum, "produk", item.id, position, urls)}
            for position, line in enumerate(item.mengingat)
        ],
        index_entry=_index_entry(here, dasar_hukum, item.id, urls),
    )


def _regulation_href(
    here: str, index: DasarHukumIndex, kind: str, item_id: str, position: int, urls: SiteUrls
) -> str | None:
    key = index.cited_key(kind, item_id, position)
    return urls.relative(here, regulation_uri(index.regulations[key].slug)) if key else None


def _index_entry(here: str, index: DasarHukumIndex, item_id: str, urls: SiteUrls) -> dict[str, str] | None:
    regulation = index.for_archive_item(item_id)
    if regulation is None or not regulation.cited_by:  # nothing cites it: it has no page in the index
        return None
    return {"name": regulation.name, "href": urls.relative(here, regulation_uri(regulation.slug))}


def _document(item: ProdukHukum, here: str, urls: SiteUrls) -> dict[str, Any] | None:
    value = item.lampiran.dokumen
    if value is None:
        return None
    if is_url(value):
        return {"html": value, "absolute": value, "local": False}
    target = attachment_uri(value)
    return {
        "html": urls.relative(here, target),
        "absolute": urls.absolute(target),
        "local": True,
    }


def _json_ld(
    item: ProdukHukum, status: Status, by_id: dict[str, ProdukHukum], document: dict[str, Any] | None, urls: SiteUrls
) -> str:
    """schema.org Legislation, so search engines and harvesters read the metadata without scraping."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": item.judul,
        "legislationIdentifier": citation(item),
        "legislationType": item.jenis,
        "legislationJurisdiction": "ID",
        "legislationPassedBy": {"@type": "Organization", "name": item.teu_badan},
        "legislationLegalForce": "InForce" if status is Status.berlaku else "NotInForce",
        "inLanguage": "id",
        "keywords": item.subjek,
        "url": urls.absolute(produk_uri(item.id)),
    }
    if item.tanggal_penetapan:
        data["legislationDate"] = item.tanggal_penetapan.isoformat()
    if item.tanggal_pengundangan:
        data["datePublished"] = item.tanggal_pengundangan.isoformat()
    changes = [*item.relasi.mengubah, *item.relasi.mencabut]
    if changes:
        data["legislationChanges"] = [urls.absolute(produk_uri(other)) for other in changes]
    if item.relasi.melaksanakan:
        data["legislationApplies"] = [urls.absolute(produk_uri(other)) for other in item.relasi.melaksanakan]
    if document:
        data["encoding"] = {
            "@type": "LegislationObject",
            "encodingFormat": "application/pdf",
            "contentUrl": document["absolute"],
        }
    # Inside <script> any "<" can start "</script>" or "<!--": encode both angle brackets, JSON-LD reads the same.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")


def _konten_page(post: Konten, archive: Archive, sop_titles: dict[str, str], urls: SiteUrls) -> str:
    here = konten_uri(post.id)
    by_id = archive.produk_by_id
    produk = [
        {"title": by_id[other].judul, "href": urls.relative(here, produk_uri(other))} for other in post.produk_hukum
    ]
    sop = {"title": sop_titles[post.sop], "href": urls.relative(here, sop_uri(post.sop))} if post.sop else None
    return render(
        "konten.html.j2",
        post=post,
        title_id=heading_id(post.judul, KONTEN_SECTIONS),
        image=urls.relative(here, attachment_uri(post.gambar)),
        paragraphs=paragraphs(post.caption),
        produk=produk,
        sop=sop,
    )


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    item_ids: list[str]  # newest first

    @property
    def count(self) -> int:
        return len(self.item_ids)


@dataclass(frozen=True)
class Listing:
    key: str  # address segment: arsip/<key>/<group>/
    title: str
    kind: str  # "produk" or "konten"
    groups: list[Group]


def _listings(archive: Archive) -> list[Listing]:
    produk = [item.document for item in archive.produk]
    konten = [post.document for post in archive.konten]
    return [
        _listing("jenis", "Produk hukum menurut jenis", "produk", produk, lambda i: [i.jenis], produk_date),
        _listing("tahun", "Produk hukum menurut tahun", "produk", produk, lambda i: [str(i.tahun)], produk_date, True),
        _listing(
            "status", "Produk hukum menurut status", "produk", produk, lambda i: [archive.status(i).value], produk_date
        ),
        _listing(
            "platform",
            "Konten menurut platform",
            "konten",
            konten,
            lambda post: sorted({upload.platform.value for upload in post.unggahan}),
            lambda post: post.tanggal_terbit,
        ),
    ]


def _listing(
    key: str,
    title: str,
    kind: str,
    items: list[Any],
    labels_of: Callable[[Any], list[str]],
    date_of: Callable[[Any], datetime.date],
    newest_label_first: bool = False,
) -> Listing:
    """Items grouped by label, newest first within a group; groups by name (or by year, newest first)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for item in sorted(items, key=lambda item: (date_of(item), item.id), reverse=True):
        for label in labels_of(item):
            grouped[label].append(item.id)
    order = sorted(grouped, key=lambda label: -int(label)) if newest_label_first else sorted(grouped, key=str.lower)
    keys: set[str] = set()
    groups = []
    for label in order:
        group_key = slug(label)
        while group_key in keys:  # two labels that differ only in punctuation or case keep separate addresses
            group_key += "-1"
        keys.add(group_key)
        groups.append(Group(group_key, label, grouped[label]))
    return Listing(key, title, kind, groups)


def listing_uri(listing: Listing, group: Group, number: int) -> str:
    base = f"arsip/{listing.key}/{group.key}"
    return f"{base}/index.md" if number == 1 else f"{base}/halaman-{number}.md"


def _listing_pages(listing: Listing, group: Group, archive: Archive, urls: SiteUrls) -> list[PageSource]:
    chunks = [group.item_ids[start : start + PER_PAGE] for start in range(0, len(group.item_ids), PER_PAGE)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = listing_uri(listing, group, number)
        rows = [
            _produk_row(archive.produk_by_id[item_id], archive, here, urls)
            if listing.kind == "produk"
            else _konten_row(archive.konten_by_id[item_id], archive.produk_by_id, here, urls)
            for item_id in chunk
        ]
        title = f"{listing.title}: {group.label}"
        content = render(
            "listing.html.j2",
            title=title,
            title_id=heading_id(title),
            kind=listing.kind,
            rows=rows,
            count=group.count,
            number=number,
            pages=[
                {"number": n, "href": urls.relative(here, listing_uri(listing, group, n))}
                for n in range(1, len(chunks) + 1)
            ],
            back=urls.relative(here, ARCHIVE_INDEX),
        )
        pages.append(PageSource(here, content, None, html=True))
    return pages


def _produk_row(item: ProdukHukum, archive: Archive, here: str, urls: SiteUrls) -> dict[str, Any]:
    document = item.lampiran.dokumen
    return {
        "judul": item.judul,
        "nomor": item.nomor,
        "tahun": item.tahun,
        "status": archive.status(item).value,
        "href": urls.relative(here, produk_uri(item.id)),
        "file": (document if is_url(document) else urls.relative(here, attachment_uri(document))) if document else None,
    }


def _konten_row(post: Konten, by_id: dict[str, ProdukHukum], here: str, urls: SiteUrls) -> dict[str, Any]:
    return {
        "tanggal": tanggal(post.tanggal_terbit),
        "judul": post.judul,
        "platform": ", ".join(upload.platform.value for upload in post.unggahan),
        "produk": "; ".join(f"{by_id[i].singkatan_jenis} {by_id[i].nomor}/{by_id[i].tahun}" for i in post.produk_hukum),
        "href": urls.relative(here, konten_uri(post.id)),
    }


def _index_page(archive: Archive, listings: list[Listing]) -> str:
    return render(
        "arsip_index.md.j2",
        produk_count=len(archive.produk),
        konten_count=len(archive.konten),
        listings=[
            {
                "title": listing.title,
                "groups": [
                    {
                        "label": g.label,
                        "count": g.count,
                        "href": markdown_link(ARCHIVE_INDEX, listing_uri(listing, g, 1)),
                    }
                    for g in listing.groups
                ],
            }
            for listing in listings
        ],
        jdihn=markdown_link(ARCHIVE_INDEX, JDIHN_FILE),
        feed=markdown_link(ARCHIVE_INDEX, FEED_FILE),
    )
