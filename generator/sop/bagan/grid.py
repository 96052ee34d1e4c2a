"""Geometry of the official bagan-alur table: columns, rows and where each step's symbol stands.

A procedure is measured once (`layout`: text wrapped, symbols sized, row heights known); `Layout.grid` then stacks
rows under the header, for the screen diagram and for each printed page alike.
Coordinates are points, y growing downwards; the DOT writer flips them for Graphviz.
Text is wrapped here (Graphviz does not wrap) by its measured width (`measure`); a lane widens for the longest word
of its symbols and heading, as a Mutu Baku column does for its heading.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from ..emphasis import cut, marked
from ..lists import as_lines
from ..model import GayaDaftar, JudulKolom, Langkah, Prosedur, Simbol
from .measure import text_width, widest_word
from .measure import wrap as wrap_width

LINE_HEIGHT = 11.0
PADDING = 5.0
HEADER_HEIGHT = 20.0

NO_WIDTH = 26.0  # No, Keterangan and the Mutu Baku columns widen for a longer word of their heading
KEGIATAN_WIDTH = 190.0
LANE_WIDTH = 92.0  # the narrowest lane; one widens up to MAX_LANE_WIDTH for a long word
MAX_LANE_WIDTH = 140.0  # a word wider than a symbol of this lane is broken
ONE_LINE_HEADING = 110.0  # an actor's name this short keeps to one line: its lane widens (rows stay low)
MUTU_WIDTHS = {"kelengkapan": 100.0, "waktu": 58.0, "output": 100.0}
KETERANGAN_WIDTH = 90.0  # and for the longest word of a keterangan, up to MAX_KETERANGAN_WIDTH
MAX_KETERANGAN_WIDTH = 140.0

SYMBOL_MARGIN = 10.0  # between a symbol and its lane's border: room for three gutter arrows (routes.GUTTER)
MIN_SYMBOL_GAP = 8.0  # above and below a symbol: an arrowhead (7 pt), no more
DECISION_GAP = 13.5  # above and below a keputusan: its Ya or Tidak (12 pt) written under its bottom corner
TERMINAL_HEIGHT = 26.0  # a Mulai/Selesai capsule of its own


def wrap(text: str, width: float, bold: bool = False) -> list[str]:
    """Lines of a cell `width` points wide (never empty: a blank cell is one empty line)."""
    return wrap_width(text, width - 2 * PADDING, bold)


def short_label(step: Langkah) -> str:
    """Text inside the symbol: the editor's ringkasan (empty for an empty symbol), else the first five words of the
    first kegiatan item, with its italics (`*softcopy*`) as written."""
    if step.ringkasan is not None:
        return step.ringkasan
    first = " ".join(step.kegiatan[0].split()) if step.kegiatan else ""
    words = first.split(" ")
    label = cut(first, len(" ".join(words[:5])))
    return label + (" …" if len(words) > 5 else "")


@dataclass(frozen=True)
class Cell:
    x: float  # left
    y: float  # top
    width: float
    height: float
    lines: list[str]
    header: bool = False

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True)
class PlacedSymbol:
    """A step's `Simbol` (its kind on the sheet) drawn in a lane: position and size in points, and its text lines."""

    step_no: int
    kind: Simbol
    lane: int
    row: int
    cx: float
    cy: float
    width: float
    height: float
    lines: list[str]
    primary: bool  # the copy arrows leave from and arrive at, when several actors share a step
    terminal: bool = False  # a Mulai/Selesai capsule of its own beside the step (mulai_di, selesai_di)

    @property
    def top(self) -> float:
        return self.cy - self.height / 2

    @property
    def bottom(self) -> float:
        return self.cy + self.height / 2

    @property
    def left(self) -> float:
        return self.cx - self.width / 2

    @property
    def right(self) -> float:
        return self.cx + self.width / 2


@dataclass(frozen=True)
class Grid:
    width: float
    height: float
    lane_x: list[float]  # left edge of each lane
    lane_width: float
    row_y: list[tuple[float, float]]  # (top, bottom) of each step row
    cells: list[Cell]
    symbols: list[PlacedSymbol]


