"""Text fits its box in the bagan alur, measured with Helvetica's widths, on screen and on every printed page.

The example SOPs and a stress SOP (long uppercase headings, long Indonesian words, a long question) are built; Graphviz
must not find a label too big for its node, and every line of a symbol must lie inside the symbol's outline.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator.sop.bagan.grid import short_label
from generator.sop.bagan.measure import text_width
from generator.sop.model import Langkah

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


def _text_outside(svg: ET.Element) -> list[str]:
    """Lines of a symbol's text that reach past its outline (a diamond's sides for a keputusan)."""
    found = []
    for symbol in diagram.groups_with_class(svg, "simbol"):
        left, top, right, bottom = diagram.symbol_box(svg, symbol.get("id", ""))
        cx, cy, half_w, half_h = (left + right) / 2, (top + bottom) / 2, (right - left) / 2, (bottom - top) / 2
        diamond = "simbol-keputusan" in (symbol.get("class") or "")
        for text in symbol.iter(f"{{{diagram.NS['svg']}}}text"):
            line = "".join(text.itertext())
            x, y, width = float(text.get("x", 0)), float(text.get("y", 0)), text_width(line)
            for dx, dy in ((x - width / 2 - cx, y - 7 - cy), (x + width / 2 - cx, y + 2 - cy)):
                inside = (
                    abs(dx) / half_w + abs(dy) / half_h <= 1 if diamond else abs(dx) <= half_w and abs(dy) <= half_h
                )
                if not inside:
                    found.append(f"{symbol.get('id')}: {line!r}")
                    break
    return found


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
            assert _text_outside(svg) == [], page
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
