"""Text widths of the bagan alur, measured with Helvetica's metrics, and wrapping by them.

The SVG names Helvetica (Liberation Sans where it is installed, the same widths). Where neither is, fontconfig gives
Graphviz and the browser DejaVu Sans, up to 17% wider: every width is measured with that much room, so the text fits
its box with either font and Graphviz never finds a label too big for its node.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

from ..emphasis import CLOSE, OPEN, balanced

FONT_SIZE = 9.0
FONT_SLACK = 1.2  # DejaVu Sans over Helvetica, the widest seen ("mendistribusikan" 1.17), rounded up


def text_width(text: str, bold: bool = False) -> float:
    """Points `text` takes at 9 pt (italic Helvetica has the upright widths; span markers take none)."""
    shown = text.replace(OPEN, "").replace(CLOSE, "")
    return stringWidth(shown, "Helvetica-Bold" if bold else "Helvetica", FONT_SIZE) * FONT_SLACK


def widest_word(text: str, bold: bool = False) -> float:
    return max((text_width(word, bold) for word in _pieces(text)), default=0.0)


def _pieces(text: str) -> list[str]:
    """Words, and parts of a word that a person may break after a slash ("Pelaksana/" "Pengelola")."""
    return [piece for word in text.split() for piece in re.findall(r"[^/]+/?|/", word)]


def wrap(text: str, width: float, bold: bool = False, split_words: bool = True) -> list[str]:
    """Lines of `text` no wider than `width` points: greedy by words (a word may break after a slash), a word broken
    only when it alone is wider than a line (or kept whole, overflowing, when `split_words` is false). Never empty."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            for index, piece in enumerate(re.findall(r"[^/]+/?|/", word)):
                candidate = line + (" " if line and index == 0 else "") + piece
                if line and text_width(candidate, bold) > width:
                    lines.append(line)
                    candidate = piece
                line = candidate
                while split_words and text_width(line, bold) > width and len(line) > 1:
                    fits = (end for end in range(len(line) - 1, 1, -1) if text_width(line[:end], bold) <= width)
                    cut = next(fits, 1)
                    lines.append(line[:cut])
                    line = line[cut:]
        lines.append(line)
    return balanced(lines) or [""]
