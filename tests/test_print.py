"""A printed SOP is the official sheet: A4 landscape, no site chrome, the bagan alur split with lettered connectors."""

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

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
        # Web-only marks: a regulation's status pill in Dasar Hukum and any button are not on the sheet.
        page.evaluate(
            """() => {
                const pill = document.createElement("span");
                pill.className = "jdih-badge jdih-badge--tidak-berlaku";
                pill.textContent = "Tidak Berlaku";
                document.querySelector(".sop-kotak-isi li").append(pill);
                const button = document.createElement("a");
                button.className = "md-button";
                button.textContent = "Tombol";
                document.querySelector(".sop-kotak").before(button);
            }"""
        )
        expect(page.locator(".sop-kotak .jdih-badge")).to_be_hidden()
        expect(page.locator(".md-typeset .md-button")).to_be_hidden()
        expect(page.locator(".bagan-halaman-judul").first).to_have_text(re.compile(r"^Bagan alur halaman 1 dari \d+$"))
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


LONG_TEXT = (
    "dan menyampaikannya kepada Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat "
    "untuk diperiksa kembali sesuai ketentuan yang berlaku"
)
LOOPS = ((6, 3), (12, 9), (17, 4), (22, 20))  # decisions and the earlier step their Tidak goes back to


def looping_sop() -> dict:
    """24 steps over four lanes: four Tidak loops back (one across pages), a shared step, long texts."""
    lanes = ["sekretaris", "kasubag", "staf", "operator"]
    steps: list[dict] = [
        {
            "no": no,
            "kegiatan": f"Menyiapkan bahan tahap {no} " + (LONG_TEXT if no % 3 == 0 else "untuk pemeriksaan"),
            "ringkasan": f"Siapkan bahan tahap {no}" + (" dan sampaikan kepada pemeriksa" if no % 4 == 0 else ""),
            "pelaksana": lanes[no % 4],
            "mutu_baku": {"kelengkapan": ["Nota dinas", "Konsep"], "waktu": "15 menit", "output": "Bahan"},
        }
        for no in range(1, 25)
    ]
    steps[0] |= {"simbol": "mulai", "pelaksana": "sekretaris"}
    for no, back in LOOPS:
        steps[no - 1] |= {"simbol": "keputusan", "ringkasan": "Sudah lengkap?", "ya": no + 1, "tidak": back}
    steps[9]["pelaksana"] = ["staf", "kasubag"]
    steps[23] |= {"simbol": "selesai", "kegiatan": "Mengarsipkan laporan akhir tahap 24"}
    data = sop_data()
    data["id"] = "uji-berulang"
    data["tempat_pengesahan"] = "Kota Uji"  # a signature block only: it prints under the chart's last rows
    data["prosedur"] = [
        {
            "judul": "Pemeriksaan berulang",
            "pelaksana": [
                {"id": "sekretaris", "nama": "Sekretaris"},
                {"id": "kasubag", "nama": "Kasubbag Teknis dan Hupmas"},
                {"id": "staf", "nama": "Staf Pelaksana"},
                {"id": "operator", "nama": "Operator"},
            ],
            "langkah": steps,
        }
    ]
    return data


def seven_steps() -> dict:
    """A short chart as offices sign them: seven steps, one decision, the signature under it."""
    data = sop_data()
    data["id"] = "uji-tujuh"
    steps = data["prosedur"][0]["langkah"]
    steps[3]["simbol"] = "proses"
    for no in range(5, 8):
        steps.append(
            {
                "no": no,
                "kegiatan": f"Melaporkan tahap {no} kepada Sekretaris",
                "ringkasan": "Lapor",
                "pelaksana": "kasubag",
            }
            | ({"simbol": "selesai"} if no == 7 else {})
        )
    return data


def seven_steps_and_points() -> dict:
    """The short chart of a sheet whose PENGESAHAN has numbered points of its own, a page on the paper sheets."""
    data = seven_steps()
    data["id"] = "uji-butir"
    data["ketentuan_pengesahan"] = [
        f"Prosedur Standar Operasional ini berlaku untuk tahap {no} dan ditinjau paling sedikit dua kali setahun "
        "oleh unit pemiliknya bersama Subbagian Hukum dan Sumber Daya Manusia."
        for no in range(1, 7)
    ]
    return data


