"""A sheet prints "-" in a box, date or waktu it leaves empty: written so in YAML, quoted or not, anywhere a value
stands, it is read as the text "-", kept, and shown as the sheet shows it; never a YAML syntax message."""

from __future__ import annotations

import pytest

from generator.source.yaml_source import LIST_ON_KEY_LINE, parse_yaml


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
