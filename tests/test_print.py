"""A printed SOP is the official sheet: A4 landscape, no site chrome, the bagan alur split with lettered connectors."""

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from generator.sop.bagan.grid import layout
from generator.sop.bagan.print_pages import PrintPage, print_pages
from generator.sop.flow import arrows
from generator.sop.model import Prosedur, Simbol
from generator.source.yaml_source import parse_yaml

from . import svg as diagram
from .browser_support import Problems, open_page, serve
from .conftest import MKDOCS_YML, VALID_SOP, build_site, make_project

STEPS = 30


def sop_data() -> dict:
    """VALID_SOP read as the product reads it (YAML 1.2: the key `no` is not the boolean false)."""
    source, problems = parse_yaml(VALID_SOP, "uji.yaml")
    assert source is not None and not problems
    return source.data


def long_procedure() -> dict:
    """30 steps over two lanes, with a decision whose Tidak goes back 12 steps (across a page break)."""
    steps: list[dict] = [
        {"no": 1, "kegiatan": "Menerima disposisi pimpinan", "pelaksana": "kasubag", "simbol": "mulai"}
    ]
    for no in range(2, STEPS):
        steps.append(
            {
                "no": no,
                "kegiatan": f"Menyiapkan bahan tahap {no} dan menyerahkannya kepada pemeriksa berikutnya",
                "ringkasan": f"Tahap {no}",
                "pelaksana": "staf" if no % 2 else "kasubag",
                "mutu_baku": {"waktu": "10 menit"},
            }
        )
    steps[19] = {
        "no": 20,
        "kegiatan": "Memeriksa kelengkapan",
        "ringkasan": "Lengkap?",
        "pelaksana": "kasubag",
        "simbol": "keputusan",
        "ya": 21,
        "tidak": 8,
    }
    steps.append({"no": STEPS, "kegiatan": "Mengarsipkan", "pelaksana": "staf", "simbol": "selesai"})
    return {
        "judul": "Penyusunan laporan",
        "pelaksana": [{"id": "kasubag", "nama": "Kasubbag Hukum"}, {"id": "staf", "nama": "Staf"}],
        "langkah": steps,
    }


def paginate(procedure: Prosedur) -> list[PrintPage]:
    return print_pages(layout(procedure), arrows(procedure))


def test_a_long_bagan_alur_is_split_with_lettered_connectors() -> None:
    pages = paginate(Prosedur.model_validate(long_procedure()))
    assert len(pages) >= 3
    real = [row.step_no for page in pages for row in page.rows if row.kind is not Simbol.penghubung]
    assert real == list(range(1, STEPS + 1))  # every step once, in order
    outgoing: dict[str, int] = {}
    incoming: dict[str, int] = {}
    for index, page in enumerate(pages):
        connectors = {row.step_no: row for row in page.rows if row.kind is Simbol.penghubung}
        assert all(row.texts[0][2] == [""] for row in connectors.values())  # a connector row has no number
        for arrow in page.flow:
            if arrow.target in connectors:  # an arrow leaving the page ends at its connector
                outgoing[connectors[arrow.target].symbol_lines[0]] = index
            if arrow.source in connectors:  # and the same letter starts it again on the target's page
                incoming[connectors[arrow.source].symbol_lines[0]] = index
    assert set(outgoing) == set(incoming) and sorted(outgoing)[:2] == ["A", "B"]
    tidak = next(a for page in pages for a in page.flow if a.label == "Tidak")
    back = next(page for page in pages if any(row.step_no == tidak.target for row in page.rows))
    letter = next(row.symbol_lines[0] for row in back.rows if row.step_no == tidak.target)
    assert incoming[letter] < outgoing[letter]  # the Tidak loop goes back to an earlier page


def test_a_short_bagan_alur_prints_as_it_shows() -> None:
    procedure = Prosedur.model_validate(sop_data()["prosedur"][0])
    sheet = layout(procedure)
    (page,) = print_pages(sheet, arrows(procedure))
    assert page.rows == sheet.rows and page.flow == arrows(procedure)


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = sop_data()
    data["prosedur"] = [long_procedure()]
    project = make_project(tmp_path_factory.mktemp("print"), {"panjang.yaml": yaml.safe_dump(data, allow_unicode=True)})
    with serve(build_site(project)) as url:
        yield url


def test_page_shows_one_diagram_and_prints_the_split_pages(browser: Browser, site_url: str) -> None:
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        page.goto("/sop/uji-persetujuan/")
        expect(page.locator(".bagan-layar svg")).to_be_visible()
        expect(page.locator(".bagan-cetak")).to_be_hidden()
        html = page.content()
        assert len(diagram.diagrams(html)) == 1
        print_svgs = diagram.print_diagrams(html)
        assert len(print_svgs) >= 3
        for svg in print_svgs:  # each printed page repeats the table header
            assert {"No", "Kegiatan", "Kasubbag Hukum", "Staf", "Waktu"} <= {
                " ".join(diagram.texts(cell)) for cell in diagram.groups_with_class(svg, "sel-kepala")
            }

        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-content__button", ".bagan-layar"):
            expect(page.locator(chrome).first).to_be_hidden()
        expect(page.locator(".sop-identitas")).to_be_visible()
        expect(page.locator(".bagan-halaman")).to_have_count(len(print_svgs))
        expect(page.locator(".sop-langkah")).to_be_hidden()  # the sheet has no second table
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    width, height = (float(value) for value in boxes[0])
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2  # A4 landscape, from the page's own @page rule
    assert len(boxes) >= 1 + len(print_svgs)  # the identity page, then one page per part of the bagan alur
    assert problems.on_site() == []


def test_opt_in_pdf_of_each_sop_linked_from_its_page(tmp_path: Path) -> None:
    config = MKDOCS_YML.replace("  - sop-jdih\n", "  - sop-jdih:\n      pdf: true\n")
    make_project(tmp_path, {"uji.yaml": VALID_SOP}, config)
    # As users run it: a separate process (Playwright cannot nest inside this module's own browser session).
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "1 PDF SOP dicetak" in result.stderr
    site = tmp_path / "site"
    pdf = (site / "sop" / "uji-persetujuan.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    width, height = (float(v) for v in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)[0])
    assert abs(width - 841.9) < 2 and abs(height - 595.3) < 2
    page = (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    assert '<a class="md-button" href="../uji-persetujuan.pdf" download>' in page


def test_pdf_is_off_by_default(project_without_pdf: Path) -> None:
    assert not list(project_without_pdf.glob("sop/*.pdf"))
    assert "Unduh lembar SOP resmi" not in (project_without_pdf / "sop" / "uji-persetujuan" / "index.html").read_text()


@pytest.fixture
def project_without_pdf(tmp_path: Path) -> Path:
    make_project(tmp_path, {"uji.yaml": VALID_SOP})
    return build_site(tmp_path)
