"""Orthogonal arrows between symbols, drawn the way the paper sheets do.

- to a later step with a clear lane below: leave from the bottom, turn in the row's lower margin,
  enter the target from the top;
- to a later step past other symbols of its lane: run down the left gutter, enter from the left;
- back to an earlier step (a Tidak loop): run up the right gutter, enter from the right.
A keputusan's Tidak never leaves from the bottom, so its two exits never overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flow import Arrow
from .grid import LANE_WIDTH, Grid, PlacedSymbol

Point = tuple[float, float]
GUTTER = 4.5  # from the lane border to the gutter line
GUTTER_STEP = 3.0  # between gutter lines of arrows sharing a lane


@dataclass(frozen=True)
class Route:
    points: list[Point]  # polyline, last point is the arrow tip
    label: str | None
    label_at: Point | None


def route_all(grid: Grid, arrows: list[Arrow]) -> list[Route]:
    primary = {symbol.step_no: symbol for symbol in grid.symbols if symbol.primary}
    gutters_used: dict[tuple[str, int], int] = {}
    routes = []
    for arrow in arrows:
        source, target = primary.get(arrow.source), primary.get(arrow.target)
        if source is None or target is None:
            continue
        routes.append(_route(grid, source, target, arrow.label, gutters_used))
    return routes


def _gutter(side: str, lane: int, grid: Grid, used: dict[tuple[str, int], int]) -> float:
    count = used.get((side, lane), 0)
    used[(side, lane)] = count + 1
    offset = GUTTER + count * GUTTER_STEP
    left = grid.lane_x[lane]
    return left + offset if side == "left" else left + LANE_WIDTH - offset


def _lane_clear(grid: Grid, lane: int, first_row: int, last_row: int) -> bool:
    return not any(symbol.lane == lane and first_row <= symbol.row <= last_row for symbol in grid.symbols)


def _route(
    grid: Grid, source: PlacedSymbol, target: PlacedSymbol, label: str | None, used: dict[tuple[str, int], int]
) -> Route:
    forward = target.row > source.row
    if forward and label != "Tidak" and _lane_clear(grid, target.lane, source.row + 1, target.row - 1):
        turn_y = (source.bottom + grid.row_y[source.row][1]) / 2
        points = [(source.cx, source.bottom), (source.cx, turn_y), (target.cx, turn_y), (target.cx, target.top)]
        return Route(_simplify(points), label, (source.cx + 12, source.bottom + 7))
    if forward:
        x = _gutter("left", min(source.lane, target.lane), grid, used)
        points = [(source.left, source.cy), (x, source.cy), (x, target.cy), (target.left, target.cy)]
        return Route(_simplify(points), label, (source.left - 14, source.cy - 6))
    x = _gutter("right", max(source.lane, target.lane), grid, used)
    points = [(source.right, source.cy), (x, source.cy), (x, target.cy), (target.right, target.cy)]
    return Route(_simplify(points), label, (source.right + 14, source.cy - 6))


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
