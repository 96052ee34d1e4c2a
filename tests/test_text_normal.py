"""One normalisation of text at load: Unicode NFC everywhere, one-line fields without line breaks or invisible
characters, paragraphs with "\\n" only. The corpus (tests/bad_inputs/60-64) holds the refusals' exact messages."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.archive.konten import KONTEN
from generator.archive.model import Konten
from generator.core import Project, load_content
from generator.sop.model import SopDocument
from generator.source.front_matter import load_item
from generator.source.model_errors import validate_source
from generator.source.problems import INVISIBLE
from generator.source.yaml_source import parse_yaml

from .archive_fixture import KEPUTUSAN_LAMA, KONTEN_YAML, write_archive
from .conftest import VALID_SOP, build_site, make_project

NFC_JENIS = "Keputusan Komisi Pemilihan Umum Kabupaten Pidi\u00e9"  # é as one character
NFD_JENIS = "Keputusan Komisi Pemilihan Umum Kabupaten Pidie\u0301"  # e and a combining acute accent


def keputusan(item_id: str, nomor: str, jenis: str) -> str:
    return (
        KEPUTUSAN_LAMA.replace("id: kepkab-12-2022", f"id: {item_id}")
        .replace("nomor: 12/HK.03.1-Kpt/3300/2022", f"nomor: {nomor}")
        .replace("jenis: Keputusan Komisi Pemilihan Umum Kabupaten Uji", f"jenis: {jenis}")
    )


def test_one_jenis_spelled_in_nfc_and_nfd_is_one_listing_group_at_one_address(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(
        tmp_path,
        {
            "produk-hukum/pidie-1.yaml": keputusan("pidie-1", "1/PP.01/2022", NFC_JENIS),
            "produk-hukum/pidie-2.yaml": keputusan("pidie-2", "2/PP.01/2022", NFD_JENIS),
        },
    )
    site = build_site(tmp_path)
    groups = sorted(path.name for path in (site / "arsip" / "jenis").iterdir() if "pidi" in path.name)
    assert len(groups) == 1
    listing = (site / "arsip" / "jenis" / groups[0] / "index.html").read_text(encoding="utf-8")
    assert "pidie-1/" in listing and "pidie-2/" in listing
    assert (site / "arsip" / "index.html").read_text(encoding="utf-8").count(NFC_JENIS) == 1
    for page in site.rglob("*.html"):
        assert NFD_JENIS not in page.read_text(encoding="utf-8"), page


def test_every_key_string_and_markdown_body_is_read_in_nfc(tmp_path: Path) -> None:
    source, problems = parse_yaml(f'"kunci Pidie\u0301": [Pidie\u0301, "x"]\njenis: {NFD_JENIS}\n', "sops/a.yaml")
    assert problems == [] and source is not None
    assert source.data == {"kunci Pidi\u00e9": ["Pidi\u00e9", "x"], "jenis": NFC_JENIS}
    item = tmp_path / "item.md"
    item.write_text("---\nid: x\n---\nCaption Pidie\u0301\n", encoding="utf-8")
    loaded, problems = load_item(item, "content_archive/konten/item.md", "caption")
    assert problems == [] and loaded is not None and loaded.data["caption"] == "Caption Pidi\u00e9"


def test_windows_line_ends_in_paragraph_text_become_newlines(tmp_path: Path) -> None:
    """A caption written with "\\r\\n" (an .md saved on Windows, or a YAML escape) is stored and shown with "\\n"."""
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    crlf = KONTEN_YAML.replace(
        "caption: Tim pengelola JDIH tahun 2024 telah ditetapkan.", 'caption: "Paragraf satu.\\r\\n\\r\\nParagraf dua."'
    )
    archive = write_archive(tmp_path, {"konten/tim-jdih-baru.yaml": crlf})
    md = archive / "konten" / "kenali-uu-pemilu.md"
    md.write_bytes(md.read_bytes().replace(b"\n", b"\r\n"))
    captions = {post.id: post.caption for post in load_content(Project(tmp_path)).archive.documents(KONTEN)}
    assert captions["tim-jdih-baru"] == "Paragraf satu.\n\nParagraf dua."
    assert "\r" not in captions["kenali-uu-pemilu"] and captions["kenali-uu-pemilu"].count("\n") == 3


# Characters that steer random text into every rule: invisible ones, line breaks, bidi controls, combining accents.
ODD = st.sampled_from(list("\x00\x07\t\n\r\x0b\x0c\x1b\x7f\x85\x9b\u061c\u200e\u2028\u2029\u202a\u202e\u2066\ufeff"))
TEXT = st.lists(
    ODD | st.sampled_from(["e\u0301", "\u00e9", "A\u030a", "\r\n"]) | st.characters(codec="utf-8"), min_size=1
)
# What no one-line text may hold, as the issue lists it: C0 and C1 controls, line and paragraph separators, bidi
# embeddings, overrides, isolates and marks, and the invisible no-break space (BOM).
REFUSED = {chr(code) for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]} | set(
    "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


def escaped(text: str) -> str:
    """`text` as a YAML double-quoted scalar of escapes only: the value read back is exactly `text`."""
    return '"' + "".join(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}" for char in text) + '"'


def test_what_a_report_escapes_no_loaded_text_holds() -> None:
    """One list for both: a character the reports make visible is one the loader refuses, and the other way round."""
    assert {chr(code) for code in range(0x10000) if re.fullmatch(f"[{INVISIBLE}]", chr(code))} == REFUSED


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT.map("".join), min_size=3, max_size=3))
def test_a_loaded_one_line_text_is_nfc_and_holds_no_line_break_or_invisible_character(texts: list[str]) -> None:
    """Whatever is written in nama_sop, nomor_sop or a kegiatan: refused at its line, or loaded clean and NFC."""
    nama, nomor, kegiatan = texts
    yaml_text = (
        VALID_SOP.replace("nama_sop: Persetujuan Konten Uji", f"nama_sop: {escaped(nama)}")
        .replace("nomor_sop: 7 Tahun 2025", f"nomor_sop: {escaped(nomor)}")
        .replace("kegiatan: Menyusun konsep konten", f"kegiatan: {escaped(kegiatan)}")
    )
    source, problems = parse_yaml(yaml_text, "sops/acak.yaml")
    assert source is not None and problems == []
    loaded, problems = validate_source(source, SopDocument)
    expected_clean = {
        field: not (set(unicodedata.normalize("NFC", text)) & REFUSED)
        for field, text in (("nama_sop", nama), ("nomor_sop", nomor), ("langkah no 2, kegiatan", kegiatan))
    }
    refused = {problem.field for problem in problems}
    assert refused == {field for field, clean in expected_clean.items() if not clean}
    if loaded is not None:
        document = loaded.document
        for value in (document.nama_sop, document.nomor_sop, document.prosedur[0].langkah[1].kegiatan[0]):
            assert unicodedata.is_normalized("NFC", value) and not set(value) & REFUSED


@settings(max_examples=200, deadline=None)
@given(TEXT.map("".join))
def test_a_loaded_paragraph_text_keeps_newlines_only(caption: str) -> None:
    """A caption keeps "\\n" (and "\\r\\n" as "\\n"); any other line break or invisible character is refused."""
    yaml_text = KONTEN_YAML.replace(
        "caption: Tim pengelola JDIH tahun 2024 telah ditetapkan.", f"caption: {escaped(caption)}"
    )
    source, problems = parse_yaml(yaml_text, "content_archive/konten/acak.yaml")
    assert source is not None and problems == []
    loaded, problems = validate_source(source, Konten)
    normal = unicodedata.normalize("NFC", caption).replace("\r\n", "\n")
    assert (loaded is not None) == (not set(normal) & (REFUSED - {"\n"}))
    if loaded is not None:
        assert loaded.document.caption == normal
    else:
        assert [problem.field for problem in problems] == ["caption"]
