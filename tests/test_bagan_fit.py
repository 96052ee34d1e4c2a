"""Text fits its box in the bagan alur, measured with Helvetica's widths, on screen and on every printed page.

The example SOPs and a stress SOP (long uppercase headings, long Indonesian words, a long question) are built; Graphviz
must not find a label too big for its node, and every line of a symbol must lie inside the symbol's outline.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator.sop.bagan.diagram import procedure_diagram
from generator.sop.bagan.grid import layout, short_label
from generator.sop.bagan.measure import text_width
from generator.sop.bagan.render import DiagramRenderer
from generator.sop.bagan.routes import route_all
from generator.sop.flow import arrows
from generator.sop.model import Langkah, Prosedur

from . import svg as diagram
from .conftest import build_site, make_project
from .test_print import looping_sop, sop_data

ROOT = Path(__file__).resolve().parent.parent


def stress_sop() -> dict:
    """Uppercase headings as some offices print them, words that fill a symbol, a decision asking a long question."""
    data = sop_data()
    data["id"] = "uji-padat"
    data["judul_kolom"] = {
        "no": "NO.",
        "kegiatan": "URAIAN KEGIATAN",
        "pelaksana": "PELAKSANA",
        "mutu_baku": "MUTU BAKU",
        "kelengkapan": "PERSYARATAN/KELENGKAPAN",
        "waktu": "WAKTU PELAKSANAAN",
        "output": "OUTPUT",
        "keterangan": "KETERANGAN",
    }
    data["kolom_keterangan"] = True
    procedure = data["prosedur"][0]
    procedure["pelaksana"] = [
        {"id": "sekretaris", "nama": "SEKRETARIS"},
        {"id": "kasubag", "nama": "KASUBBAG KEUANGAN, UMUM DAN LOGISTIK"},
        {"id": "staf", "nama": "PELAKSANA/PENGELOLA PERLENGKAPAN"},
    ]
    procedure["langkah"] = [
        {"no": 1, "kegiatan": "Menerima surat masuk", "pelaksana": "staf", "simbol": "mulai"},
        {"no": 2, "kegiatan": "Menggandakan dan mendistribusikan surat", "pelaksana": "staf"},
        {"no": 3, "kegiatan": "Menandatangani", "pelaksana": "sekretaris"},
        {
            "no": 4,
            "kegiatan": "Memeriksa kelengkapan berkas",
            "ringkasan": "Apakah berkas permohonan sudah lengkap dan ditandatangani?",
            "pelaksana": "kasubag",
            "simbol": "keputusan",
            "ya": 5,
            "tidak": 2,
        },
        {"no": 5, "kegiatan": ["Mengirim *softcopy* laporan", "Mengarsipkan *hardcopy*"], "pelaksana": "staf"},
        {"no": 6, "kegiatan": "MENANDATANGANI BERITA ACARA", "pelaksana": "sekretaris", "simbol": "selesai"},
    ]
    for step in procedure["langkah"]:
        step["mutu_baku"] = {"kelengkapan": ["Surat"], "waktu": "10 menit", "output": "Berkas"}
        step["keterangan"] = "Didokumentasikan"
    return data


def _cells_overflowing(svg: ET.Element) -> list[str]:
    """Lines of a table cell (headings in bold) wider than the cell."""
    found = []
    for cell in [*diagram.groups_with_class(svg, "sel"), *diagram.groups_with_class(svg, "sel-kepala")]:
        polygon = cell.find("svg:polygon", diagram.NS)
        assert polygon is not None
        xs = [float(point.split(",")[0]) for point in polygon.get("points", "").split()]
        bold = "sel-kepala" in (cell.get("class") or "")
        for text in cell.iter(f"{{{diagram.NS['svg']}}}text"):
            line = "".join(text.itertext())
            if text_width(line, bold) > max(xs) - min(xs):
                found.append(line)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example SOPs, the stress SOP and the 24-step looping SOP in one site, with Graphviz's messages."""
    root = tmp_path_factory.mktemp("padat")
    sops = {path.name: path.read_text(encoding="utf-8") for path in (ROOT / "sops").glob("*.yaml")}
    sops["uji-padat.yaml"] = yaml.safe_dump(stress_sop(), allow_unicode=True)
    sops["uji-berulang.yaml"] = yaml.safe_dump(looping_sop(), allow_unicode=True)
    project = make_project(root, {})
    for name, text in sops.items():
        (project / "sops" / name).write_text(text, encoding="utf-8")
    return project


def test_graphviz_finds_no_label_too_big_and_text_stays_inside(built: Path, capfd: pytest.CaptureFixture[str]) -> None:
    site = build_site(built)
    err = capfd.readouterr().err
    assert "too small" not in err, err
    pages = sorted((site / "sop").glob("*/index.html"))
    assert {page.parent.name for page in pages} >= {"uji-padat", "uji-berulang", "media-sosial-resmi-agam"}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for svg in [*diagram.diagrams(html), *diagram.print_diagrams(html)]:
            assert diagram.text_outside_symbols(svg) == [], page
            assert _cells_overflowing(svg) == [], page


