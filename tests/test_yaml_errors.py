"""A YAML library's error reaches editors as our Indonesian message for its kind, whatever words the library used.

The kinds are recognised by exception class, mark and our own scan of the text, so a PyYAML release that rewords an
error (6.0.4's libyaml stops deep nesting itself, in English) still gives a located Indonesian message.
"""

from __future__ import annotations

import re

import pytest
import yaml

from generator.source import yaml_source
from generator.source.yaml_source import MAX_DEPTH, parse_yaml, syntax_problem

TOO_DEEP = f"isi berkas bertingkat terlalu dalam (lebih dari {MAX_DEPTH} tingkat)"
ENGLISH = re.compile(r"\b(while|expected|found|could not|exceeded|mapping|scanning|parsing)\b")


def only_problem(text: str) -> str:
    source, problems = parse_yaml(text, "sops/uji.yaml")
    assert source is None and len(problems) == 1, problems
    return str(problems[0])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("id: x\ndasar_hukum: " + "[" * 100_000 + "]" * 100_000 + "\n", 2),  # beyond libyaml's own limit (1,000)
        ("a: " + "{b: " * 1_500 + "1" + "}" * 1_500 + "\n", 1),
        ("a: " + "[{c: " * 800 + "\n", 1),  # unclosed as well: still the depth, not a syntax error
        ("a:\n" + "".join(" " * level + "- \n" for level in range(1_100)), 1 + MAX_DEPTH),  # block lists
        ("a: 1\n# " + "[" * 2_000 + "\nb: " + "[" * 60 + "]" * 60 + "\n", 3),  # brackets in a comment do not count
        ("a: '" + "[" * 2_000 + "'\nb:\n  - " + "[" * 60 + "]" * 60 + "\n", 3),  # nor in quoted text
    ],
)
def test_nesting_too_deep_is_our_message_at_its_line(text: str, line: int) -> None:
    assert only_problem(text) == f"sops/uji.yaml:{line}: {TOO_DEEP}"


def test_brackets_inside_plain_text_are_not_nesting() -> None:
    text = "judul: Pasal 1 " + "[" * 2_000 + "\ncatatan: " + "'" + "\n"  # broken by its quote, not by depth
    message = only_problem(text)
    assert TOO_DEEP not in message and message.startswith("sops/uji.yaml:2: sintaks YAML salah: ")


def make_error(problem: str, context: str | None = None) -> yaml.MarkedYAMLError:
    mark = yaml.Mark("<unicode string>", 12, 1, 4, None, None)
    return yaml.scanner.ScannerError(context, mark if context else None, problem, mark)


def test_an_unknown_library_message_falls_back_to_indonesian_at_its_line() -> None:
    line, reason = syntax_problem(make_error("frobnicated the quux", "while zorbling"), "a: 1\nb: c d\n")
    assert line == 1
    assert "frobnicated" not in reason and "zorbling" not in reason
    assert reason.startswith("YAML tidak dapat dibaca di kolom 5;")


def test_a_reworded_parser_error_reaches_the_editor_as_a_located_indonesian_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def reworded(self: object) -> yaml.Event:
        raise make_error("the parser has a brand new way to say this")

    monkeypatch.setattr(yaml_source._Loader, "get_event", reworded)
    message = only_problem("a: 1\nb: c d\n")
    assert message.startswith("sops/uji.yaml:2: sintaks YAML salah: YAML tidak dapat dibaca di kolom 5;")
    assert not ENGLISH.search(message.split(": ", 2)[2]), message


@pytest.mark.parametrize(
    "text",
    ["a: [1, 2\nb: 3\n", "a: 'tutup\n", "a: b: c\n", "- a\nb: 1\n", "a:\n\t- b\n", "a: @x\n", "a: 1\n---\nb: 2\n"],
)
def test_every_syntax_kind_we_know_is_said_in_indonesian(text: str) -> None:
    message = only_problem(text)
    assert "sintaks YAML salah: " in message
    assert not ENGLISH.search(message.split("sintaks YAML salah: ", 1)[1]), message


def test_an_unquoted_comma_in_braces_says_to_quote_the_value() -> None:
    """`{id: umum, nama: Umum, dan Logistik}`: YAML reads "dan Logistik" as a key of its own; the slip is explained
    with the quoted value, at its line, and the bogus key is not reported again as an unknown field."""
    text = "pelaksana:\n  - {id: staf, nama: Staf}\n  - {id: umum, nama: Kasubbag Umum, dan Logistik}\n"
    source, problems = parse_yaml(text, "sops/uji.yaml")
    assert [str(problem) for problem in problems] == [
        "sops/uji.yaml:3: pelaksana ke-2: koma di dalam { } memisahkan kolom, jadi 'dan Logistik' dibaca sebagai "
        "kolom baru; bila itu bagian dari nilai sebelumnya, apit nilainya dengan tanda kutip: "
        'nama: "Kasubbag Umum, dan Logistik"'
    ]
    assert source is not None and source.data["pelaksana"][1] == {"id": "umum", "nama": "Kasubbag Umum"}


