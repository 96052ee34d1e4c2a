"""The SOP page shows what the office's sheet shows, and only that (issue 15 §1): built sites, HTML and SVG asserted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.pages.text import tanggal
from generator.sop import emphasis

from .conftest import REPO, VALID_SOP, build_site, make_project

SHEET = """\
id: lembar-uji
instansi: Komisi Pemilihan Umum Kabupaten Uji
nomor_sop: 3 Tahun 2025
nama_sop: Lembar Uji
tanggal_pengesahan: 2025-01-15
disahkan_oleh:
  jabatan: Sekretaris
  nama: Siti Penguji
{extra}
prosedur:
  - judul: a. Penerbitan konten
    pelaksana:
      - id: sekretaris
        nama: Sekretaris
      - id: staf
        nama: Staf
    langkah:
      - no: 1
        kegiatan: Menyusun *design* konten
        ringkasan: Susun *design*
        pelaksana: staf
        mulai_di: sekretaris
        mutu_baku:
          kelengkapan: [Nota dinas, "Berkas *softcopy*"]
          waktu: 10 menit
          output: Konsep 2*3
      - no: 2
        kegiatan: [Memeriksa, Mengunggah]
        ringkasan: ""
        pelaksana: staf
        selesai_di: sekretaris
        mutu_baku:
          kelengkapan: Konsep
          waktu: 5 menit
  - judul: b. Pengarsipan
    pelaksana:
      - id: staf
        nama: Staf
    langkah:
      - no: 1
        kegiatan: Mengarsipkan
        pelaksana: staf
        simbol: mulai
      - no: 2
        kegiatan: Selesai
        pelaksana: staf
        simbol: selesai
        keterangan: Arsip *hardcopy*
