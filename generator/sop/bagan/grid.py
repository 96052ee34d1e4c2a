"""Geometry of the official bagan-alur table: columns, rows and where each step's symbol stands.

A procedure is measured once (`layout`: text wrapped, symbols sized, row heights known); `Layout.grid` then stacks
rows under the header, for the screen diagram and for each printed page alike.
Coordinates are points, y growing downwards; the DOT writer flips them for Graphviz.
Text is wrapped here (Graphviz does not wrap), with a width estimate for 9 pt Helvetica.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from ..model import Langkah, Prosedur, Simbol

FONT_SIZE = 9.0
LINE_HEIGHT = 11.0
CHAR_WIDTH = 5.4  # average advance of 9 pt Helvetica (bold headers included), generous so text never overflows
PADDING = 5.0
HEADER_HEIGHT = 20.0

NO_WIDTH = 26.0
KEGIATAN_WIDTH = 190.0
LANE_WIDTH = 92.0
MUTU_WIDTHS = {"kelengkapan": 100.0, "waktu": 58.0, "output": 100.0}
KETERANGAN_WIDTH = 90.0

DIAMOND_COLUMNS = 12
LANE_COLUMNS = int((LANE_WIDTH - 2 * PADDING) / CHAR_WIDTH)  # characters of one line across a whole lane
SYMBOL_MARGIN = 9.0  # between a symbol and its lane's border: room for gutter arrows
MIN_SYMBOL_GAP = 8.0  # above and below a symbol: an arrowhead (7 pt) and a Ya/Tidak label beside it, no more


def wrap(text: str, width: float) -> list[str]:
    """Lines of `text` that fit `width` points (never empty: a blank cell is one empty line)."""
    return wrap_columns(text, max(4, int((width - 2 * PADDING) / CHAR_WIDTH)))


def wrap_columns(text: str, columns: int, split_words: bool = True) -> list[str]:
    # "Pelaksana/Pengelola" may break after the slash, as a person would break it. The NUL marks those break
    # points; a long word split right after a slash can carry it to the next line, so every copy is removed.
    lines = [
        line.replace("/\0 ", "/").replace("\0 ", "").replace("\0", "")
        for paragraph in text.replace("/", "/\0 ").splitlines()
        for line in textwrap.wrap(paragraph, columns, break_long_words=split_words) or [""]
    ]
    return lines or [""]


def letters(items: list[str]) -> str:
    """Sub-items as on the sheet: "a. …", "b. …"; a single item stays plain."""
    if len(items) == 1:
        return items[0]
    return "\n".join(f"{chr(ord('a') + index)}. {item}" for index, item in enumerate(items))


def short_label(step: Langkah) -> str:
    """Text inside the symbol: the editor's ringkasan, else the start of the kegiatan."""
    if step.ringkasan:
        return step.ringkasan
    words = " ".join(step.kegiatan).split()
    label = " ".join(words[:5])
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


@dataclass(frozen=True)
class Layout:
    """A procedure measured once: the header and every step row. `grid` stacks any run of rows under the header."""

    width: float
    lane_x: list[float]  # left edge of each lane
    mutu_x: float
    keterangan_x: float
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
    ) -> Row:
        """Measure a row: `texts` are kegiatan, kelengkapan, waktu, output and keterangan as printed."""
        kegiatan, kelengkapan, waktu, output, keterangan = texts
        mutu = self.mutu_x
        columns = [
            (0.0, NO_WIDTH, wrap(number, NO_WIDTH)),
            (NO_WIDTH, KEGIATAN_WIDTH, wrap(kegiatan, KEGIATAN_WIDTH)),
            (mutu, MUTU_WIDTHS["kelengkapan"], wrap(kelengkapan, MUTU_WIDTHS["kelengkapan"])),
            (mutu + MUTU_WIDTHS["kelengkapan"], MUTU_WIDTHS["waktu"], wrap(waktu, MUTU_WIDTHS["waktu"])),
            (
                mutu + MUTU_WIDTHS["kelengkapan"] + MUTU_WIDTHS["waktu"],
                MUTU_WIDTHS["output"],
                wrap(output, MUTU_WIDTHS["output"]),
            ),
            (self.keterangan_x, KETERANGAN_WIDTH, wrap(keterangan, KETERANGAN_WIDTH)),
        ]
        symbol_width, symbol_height, symbol_lines = _symbol_size(kind, label)
        text_height = max(len(lines) for _, _, lines in columns) * LINE_HEIGHT + 2 * PADDING
        height = max(text_height, symbol_height + 2 * MIN_SYMBOL_GAP)
        return Row(step_no, columns, kind, lanes, symbol_width, symbol_height, symbol_lines, height)

    def grid(self, rows: list[Row] | None = None) -> Grid:
        """The sheet with `rows` (default: the procedure's own) stacked under the header."""
        cells = list(self.header)
        symbols: list[PlacedSymbol] = []
        row_y: list[tuple[float, float]] = []
        y = self.header_height
        for index, row in enumerate(self.rows if rows is None else rows):
            cells += [Cell(left, y, column_width, row.height, lines) for left, column_width, lines in row.texts]
            cells += [Cell(left, y, LANE_WIDTH, row.height, []) for left in self.lane_x]
            symbols += [
                PlacedSymbol(
                    row.step_no,
                    row.kind,
                    lane,
                    index,
                    self.lane_x[lane] + LANE_WIDTH / 2,
                    y + row.height / 2,
                    row.symbol_width,
                    row.symbol_height,
                    row.symbol_lines,
                    position == 0,
                )
                for position, lane in enumerate(row.lanes)
            ]
            row_y.append((y, y + row.height))
            y += row.height
        return Grid(self.width, y, self.lane_x, row_y, cells, symbols)