@dataclass(frozen=True)
class Row:
    """One row of the sheet, measured but not yet placed: a step, or an off-page connector the paginator adds."""

    step_no: int  # arrows and SVG ids refer to it
    texts: list[tuple[float, float, list[str]]]  # (left, width, wrapped lines) of No, Kegiatan, Mutu Baku, Keterangan
    kind: Simbol
    lanes: list[int]  # one symbol per lane; the first is the primary copy
    symbol_width: float
    symbol_height: float
    symbol_lines: list[str]
    height: float
    terminals: tuple[tuple[Simbol, int], ...] = ()  # capsules of their own in this row: (mulai/selesai, lane)


@dataclass(frozen=True)
class Columns:
    """The sheet's columns as the office prints them (SopDocument: judul_kolom, kolom_keterangan, nomor_kolom)."""

    titles: JudulKolom = field(default_factory=JudulKolom)
    keterangan: bool | None = None  # None: shown when a step of the procedure has a keterangan
    numbered: bool = False  # a row "1 2 3 …" under the headings
    styles: GayaDaftar = field(default_factory=GayaDaftar)


DEFAULT_COLUMNS = Columns()


@dataclass(frozen=True)
class Layout:
    """A procedure measured once: the header and every step row. `grid` stacks any run of rows under the header."""

    width: float
    no_width: float
    lane_x: list[float]  # left edge of each lane
    lane_width: float  # every lane alike: wide enough for the longest word of its symbols and actor names
    mutu_x: float
    mutu_widths: dict[str, float]  # kelengkapan, waktu, output: wide enough for their headings' longest word
    keterangan_x: float | None  # None: the sheet has no Keterangan column
    keterangan_width: float
    header: list[Cell]
    header_height: float
    rows: list[Row]

    def row(
        self,
        step_no: int,
        number: str,
        texts: tuple[str, str, str, str, str],
        kind: Simbol,
        label: str,
        lanes: list[int],
        terminals: tuple[tuple[Simbol, int], ...] = (),
    ) -> Row:
        """Measure a row: `texts` are kegiatan, kelengkapan, waktu, output and keterangan as printed."""
        columns = [
            (0.0, self.no_width, wrap(number, self.no_width)),
            (self.no_width, KEGIATAN_WIDTH, wrap(texts[0], KEGIATAN_WIDTH)),
        ]
        x = self.mutu_x
        for text, column_width in zip(texts[1:4], self.mutu_widths.values(), strict=True):
            columns.append((x, column_width, wrap(text, column_width)))
            x += column_width
        if self.keterangan_x is not None:
            columns.append((self.keterangan_x, self.keterangan_width, wrap(texts[4], self.keterangan_width)))
        symbol_width, symbol_height, symbol_lines = _symbol_size(kind, label, self.lane_width)
        text_height = max(len(lines) for _, _, lines in columns) * LINE_HEIGHT + 2 * PADDING
        tallest = max(symbol_height, TERMINAL_HEIGHT if terminals else 0.0)
        gap = DECISION_GAP if kind is Simbol.keputusan else MIN_SYMBOL_GAP
        height = max(text_height, tallest + 2 * gap)
        return Row(step_no, columns, kind, lanes, symbol_width, symbol_height, symbol_lines, height, terminals)

    def grid(self, rows: list[Row] | None = None) -> Grid:
        """The sheet with `rows` (default: the procedure's own) stacked under the header."""
        cells = list(self.header)
        symbols: list[PlacedSymbol] = []
        row_y: list[tuple[float, float]] = []
        y = self.header_height
        for index, row in enumerate(self.rows if rows is None else rows):
            cells += [Cell(left, y, column_width, row.height, lines) for left, column_width, lines in row.texts]
            cells += [Cell(left, y, self.lane_width, row.height, []) for left in self.lane_x]
            symbols += [
                PlacedSymbol(
                    row.step_no,
                    row.kind,
                    lane,
                    index,
                    self.lane_x[lane] + self.lane_width / 2,
                    y + row.height / 2,
                    row.symbol_width,
                    row.symbol_height,
                    row.symbol_lines,
                    position == 0,
                )
                for position, lane in enumerate(row.lanes)
            ]
            symbols += [
                PlacedSymbol(
                    row.step_no,
                    kind,
                    lane,
                    index,
                    self.lane_x[lane] + self.lane_width / 2,
                    y + row.height / 2,
                    self.lane_width - 2 * SYMBOL_MARGIN,
                    TERMINAL_HEIGHT,
                    [kind.value.capitalize()],
                    False,
                    True,
                )
                for kind, lane in row.terminals
            ]
            row_y.append((y, y + row.height))
            y += row.height
        return Grid(self.width, y, self.lane_x, self.lane_width, row_y, cells, symbols)