"""


def _page(tmp_path: Path, text: str, name: str = "lembar-uji") -> str:
    site = build_site(make_project(tmp_path, {f"{name}.yaml": text}))
    return (site / "sop" / name / "index.html").read_text(encoding="utf-8")


def _procedure(page: str, number: int) -> str:
    """The part of the page for procedure `number` (1-based): its diagram and its step table."""
    parts = re.split(r'<h2 class="bagan-judul" id="bagan-alur[^"]*"', page)
    return parts[number].split("<h2")[0]


def _svg_texts(part: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", text) for text in re.findall(r"<text[^>]*>(.*?)</text>", part, flags=re.DOTALL)]


def test_keterangan_column_only_when_a_step_has_one(tmp_path: Path) -> None:
    page = _page(tmp_path, SHEET.format(extra=""))
    first, second = _procedure(page, 1), _procedure(page, 2)
    assert "Keterangan" not in first  # neither the diagram's header nor the table's
    assert "Keterangan" in _svg_texts(second) and '<th scope="col">Keterangan</th>' in second


def test_keterangan_column_as_the_sop_says(tmp_path: Path) -> None:
    shown = _page(tmp_path / "ya", SHEET.format(extra="kolom_keterangan: true"))
    assert "Keterangan" in _svg_texts(_procedure(shown, 1))
    hidden = _page(tmp_path / "tidak", SHEET.format(extra="kolom_keterangan: false"))
    assert "Keterangan" not in _procedure(hidden, 2) and "hardcopy" not in _procedure(hidden, 2)


def test_column_headings_and_numbered_row_as_printed(tmp_path: Path) -> None:
    extra = "judul_kolom: {keterangan: Ket., waktu: Waktu Pelaksanaan, no: No.}\nnomor_kolom: true"
    page = _page(tmp_path, SHEET.format(extra=extra))
    second = _procedure(page, 2)
    texts = _svg_texts(second)
    assert {"Ket.", "Waktu", "Pelaksanaan", "No."} <= set(texts)  # the two words on two lines, never broken
    assert "Keterangan" not in texts and "Waktu" in texts
    # No, Kegiatan, one lane, Kelengkapan, Waktu, Output, Ket.: seven columns numbered 1 to 7.
    assert [t for t in texts if t.isdigit() and t in "1234567"][:7] == ["1", "2", "3", "4", "5", "6", "7"]
    assert '<th scope="col">Ket.</th>' in second and '<th scope="col">Waktu Pelaksanaan</th>' in second


def test_identity_rows_only_as_given(tmp_path: Path) -> None:
    page = _page(tmp_path, SHEET.format(extra=""))
    identity = page.split('<table class="sop-identitas">')[1].split("</table>")[0]
    assert "Tanggal Pengesahan" in identity
    assert "Tanggal Revisi" not in identity and "Tanggal Pembuatan" not in identity


def test_jumlah_pelaksana_is_a_number_beside_kualifikasi(tmp_path: Path) -> None:
    extra = "kualifikasi_pelaksana: Memahami media sosial\njumlah_pelaksana: 3"
    page = _page(tmp_path, SHEET.format(extra=extra))
    identity = page.split('<table class="sop-identitas">')[1].split("</table>")[0]
    assert "Jumlah Pelaksana" not in identity
    box = page.split("Kualifikasi Pelaksana</p>")[1].split("</div>")[0]  # up to the end of the Jumlah box
    assert box == (
        '<p>Memahami media sosial</p><div class="sop-kotak-jumlah"><p class="sop-kotak-judul">Jumlah Pelaksana</p>'
        "<p>3</p>"
    )


def test_lists_as_written(tmp_path: Path) -> None:
    extra = (
        "dasar_hukum: [Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum]\n"
        "peralatan_perlengkapan: [Komputer, Printer]"
    )
    page = _page(tmp_path / "bawaan", SHEET.format(extra=extra))
    assert "Dasar Hukum</p><p>" in page  # one item: not numbered
    assert "Peralatan/Perlengkapan</p><ol><li>Komputer</li><li>Printer</li></ol>" in page
    first = _procedure(page, 1)
    # Kelengkapan as written, one a line, not lettered; kegiatan lettered a., b. as the sheets do.
    assert "<td>Nota dinas<br>Berkas <em>softcopy</em></td>" in first
    assert "<td>a. Memeriksa<br>b. Mengunggah</td>" in first
    assert "Nota dinas" in _svg_texts(first) and "a. Nota dinas" not in _svg_texts(first)

    styled = "gaya_daftar: {kotak: strip, kegiatan: polos, kelengkapan: angka}\n" + extra
    page = _page(tmp_path / "gaya", SHEET.format(extra=styled))
    assert 'Peralatan/Perlengkapan</p><ul class="sop-daftar-strip"><li>Komputer</li><li>Printer</li></ul>' in page
    assert 'Dasar Hukum</p><ul class="sop-daftar-strip"><li>' in page  # a dash stays a dash for one item
    first = _procedure(page, 1)
    assert "<td>1. Nota dinas<br>2. Berkas <em>softcopy</em></td>" in first
    assert "<td>Memeriksa<br>Mengunggah</td>" in first
    assert {"1. Nota dinas", "Memeriksa"} <= set(_svg_texts(first))

    page = _page(tmp_path / "polos", SHEET.format(extra="gaya_daftar: polos\n" + extra))
    assert 'Peralatan/Perlengkapan</p><ul class="sop-daftar-polos"><li>Komputer</li>' in page


def test_italics_in_page_table_and_diagram_stars_elsewhere_literal(tmp_path: Path) -> None:
    extra = "pencatatan_pendataan: Disimpan dalam bentuk naskah asli (*hardcopy*)"
    page = _page(tmp_path, SHEET.format(extra=extra))
    assert "naskah asli (<em>hardcopy</em>)" in page
    first = _procedure(page, 1)
    assert "<td>Menyusun <em>design</em> konten</td>" in first
    assert "<td>Konsep 2*3</td>" in first  # not a span: stays literal
    assert '<tspan font-style="italic">design</tspan></text>' in first  # inside the symbol
    assert '<tspan font-style="italic">softcopy</tspan>' in first
    assert "\ue000" not in page and "\ue001" not in page and "*design*" not in page


def test_italic_span_cut_by_a_line_break_stays_italic_on_both_lines(tmp_path: Path) -> None:
    text = SHEET.format(extra="").replace(
        "kegiatan: Menyusun *design* konten",
        "kegiatan: Menyusun *desain grafis konten media sosial yang sangat panjang sekali untuk diunggah* hari ini",
    )
    first = _procedure(_page(tmp_path, text), 1)
    spans = re.findall(r'<tspan font-style="italic">([^<]*)</tspan>', first)
    assert (
        len(
            [
                span
                for span in spans
                if span.strip() in "desain grafis konten media sosial yang sangat panjang sekali untuk diunggah"
            ]
        )
        >= 2
    )


def test_emphasis_rule() -> None:
    assert emphasis.html("(*hardcopy*) & <b>") == "(<em>hardcopy</em>) &amp; &lt;b&gt;"
    assert emphasis.html("*<script>*") == "<em>&lt;script&gt;</em>"
    for literal in ("2*3", "2*3*4", "* a *", "*buka", "a*b* c", "**x**"):
        assert emphasis.html(literal) == literal and emphasis.plain(literal) == literal
    assert emphasis.plain("naskah (*softcopy*)") == "naskah (softcopy)"
    assert emphasis.marked("a\ue000b *c*") == "ab \ue000c\ue001"  # markers an editor typed are dropped


def test_own_terminal_capsules_in_other_lanes(tmp_path: Path) -> None:
    first = _procedure(_page(tmp_path, SHEET.format(extra="")), 1)
    first = first.replace("&#45;", "-")  # Graphviz writes '-' in ids as an entity
    assert '<g id="langkah-p1-1" class="node simbol simbol-proses lajur-1">' in first
    assert '<g id="mulai-p1-1" class="node simbol simbol-mulai lajur-0">' in first
    assert '<g id="selesai-p1-2" class="node simbol simbol-selesai lajur-0">' in first
    assert '<g id="mulai-p1-1-alur" class="edge">' in first and '<g id="selesai-p1-2-alur" class="edge">' in first
    assert {"Mulai", "Selesai"} <= set(_svg_texts(first))
    assert "<td>Mulai; → 2</td>" in first and "<td>→ Selesai</td>" in first


def test_empty_symbol_is_drawn_empty(tmp_path: Path) -> None:
    first = _procedure(_page(tmp_path, SHEET.format(extra="")), 1)
    node = first.replace("&#45;", "-").split('<g id="langkah-p1-2"')[1].split("</g>")[0]
    assert "<polygon" in node and "<text" not in node  # the box, no text (not "Memeriksa")


def test_signature_block_as_printed(tmp_path: Path) -> None:
    extra = (
        'tempat_pengesahan: Palangka Raya\ntanda_tangan:\n  baris: ["Sekretaris Komisi Pemilihan Umum", '
        '"Provinsi Kalimantan Tengah,"]\n  nama: Drs. Arief'
    )
    page = _page(tmp_path / "blok", SHEET.format(extra=extra))
    block = page.split('<div class="sop-pengesahan">')[1].split("</div>")[0]
    assert "<p>Sekretaris Komisi Pemilihan Umum<br>Provinsi Kalimantan Tengah,</p>" in block
    assert '<p class="sop-tanda-tangan">Drs. Arief</p>' in block and "NIP" not in block

    page = _page(tmp_path / "tanpa", SHEET.format(extra="tanda_tangan: false"))
    assert "sop-pengesahan" not in page and 'id="pengesahan"' not in page
    page = _page(
        tmp_path / "butir", SHEET.format(extra="tanda_tangan: false\nketentuan_pengesahan: [Berlaku *segera*]")
    )
    assert '<ol class="sop-ketentuan"><li>Berlaku <em>segera</em></li></ol>' in page and "sop-pengesahan" not in page

    page = _page(tmp_path / "bawaan", SHEET.format(extra=""))  # absent: from disahkan_oleh, as before
    block = page.split('<div class="sop-pengesahan">')[1].split("</div>")[0]
    assert "<p>Sekretaris,</p>" in block and '<p class="sop-tanda-tangan">Siti Penguji</p>' in block


def test_procedure_title_copied_with_its_letter_is_lettered_once(tmp_path: Path) -> None:
    page = _page(tmp_path, SHEET.format(extra=""))
    assert "Bagan alur a. Penerbitan konten" in page and "a. a." not in page
    assert "Bagan alur b. Pengarsipan" in page


def test_logo_from_kantor_yaml_in_the_identity_cell_and_header(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    (root / "docs" / "assets").mkdir()
    (root / "docs" / "assets" / "logo.png").write_bytes((REPO / "docs/assets/images").iterdir().__next__().read_bytes())
    (root / "kantor.yaml").write_text("nama: KPU Kabupaten Uji\nlogo: assets/logo.png\n", encoding="utf-8")
    site = build_site(root)
    page = (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    cell = page.split('<td class="sop-instansi"')[1].split("</td>")[0]
    assert '<img class="sop-logo" src="../../assets/logo.png" alt="Logo Komisi Pemilihan Umum Kabupaten Uji">' in cell
    assert re.search(r'<img src="[./]*assets/logo.png" alt="logo">', page)  # Material's header logo


def test_page_without_logo_stays_as_before(tmp_path: Path) -> None:
    page = _page(tmp_path, VALID_SOP, "uji-persetujuan")
    assert "sop-logo" not in page


@pytest.mark.parametrize(
    "name", ["media-sosial-jdih-banjarnegara", "media-sosial-jdih-kalteng", "media-sosial-resmi-agam"]
)
def test_example_sops_have_no_keterangan_column_as_their_seeds(example_site: Path, name: str) -> None:
    page = (example_site / "sop" / name / "index.html").read_text(encoding="utf-8")
    assert "Keterangan" not in page.split("Bagan alur")[1]


def test_example_sops_match_their_seeds(example_site: Path) -> None:
    banjarnegara = (example_site / "sop/media-sosial-jdih-banjarnegara/index.html").read_text(encoding="utf-8")
    assert "naskah asli (<em>hardcopy</em>)" in banjarnegara and "sop-pengesahan" not in banjarnegara
    assert {"Waktu", "Pelaksanaan"} <= set(_svg_texts(banjarnegara))
    kalteng = (example_site / "sop/media-sosial-jdih-kalteng/index.html").read_text(encoding="utf-8")
    assert "<p>Sekretaris Komisi Pemilihan Umum<br>Provinsi Kalimantan Tengah,</p>" in kalteng
    assert "<td>1. Nota Dinas<br>2. Flashdisk/media penyampaian softcopy</td>" in kalteng
    assert "dilakukan <em>review</em> atau" in kalteng
    agam = (example_site / "sop/media-sosial-resmi-agam/index.html").read_text(encoding="utf-8")
    assert '<ul class="sop-daftar-polos"><li>Jaringan Internet</li>' in agam and "sop-pengesahan" not in agam
    assert '<ol class="sop-ketentuan">' in agam


def test_a_date_written_dash_is_shown_as_the_sheet_shows_it() -> None:
    """The waktu helper's `Date | Dash` reaches the page as the string "-": shown as written, not as a date."""
    assert tanggal("-") == "-" and tanggal(None) == "–"


