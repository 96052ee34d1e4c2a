"""What page writers produce, and the one Jinja environment they render with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2

from .text import html_lines, html_text, markdown_text, tanggal, url_text

_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=False,  # templates write Markdown; every value passes an explicit |h, |br, |m or |u filter
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_templates.filters.update(h=html_text, br=html_lines, m=markdown_text, u=url_text, tanggal=tanggal)


@dataclass(frozen=True)
class PageSource:
    """A generated file: where it goes in the site and the file an editor changes to alter it."""

    uri: str
    content: str
    source: str | None
    in_nav: bool = False  # item pages are reached from listings; only section front pages join the navigation


def render(template: str, **context: Any) -> str:
    return _templates.get_template(template).render(**context)


def markdown_paragraphs(text: str) -> list[str]:
    """Escaped paragraphs of plain text; a single line break stays a line break (captions rely on it)."""
    blocks = [block for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return ["  \n".join(markdown_text(line.strip()) for line in block.strip().splitlines()) for block in blocks]