def _symbol_size(kind: Simbol, label: str, lane_width: float) -> tuple[float, float, list[str]]:
    if kind is Simbol.penghubung:
        return 34.0, 30.0, wrap(label, 34.0)[:1]
    if kind is Simbol.keputusan:
        return _diamond(label, lane_width)
    width = lane_width - 2 * SYMBOL_MARGIN
    lines = wrap_width(label, width - 2 * PADDING)
    return width, max(26.0, len(lines) * LINE_HEIGHT + 10), lines


def _diamond(label: str, lane_width: float) -> tuple[float, float, list[str]]:
    """A keputusan sized so its text stays inside: a line L wide whose outer edge is |y| from the centre fits a
    diamond W wide and H tall when L/W + 2|y|/H <= 1. The text is wrapped to the shortest diamond that holds it; words
    stay whole unless one is too wide for any diamond of the lane."""
    widest = lane_width - 2 * SYMBOL_MARGIN  # side corners stay clear of the gutters
    shapes = []
    for split in (False, True):
        line_width = 0.9 * widest - 1  # from a line as wide as a diamond allows, narrower and narrower
        while line_width > 12:
            lines = wrap_width(label, line_width, split_words=split)
            widths = [text_width(line) for line in lines]
            width = min(widest, max(60.0, 1.6 * max(widths) + 12))
            if max(widths) < 0.9 * width:
                top = len(lines) * LINE_HEIGHT / 2
                needed = [
                    2 * abs(top - index * LINE_HEIGHT - edge) / (1 - line / width)
                    for index, line in enumerate(widths)
                    for edge in (0.0, LINE_HEIGHT)
                ]
                shapes.append((split, max(44.0, max(needed) + PADDING), width, lines))
            line_width -= 4
        if shapes:
            break
    _, height, width, lines = min(shapes, key=lambda shape: shape[1])
    return width, height, lines


def _lane_width(procedure: Prosedur) -> float:
    """Wide enough for the longest word of any symbol (a box keeps PADDING inside and SYMBOL_MARGIN outside; a
    diamond's line stays within 0.9 of its width) and of any actor's heading, or for a short heading whole; words
    wider than MAX_LANE_WIDTH allows are broken."""
    box, diamond = 0.0, 0.0
    for step in procedure.langkah:
        word = widest_word(marked(short_label(step)))
        if step.simbol is Simbol.keputusan:
            diamond = max(diamond, word / 0.9 + 2 * SYMBOL_MARGIN + 1)
        else:
            box = max(box, word + 2 * (PADDING + SYMBOL_MARGIN))
    heading = 0.0
    for actor in procedure.pelaksana:
        whole = text_width(actor.nama, bold=True) + 2 * PADDING  # a short name ("Kasubbag Hukum") on one line
        heading = max(heading, whole if whole <= ONE_LINE_HEADING else widest_word(actor.nama, bold=True) + 2 * PADDING)
    return min(MAX_LANE_WIDTH, math.ceil(max(LANE_WIDTH, box, diamond, heading)))


