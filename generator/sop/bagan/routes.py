"""Orthogonal arrows between symbols, drawn the way the paper sheets do.

An arrow leaves by the side that faces its target: towards a lane on the right by the right side, on the left by the
left side, below in its own lane by the bottom.
- to a later step with a clear lane below: from the bottom (or a decision's side corner) straight into its top;
- to a later step past other symbols of its lane: down the gutter of that side, entering from the side;
- back to an earlier step (a Tidak loop): up the gutter on the side of the target's lane (the right one in its own
  lane), entering from that side.
Each side of a symbol is a port, and one port is never used by two arrows when one of them leaves there: a decision's
Ya and Tidak never share a corner, and an arrow leaving a symbol never starts where another arrives, so two arrows
never read as one. A decision's two arrows never cross each other. When the preferred way is taken, the next is tried.
A Ya/Tidak label is written next to its arrow, near where it leaves, at the first spot that no arrow, cell border,
symbol or other label touches.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import groupby, product
from typing import Literal

from ..flow import Arrow
from ..model import Simbol
from .grid import LINE_HEIGHT, SYMBOL_MARGIN, Grid, PlacedSymbol
from .measure import text_width

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom
Side = Literal["top", "bottom", "left", "right"]
GUTTER = 3.0  # from the lane border to the first gutter line
GUTTER_STEP = 2.5  # between gutter lines of arrows sharing a lane
GUTTER_ROOM = SYMBOL_MARGIN - 2.5  # the innermost gutter line keeps this far from the lane border: clear of symbols
LABEL_OFFSET = 1.5  # between an arrow and the box of the label written beside it
LABEL_REACH = 40  # how far from where its arrow leaves a label may be written, in points


@dataclass(frozen=True)
class Route:
    points: list[Point]  # polyline, last point is the arrow tip
    label: str | None
    label_at: Point | None  # centre of the label's box


@dataclass(frozen=True)
class _Way:
    """A way an arrow may take: the side it leaves its source by, and the side it enters its target by."""

    leaves: Side
    enters: Side


_Ports = dict[tuple[int, Side], set[str]]  # (step, side) → {"in", "out"}: how arrows already use that corner


def route_all(grid: Grid, arrows: list[Arrow]) -> list[Route]:
    """Routes in the order of `arrows`; the arrows leaving one step (a decision's Ya and Tidak) are chosen together."""
    primary = {symbol.step_no: symbol for symbol in grid.symbols if symbol.primary}
    gutters_used: dict[tuple[str, int], int] = {}
    ports: _Ports = {}
    routes: list[Route] = []
    drawable = [arrow for arrow in arrows if arrow.source in primary and arrow.target in primary]
    for _, group in groupby(drawable, key=lambda arrow: arrow.source):
        group = list(group)
        source = primary[group[0].source]
        choices = [_ways(grid, source, primary[arrow.target], arrow.label) for arrow in group]
        best: tuple[float, list[tuple[_Way, Route]], dict[tuple[str, int], int]] | None = None
        for combination in product(*choices):
            used = dict(gutters_used)
            drawn = []
            for arrow, (way, _) in zip(group, combination, strict=True):
                target = primary[arrow.target]
                drawn.append((way, _route(grid, source, target, arrow.label, way, used)))
            cost = sum(cost for _, cost in combination) + 100 * _conflicts(group, drawn, source, primary, ports)
            if best is None or cost < best[0]:
                best = (cost, drawn, used)
        assert best is not None
        _, drawn, used = best
        gutters_used = used
        for arrow, (way, route) in zip(group, drawn, strict=True):
            ports.setdefault((source.step_no, way.leaves), set()).add("out")
            ports.setdefault((arrow.target, way.enters), set()).add("in")
            routes.append(route)
    return _labelled(grid, routes)


def _conflicts(
    group: list[Arrow],
    drawn: list[tuple[_Way, Route]],
    source: PlacedSymbol,
    primary: dict[int, PlacedSymbol],
    ports: _Ports,
) -> int:
    """Corners shared with other arrows, and crossings between the arrows of one step (a decision's Ya and Tidak)."""
    count = sum(
        not _free(way, source, primary[arrow.target], ports) for arrow, (way, _) in zip(group, drawn, strict=True)
    )
    leaves = [way.leaves for way, _ in drawn]
    count += len(leaves) - len(set(leaves))
    count += sum(_crosses(a.points, b.points) for index, (_, a) in enumerate(drawn) for _, b in drawn[index + 1 :])
    return count


def _ways(grid: Grid, source: PlacedSymbol, target: PlacedSymbol, label: str | None) -> list[tuple[_Way, float]]:
    """The ways an arrow may take, each with its cost: leaving by the side facing the target costs least, by the
    bottom more, by the side turned away from it most; going round by a gutter a little more than going straight."""
    toward: Side = "right" if target.lane > source.lane else "left"
    away: Side = "left" if toward == "right" else "right"
    if target.row <= source.row:  # back: up the gutter on the side of the target's lane (its right in its own)
        if target.lane == source.lane:
            return [(_Way("right", "right"), 0.0), (_Way("left", "left"), 1.0)]
        return [(_Way(toward, toward), 0.0), (_Way(away, away), 3.0)]
    clear = _lane_clear(grid, target.lane, source.row + 1, target.row - 1)
    if target.lane == source.lane:
        ways = [(_Way("left", "left"), 1.5), (_Way("right", "right"), 1.5)]
        return [(_Way("bottom", "top"), 0.0), *ways] if clear else ways
    ways = [(_Way(toward, toward), 0.5), (_Way(away, away), 3.5)]
    if clear:
        # A decision's exit leaves by the corner facing the target's lane; any other arrow by its bottom.
        ways += [(_Way(toward, "top"), 0.0 if label else 0.2), (_Way("bottom", "top"), 1.0 if label else 0.0)]
    return ways


def _free(way: _Way, source: PlacedSymbol, target: PlacedSymbol, ports: _Ports) -> bool:
    """No arrow uses the corner this one leaves by, and none leaves by the corner it enters."""
    return not ports.get((source.step_no, way.leaves)) and "out" not in ports.get((target.step_no, way.enters), set())


def _gutter(side: str, lane: int, grid: Grid, used: dict[tuple[str, int], int]) -> float:
    count = used.get((side, lane), 0)
    used[(side, lane)] = count + 1
    offset = min(GUTTER + count * GUTTER_STEP, GUTTER_ROOM)
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
    elif way.enters == "top":  # from a side corner across to above the target, then down into it
        start = (source.right if way.leaves == "right" else source.left, source.cy)
        points = [start, (target.cx, source.cy), (target.cx, target.top)]
    else:
        side = way.leaves
        lane = max(source.lane, target.lane) if side == "right" else min(source.lane, target.lane)
        x = _gutter(side, lane, grid, used)
        near = (lambda s: s.right) if side == "right" else (lambda s: s.left)
        points = [(near(source), source.cy), (x, source.cy), (x, target.cy), (near(target), target.cy)]
    return Route(_simplify(points), label, None)


def _labelled(grid: Grid, routes: list[Route]) -> list[Route]:
    """Each label at the spot nearest where its arrow leaves that no arrow, cell border, symbol or label touches."""
    lines = [segment for route in routes for segment in zip(route.points, route.points[1:], strict=False)]
    for cell in grid.cells:
        left, top, right, bottom = cell.x, cell.y, cell.x + cell.width, cell.y + cell.height
        lines += [((left, top), (right, top)), ((left, bottom), (right, bottom))]
        lines += [((left, top), (left, bottom)), ((right, top), (right, bottom))]
    labels: list[Box] = []
    placed = []
    for route in routes:
        if not route.label:
            placed.append(route)
            continue

        def clear(box: Box) -> bool:
            return (
                0 <= box[0]
                and box[2] <= grid.width
                and 0 <= box[1]
                and box[3] <= grid.height
                and not any(_meets(box, line) for line in lines)
                and not any(_overlap(box, label) for label in labels)
                and not any(_touches(box, symbol) for symbol in grid.symbols)
            )

        spots = _spots(route.points[0], text_width(route.label) + 2, LINE_HEIGHT + 1)
        box = next((spot for spot in spots if clear(spot)), spots[0])
        labels.append(box)
        placed.append(replace(route, label_at=((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)))
    return placed


def _spots(start: Point, width: float, height: float) -> list[Box]:
    """Boxes around where an arrow leaves, nearest first (above before below, at a tie)."""
    x, y = start
    boxes = []
    for dx in range(-LABEL_REACH, LABEL_REACH + 1, 2):
        for dy in range(-LABEL_REACH, LABEL_REACH + 1, 2):
            left, top = x + dx - (width if dx < 0 else 0), y + dy - (height if dy < 0 else 0)
            boxes.append((left, top, left + width, top + height))
    return sorted(boxes, key=lambda box: (_distance(start, box), box[1] > y))


def _distance(point: Point, box: Box) -> float:
    dx = max(box[0] - point[0], 0.0, point[0] - box[2])
    dy = max(box[1] - point[1], 0.0, point[1] - box[3])
    return (dx * dx + dy * dy) ** 0.5


def _touches(box: Box, symbol: PlacedSymbol) -> bool:
    """The box reaches into the symbol's outline (a diamond's, for a keputusan) or within LABEL_OFFSET of it."""
    nearest_x = min(max(symbol.cx, box[0] - LABEL_OFFSET), box[2] + LABEL_OFFSET)
    nearest_y = min(max(symbol.cy, box[1] - LABEL_OFFSET), box[3] + LABEL_OFFSET)
    dx, dy = abs(nearest_x - symbol.cx) / (symbol.width / 2), abs(nearest_y - symbol.cy) / (symbol.height / 2)
    return dx + dy <= 1 if symbol.kind is Simbol.keputusan else max(dx, dy) <= 1


def _meets(box: Box, line: tuple[Point, Point]) -> bool:
    (ax, ay), (bx, by) = line
    return _overlap(box, (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))


def _overlap(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _crosses(route: list[Point], other: list[Point]) -> bool:
    """Segments of two routes meet anywhere but at the point both leave from."""
    origin = route[0] if route[0] == other[0] else None
    for a in zip(route, route[1:], strict=False):
        for b in zip(other, other[1:], strict=False):
            if _segments_meet(a, b, origin):
                return True
    return False


def _segments_meet(a: tuple[Point, Point], b: tuple[Point, Point], origin: Point | None) -> bool:
    box_a = (min(a[0][0], a[1][0]), min(a[0][1], a[1][1]), max(a[0][0], a[1][0]), max(a[0][1], a[1][1]))
    box_b = (min(b[0][0], b[1][0]), min(b[0][1], b[1][1]), max(b[0][0], b[1][0]), max(b[0][1], b[1][1]))
    if not _overlap(box_a, box_b):
        return False
    meet = (max(box_a[0], box_b[0]), max(box_a[1], box_b[1]), min(box_a[2], box_b[2]), min(box_a[3], box_b[3]))
    return origin is None or meet != (origin[0], origin[1], origin[0], origin[1])


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