def test_the_sop_index_letters_a_copied_title_once(tmp_path: Path) -> None:
    site = build_site(make_project(tmp_path, {"lembar-uji.yaml": SHEET.format(extra="")}))
    index = (site / "sop" / "index.html").read_text(encoding="utf-8")
    assert "a. Penerbitan konten: 15 menit; b. Pengarsipan: " in index and "a. a." not in index


def test_a_box_written_dash_shows_the_dash_and_an_empty_box_stays_blank(tmp_path: Path) -> None:
    without_signer = SHEET.replace("disahkan_oleh:\n  jabatan: Sekretaris\n  nama: Siti Penguji\n", "")
    page = _page(tmp_path, without_signer.format(extra="gaya_daftar: strip\nperingatan: -"))
    assert '<p class="sop-kotak-judul">Peringatan</p><p>-</p></div>' in page  # not "- -": the dash is the box's
    assert '<p class="sop-kotak-judul">Pencatatan dan Pendataan</p></div>' in page  # blank, as on paper
    assert '<th scope="row">Disahkan Oleh</th><td></td>' in page


def test_the_identity_cell_names_the_office_once(tmp_path: Path) -> None:
    unit = "satuan_kerja: Sekretariat Komisi Pemilihan Umum Kabupaten Uji"
    page = _page(tmp_path / "sekretariat", SHEET.format(extra=unit))
    cell = page.split('<td class="sop-instansi"')[1].split("</td>")[0]
    assert cell.endswith("><strong>Sekretariat Komisi Pemilihan Umum Kabupaten Uji</strong>")
    page = _page(tmp_path / "subbagian", SHEET.format(extra="satuan_kerja: Subbagian Hukum"))
    cell = page.split('<td class="sop-instansi"')[1].split("</td>")[0]
    assert cell.endswith("><strong>Komisi Pemilihan Umum Kabupaten Uji</strong><br>Subbagian Hukum")


def test_the_phone_view_names_a_capsule_of_its_own(tmp_path: Path) -> None:
    part = _procedure(_page(tmp_path, SHEET.format(extra="")), 1)
    view = part.split('class="sop-urutan-daftar"')[1].split('class="sop-langkah')[0]
    first, second = view.split('id="p1-urutan-2"')
    assert "Mulai</span> di kolom <strong>Sekretaris</strong>, lalu ke langkah ini" in first
    assert "Selesai (di kolom Sekretaris)" in second


def test_a_pengesahan_with_its_own_points_is_a_page_of_its_own(tmp_path: Path) -> None:
    page = _page(tmp_path / "butir", SHEET.format(extra="ketentuan_pengesahan: [Berlaku sejak ditandatangani]"))
    assert '<h2 class="pengesahan-halaman" id="pengesahan">' in page
    page = _page(tmp_path / "blok", SHEET.format(extra=""))
    assert '<h2 id="pengesahan">' in page  # only the signature block: kept with the chart's last rows (test_print)
