"""What page writers produce, and the Jinja environments they render with."""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify
from markupsafe import Markup

from .text import html_lines, html_text, markdown_text, tanggal, url_text

_loader = jinja2.PackageLoader("generator.pages", "templates")

# `*.md.j2` write Markdown: autoescaping would be wrong there, so every value passes an explicit |h, |br, |m or |u.
_markdown_templates = jinja2.Environment(
    loader=_loader, autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
)
_markdown_templates.filters.update(h=html_text, br=html_lines, m=markdown_text, u=url_text, tanggal=tanggal)

# `*.html.j2` write finished HTML (the archive's thousands of pages skip Markdown: see html_body.py): every value is
# escaped unless it is Markup, which only |br and the JSON-LD (angle brackets already encoded) are.
_html_templates = jinja2.Environment(
    loader=_loader, autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
)
_html_templates.filters.update(br=lambda value: Markup(html_lines(value)), u=url_text, tanggal=tanggal)


@dataclass(frozen=True)
class PageSource:
    """A generated file: where it goes in the site and the file an editor changes to alter it."""

    uri: str
    content: str
    source: str | None
    in_nav: bool = False  # item pages are reached from listings; only section front pages join the navigation
    html: bool = False  # the body after the front matter is finished HTML, not Markdown
    # Its "Ubah" button (Material's edit action) opens `source`: staff change SOPs from their pages (cara-mengubah-sop);
    # the public's pages (archive, indexes, hand-written ones) go without it.
    staff_edit: bool = False


@dataclass(frozen=True)
class LazyPage:
    """A page produced only when its inputs changed since the last build (see memo.py): the archive's thousands.

    `produce` reads the content through the archive's tables; `key` holds whatever else it is given (which items a
    listing page shows, its page count), so two pages never share a key and a change outside the tables is seen.
    `facts` says what its search block carries (None: the page has none).
    """

    uri: str
    source: str | None
    key: Hashable
    produce: Callable[[], str]
    facts: Callable[[], Any] = lambda: None
    in_nav: bool = False
    html: bool = False
    staff_edit: bool = False


def render(template: str, template_folder: Path | None = None, **context: Any) -> str:
    """A `*.md.j2` (Markdown) or `*.html.j2` (HTML) template, in the environment that escapes for it.

    `template_folder`: a collection's own templates, looked up before the generator's (ArchiveKind.templates).
    """
    templates = _html_templates if template.endswith(".html.j2") else _markdown_templates
    if template_folder is not None:
        templates = _with_folder(templates, template_folder)
    return templates.get_template(template).render(**context)


@functools.cache
def _with_folder(templates: jinja2.Environment, folder: Path) -> jinja2.Environment:
    return templates.overlay(loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(folder), _loader]))


def daftar(columns: list[dict[str, Any]], rows: list[list[dict[str, Any]]]) -> str:
    """The list table of daftar.html.j2 as escaped HTML, for a Markdown page to hold as a raw HTML block."""
    return str(_html_templates.get_template("daftar.html.j2").module.daftar(columns, rows))  # type: ignore[attr-defined]


def heading_id(text: str, taken: tuple[str, ...] = ()) -> str:
    """The id Markdown's toc extension would give a heading with this text, unique among `taken`."""
    base = slugify(text, "-")
    candidate, n = base, 0
    while not candidate or candidate in taken:  # a title of symbols only slugifies to nothing: "_1"
        n += 1
        candidate = f"{base}_{n}"
    return candidate


def paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text (split at blank lines); a single line break stays in, for |br (captions rely on it)."""
    blocks = [block for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return ["\n".join(line.strip() for line in block.strip().splitlines()) for block in blocks]
