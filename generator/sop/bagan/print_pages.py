"""Split a bagan alur over A4 landscape pages the way paper sheets do.

Rows are packed into pages by their real height at the scale the page will print them. An arrow that crosses a
page break is cut in two: it ends at an off-page connector (pentagon) lettered A, B, C … at the bottom of its page,
and the same letter starts the next part at the top of the page that holds its target. Each page is drawn as its
own diagram, so the header row is repeated on every page.

Pages are made of the layout's measured rows; a connector is a row measured like any other, never a step of the
model, so what the model requires of a step does not bind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..flow import Arrow
from ..model import Simbol
from .grid import MIN_SYMBOL_GAP, Layout, Row

MM_PER_PT = 25.4 / 72
PAGE_WIDTH_MM = 277.0  # A4 landscape less the print margins
PAGE_HEIGHT_MM = 168.0  # less the margins, the procedure's title line and the page number
CONNECTOR_ROW = 30.0 + 2 * MIN_SYMBOL_GAP  # a connector's row: its pentagon and room for the arrow
CONTINUES = "Bersambung ke halaman berikutnya"
CONTINUED = "Lanjutan dari halaman sebelumnya"


@dataclass(frozen=True)
class PrintPage:
    rows: list[Row]  # incoming connectors, steps, outgoing connectors (their No cell blank)
    flow: list[Arrow]


def print_pages(sheet: Layout, flow: list[Arrow]) -> list[PrintPage]:
    """One page when the procedure fits, else pages joined by lettered off-page connectors.

    `flow` is the procedure's arrows; a page's flow ends and starts its cut arrows at its connectors.
    """
    heights = [row.height for row in sheet.rows]
    scale = min(1.0, PAGE_WIDTH_MM / (sheet.width * MM_PER_PT))
    budget = PAGE_HEIGHT_MM / scale / MM_PER_PT - sheet.header_height  # below the header, in diagram points
    row_of = {row.step_no: index for index, row in enumerate(sheet.rows)}
    ranges = _pack(heights, budget, [(row_of[a.source], row_of[a.target]) for a in flow if a.target in row_of])
    if len(ranges) == 1:
        return [PrintPage(sheet.rows, flow)]
    return _paginate(sheet, flow, row_of, ranges)


def _pack(heights: list[float], budget: float, links: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greedy pages of rows [first, last]; room is kept for the connectors a cut would need."""
    ranges = []
    first = 0
    while first < len(heights):
        last = first
        while last + 1 < len(heights) and _height(first, last + 1, heights, links) <= budget:
            last += 1
        ranges.append((first, last))
        first = last + 1
    return ranges


def _height(first: int, last: int, heights: list[float], links: list[tuple[int, int]]) -> float:
    inside = range(first, last + 1)
    crossing = sum(1 for source, target in links if (source in inside) != (target in inside))
    return sum(heights[first : last + 1]) + crossing * CONNECTOR_ROW


def _paginate(
    sheet: Layout, flow: list[Arrow], row_of: dict[int, int], ranges: list[tuple[int, int]]
) -> list[PrintPage]:
    page_of = {row: page for page, (first, last) in enumerate(ranges) for row in range(first, last + 1)}
    # One letter for each (page an arrow leaves, step it reaches), in reading order.
    crossings = sorted(
        {
            (page_of[row_of[a.source]], row_of[a.target])
            for a in flow
            if page_of[row_of[a.source]] != page_of.get(row_of[a.target])
        }
    )
    next_no = max(row_of) + 1
    letter_of: dict[tuple[int, int], str] = {}
    out_no: dict[tuple[int, int], int] = {}
    in_no: dict[tuple[int, int], int] = {}
    for index, crossing in enumerate(crossings):
        letter_of[crossing] = _letter(index)
        out_no[crossing], in_no[crossing] = next_no, next_no + 1
        next_no += 2
    steps = sheet.rows
    pages = []
    for page, (first, last) in enumerate(ranges):
        # Connectors next to the rows they join: incoming in target order, outgoing with the last source lowest.
        incoming = sorted((c for c in crossings if page_of[c[1]] == page), key=lambda c: c[1])
        outgoing = sorted((c for c in crossings if c[0] == page), key=lambda c: -_last_source(c, flow, row_of, page_of))
        rows: list[Row] = []
        page_flow: list[Arrow] = []
        for crossing in incoming:
            target = steps[crossing[1]]
            rows.append(_connector(sheet, in_no[crossing], letter_of[crossing], target, CONTINUED))
            page_flow.append(Arrow(in_no[crossing], target.step_no))
        rows += steps[first : last + 1]
        for arrow in flow:
            if page_of[row_of[arrow.source]] != page:
                continue
            target_row = row_of[arrow.target]
            if page_of[target_row] == page:
                page_flow.append(arrow)
            else:
                page_flow.append(Arrow(arrow.source, out_no[(page, target_row)], arrow.label, arrow.field))
        for crossing in outgoing:
            source = next(
                steps[row_of[a.source]] for a in flow if (page_of[row_of[a.source]], row_of[a.target]) == crossing
            )
            rows.append(_connector(sheet, out_no[crossing], letter_of[crossing], source, CONTINUES))
        pages.append(PrintPage(rows, page_flow))
    return pages


def _last_source(crossing: tuple[int, int], flow: list[Arrow], row_of: dict[int, int], page_of: dict[int, int]) -> int:
    """The lowest row on the page whose arrow takes this crossing."""
    page, target_row = crossing
    return max(
        row_of[a.source] for a in flow if page_of[row_of[a.source]] == page and row_of.get(a.target) == target_row
    )


def _connector(sheet: Layout, no: int, letter: str, step: Row, text: str) -> Row:
    """A lettered pentagon in the lane of the step it continues; its No cell is blank."""
    return sheet.row(no, "", (f"{text} ({letter})", "", "", "", ""), Simbol.penghubung, letter, step.lanes[:1])


def _letter(index: int) -> str:
    """A … Z, then AA, AB … as paper sheets continue."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
