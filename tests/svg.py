"""Read the bagan alur back out of a built page: where each symbol and lane really stands."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

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
