"""Read the bagan alur back out of a built page: where each symbol and lane really stands."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.sop.bagan.measure import text_width

NS = {"svg": "http://www.w3.org/2000/svg"}


def diagrams(html: str) -> list[ET.Element]:
    """The bagan alur SVGs of a page (Material's own icons are SVG too)."""
    pattern = r'<div class="bagan-alur[^"]*"[^>]*>\s*(<svg\b.*?</svg>)'
    return [ET.fromstring(match) for match in re.findall(pattern, html, flags=re.DOTALL)]


def print_diagrams(html: str) -> list[ET.Element]:
    """The printed pages of a split bagan alur (shown only in print)."""
    pattern = r'<div class="bagan-halaman">\s*<p[^>]*>.*?</p>\s*(<svg\b.*?</svg>)'
    return [ET.fromstring(match) for match in re.findall(pattern, html, flags=re.DOTALL)]


def texts(group: ET.Element) -> list[str]:
    return [text.text or "" for text in group.iter(f"{{{NS['svg']}}}text")]


def text_xs(group: ET.Element) -> list[float]:
    return [float(text.get("x", "nan")) for text in group.iter(f"{{{NS['svg']}}}text")]


def group(svg: ET.Element, group_id: str) -> ET.Element:
    found = svg.find(f".//svg:g[@id='{group_id}']", NS)
    assert found is not None, f"no <g id={group_id}> in the diagram"
    return found


def groups_with_class(svg: ET.Element, name: str) -> list[ET.Element]:
    return [g for g in svg.iter(f"{{{NS['svg']}}}g") if name in (g.get("class") or "").split()]


@dataclass(frozen=True)
class Lane:
    name: str
    left: float
    right: float

    def holds(self, x: float) -> bool:
        return self.left < x < self.right


def lanes(svg: ET.Element, actor_names: list[str]) -> dict[str, Lane]:
    """Each actor's column, from the x-range of its header cell."""
    found = {}
    for cell in groups_with_class(svg, "sel-kepala"):
        name = " ".join(texts(cell))
        if name in actor_names:
            polygon = cell.find("svg:polygon", NS)
            assert polygon is not None
            xs = [float(point.split(",")[0]) for point in polygon.get("points", "").split()]
            found[name] = Lane(name, min(xs), max(xs))
    return found


Point = tuple[float, float]


@dataclass(frozen=True)
class Edge:
    """One arrow as drawn: the symbols it joins (their SVG ids), where it starts, its tip, and its label box."""

    tail: str
    head: str
    start: Point
    tip: Point
    label: str | None
    label_box: tuple[float, float, float, float] | None  # left, top, right, bottom

    def touches(self, name: str) -> list[tuple[str, Point]]:
        """How this arrow meets symbol `name`: ("out", where it leaves) and/or ("in", where its tip is)."""
        return [
            (role, point)
            for role, end, point in (("out", self.tail, self.start), ("in", self.head, self.tip))
            if end == name
        ]


def _points(text: str) -> list[Point]:
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", text)]


def edges(svg: ET.Element, font_size: float = 9.0) -> list[Edge]:
    """Every arrow of a diagram (dashed ties between copies of a shared step have no arrowhead and are left out)."""
    found = []
    for group in groups_with_class(svg, "edge"):
        path, polygon = group.find("svg:path", NS), group.find("svg:polygon", NS)
        title = group.find("svg:title", NS)
        if path is None or polygon is None or title is None:
            continue
        line = _points(path.get("d", ""))
        end = line[-1]
        tip = max(_points(polygon.get("points", "")), key=lambda p: (p[0] - end[0]) ** 2 + (p[1] - end[1]) ** 2)
        tail, head = (title.text or "").split("->")
        label = group.find("svg:text", NS)
        box = None
        if label is not None:
            x, y, width = float(label.get("x", 0)), float(label.get("y", 0)), text_width(label.text or "")
            box = (x - width / 2, y - font_size, x + width / 2, y + 2)
        found.append(Edge(tail, head, line[0], tip, label.text if label is not None else None, box))
    return found


def symbol_box(svg: ET.Element, name: str) -> tuple[float, float, float, float]:
    """left, top, right, bottom of a step's symbol."""
    shape = group(svg, name).find("svg:polygon", NS)
    if shape is None:
        shape = group(svg, name).find("svg:path", NS)
    assert shape is not None
    points = _points(shape.get("points") or shape.get("d", ""))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def text_outside_symbols(svg: ET.Element) -> list[str]:
    """Lines of a symbol's text (measured as the layout measures it) that reach past its outline: a box's edges, or a
    keputusan's diamond sides."""
    found = []
    for symbol in groups_with_class(svg, "simbol"):
        left, top, right, bottom = symbol_box(svg, symbol.get("id", ""))
        cx, cy, half_w, half_h = (left + right) / 2, (top + bottom) / 2, (right - left) / 2, (bottom - top) / 2
        diamond = "simbol-keputusan" in (symbol.get("class") or "")
        for text in symbol.iter(f"{{{NS['svg']}}}text"):
            line = "".join(text.itertext())
            x, y, width = float(text.get("x", 0)), float(text.get("y", 0)), text_width(line)
            for dx, dy in ((x - width / 2 - cx, y - 7 - cy), (x + width / 2 - cx, y + 2 - cy)):
                inside = (
                    abs(dx) / half_w + abs(dy) / half_h <= 1 if diamond else abs(dx) <= half_w and abs(dy) <= half_h
                )
                if not inside:
                    found.append(f"{symbol.get('id')}: {line!r}")
                    break
    return found
