"""Pages of the JDIH archive: one per item (out of the navigation), paginated listings, the archive index.

Every collection is written the same way from its description (archive/kind.py): its page template gets the item and
what `_item_page` computes for any item; its listings come from its facets and columns.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..archive.collection import Archive
from ..archive.kind import SOP, ArchiveKind, Cell, Column, Facet, Reference, Value, is_url
from ..dasar_hukum.index import DasarHukumIndex
from ..source.yaml_source import Location
from .addresses import ARCHIVE_INDEX, FEED_FILE, JDIHN_FILE, attachment_uri, regulation_uri, sop_uri
from .page_source import LazyPage, heading_id, paragraphs, render
from .search_text import item_facts
from .text import joined, tanggal, url_text
from .urls import SiteUrls, markdown_link

PER_PAGE = 50


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "lain"


@dataclass(frozen=True)
class SiteAddresses:
    """Absolute addresses of items and attachments (archive.kind.Addresses), for the JDIHN feed and JSON-LD."""

    archive: Archive
    urls: SiteUrls

    def page(self, item_id: str) -> str:
        return self.urls.absolute(self.archive.kind_of[item_id].uri(item_id))

    def file(self, value: str) -> str:
        return file_url(value, self.urls)


def file_url(value: str, urls: SiteUrls, here: str | None = None) -> str:
    """The URL of an attachment, the one way every output writes it: relative from page `here`, or absolute.

    A path inside content_archive/ is published at berkas/<path> under its own name; its URL is that path
    percent-encoded (urls.url_path). An https address is published elsewhere and kept, its non-ASCII characters
    encoded (`url_text`): feeds and JSON-LD then carry plain ASCII URLs, as the page's links do.
    """
    if is_url(value):
        return url_text(value)
    uri = attachment_uri(value)
    return urls.absolute(uri) if here is None else urls.relative(here, uri)


@dataclass(frozen=True)
class _Site:
    """What an item page links to beyond itself."""

    archive: Archive
    dasar_hukum: DasarHukumIndex
    sop_titles: Mapping[str, str]  # SOP id → nama
    urls: SiteUrls
    staff_names: bool  # the office's setting tampilkan_nama_staf: who did each workflow step, and the team's notes


def archive_pages(
    archive: Archive,
    shown: list[Listing],
    dasar_hukum: DasarHukumIndex,
    sop_titles: Mapping[str, str],
    urls: SiteUrls,
    staff_names: bool,
) -> list[LazyPage]:
    """Every item's page, every listing page (of the `listings` shown) and the archive index, each produced when the
    builder asks for it."""
    site = _Site(archive, dasar_hukum, sop_titles, urls, staff_names)
    pages = [
        LazyPage(
            kind.uri(item.document.id),
            item.path,
            (kind.key, item.document.id),
            functools.partial(_item_page_of, kind, item.document.id, site),
            functools.partial(_item_facts_of, kind, item.document.id, archive),
            html=True,
        )
        for kind in archive.kinds
        for item in archive.items(kind)
    ]
    for listing in shown:
        for group in listing.groups:
            pages += _listing_pages(listing, group, archive, urls)
    pages.append(LazyPage(ARCHIVE_INDEX, None, ARCHIVE_INDEX, lambda: _index_page(archive, shown), in_nav=True))
    return pages


def archive_page_uris(archive: Archive) -> dict[str, str | None]:
    """What `archive_pages` writes, each with the item file it comes from, without writing it."""
    uris: dict[str, str | None] = {
        kind.uri(item.document.id): item.path for kind in archive.kinds for item in archive.items(kind)
    }
    for listing in listings(archive):
        for group in listing.groups:
            uris |= {listing_uri(listing, group, number): None for number in range(1, len(_chunks(group)) + 1)}
    uris[ARCHIVE_INDEX] = None
    return uris


def _item_page_of(kind: ArchiveKind, item_id: str, site: _Site) -> str:
    """The page of the item, looked up through the archive's tables (the memo sees the lookup: memo.py)."""
    return _item_page(kind, site.archive.by_id[item_id], site)


