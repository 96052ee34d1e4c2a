"""Split a bagan alur over A4 landscape pages the way paper sheets do.

Rows are packed into pages by their real height at the scale the page will print them, with the lines printed
around the chart (its heading on the first page, "halaman 2 dari 3" on each, the normal waktu and the Pengesahan
under the last) counted in: the signature is never left alone on a page of its own. A Pengesahan with numbered
points is a page of its own on the sheets that have one, and prints so (`closing_mm`).

An arrow that crosses a page break is cut in two: it ends at an off-page connector (pentagon) lettered A, B, C …
that says where it goes ("Bersambung ke bagan alur halaman 2, langkah 8"), and the same letter starts the next part
on the page that holds its target, saying where it comes from ("Dari bagan alur halaman 3, langkah 20"). An arrow
that goes forward arrives at the top of its page; one that goes back (a Tidak loop) arrives from below, and runs up
the side into its target as it does on screen. Each page is drawn as its own diagram, so the header row is repeated
on every page.

Pages are made of the layout's measured rows; a connector is a row measured like any other, never a step of the
model, so what the model requires of a step does not bind it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..flow import Arrow
from ..model import Simbol
from .grid import Layout, Row

MM_PER_PT = 25.4 / 72
# The printed page, as cetak.css lays it out (keep the two in step): A4 landscape less the @page margins.
PAGE_WIDTH_MM = 277.0
PAGE_HEIGHT_MM = 184.0
SVG_PAD_PT = 2 * 3.6  # Graphviz's pad (0.05 in) on both sides of every diagram
TITLE_MM = 8.0  # the procedure's heading (h2), above its first page
CAPTION_MM = 5.0  # "Bagan alur halaman 2 dari 3" above each page of a split chart
TOTAL_MM = 7.0  # "Normal waktu: …" under the last page
SLACK_MM = 4.0  # the browser's rounding of line boxes
# The Pengesahan section under the last chart (cetak.css fixes its type): heading, numbered points, signature.
LINE_MM = 4.6
SIGNATURE_SPACE_MM = 15.0  # the blank above the signer's name, where the signature goes


@dataclass(frozen=True)
class PrintPage:
    rows: list[Row]  # incoming connectors, steps, outgoing connectors (their No cell blank)
    flow: list[Arrow]


def closing_mm(signature_lines: int) -> float:
    """Printed height of a Pengesahan of only a signature block (`signature_lines` lines): its heading and the block.

    A Pengesahan with numbered points prints as a page of its own, so it never shares the chart's last page.
    """
    if not signature_lines:
        return 0.0
    return TITLE_MM + signature_lines * LINE_MM + SIGNATURE_SPACE_MM


def print_pages(sheet: Layout, flow: list[Arrow], closing: float = 0.0) -> list[PrintPage]:
    """One page when the procedure fits, else pages joined by lettered off-page connectors.

    `flow` is the procedure's arrows; a page's flow ends and starts its cut arrows at its connectors. `closing` is
    the height in mm of what must print under the last page (the Pengesahan): it stays with the last rows.
    """
    scale = min(1.0, PAGE_WIDTH_MM / ((sheet.width + SVG_PAD_PT) * MM_PER_PT))

    def room(*lines_mm: float) -> float:
        """Diagram points left for rows on a page that also prints `lines_mm`."""
        return (PAGE_HEIGHT_MM - SLACK_MM - sum(lines_mm)) / scale / MM_PER_PT - sheet.header_height - SVG_PAD_PT

    heights = [row.height for row in sheet.rows]
    if closing and heights[-1] > room(TITLE_MM, CAPTION_MM, TOTAL_MM, closing):
        closing = 0.0  # too tall to share a page with any row: the Pengesahan prints as a page of its own
    if sum(heights) <= room(TITLE_MM, TOTAL_MM, closing):
        return [PrintPage(sheet.rows, flow)]
    row_of = {row.step_no: index for index, row in enumerate(sheet.rows)}
    links = [(row_of[a.source], row_of[a.target]) for a in flow if a.target in row_of]
    connector = _connector_height(sheet)
    first_room, other_room = room(TITLE_MM, CAPTION_MM), room(CAPTION_MM)
    tail = (TOTAL_MM + closing) / scale / MM_PER_PT
    ranges = _pack(heights, first_room, other_room, tail, lambda first, last: connector * _cuts(first, last, links))
    return _paginate(sheet, flow, row_of, ranges)


def _pack(
    heights: list[float], first_room: float, other_room: float, tail: float, connectors: Callable[[int, int], float]
) -> list[tuple[int, int]]:
    """Greedy pages of rows [first, last]; room is kept for the connectors a cut would need, and on the page that
    holds the last row, for the `tail` printed under it."""
    ranges: list[tuple[int, int]] = []
    first = 0
    end = len(heights) - 1

    def height(first: int, last: int) -> float:
        return sum(heights[first : last + 1]) + connectors(first, last) + (tail if last == end else 0.0)

    while first <= end:
        budget = other_room if ranges else first_room
        last = first
        while last < end and height(first, last + 1) <= budget:
            last += 1
        ranges.append((first, last))
        first = last + 1
    return ranges


def _cuts(first: int, last: int, links: list[tuple[int, int]]) -> int:
    """Connectors a page of rows [first, last] needs: one per arrow that crosses its edges."""
    inside = range(first, last + 1)
    return sum(1 for source, target in links if (source in inside) != (target in inside))


def _connector_height(sheet: Layout) -> float:
    """A connector row's height, measured with its longest text."""
    text = "Bersambung ke bagan alur halaman 99, langkah 99, 99 dan 99 (AA)"
    return sheet.row(0, "", (text, "", "", "", ""), Simbol.penghubung, "AA", [0]).height