@pytest.mark.parametrize(
    ("kegiatan", "label"),
    [
        (["Mengisi formulir peminjaman", "Menyerahkan formulir"], "Mengisi formulir peminjaman"),
        (["Mengirim *softcopy* laporan kepada Sekretaris KPU"], "Mengirim *softcopy* laporan kepada Sekretaris …"),
        (["Mengirim berkas dalam bentuk *soft copy* ke pimpinan"], "Mengirim berkas dalam bentuk *soft* …"),
    ],
)
def test_a_symbol_without_ringkasan_shows_the_first_kegiatan_item(kegiatan: list[str], label: str) -> None:
    """Five words of the first item only (not the items joined), with italic spans kept, and closed where cut."""
    step = Langkah.model_validate({"no": 1, "kegiatan": kegiatan, "pelaksana": "a"})
    assert short_label(step) == label


def test_italics_of_the_kegiatan_show_in_its_symbol(built: Path) -> None:
    site = build_site(built)
    (svg,) = diagram.diagrams((site / "sop" / "uji-padat" / "index.html").read_text(encoding="utf-8"))
    symbol = diagram.group(svg, "langkah-p1-5")
    italic = [span.text for span in symbol.iter(f"{{{diagram.NS['svg']}}}tspan") if span.get("font-style") == "italic"]
    assert italic == ["softcopy"]
    assert "Mengarsipkan" not in " ".join(
        "".join(text.itertext()) for text in symbol.iter(f"{{{diagram.NS['svg']}}}text")
    )


Segment = tuple[diagram.Point, diagram.Point]


def _segments(points: list[diagram.Point]) -> list[Segment]:
    return list(zip(points, points[1:], strict=False))


