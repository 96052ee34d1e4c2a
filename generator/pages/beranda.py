"""The home page as the JDIH portal, and the office's pages (Profil, Kontak, Panduan pengunjung) from kantor.yaml.

The office writes its own words in docs/index.md; what the archive says about itself (a search form with the
archive's jenis, years and statuses, the newest items of every collection, counts drawn as charts, the feeds) is one
generated block of HTML that the page includes where it writes `<!-- sop-jdih: beranda -->` (at its end otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..archive.collection import Archive
from ..archive.kind import ArchiveKind
from ..archive.model import Status
from ..archive.produk_hukum import PRODUK_HUKUM
from ..kantor import JDIHN_PORTAL, Kantor
from .addresses import ARCHIVE_INDEX, DASAR_HUKUM_INDEX, FEED_FILE, JDIHN_FILE, SEARCH_PAGE, SOP_INDEX
from .archive import Listing, date_shown, year_key
from .page_source import PageSource, paragraphs, render
from .text import joined
from .urls import SiteUrls, markdown_link

HOME = "index.md"
MARKER = "<!-- sop-jdih: beranda -->"
LATEST = 5  # newest items shown per collection
PROFIL, KONTAK, PANDUAN = "profil/index.md", "kontak/index.md", "panduan/index.md"


def home_block(archive: Archive, shown: list[Listing], kantor: Kantor | None, urls: SiteUrls) -> str:
    """The generated part of the home page, as HTML without blank lines (Markdown keeps it as one raw block)."""

    def link(uri: str) -> str:
        return urls.relative(HOME, uri)

    years: set[str] = set()
    for kind in archive.kinds:
        years |= {year_key(kind, item) for item in archive.documents(kind)}
    html = render(
        "beranda.html.j2",
        archive_href=link(ARCHIVE_INDEX),
        produk_hukum=PRODUK_HUKUM.filter_value,  # the form searches legal products, not what explains them
        collections=joined([kind.plural for kind in archive.shown_kinds()]),
        jenis=_labels(shown, "jenis"),
        statuses=_labels(shown, "status"),
        years=sorted(years, key=int, reverse=True),
        latest=[_latest(kind, archive, link) for kind in archive.kinds if archive.items(kind)],
        charts=[_chart(listing, number) for number, listing in enumerate(shown, start=1)],
        about=_about(kantor, link),
        feed=link(FEED_FILE),
        jdihn=link(JDIHN_FILE),
        sop_index=link(SOP_INDEX),
        dasar_hukum=link(DASAR_HUKUM_INDEX),
        search=link(SEARCH_PAGE),
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


def with_home_block(markdown: str, block: str) -> str:
    """The office's home page with the block where it asks for it, or after its own words."""
    if MARKER in markdown:
        return markdown.replace(MARKER, f"\n\n{block}\n\n", 1)
    return f"{markdown.rstrip()}\n\n{block}\n"


def _labels(shown: list[Listing], key: str) -> list[str]:
    return [group.label for listing in shown if listing.facet.key == key for group in listing.groups]


def _latest(kind: ArchiveKind, archive: Archive, link: Callable[[str], str]) -> dict[str, Any]:
    newest = sorted(archive.documents(kind), key=lambda item: (kind.date(item), item.id), reverse=True)[:LATEST]
    entries = []
    for item in newest:
        status = archive.status(item)
        entries.append(
            {
                "title": kind.title_of(item),
                "citation": kind.label_of(item) if kind.label else None,
                "href": link(kind.uri(item.id)),
                "date": date_shown(kind, item),
                "iso": str(kind.date(item).year) if kind.year_only else kind.date(item).isoformat(),
                "status": status.value if status else None,
                "status_class": "berlaku" if status is Status.berlaku else "tidak-berlaku",
            }
        )
    return {"heading": f"{kind.plural.capitalize()} terbaru", "entries": entries}


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    y: int
    width: float


CHART_WIDTH = 400
BAR_SPACE = 330  # the longest bar; its count is written after it
ROW = 30


def _chart(listing: Listing, number: int) -> dict[str, Any]:
    """One listing's counts as a horizontal bar chart: a label above each bar, its count after it.

    Static SVG in the page: no script draws it. Its <title> and <desc> say the same in words for screen readers.
    """
    groups = listing.groups
    most = max((group.count for group in groups), default=1)
    bars = [
        Bar(group.label, group.count, index * ROW, max(2.0, round(BAR_SPACE * group.count / most, 1)))
        for index, group in enumerate(groups)
    ]
    words = "; ".join(f"{group.label}: {group.count}" for group in groups)
    return {
        "id": f"sj-statistik-{number}",
        "title": listing.facet.title,
        "desc": f"{listing.facet.title}. {words}.",
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(ROW, len(bars) * ROW),
    }


def _about(kantor: Kantor | None, link: Callable[[str], str]) -> list[dict[str, str]]:
    """The office's pages and the national portal, for the home page's "Tentang JDIH"."""
    pages = [(PROFIL, "Profil dan struktur pengelola"), (PANDUAN, "Panduan pengunjung"), (KONTAK, "Kontak")]
    shown = [{"title": title, "href": link(uri)} for uri, title in pages] if kantor else []
    return [*shown, {"title": "Portal JDIH Nasional (JDIHN)", "href": JDIHN_PORTAL}]


def kantor_page_uris(kantor: Kantor | None) -> dict[str, str | None]:
    return dict.fromkeys([PROFIL, KONTAK, PANDUAN]) if kantor else {}


def kantor_pages(kantor: Kantor | None, source: str) -> list[PageSource]:
    """Profil (with the struktur pengelola), Kontak (with the links) and Panduan pengunjung; edited in `source`."""
    if kantor is None:
        return []
    context = {"kantor": kantor, "jdihn": JDIHN_PORTAL}
    return [
        PageSource(
            PROFIL,
            render(
                "kantor_profil.md.j2",
                **context,
                profil=paragraphs(kantor.profil or ""),
                archive=_md(PROFIL, ARCHIVE_INDEX),
            ),
            source,
            True,
        ),
        PageSource(KONTAK, render("kantor_kontak.md.j2", **context), source, True),
        PageSource(
            PANDUAN,
            render(
                "kantor_panduan.md.j2",
                **context,
                archive=_md(PANDUAN, ARCHIVE_INDEX),
                search=_md(PANDUAN, SEARCH_PAGE),
                kontak=_md(PANDUAN, KONTAK),
            ),
            source,
            True,
        ),
    ]


def _md(here: str, uri: str) -> str:
    return markdown_link(here, uri)
