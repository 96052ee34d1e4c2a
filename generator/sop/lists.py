"""List items marked as the office prints them: 1., a., a dash, or nothing; a single item is never numbered."""

from __future__ import annotations

from .model import Gaya


def marked_items(items: list[str], style: Gaya) -> list[str]:
    """Each item with its marker; one item alone keeps no number or letter (a dash stays a dash)."""
    if style is Gaya.polos or (len(items) == 1 and style is not Gaya.strip):
        return list(items)
    return [f"{_marker(style, index)} {item}" for index, item in enumerate(items)]


def as_lines(items: list[str], style: Gaya) -> str:
    """The items one a line, as a cell of the sheet shows them."""
    return "\n".join(marked_items(items, style))


def _marker(style: Gaya, index: int) -> str:
    if style is Gaya.angka:
        return f"{index + 1}."
    if style is Gaya.huruf:
        return f"{chr(ord('a') + index)}."
    return "-"