def _item_facts_of(kind: ArchiveKind, item_id: str, archive: Archive) -> Any:
    return item_facts(kind, archive.by_id[item_id], archive)


def _item_page(kind: ArchiveKind, item: Any, site: _Site) -> str:
    """The collection's page template, given the item and what any item page may show (empty when it has none)."""
    archive, urls = site.archive, site.urls
    here = kind.uri(item.id)
    status = archive.status(item)
    # Ids of the fixed headings, which the title must not take (Markdown's toc would have renamed the section).
    taken = kind.sections + tuple(heading_id(reference.heading) for reference in _references_to(kind.key, archive))
    metadata = kind.metadata(item, archive) if kind.metadata else []
    cited = getattr(item, kind.cites) if kind.cites else []
    json_ld = kind.json_ld(item, archive, SiteAddresses(archive, urls)) if kind.json_ld else None
    return render(
        kind.page_template,
        kind.templates,
        item=item,
        title_id=heading_id(kind.title_of(item), taken),
        status=status.value if status else None,
        status_class=status.badge if status else None,
        status_summary=archive.summary(item),
        links=_links(item.id, here, archive, urls),
        # a row without a value ("–") is no filter value: the item is simply not under that facet
        metadata=[
            (row.label, _shown(row.value), row.facet if row.value not in (None, []) else None) for row in metadata
        ],
        paragraphs=paragraphs(getattr(item, kind.body_field) or ""),
        files={attachment.name: _file(attachment.value(item), here, urls) for attachment in kind.attachments},
        references={ref.field: _named(ref.target, ref.ids(item), here, site) for ref in kind.references},
        referrers=referrer_groups(archive, (kind.key, item.id), here, urls),
        cited=[
            {"text": line, "href": _regulation_href(here, site.dasar_hukum, kind.key, item.id, position, urls)}
            for position, line in enumerate(cited)
        ],
        index_entry=_index_entry(here, site.dasar_hukum, item.id, urls),
        json_ld=Markup(_script_json(json_ld)) if json_ld else None,  # safe inside <script>: see _script_json
        staff_names=site.staff_names,
        sorts=sort_keys(kind, item),
        tipe=kind.filter_value,
    )


NO_NUMBER = "~"  # after every digit and letter: items without a nomor come last when sorted by nomor
_LEADING_NUMBER = re.compile(r"\s*(\d+)(.*)", re.DOTALL)


def sort_keys(kind: ArchiveKind, item: Any) -> dict[str, str]:
    """The keys /arsip/ sorts an item by (`data-pagefind-sort`), written so that Pagefind's order is the reader's.

    tanggal: its date (ISO, newest first when descending); tahun: its year; nomor: its leading number padded to
    eight digits, so "5/HK…" comes before "27/HK…", then the rest; judul: its title in lower case. Commas are
    dropped: Pagefind reads them as separators in an attribute.
    """
    date = kind.date(item)
    nomor = getattr(item, "nomor", None)
    if nomor is None:
        number_key = NO_NUMBER
    else:
        leading = _LEADING_NUMBER.fullmatch(nomor)
        number_key = f"{int(leading.group(1)):08d}{leading.group(2)}" if leading else nomor
    keys = {
        "tanggal": date.isoformat(),
        "tahun": year_key(kind, item),
        "nomor": number_key.lower(),
        "judul": kind.title_of(item).lower(),
    }
    return {key: value.replace(",", " ") for key, value in keys.items()}


def year_key(kind: ArchiveKind, item: Any) -> str:
    """The year /arsip/ and the home page's form sort and filter an item by: its `tahun`, else its date's."""
    return str(getattr(item, "tahun", kind.date(item).year))


def _shown(value: Value) -> str:
    """A metadata value or listing cell as text: None as "–", a date the Indonesian way, a list one per line."""
    if value is None or value == []:
        return "–"
    if isinstance(value, datetime.date):
        return tanggal(value)
    if isinstance(value, list):
        return "\n".join(value)
    return str(value)


