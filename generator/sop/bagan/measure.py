"""Text widths of the bagan alur, measured with Helvetica's metrics, and wrapping by them.

The SVG names Helvetica (Liberation Sans where it is installed, the same widths). Where neither is, fontconfig gives
Graphviz and the browser DejaVu Sans, up to 17% wider: every width is measured with that much room, so the text fits
its box with either font and Graphviz never finds a label too big for its node.
"""

from __future__ import annotations

import functools
import re

from reportlab.pdfbase.pdfmetrics import stringWidth

from ..emphasis import CLOSE, OPEN, balanced

FONT_SIZE = 9.0
_PIECE = re.compile(r"[^/]+/?|/")  # a word, or its parts up to and including each slash
FONT_SLACK = 1.2  # DejaVu Sans over Helvetica, the widest seen ("mendistribusikan" 1.17), rounded up


def text_width(text: str, bold: bool = False) -> float:
    """Points `text` takes at 9 pt (italic Helvetica has the upright widths; span markers take none)."""
    shown = text.replace(OPEN, "").replace(CLOSE, "")
    return stringWidth(shown, "Helvetica-Bold" if bold else "Helvetica", FONT_SIZE) * FONT_SLACK


def widest_word(text: str, bold: bool = False) -> float:
    return max((text_width(word, bold) for word in _pieces(text)), default=0.0)


def _pieces(text: str) -> list[str]:
    """Words, and parts of a word that a person may break after a slash ("Pelaksana/" "Pengelola")."""
    return [piece for word in text.split() for piece in _PIECE.findall(word)]


def wrap(text: str, width: float, bold: bool = False, split_words: bool = True) -> list[str]:
    """Lines of `text` no wider than `width` points: greedy by words (a word may break after a slash), a word broken
    only when it alone is wider than a line (or kept whole, overflowing, when `split_words` is false). Never empty.

    Widths add up (Helvetica's metrics have no kerning), so a line's width is kept as it grows: measuring the whole
    line again for each word made a cell of short words several times slower.
    """
    space = text_width(" ", bold)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0.0
        for word in paragraph.split():
            for index, piece in enumerate(_PIECE.findall(word)):
                gap = bool(line) and index == 0
                piece_width = text_width(piece, bold)
                added = piece_width + (space if gap else 0.0)
                if line and used + added > width:
                    lines.append(line)
                    line, used = piece, piece_width
                else:
                    line, used = line + (" " if gap else "") + piece, used + added
                if split_words and len(line) > 1 and used > width:
                    *full, line = _cut(line, width, bold)
                    lines += full
                    used = text_width(line, bold)
        lines.append(line)
    return balanced(lines) or [""]


def _cut(text: str, width: float, bold: bool) -> list[str]:
    """`text` cut into pieces no wider than `width` (at least one character each), in one pass: measuring every
    prefix again made a word of 2,000 letters take 4 s, one of a megabyte hours (tests/test_linear_time.py)."""
    pieces: list[str] = []
    start, used = 0, 0.0
    for end, char in enumerate(text):
        advance = _char_width(char, bold)
        if used + advance > width and end > start:
            pieces.append(text[start:end])
            start, used = end, 0.0
        used += advance
    pieces.append(text[start:])
    return pieces


@functools.cache
def _char_width(char: str, bold: bool) -> float:
    """One character's advance: reportlab's Helvetica widths are per character, without kerning, so they add up."""
    return text_width(char, bold)
