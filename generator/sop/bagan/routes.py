"""Orthogonal arrows between symbols, drawn the way the paper sheets do.

- to a later step with a clear lane below: leave from the bottom, turn in the row's lower margin,
  enter the target from the top;
- to a later step past other symbols of its lane: run down the left gutter, enter from the left;
- back to an earlier step (a Tidak loop): run up the right gutter, enter from the right.
A keputusan's Tidak never leaves from the bottom. Each side of a symbol is a port, and one port is never used by
two arrows when one of them leaves there: a decision's Ya and Tidak never share a corner (nor their labels a spot),
and an arrow leaving a symbol never starts where another arrives, so two arrows never read as one. When its
preferred side is taken, an arrow goes round by the other gutter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..flow import Arrow
from .grid import Grid, PlacedSymbol

Point = tuple[float, float]
Side = Literal["top", "bottom", "left", "right"]
GUTTER = 4.5  # from the lane border to the gutter line
GUTTER_STEP = 3.0  # between gutter lines of arrows sharing a lane
LABEL_GAP = 14.0  # from a side corner to the centre of the Ya/Tidak written beside it


@dataclass(frozen=True)
class Route:
    points: list[Point]  # polyline, last point is the arrow tip
    label: str | None
    label_at: Point | None


@dataclass(frozen=True)
class _Way:
    """A way an arrow may take: the side it leaves its source by, and the side it enters its target by."""

    leaves: Side
    enters: Side


_Ports = dict[tuple[int, Side], set[str]]  # (step, side) → {"in", "out"}: how arrows already use that corner


def route_all(grid: Grid, arrows: list[Arrow]) -> list[Route]:
    primary = {symbol.step_no: symbol for symbol in grid.symbols if symbol.primary}
    gutters_used: dict[tuple[str, int], int] = {}
    ports: _Ports = {}
    routes = []
    for arrow in arrows:
        source, target = primary.get(arrow.source), primary.get(arrow.target)
        if source is None or target is None:
            continue
        ways = _ways(grid, source, target, arrow.label)
        way = next((way for way in ways if _free(way, source, target, ports)), ways[0])
        ports.setdefault((source.step_no, way.leaves), set()).add("out")
        ports.setdefault((target.step_no, way.enters), set()).add("in")
        routes.append(_route(grid, source, target, arrow.label, way, gutters_used))
    return routes


def _ways(grid: Grid, source: PlacedSymbol, target: PlacedSymbol, label: str | None) -> list[_Way]:
    """The ways an arrow may take, preferred first."""
    if target.row > source.row:
        down = [_Way("left", "left"), _Way("right", "right")]
        if label != "Tidak" and _lane_clear(grid, target.lane, source.row + 1, target.row - 1):
            return [_Way("bottom", "top"), *down]
        return down
    return [_Way("right", "right"), _Way("left", "left")]


def _free(way: _Way, source: PlacedSymbol, target: PlacedSymbol, ports: _Ports) -> bool:
    """No arrow uses the corner this one leaves by, and none leaves by the corner it enters."""
    return not ports.get((source.step_no, way.leaves)) and "out" not in ports.get((target.step_no, way.enters), set())


def _gutter(side: str, lane: int, grid: Grid, used: dict[tuple[str, int], int]) -> float:
    count = used.get((side, lane), 0)
    used[(side, lane)] = count + 1
    offset = GUTTER + count * GUTTER_STEP
    left = grid.lane_x[lane]
    return left + offset if side == "left" else left + grid.lane_width - offset


def _lane_clear(grid: Grid, lane: int, first_row: int, last_row: int) -> bool:
    return not any(symbol.lane == lane and first_row <= symbol.row <= last_row for symbol in grid.symbols)


def _route(
    grid: Grid,
    source: PlacedSymbol,
    target: PlacedSymbol,
    label: str | None,
    way: _Way,
    used: dict[tuple[str, int], int],
) -> Route:
    if way.leaves == "bottom":
        turn_y = (source.bottom + grid.row_y[source.row][1]) / 2
        points = [(source.cx, source.bottom), (source.cx, turn_y), (target.cx, turn_y), (target.cx, target.top)]
        # Its label beside the corner, on the side the arrow does not turn to.
        beside = -12 if target.cx > source.cx else 12
        return Route(_simplify(points), label, (source.cx + beside, source.bottom + 7))
    if way.leaves == "left":
        x = _gutter("left", min(source.lane, target.lane), grid, used)
        points = [(source.left, source.cy), (x, source.cy), (x, target.cy), (target.left, target.cy)]
        return Route(_simplify(points), label, (source.left - LABEL_GAP, source.cy - 6))
    x = _gutter("right", max(source.lane, target.lane), grid, used)
    points = [(source.right, source.cy), (x, source.cy), (x, target.cy), (target.right, target.cy)]
    return Route(_simplify(points), label, (source.right + LABEL_GAP, source.cy - 6))


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of straight runs (a same-lane arrow is one segment)."""
    kept: list[Point] = []
    for point in points:
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2 and _collinear(kept[-2], kept[-1], point):
            kept[-1] = point
        else:
            kept.append(point)
    return kept


def _collinear(a: Point, b: Point, c: Point) -> bool:
    return (a[0] == b[0] == c[0]) or (a[1] == b[1] == c[1])
