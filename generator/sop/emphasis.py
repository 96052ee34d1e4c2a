"""Italics in SOP text, written `*design*` as offices print foreign words (hardcopy, softcopy) in italics.

One rule for every output: a span opens at a `*` not preceded by a letter or digit and followed by a non-space, and
closes at the next `*` preceded by a non-space and not followed by a letter or digit. Anything else stays literal
(`2*3`, an unclosed `*`). The page gets <em>, the diagram private-use markers that the renderer turns into an italic
<tspan> after Graphviz has escaped the text, and search text and feeds the words without the stars.
"""

from __future__ import annotations

import re
from html import escape

_SPAN = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: never drawn, so they can mark a span in the SVG


def _escape(text: str) -> str:
    return escape(text, quote=True)


def plain(text: str) -> str:
    """The text as read: italic spans without their stars."""
    return _SPAN.sub(r"\1", text)


def html(text: str) -> str:
    """Escaped HTML with italic spans as <em>; line breaks kept as <br>."""
    return "<br>".join(_html_line(line) for line in text.splitlines())


def _html_line(line: str) -> str:
    parts, start = [], 0
    for match in _SPAN.finditer(line):
        parts += [_escape(line[start : match.start()]), f"<em>{_escape(match.group(1))}</em>"]
        start = match.end()
    return "".join([*parts, _escape(line[start:])])


def marked(text: str) -> str:
    """The text with each italic span between OPEN and CLOSE (markers an editor typed are dropped first)."""
    return _SPAN.sub(f"{OPEN}\\1{CLOSE}", text.replace(OPEN, "").replace(CLOSE, ""))


def cut(text: str, end: int) -> str:
    """`text[:end]`, closing an italic span the cut falls inside (`*soft copy*` cut after "soft" stays italic)."""
    inside = any(match.start() < end < match.end() - 1 for match in _SPAN.finditer(text))
    return text[:end].rstrip() + ("*" if inside else "")


def balanced(lines: list[str]) -> list[str]:
    """Wrapped marked lines, each closing the span it leaves open and reopening it on the next line."""
    result, italic = [], False
    for line in lines:
        opened = (OPEN if italic else "") + line
        last_open, last_close = opened.rfind(OPEN), opened.rfind(CLOSE)
        italic = last_open > last_close
        result.append(opened + (CLOSE if italic else ""))
    return result