def _links(item_id: str, here: str, archive: Archive, urls: SiteUrls) -> list[dict[str, str]]:
    """Both sides of the item's relations, oldest related item first."""

    def order(target: str) -> tuple[datetime.date, str]:
        return archive.kind_of[target].date(archive.by_id[target]), target

    links = []
    for link in sorted(archive.links.get(item_id, []), key=lambda link: order(link.target)):
        kind, other = archive.kind_of[link.target], archive.by_id[link.target]
        links.append(
            {
                "label": link.label,
                "citation": kind.label_of(other),
                "title": kind.title_of(other),
                "href": urls.relative(here, kind.uri(link.target)),
            }
        )
    return links


def _file(value: str | None, here: str, urls: SiteUrls) -> dict[str, Any] | None:
    """An attachment as its page links it (`html`), as feeds and JSON-LD do (`absolute`), and whether it is ours."""
    if value is None:
        return None
    return {"html": file_url(value, urls, here), "absolute": file_url(value, urls), "local": not is_url(value)}


def _named(target: str, ids: list[tuple[Location, str]], here: str, site: _Site) -> list[dict[str, str]]:
    """The SOPs or items a reference names, with their titles."""
    if target == SOP:
        return [
            {"title": site.sop_titles[sop_id], "href": site.urls.relative(here, sop_uri(sop_id))} for _, sop_id in ids
        ]
    archive = site.archive
    return [
        {
            "title": archive.kind_of[item_id].title_of(archive.by_id[item_id]),
            "href": site.urls.relative(here, archive.kind_of[item_id].uri(item_id)),
        }
        for _, item_id in ids
    ]


def _references_to(target: str, archive: Archive) -> list[Reference]:
    """The references, of any collection, that can name an SOP (`target` SOP) or an item of collection `target`."""
    return [reference for kind in archive.kinds for reference in kind.references if reference.target == target]


def referrer_groups(archive: Archive, named: tuple[str, str], here: str, urls: SiteUrls) -> list[dict[str, Any]]:
    """The items naming an SOP or item (`named`: SOP or collection key, id), one group per reference, newest first."""
    referrers = archive.referrers.get(named, [])
    groups = []
    for reference in _references_to(named[0], archive):
        ids = [referrer.item_id for referrer in referrers if referrer.reference == reference]
        if not ids:
            continue
        ordered = sorted(ids, key=lambda other: archive.kind_of[other].date(archive.by_id[other]), reverse=True)
        entries = []
        for other in ordered:
            kind, document = archive.kind_of[other], archive.by_id[other]
            entries.append(
                {
                    "title": kind.title_of(document),
                    "href": urls.relative(here, kind.uri(other)),
                    "date": date_shown(kind, document),
                }
            )
        groups.append({"heading": reference.heading, "anchor": heading_id(reference.heading), "entries": entries})
    return groups


def date_shown(kind: ArchiveKind, item: Any) -> str:
    """An item's date as pages write it: "19 Agustus 2024", or the year alone when that is all it has."""
    date = kind.date(item)
    return str(date.year) if kind.year_only else tanggal(date)


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


def _script_json(data: dict[str, Any]) -> str:
    """JSON for inside <script>: any "<" can start "</script>" or "<!--", so both angle brackets are encoded."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")


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
    facet: Facet  # its key is the address segment: arsip/<key>/<group>/
    kind: ArchiveKind
    groups: list[Group]


def listings(archive: Archive) -> list[Listing]:
    """Every facet of every collection that has items: an empty collection has no listing, chart or heading."""
    every = [_listing(facet, kind, archive) for kind in archive.kinds for facet in kind.facets]
    return [listing for listing in every if listing.groups]


def _listing(facet: Facet, kind: ArchiveKind, archive: Archive) -> Listing:
    """Items grouped by label, newest first within a group; groups by name (or by year, newest first)."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for item in sorted(archive.documents(kind), key=lambda item: (kind.date(item), item.id), reverse=True):
        for label in facet.labels(item, archive):
            grouped[label].append(item.id)
    if facet.newest_label_first:
        order = sorted(grouped, key=lambda label: -int(label))
    else:
        order = sorted(grouped, key=str.lower)
    keys: set[str] = set()
    groups = []
    for label in order:
        group_key = slug(label)
        while group_key in keys:  # two labels that differ only in punctuation or case keep separate addresses
            group_key += "-1"
        keys.add(group_key)
        groups.append(Group(group_key, label, grouped[label]))
    return Listing(facet, kind, groups)


