"""A sheet prints "-" in a box, date or waktu it leaves empty: written so in YAML, quoted or not, anywhere a value
stands, it is read as the text "-", kept, and shown as the sheet shows it; never a YAML syntax message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core import load_content
from generator.project import Project
from generator.source.model_base import DASH
from generator.source.yaml_source import LIST_ON_KEY_LINE, parse_yaml

from .conftest import VALID_SOP, build_site, make_project
from .test_validation import line_of, problems, variant


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("peringatan: -\n", {"peringatan": "-"}),
        ("peringatan: '-'\n", {"peringatan": "-"}),
        ('peringatan: "-"\n', {"peringatan": "-"}),
        ("peringatan: -   # kosong di lembar\nid: x\n", {"peringatan": "-", "id": "x"}),
        ("peringatan:\t-\t\n", {"peringatan": "-"}),
        ("tanggal_revisi: -\r\nid: x\r\n", {"tanggal_revisi": "-", "id": "x"}),
        ("peringatan:\n  - -\n  - Jika tidak dilaksanakan\n", {"peringatan": ["-", "Jika tidak dilaksanakan"]}),
        ("peringatan:\n  -   -  # kosong\n", {"peringatan": ["-"]}),
        ("peringatan: [-]\n", {"peringatan": ["-"]}),
        ("peringatan: [ - ]\n", {"peringatan": ["-"]}),
        ("peringatan: [a, - , b]\n", {"peringatan": ["a", "-", "b"]}),
        (
            "mutu_baku: {kelengkapan: - , waktu: -, output: - }\n",
            {"mutu_baku": {"kelengkapan": "-", "waktu": "-", "output": "-"}},
        ),
        ("mutu_baku:\n  kelengkapan:\n    - -\n  waktu: -\n", {"mutu_baku": {"kelengkapan": ["-"], "waktu": "-"}}),
        ("disahkan_oleh:\n  nama: Siti\n  nip: -\n", {"disahkan_oleh": {"nama": "Siti", "nip": "-"}}),
        ("langkah:\n  - no: 1\n    keterangan: -\n", {"langkah": [{"no": 1, "keterangan": "-"}]}),
    ],
)
def test_a_bare_dash_is_the_text_dash_wherever_a_value_stands(text: str, data: object) -> None:
    source, found = parse_yaml(text, "sops/uji.yaml")
    assert found == []
    assert source is not None and source.data == data


def test_lines_stay_where_they_were() -> None:
    text = "id: x\nperingatan: -\nmutu_baku:\n  kelengkapan:\n    - -\n  waktu: -\nnip: -\n"
    written_out = text.replace(": -", ": x").replace("- -", "- x")
    dashed, _ = parse_yaml(text, "sops/uji.yaml")
    plain, _ = parse_yaml(written_out, "sops/uji.yaml")
    assert dashed is not None and plain is not None
    assert dashed.lines == plain.lines


def test_dashes_inside_texts_are_kept_as_written() -> None:
    text = 'uraian: |\n  Nilai: -\n  - -\njudul: "Kolom: -\n  lain: -"\ncatatan: Dua --\nperingatan: -\n'
    source, found = parse_yaml(text, "sops/uji.yaml")
    assert found == [] and source is not None
    assert source.data == {
        "uraian": "Nilai: -\n- -\n",
        "judul": "Kolom: - lain: -",
        "catatan": "Dua --",
        "peringatan": "-",
    }


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("id: x\nperingatan: -\n  - Jika tidak dilaksanakan\n", 2),  # a dash, then the list it began
        ("id: x\nperingatan: - Jika tidak dilaksanakan\n", 2),  # the sheet's dash list written on the key's line
    ],
)
def test_a_list_begun_on_its_keys_line_is_explained(text: str, line: int) -> None:
    source, found = parse_yaml(text, "sops/uji.yaml")
    assert source is None
    assert [str(problem) for problem in found] == [f"sops/uji.yaml:{line}: sintaks YAML salah: {LIST_ON_KEY_LINE}"]


DASHED_SOP = (
    VALID_SOP.replace("tanggal_pembuatan: 2025-01-02", "tanggal_pembuatan: -\ntanggal_revisi: '-'")
    .replace("tanggal_pengesahan: 2025-01-15", "tanggal_pengesahan: -\ntempat_pengesahan: Uji")
    .replace('nip: "19800101 200501 2 001"', "nip: -")
    .replace(
        "prosedur:\n", "peringatan: -\npencatatan_pendataan:\n  - -\nperalatan_perlengkapan: [ - ]\nprosedur:\n", 1
    )
    .replace("          kelengkapan: Nota dinas\n", "          kelengkapan: -\n")
    .replace("          waktu: 50 menit\n", "          waktu: -\n          output: -\n")
)


def test_every_dash_reaches_the_model_as_written(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": DASHED_SOP})
    (loaded,) = load_content(Project(tmp_path)).sops
    sop = loaded.document
    assert (sop.tanggal_pembuatan, sop.tanggal_revisi, sop.tanggal_pengesahan) == (DASH, DASH, DASH)
    assert sop.disahkan_oleh is not None and sop.disahkan_oleh.nip == DASH
    assert sop.peringatan == sop.pencatatan_pendataan == sop.peralatan_perlengkapan == [DASH]
    first, _, decision, _ = sop.prosedur[0].langkah
    assert first.mutu_baku.kelengkapan == [DASH]
    assert decision.mutu_baku.waktu is not None and str(decision.mutu_baku.waktu) == DASH
    assert decision.mutu_baku.output == DASH


@pytest.mark.parametrize("written", ["–", "'—'", '" - "'])
def test_a_dash_copied_from_word_is_a_dash_too(tmp_path: Path, written: str) -> None:
    make_project(tmp_path, {"uji.yaml": variant("tanggal_pengesahan: 2025-01-15", f"tanggal_pengesahan: {written}")})
    (loaded,) = load_content(Project(tmp_path)).sops
    assert loaded.document.tanggal_pengesahan == DASH


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2025-02-31", "bukan tanggal yang ada; tulis TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"),
        ("2099-01-15", "tanggal 2099-01-15 tidak masuk akal; tulis tanggal dari tahun 1945 sampai tahun depan"),
        ("15-01-2025", "harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"),
        ("--", "harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"),
    ],
)
def test_a_wrong_date_beside_the_dash_gets_only_the_dates_message(tmp_path: Path, written: str, message: str) -> None:
    text = variant("tanggal_pengesahan: 2025-01-15", f"tanggal_pengesahan: {written}")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'tanggal_pengesahan')}: tanggal_pengesahan: {message}"
    ]


def test_dashes_are_shown_as_the_sheet_shows_them(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": DASHED_SOP})
    site = build_site(tmp_path)
    html = (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    for label in ("Tanggal Pembuatan", "Tanggal Revisi", "Tanggal Pengesahan"):
        assert re.search(rf'<th scope="row">{label}</th><td>-</td>', html), label
    assert "Sekretaris<br>Siti Penguji<br>NIP. -" in html
    assert "Disahkan di Uji<br>pada tanggal -</p>" in html
    for box in ("Peringatan", "Pencatatan dan Pendataan", "Peralatan/Perlengkapan"):
        items = re.search(rf'<p class="sop-kotak-judul">{re.escape(box)}</p>(.*?)</div>', html, flags=re.DOTALL)
        assert items is not None and items.group(1) == "<p>-</p>", box  # one item, so not numbered: "-" alone
    row = re.search(r'<tr id="p1-langkah-3">(.*?)</tr>', html, flags=re.DOTALL)
    assert row is not None and re.findall(r"<td>(.*?)</td>", row.group(1))[4:6] == ["-", "-"]  # waktu, output
    assert "Normal waktu: <strong>1 hari 25 menit</strong>" in html  # "-" is a time given: no lower bound
    index = (site / "sop" / "index.html").read_text(encoding="utf-8")
    assert '<td data-label="Tanggal pengesahan">-</td>' in index
