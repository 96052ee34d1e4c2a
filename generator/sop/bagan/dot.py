"""Write a procedure's grid and arrows as DOT for Graphviz's no-op layout (`neato -n2`).

Every node and edge carries its position, so Graphviz only draws: shapes, text (selectable
`<text>` in the SVG) and arrowheads. Nodes are drawn before edges, cells before symbols.
"""

from __future__ import annotations

import graphviz

from ..flow import Arrow
from ..model import Simbol
from .grid import Cell, Grid, PlacedSymbol
from .measure import FONT_SIZE
from .routes import Point, Route, route_all

ARROW_LENGTH = 7.0  # arrowsize 0.7 of Graphviz's 10 pt arrowhead
_SHAPES = {
    Simbol.mulai: {"shape": "box", "style": "rounded,filled"},
    Simbol.selesai: {"shape": "box", "style": "rounded,filled"},
    Simbol.proses: {"shape": "box", "style": "filled"},
    Simbol.keputusan: {"shape": "diamond", "style": "filled"},
    Simbol.penghubung: {"shape": "invhouse", "style": "filled"},
}


def _inches(points: float) -> str:
    return f"{points / 72:.4f}"


def _label(lines: list[str], justify: str) -> str:
    """Graphviz label: each line ends in \\l (left) or \\n (centred); the text shows as written.

    Backslashes are kept literal, and '&' is written as an entity: Graphviz reads entities in labels, so "&amp;" in a
    kegiatan would otherwise show as "&" in the diagram but as "&amp;" in the step table beside it.
    """
    return "".join(graphviz.escape(line).replace("&", "&amp;") + justify for line in lines)


class _Writer:
    def __init__(self, grid: Grid, key: str) -> None:
        self.grid = grid
        self.key = key
        self.graph = graphviz.Digraph(
            graph_attr={"outputorder": "nodesfirst", "bgcolor": "transparent", "pad": "0.05"},
            node_attr={
                "fontname": "Helvetica",
                "fontsize": str(FONT_SIZE),
                "fixedsize": "true",
                "penwidth": "0.8",
                "fillcolor": "white",
                "margin": "0.06,0.06",
            },
            edge_attr={"arrowsize": "0.7", "fontname": "Helvetica", "fontsize": str(FONT_SIZE), "penwidth": "1.0"},
        )

    def point(self, point: Point) -> str:
        return f"{point[0]:.2f},{self.grid.height - point[1]:.2f}"

    def cell(self, index: int, cell: Cell) -> None:
        cx, cy = cell.center
        self.graph.node(
            f"c{index}",
            _label(cell.lines, "\\n" if cell.header else "\\l") or " ",
            shape="box",
            pos=self.point((cx, cy)),
            width=_inches(cell.width),
            height=_inches(cell.height),
            style="filled",
            fillcolor="#eef1f6" if cell.header else "white",
            color="#6b7280",
            labelloc="c" if cell.header else "t",
            fontname="Helvetica-Bold" if cell.header else "Helvetica",
            **{"class": "sel-kepala" if cell.header else "sel"},
        )

    def symbol(self, symbol: PlacedSymbol) -> str:
        name = f"langkah-{self.key}-{symbol.step_no}" + ("" if symbol.primary else f"-{symbol.lane}")
        if symbol.terminal:
            name = f"{symbol.kind.value}-{self.key}-{symbol.step_no}"
        self.graph.node(
            name,
            _label(symbol.lines, "\\n"),
            pos=self.point((symbol.cx, symbol.cy)),
            width=_inches(symbol.width),
            height=_inches(symbol.height),
            id=name,
            **{"class": f"simbol simbol-{symbol.kind.value} lajur-{symbol.lane}"},
            **_SHAPES[symbol.kind],
        )
        return name

    def arrow(self, index: int, tail: str, head: str, route: Route) -> None:
        *body, tip = route.points
        before = body[-1]
        length = max(abs(tip[0] - before[0]), abs(tip[1] - before[1])) or 1.0
        base = (
            tip[0] - (tip[0] - before[0]) * ARROW_LENGTH / length,
            tip[1] - (tip[1] - before[1]) * ARROW_LENGTH / length,
        )
        spline = [body[0]] + [p for point in [*body[1:], base] for p in (point, point, point)]
        attributes = {"pos": "e," + self.point(tip) + " " + " ".join(self.point(p) for p in spline)}
        if route.label and route.label_at:
            attributes |= {"label": route.label, "lp": self.point(route.label_at)}
        self.graph.edge(tail, head, id=f"alur-{self.key}-{index}", **attributes)

    def link(self, tail: str, head: str, a: PlacedSymbol, b: PlacedSymbol) -> None:
        """Dashed tie between the copies of a step several actors perform together."""
        left, right = sorted((a, b), key=lambda s: s.cx)
        start, end = (left.right, left.cy), (right.left, right.cy)
        self.graph.edge(
            tail,
            head,
            dir="none",
            style="dashed",
            color="#6b7280",
            pos=" ".join(self.point(p) for p in (start, start, end, end)),
        )

    def terminal(self, name: str, capsule: PlacedSymbol, step_name: str, step: PlacedSymbol) -> None:
        """A Mulai capsule's arrow into its step, or a step's arrow into its Selesai capsule, straight across."""
        inward = capsule.kind is Simbol.mulai
        source, target = (capsule, step) if inward else (step, capsule)
        rightwards = source.cx < target.cx
        start = (source.right if rightwards else source.left, source.cy)
        tip = (target.left if rightwards else target.right, target.cy)
        base = (tip[0] - ARROW_LENGTH if rightwards else tip[0] + ARROW_LENGTH, tip[1])
        self.graph.edge(
            name if inward else step_name,
            step_name if inward else name,
            id=f"{name}-alur",
            pos="e," + self.point(tip) + " " + " ".join(self.point(p) for p in (start, start, base, base)),
        )


def grid_dot(grid: Grid, flow: list[Arrow], key: str) -> str:
    """DOT source of one drawn sheet; `key` makes its SVG ids unique on the page.

    `flow` is the procedure's arrows, or a printed page's (they end at its off-page connectors); arrows whose ends
    are not on this sheet are left out.
    """
    writer = _Writer(grid, key)
    for index, cell in enumerate(grid.cells):
        writer.cell(index, cell)
    names: dict[int, str] = {}
    copies: dict[int, list[tuple[str, PlacedSymbol]]] = {}
    terminals: list[tuple[str, PlacedSymbol]] = []
    for symbol in grid.symbols:
        name = writer.symbol(symbol)
        if symbol.terminal:
            terminals.append((name, symbol))
            continue
        copies.setdefault(symbol.step_no, []).append((name, symbol))
        if symbol.primary:
            names[symbol.step_no] = name
            primary = symbol
        else:
            writer.link(names[symbol.step_no], name, primary, symbol)
    for name, capsule in terminals:  # into (or out of) the step's copy nearest the capsule's lane
        step_name, step = min(copies[capsule.step_no], key=lambda copy: abs(copy[1].lane - capsule.lane))
        writer.terminal(name, capsule, step_name, step)
    flow = [arrow for arrow in flow if arrow.source in names and arrow.target in names]
    for index, (arrow, route) in enumerate(zip(flow, route_all(grid, flow), strict=True)):
        writer.arrow(index, names[arrow.source], names[arrow.target], route)
    return writer.graph.source