@dataclass(frozen=True)
class _Crossing:
    """Arrows from one page to one step on another page: they share a letter."""

    source_page: int
    target_row: int
    target_page: int
    sources: list[int]  # step numbers on the source page, in order
    letter: str
    out_no: int  # the connector rows' step numbers on the two pages
    in_no: int

    @property
    def back(self) -> bool:
        return self.target_page < self.source_page


def _paginate(
    sheet: Layout, flow: list[Arrow], row_of: dict[int, int], ranges: list[tuple[int, int]]
) -> list[PrintPage]:
    page_of = {row: page for page, (first, last) in enumerate(ranges) for row in range(first, last + 1)}
    steps = sheet.rows
    keys = sorted(
        {
            (page_of[row_of[a.source]], row_of[a.target])
            for a in flow
            if page_of[row_of[a.source]] != page_of.get(row_of[a.target])
        }
    )
    next_no = max(row_of) + 1
    crossings: dict[tuple[int, int], _Crossing] = {}
    for index, (page, target_row) in enumerate(keys):  # one letter each, in reading order
        sources = sorted(
            {a.source for a in flow if page_of[row_of[a.source]] == page and row_of.get(a.target) == target_row},
            key=row_of.__getitem__,
        )
        crossings[(page, target_row)] = _Crossing(
            page, target_row, page_of[target_row], sources, _letter(index), next_no, next_no + 1
        )
        next_no += 2
    pages = []
    for page, (first, last) in enumerate(ranges):
        incoming = sorted((c for c in crossings.values() if c.target_page == page), key=lambda c: c.target_row)
        # Outgoing connectors with the last source lowest, so arrows do not cross on their way down; of one
        # decision's two, the way forward first, right under it, and its loop back below.
        outgoing = sorted(
            (c for c in crossings.values() if c.source_page == page), key=lambda c: (-row_of[c.sources[-1]], c.back)
        )
        rows: list[Row] = []
        page_flow: list[Arrow] = []
        for crossing in (c for c in incoming if not c.back):  # from an earlier page: at the top
            target = steps[crossing.target_row]
            rows.append(_connector(sheet, crossing.in_no, crossing.letter, target, _came_from(crossing)))
            page_flow.append(Arrow(crossing.in_no, target.step_no))
        rows += steps[first : last + 1]
        for arrow in flow:
            if page_of[row_of[arrow.source]] != page:
                continue
            target_row = row_of[arrow.target]
            if page_of[target_row] == page:
                page_flow.append(arrow)
            else:
                page_flow.append(Arrow(arrow.source, crossings[(page, target_row)].out_no, arrow.label, arrow.field))
        for crossing in outgoing:
            source = steps[row_of[crossing.sources[0]]]
            target = steps[crossing.target_row]
            went = "Kembali" if crossing.back else "Bersambung"
            text = f"{went} ke bagan alur halaman {crossing.target_page + 1}, langkah {target.step_no}"
            rows.append(_connector(sheet, crossing.out_no, crossing.letter, source, text))
        for crossing in (c for c in incoming if c.back):  # from a later page: below, up the side into its target
            target = steps[crossing.target_row]
            rows.append(_connector(sheet, crossing.in_no, crossing.letter, target, _came_from(crossing)))
            page_flow.append(Arrow(crossing.in_no, target.step_no))
        pages.append(PrintPage(rows, page_flow))
    return pages


def _came_from(crossing: _Crossing) -> str:
    numbers = [str(no) for no in crossing.sources]
    listed = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " dan " + numbers[-1]
    return f"Dari bagan alur halaman {crossing.source_page + 1}, langkah {listed}"


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