def listing_uri(listing: Listing, group: Group, number: int) -> str:
    base = f"arsip/{listing.facet.key}/{group.key}"
    return f"{base}/index.md" if number == 1 else f"{base}/halaman-{number}.md"


def _chunks(group: Group) -> list[list[str]]:
    """The group's item ids, page by page."""
    return [group.item_ids[start : start + PER_PAGE] for start in range(0, len(group.item_ids), PER_PAGE)]


def _listing_pages(listing: Listing, group: Group, archive: Archive, urls: SiteUrls) -> list[LazyPage]:
    chunks = _chunks(group)
    title = f"{listing.facet.title}: {group.label}"
    return [
        LazyPage(
            listing_uri(listing, group, number),
            None,
            (listing_uri(listing, group, number), title, group.count, len(chunks), tuple(chunk)),
            functools.partial(_listing_page, listing, group, number, chunk, archive, urls),
            html=True,
        )
        for number, chunk in enumerate(chunks, start=1)
    ]


def _listing_page(
    listing: Listing, group: Group, number: int, chunk: list[str], archive: Archive, urls: SiteUrls
) -> str:
    """Page `number` of a group's listing, showing the items of `chunk`."""
    here = listing_uri(listing, group, number)
    columns = listing.kind.columns
    rows = [
        [_cell(column, listing.kind, archive.by_id[item_id], archive, here, urls) for column in columns]
        for item_id in chunk
    ]
    title = f"{listing.facet.title}: {group.label}"
    return render(
        "listing.html.j2",
        title=title,
        title_id=heading_id(title),
        columns=[{"heading": column.heading, "number": column.right} for column in columns],
        rows=rows,
        count=group.count,
        number=number,
        pages=[
            {"number": n, "href": urls.relative(here, listing_uri(listing, group, n))}
            for n in range(1, len(_chunks(group)) + 1)
        ],
        back=urls.relative(here, ARCHIVE_INDEX),
    )


def _cell(column: Column, kind: ArchiveKind, item: Any, archive: Archive, here: str, urls: SiteUrls) -> dict[str, Any]:
    """A listing cell as daftar.html.j2 shows it."""
    value = column.value(item, archive)
    if not isinstance(value, Cell):
        return {"text": _shown(value), "href": None, "number": column.right, "badge": None, "title": False}
    href = None
    if value.page:
        href = urls.relative(here, kind.uri(item.id))
    elif value.file:
        href = file_url(value.file, urls, here)
    return {"text": value.text, "href": href, "number": column.right, "badge": value.badge, "title": value.page}


def _index_page(archive: Archive, shown: list[Listing]) -> str:
    counts = [f"{len(archive.items(kind))} {kind.full_name}" for kind in archive.shown_kinds()]
    return render(
        "arsip_index.md.j2",
        counts=joined(counts),
        listings=[
            {
                "title": listing.facet.title,
                "groups": [
                    {
                        "label": g.label,
                        "count": g.count,
                        "href": markdown_link(ARCHIVE_INDEX, listing_uri(listing, g, 1)),
                    }
                    for g in listing.groups
                ],
            }
            for listing in shown
        ],
        jdihn=markdown_link(ARCHIVE_INDEX, JDIHN_FILE),
        feed=markdown_link(ARCHIVE_INDEX, FEED_FILE),
    )
