"""Escaping and Indonesian formatting for generated pages."""

from __future__ import annotations

import datetime
import html
import re
from urllib.parse import quote

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def html_text(value: object) -> str:
    """Text for raw HTML blocks."""
    return html.escape(str(value), quote=True)


def html_lines(value: object) -> str:
    """Text for raw HTML blocks, keeping its line breaks (sub-items a., b.; signature lines)."""
    return "<br>".join(html_text(line) for line in str(value).splitlines())


def markdown_text(value: object) -> str:
    """Literal text inside Markdown: no emphasis, links, HTML or table breaks can come from the data."""
    escaped = html.escape(str(value), quote=False).replace("|", "&#124;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped).replace("\n", " ")


def url_text(value: object) -> str:
    """A link target from data, in Markdown `(…)`, an attribute or a feed: what could end it or add attributes, and
    anything not ASCII, is encoded; what is already encoded (`%20`) stays as it is."""
    return quote(str(value), safe="/:?#[]@!$&'*+,;=%~")


def tanggal(value: datetime.date | str | None) -> str:
    """23 Agustus 2024; a date written "-" stays "-", as the sheet prints it."""
    if isinstance(value, str):
        return value
    return f"{value.day} {BULAN[value.month - 1]} {value.year}" if value else "–"


def joined(names: list[str]) -> str:
    """A list as Indonesian writes it: "produk hukum, monografi dan konten"."""
    return " dan ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
