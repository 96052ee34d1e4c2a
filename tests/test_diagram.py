"""The bagan alur's front door: each procedure is measured once, and printing never builds steps of the model."""

from __future__ import annotations

import importlib
import pkgutil
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html import escape as html_escape
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic.fields import FieldInfo

import generator.sop.bagan
from generator.sop.bagan import grid
from generator.sop.bagan.diagram import procedure_diagram
from generator.sop.bagan.measure import text_width
from generator.sop.bagan.print_pages import print_pages
from generator.sop.bagan.render import DiagramRenderer
from generator.sop.flow import arrows
from generator.sop.model import Langkah, Prosedur, Simbol

from . import svg as diagram
from .conftest import build_site, make_project
from .test_print import long_procedure, sop_data


def test_each_procedure_is_laid_out_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Screen diagram and printed pages come from one measurement; a second measurement would be wasted work."""
    measured: list[str] = []

    def counting_layout(procedure: Prosedur, *rest: Any) -> Any:
        measured.append(procedure.judul)
        return original(procedure, *rest)

    original = grid.layout
    # Wherever the bagan modules hold the function, the count sees the call.
    for module_info in pkgutil.iter_modules(generator.sop.bagan.__path__):
        module = importlib.import_module(f"generator.sop.bagan.{module_info.name}")
        if getattr(module, "layout", None) is original:
            monkeypatch.setattr(module, "layout", counting_layout)

    data = sop_data()
    data["prosedur"] = [long_procedure(), data["prosedur"][0]]  # one split over A4 pages, one that fits
    site = build_site(make_project(tmp_path, {"uji.yaml": yaml.safe_dump(data, allow_unicode=True)}))

    assert sorted(measured) == sorted(procedure["judul"] for procedure in data["prosedur"])
    html = (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    assert len(diagram.diagrams(html)) == 2
    assert len(diagram.print_diagrams(html)) >= 3  # the long procedure's pages were drawn from that same layout


@pytest.fixture
def step_with_a_new_required_field() -> Iterator[None]:
    """The step model as a developer might extend it: a required field every step must now carry."""
    fields = Langkah.__pydantic_fields__
    fields["penanggung_jawab"] = FieldInfo(annotation=str)
    Langkah.model_rebuild(force=True)
    try:
        yield
    finally:
        del fields["penanggung_jawab"]
        Langkah.model_rebuild(force=True)


@pytest.mark.usefixtures("step_with_a_new_required_field")
def test_printing_a_long_procedure_survives_a_new_required_step_field(tmp_path: Path) -> None:
    """Off-page connectors are layout rows: a step field they cannot know about does not stop the printing."""
    data = long_procedure()
    steps = [Langkah.model_validate({**step, "penanggung_jawab": "Kasubbag"}) for step in data["langkah"]]
    procedure = Prosedur.model_validate({**data, "langkah": steps})

    drawn = procedure_diagram(procedure, "p1", DiagramRenderer(tmp_path))

    assert len(drawn.print_svgs) >= 3
    first, *_, last = (" ".join(diagram.texts(ET.fromstring(svg))) for svg in drawn.print_svgs)
    assert re.search(r"Bersambung ke bagan alur halaman 2, langkah \d+ \(A\)", first)
    assert re.search(r"Dari bagan alur halaman \d, langkah \d+ \([A-Z]\)", last)


@pytest.mark.parametrize("written", ["Rekap &amp; arsip", "A &lt;b&gt; &#38; B", "Tanya & jawab", "x &amp"])
def test_the_diagram_shows_text_as_written_like_the_step_table(tmp_path: Path, written: str) -> None:
    data = sop_data()
    step = data["prosedur"][0]["langkah"][1]
    step["kegiatan"], step["ringkasan"] = written, written
    site = build_site(make_project(tmp_path, {"uji.yaml": yaml.safe_dump(data, allow_unicode=True)}))
    html = (site / "sop" / data["id"] / "index.html").read_text(encoding="utf-8")
    (svg,) = diagram.diagrams(html)
    assert written in diagram.texts(svg)  # XML text, decoded once: what a reader sees
    assert f"<td>{html_escape(written)}</td>" in html  # the step table's Kegiatan cell, as written too


def test_a_word_wider_than_a_lane_is_broken_inside_its_symbol(tmp_path: Path) -> None:
    """Words stay whole in a symbol, but one wider than the lane would run over the lanes beside it."""
    data = sop_data()
    long_word = "Pertanggungjawabannyalahkesekretariatan"  # 39 characters: under the check's limit of 40
    data["prosedur"][0]["langkah"][1]["ringkasan"] = f"Susun {long_word}"
    site = build_site(make_project(tmp_path, {"uji.yaml": yaml.safe_dump(data, allow_unicode=True)}))
    (svg,) = diagram.diagrams((site / "sop" / data["id"] / "index.html").read_text(encoding="utf-8"))
    texts = diagram.texts(svg)
    start = next(index for index, text in enumerate(texts) if text.startswith("Susun"))
    lines, joined = [], ""
    while joined != f"Susun{long_word}":  # the symbol's lines, in order, until the word is complete
        lines.append(texts[start + len(lines)])
        joined = "".join(lines).replace(" ", "")
        assert f"Susun{long_word}".startswith(joined), lines
    assert len(lines) > 1 and max(text_width(line) for line in lines) <= grid.MAX_LANE_WIDTH - 2 * grid.SYMBOL_MARGIN


def _decision_chain() -> dict[str, Any]:
    """One lane: step 1's Tidak runs down the gutter into step 4, and step 4's own Tidak runs down past step 5."""
    steps: list[dict[str, Any]] = [
        {"no": 1, "kegiatan": "Memeriksa", "pelaksana": "a", "simbol": "keputusan", "ya": 2, "tidak": 4},
        {"no": 2, "kegiatan": "Memperbaiki", "pelaksana": "a"},
        {"no": 3, "kegiatan": "Meneruskan", "pelaksana": "a", "ke": 5},
        {"no": 4, "kegiatan": "Menilai", "pelaksana": "a", "simbol": "keputusan", "ya": 5, "tidak": 6},
        {"no": 5, "kegiatan": "Mengirim", "pelaksana": "a"},
        {"no": 6, "kegiatan": "Mengarsipkan", "pelaksana": "a", "simbol": "selesai"},
    ]
    return {"judul": "Rantai keputusan", "pelaksana": [{"id": "a", "nama": "Staf"}], "langkah": steps}


def _shared_corners(svg: ET.Element) -> list[str]:
    """Symbols where an arrow leaves from the very point another arrow leaves or arrives: two edges read as one."""
    edges = diagram.edges(svg)
    found = []
    for name in {end for edge in edges for end in (edge.tail, edge.head)}:
        ends = [end for edge in edges for end in edge.touches(name)]
        for index, (role, point) in enumerate(ends):
            for other_role, other in ends[index + 1 :]:
                if "out" in (role, other_role) and abs(point[0] - other[0]) + abs(point[1] - other[1]) < 2:
                    found.append(f"{name}: {role}/{other_role} at {point}")
    return found


def _overprinted_labels(svg: ET.Element) -> list[str]:
    boxes = [(edge.label, edge.label_box) for edge in diagram.edges(svg) if edge.label_box]
    return [
        f"{a} / {b}"
        for index, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[index + 1 :]
        if box_a[0] < box_b[2] and box_b[0] < box_a[2] and box_a[1] < box_b[3] and box_b[1] < box_a[3]
    ]


def test_an_arrow_never_leaves_from_the_corner_another_arrives_at(tmp_path: Path) -> None:
    """On screen: step 4 is entered from the left by step 1's Tidak, so its own Tidak leaves by another side."""
    procedure = Prosedur.model_validate(_decision_chain())
    svg = ET.fromstring(procedure_diagram(procedure, "p1", DiagramRenderer(tmp_path)).svg)
    assert len(diagram.edges(svg)) == 7
    assert _shared_corners(svg) == []
    assert _overprinted_labels(svg) == []