def _edge_lines(svg: ET.Element) -> dict[str, list[diagram.Point]]:
    """Each arrow's polyline as drawn (Graphviz writes it as a cubic path through repeated points), to its tip."""
    lines = {}
    for group in diagram.groups_with_class(svg, "edge"):
        path = group.find("svg:path", diagram.NS)
        if path is None:
            continue
        points = [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", path.get("d", ""))]
        kept = [point for index, point in enumerate(points) if index == 0 or point != points[index - 1]]
        lines[group.get("id", "")] = kept
    return lines


def _meets(box: tuple[float, float, float, float], segment: Segment) -> bool:
    (ax, ay), (bx, by) = segment
    return box[0] < max(ax, bx) and min(ax, bx) < box[2] and box[1] < max(ay, by) and min(ay, by) < box[3]


def _borders(svg: ET.Element) -> list[Segment]:
    """The sides of every table cell (lane gridlines among them)."""
    found = []
    for cell in [*diagram.groups_with_class(svg, "sel"), *diagram.groups_with_class(svg, "sel-kepala")]:
        polygon = cell.find("svg:polygon", diagram.NS)
        assert polygon is not None
        points = [(float(x), float(y)) for x, y in (p.split(",") for p in polygon.get("points", "").split())]
        found += _segments(points)
    return found


def _labels_touched(svg: ET.Element) -> list[str]:
    """Ya/Tidak labels whose box an arrow or a cell border crosses."""
    lines = [segment for line in _edge_lines(svg).values() for segment in _segments(line)] + _borders(svg)
    return [
        f"{edge.label} at {edge.label_box}"
        for edge in diagram.edges(svg)
        if edge.label_box and any(_meets(edge.label_box, segment) for segment in lines)
    ]


def _crossing_decisions(svg: ET.Element) -> list[str]:
    """Decisions whose Ya and Tidak routes meet anywhere but where they would both start."""
    by_tail: dict[str, list[list[diagram.Point]]] = {}
    lines = _edge_lines(svg)
    for group in diagram.groups_with_class(svg, "edge"):
        title = group.find("svg:title", diagram.NS)
        if group.find("svg:text", diagram.NS) is not None and title is not None and group.get("id") in lines:
            by_tail.setdefault((title.text or "").split("->")[0], []).append(lines[group.get("id", "")])
    found = []
    for tail, routes in by_tail.items():
        for a, b in ((a, b) for i, a in enumerate(routes) for b in routes[i + 1 :]):
            for sa in _segments(a):
                for sb in _segments(b):
                    low = (
                        max(min(sa[0][0], sa[1][0]), min(sb[0][0], sb[1][0])),
                        max(min(sa[0][1], sa[1][1]), min(sb[0][1], sb[1][1])),
                    )
                    high = (
                        min(max(sa[0][0], sa[1][0]), max(sb[0][0], sb[1][0])),
                        min(max(sa[0][1], sa[1][1]), max(sb[0][1], sb[1][1])),
                    )
                    if low[0] <= high[0] + 0.01 and low[1] <= high[1] + 0.01 and not (a[0] == b[0] == low == high):
                        found.append(f"{tail}: {sa} / {sb}")
    return found


def test_labels_are_clear_of_arrows_and_borders_and_a_decision_s_arrows_never_cross(built: Path) -> None:
    """On screen and on every printed page of each SOP (the 24-step one has four Tidak loops back, one across pages)."""
    site = build_site(built)
    checked = 0
    for page in sorted((site / "sop").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        for svg in [*diagram.diagrams(html), *diagram.print_diagrams(html)]:
            assert _labels_touched(svg) == [], page
            assert _crossing_decisions(svg) == [], page
            checked += 1
    assert checked > 6


def _sided(tmp_path: Path, decision_lane: str, ya: int, tidak: int) -> ET.Element:
    """Three lanes; step 3 is a decision in `decision_lane`."""
    lanes = {"kiri": 0, "tengah": 1, "kanan": 2}
    steps: list[dict] = [
        {"no": 1, "kegiatan": "Menerima berkas", "pelaksana": "tengah", "simbol": "mulai"},
        {"no": 2, "kegiatan": "Mencatat berkas", "pelaksana": "kiri"},
        {"no": 3, "kegiatan": "Memeriksa", "ringkasan": "Ada?", "pelaksana": decision_lane, "simbol": "keputusan"},
        {"no": 4, "kegiatan": "Meminta berkas", "pelaksana": "kanan"},
        {"no": 5, "kegiatan": "Memproses berkas", "pelaksana": "kiri"},
        {"no": 6, "kegiatan": "Mengarsipkan", "pelaksana": "tengah", "simbol": "selesai"},
    ]
    steps[2] |= {"ya": ya, "tidak": tidak}
    procedure = {
        "judul": "Sisi",
        "pelaksana": [{"id": lane, "nama": lane.capitalize()} for lane in lanes],
        "langkah": steps,
    }
    return ET.fromstring(procedure_diagram(Prosedur.model_validate(procedure), "p1", DiagramRenderer(tmp_path)).svg)


@pytest.mark.parametrize(
    ("lane", "ya", "tidak", "sides"),
    [
        ("tengah", 5, 4, {"Ya": "left", "Tidak": "right"}),  # "Ada?": Tidak to a lane on the right
        ("tengah", 4, 5, {"Ya": "right", "Tidak": "left"}),
        ("tengah", 4, 2, {"Ya": "right", "Tidak": "left"}),  # back to the left lane, by the left
        ("kiri", 5, 4, {"Ya": "bottom", "Tidak": "right"}),  # below in its own lane: from the bottom
        ("kanan", 5, 4, {"Ya": "left", "Tidak": "bottom"}),
    ],
)
def test_a_decision_leaves_by_the_side_facing_its_target(
    tmp_path: Path, lane: str, ya: int, tidak: int, sides: dict[str, str]
) -> None:
    svg = _sided(tmp_path, lane, ya, tidak)
    left, top, right, bottom = diagram.symbol_box(svg, "langkah-p1-3")
    found = {}
    for edge in diagram.edges(svg):
        if edge.tail == "langkah-p1-3" and edge.label:
            x, y = edge.start
            found[edge.label] = (
                "left"
                if abs(x - left) < 1
                else "right"
                if abs(x - right) < 1
                else "bottom"
                if abs(y - bottom) < 1
                else "?"
            )
    assert found == sides
    assert _crossing_decisions(svg) == [] and _labels_touched(svg) == []


def test_three_arrows_down_one_gutter_stay_clear_of_the_symbols_they_pass() -> None:
    """Steps 1, 2 and 3 jump past the symbols below them in their lane: three gutter lines, none touching a box or
    a diamond's side corner."""
    steps: list[dict] = [{"no": no, "kegiatan": f"Tahap {no}", "pelaksana": "a"} for no in range(1, 8)]
    steps[0] |= {"simbol": "mulai", "ke": 4}
    steps[1]["ke"] = 5
    steps[2]["ke"] = 6
    steps[3] |= {"simbol": "keputusan", "ringkasan": "Sudah lengkap dan benar?", "ya": 5, "tidak": 7}
    steps[6]["simbol"] = "selesai"
    procedure = Prosedur.model_validate(
        {"judul": "Parit", "pelaksana": [{"id": "a", "nama": "Staf"}], "langkah": steps}
    )
    sheet = layout(procedure).grid()
    flow = arrows(procedure)
    symbols = {symbol.step_no: symbol for symbol in sheet.symbols}
    for arrow, route in zip(flow, route_all(sheet, flow), strict=True):
        for (ax, ay), (bx, by) in _segments(route.points):
            for no, symbol in symbols.items():
                if no in (arrow.source, arrow.target):
                    continue
                apart_x = max(symbol.left - max(ax, bx), min(ax, bx) - symbol.right)
                apart_y = max(symbol.top - max(ay, by), min(ay, by) - symbol.bottom)
                assert max(apart_x, apart_y) >= 2.0, (arrow, no)