def layout(procedure: Prosedur, columns: Columns = DEFAULT_COLUMNS) -> Layout:
    """Measure the sheet of one procedure: columns, header cells and one row per step, in order."""
    lanes = [actor.id for actor in procedure.pelaksana]
    titles = columns.titles
    keterangan = columns.keterangan
    if keterangan is None:
        keterangan = any(step.keterangan for step in procedure.langkah)
    no_width = max(NO_WIDTH, widest_word(titles.no, bold=True) + 2 * PADDING)
    keterangan_width = min(
        MAX_KETERANGAN_WIDTH,
        max(
            KETERANGAN_WIDTH,
            widest_word(titles.keterangan, bold=True) + 2 * PADDING,
            *(widest_word(marked(step.keterangan or "")) + 2 * PADDING for step in procedure.langkah),
        ),
    )
    lane_width = _lane_width(procedure)
    lane_x = [no_width + KEGIATAN_WIDTH + index * lane_width for index in range(len(lanes))]
    mutu_x = no_width + KEGIATAN_WIDTH + len(lanes) * lane_width
    mutu_titles = {"kelengkapan": titles.kelengkapan, "waktu": titles.waktu, "output": titles.output}
    # A heading's word is never broken ("Waktu Pelaksanaan"): its column widens to hold the longest.
    mutu_widths = {
        name: max(column_width, widest_word(mutu_titles[name], bold=True) + 2 * PADDING)
        for name, column_width in MUTU_WIDTHS.items()
    }
    mutu_width = sum(mutu_widths.values())
    keterangan_x = mutu_x + mutu_width if keterangan else None
    width = mutu_x + mutu_width + (keterangan_width if keterangan else 0.0)

    def lines_height(*texts: tuple[str, float]) -> float:
        return max(HEADER_HEIGHT, *(len(wrap(text, w, bold=True)) * LINE_HEIGHT + 2 * PADDING for text, w in texts))

    first_header = lines_height((titles.pelaksana, len(lanes) * lane_width), (titles.mutu_baku, mutu_width))
    second_header = lines_height(
        *((actor.nama, lane_width) for actor in procedure.pelaksana),
        *((mutu_titles[name], column_width) for name, column_width in mutu_widths.items()),
    )
    spanning = [(0.0, no_width, titles.no), (no_width, KEGIATAN_WIDTH, titles.kegiatan)]
    if keterangan_x is not None:
        spanning.append((keterangan_x, keterangan_width, titles.keterangan))
    headings_height = max(first_header + second_header, lines_height(*((text, w) for _, w, text in spanning)))
    second_header = headings_height - first_header
    header = [Cell(x, 0, w, headings_height, wrap(text, w, bold=True), True) for x, w, text in spanning]
    header += [
        Cell(
            lane_x[0],
            0,
            len(lanes) * lane_width,
            first_header,
            wrap(titles.pelaksana, len(lanes) * lane_width, bold=True),
            True,
        ),
        Cell(mutu_x, 0, mutu_width, first_header, wrap(titles.mutu_baku, mutu_width, bold=True), True),
    ]
    header += [
        Cell(x, first_header, lane_width, second_header, wrap(actor.nama, lane_width, bold=True), True)
        for x, actor in zip(lane_x, procedure.pelaksana, strict=True)
    ]
    x = mutu_x
    for name, column_width in mutu_widths.items():
        header.append(
            Cell(x, first_header, column_width, second_header, wrap(mutu_titles[name], column_width, bold=True), True)
        )
        x += column_width
    header_total = headings_height
    if columns.numbered:
        # The numbered row some offices print under the headings: one number per column, left to right.
        edges = [(0.0, no_width), (no_width, KEGIATAN_WIDTH), *((x, lane_width) for x in lane_x)]
        x = mutu_x
        for column_width in mutu_widths.values():
            edges.append((x, column_width))
            x += column_width
        if keterangan_x is not None:
            edges.append((keterangan_x, keterangan_width))
        header += [
            Cell(x, headings_height, w, HEADER_HEIGHT, [str(number)], True)
            for number, (x, w) in enumerate(edges, start=1)
        ]
        header_total += HEADER_HEIGHT

    sheet = Layout(
        width,
        no_width,
        lane_x,
        lane_width,
        mutu_x,
        mutu_widths,
        keterangan_x,
        keterangan_width,
        header,
        header_total,
        [],
    )
    styles = columns.styles
    rows = [
        sheet.row(
            step.no,
            str(step.no),
            (
                marked(as_lines(step.kegiatan, styles.kegiatan)),
                marked(as_lines(step.mutu_baku.kelengkapan, styles.kelengkapan)),
                step.mutu_baku.waktu.text if step.mutu_baku.waktu else "",
                marked(step.mutu_baku.output or ""),
                marked(step.keterangan or ""),
            ),
            step.simbol,
            marked(short_label(step)),
            [lanes.index(actor) for actor in step.pelaksana if actor in lanes],
            tuple(
                (kind, lanes.index(actor))
                for kind, actor in ((Simbol.mulai, step.mulai_di), (Simbol.selesai, step.selesai_di))
                if actor in lanes
            ),
        )
        for step in procedure.langkah
    ]
    return replace(sheet, rows=rows)