def test_an_empty_value_in_braces_is_no_comma_slip() -> None:
    source, problems = parse_yaml("a: {id: umum, nama: }\n", "sops/uji.yaml")
    assert problems == [] and source is not None and source.data == {"a": {"id": "umum", "nama": None}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id: uji\nnama_sop:Persetujuan Konten\ninstansi: KPU\n",
            "sops/uji.yaml:2: sintaks YAML salah: setelah 'nama_sop:' harus ada spasi; "
            "tulis 'nama_sop: Persetujuan Konten'",
        ),
        (
            "pelaksana:\n  - id:sekretaris\n    nama: Sekretaris\n",
            "sops/uji.yaml:2: sintaks YAML salah: setelah 'id:' harus ada spasi; tulis 'id: sekretaris'",
        ),
    ],
)
def test_a_missing_space_after_a_colon_is_named(text: str, expected: str) -> None:
    assert only_problem(text) == expected


def dashless(line: int, example: str) -> str:
    return (
        f"teks ini bersambung ke baris {line} yang diawali '-', jadi semuanya dibaca sebagai satu teks; bila ini "
        f"daftar, awali setiap butirnya dengan '- ' (tanda hubung lalu spasi), mis. '- {example}'"
    )


@pytest.mark.parametrize(
    ("shown_as", "text", "first_line", "expected"),
    [
        (  # the reviewer's SOP: the first item without '- ', the others with it
            "sops/uji.yaml",
            "id: uji\ndasar_hukum:\n  Undang-Undang 7 Tahun 2017 tentang Pemilihan Umum\n"
            "  - Peraturan Menteri 5 Tahun 2020\n  - Peraturan KPU 1 Tahun 2022\n",
            1,
            "sops/uji.yaml:3: dasar_hukum: " + dashless(4, "Undang-Undang 7 Tahun 2017 tentang…"),
        ),
        (  # no blank after the dash
            "sops/uji.yaml",
            "id: uji\nperalatan:\n  -Buku Agenda\n  - Perangkat Komputer\n  - Printer\n",
            1,
            "sops/uji.yaml:3: peralatan: " + dashless(4, "Buku Agenda"),
        ),
        (  # an archive item: one author instead of two
            "content_archive/monografi/buku.yaml",
            "id: buku\npengarang:\n  Budi Santoso\n  - Siti Aminah\n",
            1,
            "content_archive/monografi/buku.yaml:3: pengarang: " + dashless(4, "Budi Santoso"),
        ),
        (  # front matter of an .md item: lines counted from the file's start
            "content_archive/konten/berita.md",
            "id: berita\ntag:\n  Pemilu\n  - Sosialisasi\n",
            2,
            "content_archive/konten/berita.md:4: tag: " + dashless(5, "Pemilu"),
        ),
        (  # the first item written on the key's line
            "sops/uji.yaml",
            "id: uji\ndasar_hukum: Undang-Undang 7 Tahun 2017\n  - Peraturan KPU 1 Tahun 2022\n",
            1,
            "sops/uji.yaml:2: dasar_hukum: " + dashless(3, "Undang-Undang 7 Tahun 2017"),
        ),
        (  # in a nested list, the item's place is named
            "sops/uji.yaml",
            "prosedur:\n  - judul: Layanan\n    peralatan:\n      - Buku\n      - -Map\n        - Stempel\n",
            1,
            "sops/uji.yaml:5: peralatan butir 2: " + dashless(6, "Map"),
        ),
    ],
)
def test_a_list_item_without_its_dash_is_refused_not_merged(
    shown_as: str, text: str, first_line: int, expected: str
) -> None:
    """Such a file reads without a syntax error as one text holding every item, which would be published as is."""
    _, problems = parse_yaml(text, shown_as, first_line)
    assert [str(problem) for problem in problems] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "judul: Pasal 1 - Ketentuan Umum - Definisi\n",  # a dash inside one line
        "catatan: |\n  Langkah:\n  - siapkan berkas\n",  # literal block text
        "catatan: >-\n  Langkah\n  - siapkan berkas\n",  # folded block text
        'catatan: "Langkah\n  - siapkan berkas"\n',  # quoted text
        "catatan: 'Langkah\n  - siapkan berkas'\n",
        "catatan: Undang-\n  Undang Pemilu\n",  # a word broken at its hyphen, the line goes on with letters
        "dasar_hukum:\n  - Undang-Undang 7\n  - Peraturan KPU 1\n",
    ],
)
def test_text_written_as_text_is_no_dashless_list(text: str) -> None:
    source, problems = parse_yaml(text, "sops/uji.yaml")
    assert problems == [] and source is not None