def _symbol_size(kind: Simbol, label: str) -> tuple[float, float, list[str]]:
    if kind is Simbol.penghubung:
        return 34.0, 30.0, wrap(label, 34.0)[:1]
    # Words are kept whole, unless one is wider than a lane: it would run over the lanes beside it, so it is broken.
    split_words = any(len(word) > LANE_COLUMNS for word in label.split())
    if kind is Simbol.keputusan:
        return _diamond(label, split_words)
    width = LANE_WIDTH - 2 * SYMBOL_MARGIN
    lines = wrap_columns(label, int((width - 2 * PADDING) / CHAR_WIDTH), split_words=split_words)
    return width, max(26.0, len(lines) * LINE_HEIGHT + 10), lines


def _diamond(label: str, split_words: bool) -> tuple[float, float, list[str]]:
    """A keputusan sized so its text stays inside: a line L wide whose outer edge is |y| from the centre fits a
    diamond W wide and H tall when L/W + 2|y|/H <= 1. The text is wrapped to the shortest diamond that holds it; words
    stay whole unless one is too wide for any diamond of the lane."""
    widest = LANE_WIDTH - 14  # vertices stay inside the gutters
    shapes = []
    for columns in range(DIAMOND_COLUMNS, 3, -1):
        for split in sorted({split_words, True}):
            lines = wrap_columns(label, columns, split_words=split)
            widths = [len(line) * CHAR_WIDTH for line in lines]
            width = min(widest, max(60.0, 1.6 * max(widths) + 12))
            if max(widths) < 0.9 * width:
                top = len(lines) * LINE_HEIGHT / 2
                needed = [
                    2 * abs(top - index * LINE_HEIGHT - edge) / (1 - line / width)
                    for index, line in enumerate(widths)
                    for edge in (0.0, LINE_HEIGHT)
                ]
                shapes.append((max(44.0, max(needed) + PADDING), split, width, lines))
                break
    height, _, width, lines = min(shapes, key=lambda shape: (shape[1], shape[0]))  # whole words first
    return width, height, lines


def layout(procedure: Prosedur) -> Layout:
    """Measure the sheet of one procedure: columns, header cells and one row per step, in order."""
    lanes = [actor.id for actor in procedure.pelaksana]
    lane_x = [NO_WIDTH + KEGIATAN_WIDTH + index * LANE_WIDTH for index in range(len(lanes))]
    mutu_x = NO_WIDTH + KEGIATAN_WIDTH + len(lanes) * LANE_WIDTH
    keterangan_x = mutu_x + sum(MUTU_WIDTHS.values())
    width = keterangan_x + KETERANGAN_WIDTH

    actor_lines = [wrap(actor.nama, LANE_WIDTH) for actor in procedure.pelaksana]
    second_header = max(HEADER_HEIGHT, max(len(lines) for lines in actor_lines) * LINE_HEIGHT + 2 * PADDING)
    header_total = HEADER_HEIGHT + second_header
    header = [
        Cell(0, 0, NO_WIDTH, header_total, ["No"], True),
        Cell(NO_WIDTH, 0, KEGIATAN_WIDTH, header_total, ["Kegiatan"], True),
        Cell(lane_x[0], 0, len(lanes) * LANE_WIDTH, HEADER_HEIGHT, ["Pelaksana"], True),
        Cell(mutu_x, 0, sum(MUTU_WIDTHS.values()), HEADER_HEIGHT, ["Mutu Baku"], True),
        Cell(keterangan_x, 0, KETERANGAN_WIDTH, header_total, ["Keterangan"], True),
    ]
    header += [
        Cell(x, HEADER_HEIGHT, LANE_WIDTH, second_header, lines, True)
        for x, lines in zip(lane_x, actor_lines, strict=True)
    ]
    x = mutu_x
    for name, column_width in MUTU_WIDTHS.items():
        header.append(Cell(x, HEADER_HEIGHT, column_width, second_header, [name.capitalize()], True))
        x += column_width

    columns = Layout(width, lane_x, mutu_x, keterangan_x, header, header_total, [])
    rows = [
        columns.row(
            step.no,
            str(step.no),
            (
                letters(step.kegiatan),
                letters(step.mutu_baku.kelengkapan),
                step.mutu_baku.waktu.text if step.mutu_baku.waktu else "",
                step.mutu_baku.output or "",
                step.keterangan or "",
            ),
            step.simbol,
            short_label(step),
            [lanes.index(actor) for actor in step.pelaksana if actor in lanes],
        )
        for step in procedure.langkah
    ]
    return replace(columns, rows=rows)
