"""Pages of the dasar hukum index: one per regulation, and the index grouped by hierarchy."""

from __future__ import annotations

from typing import Any

from ..archive.collection import Archive
from ..archive.model import Status
from ..archive.relations import MENCABUT, MENCABUT_SEBAGIAN, MENGUBAH
from ..dasar_hukum.citations import GROUPS
from ..dasar_hukum.index import Citing, DasarHukumIndex, Regulation, by_group
from .addresses import DASAR_HUKUM_INDEX as INDEX
from .addresses import regulation_uri, sop_uri
from .page_source import PageSource, daftar, render
from .urls import SiteUrls, markdown_link

# The index's columns (daftar.html.j2): cards on a phone, as the archive's listings.
_INDEX_COLUMNS = [
    {"heading": "Peraturan", "number": False},
    {"heading": "Tentang", "number": False},
    {"heading": "Status", "number": False},
    {"heading": "Dikutip SOP", "number": True},
    {"heading": "Dikutip arsip", "number": True},
]


def citing_uri(place: Citing, archive: Archive) -> str:
    return sop_uri(place.item_id) if place.kind == "sop" else archive.kind_of[place.item_id].uri(place.item_id)


def regulation_pages(index: DasarHukumIndex, archive: Archive, urls: SiteUrls) -> list[PageSource]:
    """Pages for the regulations something cites; an archive item nothing cites already has its own page."""
    pages = [PageSource(regulation_uri(reg.slug), _page(reg, index, archive), None) for reg in _with_page(index)]
    pages.append(PageSource(INDEX, _index(index, archive, urls), None, in_nav=True))
    return pages


def regulation_page_uris(index: DasarHukumIndex) -> list[str]:
    """What `regulation_pages` writes, without writing it."""
    return [*(regulation_uri(reg.slug) for reg in _with_page(index)), INDEX]


def _with_page(index: DasarHukumIndex) -> list[Regulation]:
    return [reg for reg in index.regulations.values() if reg.cited_by]


def _link(here: str, regulation: Regulation, archive: Archive) -> str | None:
    """Its page in the index when something cites it, else its archive page, else no link."""
    if regulation.cited_by:
        return markdown_link(here, regulation_uri(regulation.slug))
    return markdown_link(here, _archive_uri(regulation.archive_id, archive)) if regulation.archive_id else None


def _archive_uri(item_id: str, archive: Archive) -> str:
    return archive.kind_of[item_id].uri(item_id)


def _status(regulation: Regulation, archive: Archive) -> Status | None:
    item = archive.by_id.get(regulation.archive_id or "")
    return archive.status(item) if item else None


def _page(regulation: Regulation, index: DasarHukumIndex, archive: Archive) -> str:
    here = regulation_uri(regulation.slug)
    status = _status(regulation, archive)

    def others(keys: set[str]) -> list[dict[str, str]]:
        entries = sorted((index.regulations[key] for key in keys), key=Regulation.sort_key)
        return [{"name": entry.name, "href": href} for entry in entries if (href := _link(here, entry, archive))]

    places = {(place.kind, place.item_id): place for place in regulation.cited_by}  # one line per citing document
    return render(
        "dasar_hukum.md.j2",
        reg=regulation,
        status=status.value if status else None,
        status_class=status.badge if status else None,
        notes=archive.notes(archive.by_id[regulation.archive_id]) if regulation.archive_id else (),
        archive={
            "title": archive.by_id[regulation.archive_id].judul,
            "href": markdown_link(here, _archive_uri(regulation.archive_id, archive)),
        }
        if regulation.archive_id
        else None,
        changes=[
            (label, other)
            for label, keys in (
                (MENGUBAH.inverse_label, regulation.amended_by),
                (MENCABUT.inverse_label, regulation.revoked_by),
                (MENCABUT_SEBAGIAN.inverse_label, regulation.partly_revoked_by),
                (MENGUBAH.label, regulation.amends),
                (MENCABUT.label, regulation.revokes),
                (MENCABUT_SEBAGIAN.label, regulation.partly_revokes),
            )
            for other in others(keys)
        ],
        cited_by=[
            {
                "kind": "SOP" if place.kind == "sop" else archive.kind_of[place.item_id].name.capitalize(),
                "title": place.title,
                "href": markdown_link(here, citing_uri(place, archive)),
            }
            for place in sorted(places.values(), key=lambda place: (place.kind != "sop", place.title.lower()))
        ],
        spellings=sorted(regulation.spellings),
    )


def _index(index: DasarHukumIndex, archive: Archive, urls: SiteUrls) -> str:
    def cell(text: object, number: bool = False) -> dict[str, Any]:
        return {"text": str(text), "href": None, "number": number, "badge": None, "title": False}

    groups = []
    for group, regulations in by_group(index, cited_only=True).items():
        rows: list[list[dict[str, Any]]] = []
        for regulation in regulations:
            status = _status(regulation, archive)
            kinds = {(place.kind, place.item_id) for place in regulation.cited_by}
            href = urls.relative(INDEX, regulation_uri(regulation.slug))
            rows.append(
                [
                    {**cell(regulation.name), "href": href, "title": True},
                    cell(regulation.tentang or "–"),
                    {**cell(status.value), "badge": status.badge} if status else cell("belum diarsipkan"),
                    cell(sum(1 for kind, _ in kinds if kind == "sop"), number=True),
                    cell(sum(1 for kind, _ in kinds if kind != "sop"), number=True),
                ]
            )
        groups.append({"title": GROUPS[group], "count": len(rows), "table": daftar(_INDEX_COLUMNS, rows)})
    unparsed = [
        {"title": line.citing.title, "href": markdown_link(INDEX, citing_uri(line.citing, archive)), "text": line.text}
        for line in index.unparsed
    ]
    total = sum(group["count"] for group in groups)
    return render("dasar_hukum_index.md.j2", total=total, groups=groups, unparsed=unparsed)