def _decision_at_a_page_break() -> tuple[Prosedur, int]:
    """A decision that is the last step of a printed page: its Ya goes on to the next page, its Tidak back to step
    2 on page 1. Returns the procedure and the index of that page."""
    for fillers, longer in ((fillers, longer) for fillers in range(3, 40) for longer in range(6)):
        steps: list[dict[str, Any]] = [
            {"no": no, "kegiatan": f"Menyiapkan bahan tahap {no}", "pelaksana": "a"} for no in range(1, fillers + 1)
        ]
        steps[-1]["kegiatan"] += " untuk diperiksa kembali oleh pimpinan" * longer  # a taller row moves the break
        steps[0]["simbol"] = "mulai"
        decision = fillers + 1
        steps.append(
            {
                "no": decision,
                "kegiatan": "Memeriksa",
                "ringkasan": "Lengkap?",
                "pelaksana": "a",
                "simbol": "keputusan",
                "ya": decision + 1,
                "tidak": 2,
            }
        )
        steps += [
            {"no": decision + 1, "kegiatan": "Mengirim", "pelaksana": "a"},
            {"no": decision + 2, "kegiatan": "Mengarsipkan", "pelaksana": "a", "simbol": "selesai"},
        ]
        data = {"judul": "Panjang", "pelaksana": [{"id": "a", "nama": "Staf"}], "langkah": steps}
        procedure = Prosedur.model_validate(data)
        pages = print_pages(grid.layout(procedure), arrows(procedure))
        for index, page in enumerate(pages[1:-1], start=1):
            if [row.step_no for row in page.rows if row.kind is not Simbol.penghubung][-1] == decision:
                return procedure, index
    raise AssertionError("no page break after the decision")


def test_a_decision_at_a_page_break_keeps_its_ya_and_tidak_apart(tmp_path: Path) -> None:
    """Both exits leave the page: they end at two connectors, by two sides, their labels apart (not "TiYak")."""
    procedure, page = _decision_at_a_page_break()
    drawn = procedure_diagram(procedure, "p1", DiagramRenderer(tmp_path))
    first = ET.fromstring(drawn.print_svgs[page])
    labels = [edge.label for edge in diagram.edges(first) if edge.label]
    assert sorted(labels) == ["Tidak", "Ya"]
    assert _shared_corners(first) == []
    assert _overprinted_labels(first) == []
    for svg in map(ET.fromstring, [drawn.svg, *drawn.print_svgs]):
        assert _shared_corners(svg) == [] and _overprinted_labels(svg) == []


@pytest.mark.parametrize(
    "question",
    ["Lengkap?", "Sudah lengkap dan sesuai ketentuan?", "Apakah dokumen sudah ditandatangani pimpinan?"],
)
def test_a_decision_s_text_stays_inside_its_diamond(tmp_path: Path, question: str) -> None:
    data = _decision_chain()
    data["langkah"][3]["ringkasan"] = question
    svg = ET.fromstring(procedure_diagram(Prosedur.model_validate(data), "p1", DiagramRenderer(tmp_path)).svg)
    assert diagram.text_outside_symbols(svg) == []