def unclosed(line: int, quote: str = '"') -> str:
    shown = f'"{quote}"' if quote == "'" else f"'{quote}'"
    return (
        f"sintaks YAML salah: tanda kutip {shown} di baris {line} tidak ditutup; tutup dengan {shown} di akhir teksnya"
    )


STEPS = "langkah:\n" + "".join(
    f"  - no: {no}\n    kegiatan: Kegiatan {no}\n    pelaksana: staf\n" for no in range(1, 30)
)


@pytest.mark.parametrize(
    ("text", "first_line", "expected"),
    [
        (  # the reviewer's file: the next '"' is 80 lines on
            'id: uji\ninstansi: KPU\nnama_sop: "Media Sosial Kantor\n' + STEPS + '  - no: 30\n    kegiatan: "Akhir"\n',
            1,
            "sops/uji.yaml:3: " + unclosed(3),
        ),
        (
            "id: uji\nnama_sop: 'Media Sosial Kantor\n" + STEPS + "  - no: 30\n    kegiatan: 'Akhir'\n",
            1,
            "sops/uji.yaml:2: " + unclosed(2, "'"),
        ),
        ('id: uji\nnama_sop: "Media Sosial\ninstansi: KPU\n', 1, "sops/uji.yaml:2: " + unclosed(2)),  # never closed
        (  # in a list item of an .md item's front matter
            'id: berita\ntag:\n  - "Pemilu\n  - Sosialisasi\njudul: "Rapat"\n',
            2,
            "sops/uji.yaml:4: " + unclosed(4),
        ),
    ],
)
def test_an_unclosed_quote_is_named_at_the_line_it_opens(text: str, first_line: int, expected: str) -> None:
    _, problems = parse_yaml(text, "sops/uji.yaml", first_line)
    assert [str(problem) for problem in problems] == [expected]


def test_text_after_a_closed_quote_spanning_lines_keeps_its_own_message() -> None:
    message = only_problem('catatan: "teks yang\n  panjang" lagi\n')
    assert "tidak ditutup" not in message and "teks setelah tanda kutip" in message


def too_deep(line: int, above: int) -> str:
    return (
        f"sops/uji.yaml:{line}: sintaks YAML salah: baris ini menjorok lebih dalam daripada baris {above} di atasnya; "
        "samakan indentasinya (jumlah spasi di awal baris) dengan kolom lain"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a step's pelaksana two blanks deeper than its neighbours
            "langkah:\n  - no: 1\n    kegiatan: Menyusun konsep\n      pelaksana: staf\n    simbol: mulai\n",
            too_deep(4, 3),
        ),
        ("id: artikel\ntahun: 2020\n  bulan: 5\n", too_deep(3, 2)),  # an artikel
        ("langkah:\n  - no: 1\n      kegiatan: Menyusun\n", too_deep(3, 2)),  # under a list item's first field
        ("catatan: teks panjang\n  yang berlanjut\n  sumber: arsip # lama\n", too_deep(3, 1)),  # after running text
    ],
)
def test_a_field_indented_too_deep_is_told_as_indentation(text: str, expected: str) -> None:
    assert only_problem(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "judul: Pelayanan: permohonan salinan\n",  # text with ': ' on the key's own line
        "prosedur:\n  - judul: Pelayanan: permohonan\n",
        "catatan: teks panjang\n  lanjutan teks: dengan titik dua\n",  # a running line that is no field
    ],
)
def test_text_holding_a_colon_keeps_the_quote_advice(text: str) -> None:
    assert only_problem(text).endswith(
        "tanda ':' tidak boleh di sini; bila teksnya memuat ': ', apit seluruh nilainya dengan tanda kutip"
    )


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\u2028"])
def test_the_slips_are_found_whatever_ends_a_line(newline: str) -> None:
    """YAML also ends a line at a lone CR (old Mac files) and U+2028; the lines named are the ones YAML counts."""
    dashless_text = newline.join(["id: uji", "peralatan:", "  Buku Agenda", "  - Printer", ""])
    _, problems = parse_yaml(dashless_text, "sops/uji.yaml")
    assert [str(problem) for problem in problems] == ["sops/uji.yaml:3: peralatan: " + dashless(4, "Buku Agenda")]
    assert only_problem(newline.join(["tahun: 2020", "  bulan: 5", ""])) == too_deep(2, 1)
    quote_text = newline.join(["id: uji", 'nama_sop: "Media', "instansi: KPU", 'catatan: "x" y', ""])
    assert only_problem(quote_text) == "sops/uji.yaml:2: " + unclosed(2)
