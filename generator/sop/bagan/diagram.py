"""The front door of the bagan alur: one call per procedure gives everything its page shows and prints.

The procedure is measured once (`grid.layout`); the screen diagram and each printed page are stacks of those rows,
drawn as DOT and rendered (or read from the cache) by the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flow import arrows
from ..model import Prosedur
from .dot import grid_dot
from .grid import DEFAULT_COLUMNS, Columns, layout
from .print_pages import print_pages
from .render import DiagramRenderer


@dataclass(frozen=True)
class Diagram:
    svg: str  # the whole bagan alur, shown on screen (and printed when it fits one page)
    print_svgs: list[str]  # one per A4 page when it does not fit one, joined by lettered connectors; else empty


def procedure_diagram(
    procedure: Prosedur,
    key: str,
    renderer: DiagramRenderer,
    columns: Columns = DEFAULT_COLUMNS,
    closing: float = 0.0,
) -> Diagram:
    """Draw one procedure; `key` (e.g. "p1") keeps its SVG ids unique on the page, "p1-h2" for its printed pages.

    `columns` are the sheet's columns as its SOP prints them (headings, Keterangan or not, numbered row); `closing`
    is the printed height in mm of what follows the last procedure (the Pengesahan, `closing_mm`).
    """
    sheet = layout(procedure, columns)
    flow = arrows(procedure)
    pages = print_pages(sheet, flow, closing)
    return Diagram(
        renderer.svg(grid_dot(sheet.grid(), flow, key)),
        [
            renderer.svg(grid_dot(sheet.grid(page.rows), page.flow, f"{key}-h{number}"))
            for number, page in enumerate(pages, start=1)
        ]
        if len(pages) > 1
        else [],
    )