def page_texts(pdf: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The text of each page of the PDFs the build prints, by SOP id."""
    root = tmp_path_factory.mktemp("pdf")
    config = MKDOCS_YML.replace("  - sop-jdih\n", "  - sop-jdih:\n      pdf: true\n")
    sops = {
        f"{data['id']}.yaml": yaml.safe_dump(data, allow_unicode=True)
        for data in (looping_sop(), seven_steps(), seven_steps_and_points())
    }
    make_project(root, sops, config)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return {path.stem: page_texts(path) for path in (root / "site" / "sop").glob("*.pdf")}


def test_a_short_chart_prints_on_one_page_with_its_signature(printed: dict[str, list[str]]) -> None:
    *identity, chart = printed["uji-tujuh"]
    assert identity and "Nomor SOP" in identity[0]
    assert all(f"Melaporkan tahap {no}" in chart for no in range(5, 8))  # all seven rows on one page
    assert "Siti Penguji" in chart and "NIP. 19800101 200501 2 001" in chart  # and the signature under them
    assert "halaman 1 dari" not in chart


def test_a_pengesahan_with_its_own_points_prints_as_a_page_of_its_own(printed: dict[str, list[str]]) -> None:
    *_, chart, closing = printed["uji-butir"]
    assert all(f"Melaporkan tahap {no}" in chart for no in range(5, 8)) and "Bersambung" not in chart
    assert "Pengesahan" not in chart and "Melaporkan" not in closing
    assert "berlaku untuk tahap 6" in closing and "Siti Penguji" in closing


def test_the_signature_is_printed_with_the_last_rows(printed: dict[str, list[str]]) -> None:
    pages = printed["uji-berulang"]
    last = pages[-1]
    assert "Mengarsipkan laporan akhir tahap 24" in last and "Siti Penguji" in last and "Disahkan di Kota Uji" in last
    assert sum("Siti Penguji" in page for page in pages) == 2  # the identity header, and the signature


def test_the_chart_title_is_printed_once(printed: dict[str, list[str]]) -> None:
    text = " ".join(printed["uji-berulang"])
    assert text.count("Pemeriksaan berulang") == 1
    assert "Unduh lembar" not in text and "Tabel langkah" not in text  # web-only parts are not on the sheet
    assert re.search(r"Bagan alur halaman 2 dari (\d)", text)


def test_backward_connectors_say_where_they_go_and_arrive_labelled(printed: dict[str, list[str]]) -> None:
    pages = printed["uji-berulang"]
    text = " ".join(pages)
    assert "berikutnya" not in text and "sebelumnya" not in text
    chart = [page for page in pages if "Bagan alur" in page]
    back = [
        (int(page), int(step), letter)
        for page, step, letter in re.findall(r"Kembali ke bagan alur halaman (\d+), langkah (\d+) \(([A-Z]+)\)", text)
    ]
    assert (4, "Kembali") and any(step == 4 for _, step, _ in back)  # step 17's Tidak goes back to step 4
    for page, step, letter in back:
        arrives = re.search(rf"Dari bagan alur halaman (\d+), langkah ([\d, dan]+) \({letter}\)", chart[page - 1])
        assert arrives, f"connector {letter} does not arrive on page {page}"
        assert f"Menyiapkan bahan tahap {step} " in chart[page - 1]


def test_a_backward_connector_arrives_below_its_target() -> None:
    """Never above step 1: a loop back from a later page enters its step from the side, coming from below."""
    procedure = Prosedur.model_validate(looping_sop()["prosedur"][0])
    pages = paginate(procedure)
    assert len(pages) >= 2
    seen = 0
    for page in pages:
        numbers = [row.step_no for row in page.rows]
        for arrow in page.flow:
            source = next(row for row in page.rows if row.step_no == arrow.source)
            if source.kind is Simbol.penghubung and numbers.index(arrow.source) > numbers.index(arrow.target):
                seen += 1
        first_step = next(row for row in page.rows if row.kind is not Simbol.penghubung)
        incoming_above = [row for row in page.rows[: page.rows.index(first_step)]]
        for row in incoming_above:  # only arrows from an earlier page come in at the top
            assert row.texts[1][2][0].startswith("Dari bagan alur halaman")
            page_no = int(re.findall(r"Dari bagan alur halaman (\d+)", " ".join(row.texts[1][2]))[0])
            assert page_no < pages.index(page) + 1
    assert seen >= 1
