"""Pages the generator writes as finished HTML: what MkDocs' Markdown step would otherwise have told about them.

The archive's item and listing pages are thousands of pages of escaped data in fixed markup; running them through
Markdown cost more than the rest of their build. The plugin hands MkDocs an empty Markdown body for them and puts
the HTML back afterwards, with the table of contents and anchors read from the headings the templates wrote.
"""

from __future__ import annotations

import re
from typing import Any

# Only our templates write these pages and every value in them is escaped: a heading is exactly this shape.
_HEADING = re.compile(r'<h([1-6]) id="([^"<>]*)">([^<]*)</h\1>')


def toc_tokens(body: str) -> list[dict[str, Any]]:
    """The headings, nested by level as Markdown's toc extension lists them (what mkdocs' `get_toc` reads)."""
    roots: list[dict[str, Any]] = []
    open_headings: list[dict[str, Any]] = []  # the current heading at each depth
    for found in _HEADING.finditer(body):
        token = {"level": int(found.group(1)), "id": found.group(2), "name": found.group(3), "children": []}
        while open_headings and open_headings[-1]["level"] >= token["level"]:
            open_headings.pop()
        (open_headings[-1]["children"] if open_headings else roots).append(token)
        open_headings.append(token)
    return roots


def anchor_ids(body: str) -> set[str]:
    """Every id in the body, so MkDocs can check links to `page#anchor`."""
    return set(re.findall(r'\sid="([^"]*)"', body))
