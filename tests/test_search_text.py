"""What search indexes beyond what a reader sees: citation forms, roots, result facts (generator/pages/search_text.py,
generator/dasar_hukum/citations.py). The browser side is tests/test_search_quality.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.dasar_hukum.citations import citation_forms, jenis_table, number_with_year, search_key
from generator.pages.page_source import PageSource
from generator.pages.search_text import (
    JENIS_FILE,
    ROOT_BUCKETS,
    Facts,
    bucket_of,
    root,
    root_file,
    search_file_uris,
    searchable,
)

from .archive_fixture import write_archive
from .conftest import VALID_SOP, build_site, make_project


def test_a_regulation_is_cited_by_its_short_forms() -> None:
    cited = citation_forms("Undang-Undang", "UU", "7", 2017)
    assert cited.forms == ("UU 7/2017", "7/2017")
    assert cited.keys == ("uu:7/2017", "n:7/2017")


def test_a_keputusan_is_cited_by_its_full_number_and_its_leading_number_with_the_year() -> None:
    cited = citation_forms("Keputusan Komisi Pemilihan Umum Kabupaten Agam", "KEPKAB", "13/PP.07.1/1306/2021", 2021)
    assert cited.forms == ("KEPKAB 13/PP.07.1/1306/2021", "KEPKAB 13/2021", "13/PP.07.1/1306/2021", "13/2021")
    # Named by its own abbreviation and by the parser's code for a regional KPU's keputusan.
    assert "kepkab:13/pp071/1306/2021" in cited.keys and "kepkpuwil:13/2021" in cited.keys
    assert "n:13/2021" in cited.keys


def test_a_number_ending_with_its_year_gets_no_second_year() -> None:
    assert number_with_year("10/HK.04/08/2022", 2022) == "10/HK.04/08/2022"
    assert number_with_year("7", 2017) == "7/2017"
    assert number_with_year("21/Kpts/KPU-Kab.Contoh/2015", 2015) == "21/Kpts/KPU-Kab.Contoh/2015"
    assert number_with_year("12 / HK.03.1-Kpt", 2023) == "12/HK.03.1-Kpt/2023"


def test_search_key_keeps_letters_digits_and_slashes() -> None:
    assert search_key("13/PP.07.1/1306/2021") == "13/pp071/1306/2021"
    assert search_key("KEPKPU-WIL") == "kepkpuwil"


def test_the_jenis_table_reads_citations_as_the_parser_does() -> None:
    table = jenis_table()
    codes = {row["code"] for row in table}
    assert {"uu", "pkpu", "pp", "perpres", "kepkpu", "permen"} <= codes
    for text, code in [("Undang-Undang", "uu"), ("Peraturan KPU", "pkpu"), ("Permenkumham", "permen")]:
        first = next(row["code"] for row in table if re.fullmatch(row["pattern"], text, re.IGNORECASE))
        assert first == code, text


def test_roots_are_indonesian_and_abbreviations_stay_whole() -> None:
    assert root("pengelolaan") == "kelola"
    assert root("pemeriksaan") == "periksa"
    assert root("penetapan") == "tetap"
    assert root("perpres") == "perpres"  # not "pres"
    assert root("pkpu") == "pkpu"


def test_the_root_buckets_use_fnv_1a_as_pencari_js_does() -> None:
    assert bucket_of("a") == 0xE40C292C % ROOT_BUCKETS  # FNV-1a 32-bit of "a"
    assert root_file(bucket_of("a")) == "indeks-cari/akar-2c.json"


def test_searchable_pages_end_with_a_hidden_block_and_the_search_page_gets_its_files() -> None:
    pages = [
        PageSource("produk-hukum/x.md", "---\ntitle: X\n---\n\n<h1>Pengelolaan, Pemeriksaan, Pemilihan</h1>", "x.yml"),
        PageSource("arsip/index.md", "---\ntitle: Arsip\npagefind: false\n---\n\nPengelolaan\n", None),
        PageSource("feed.xml", "<feed>pengelolaan</feed>", None),
    ]
    facts = {"produk-hukum/x.md": Facts("Peraturan", "Berlaku", 2017, ("UU <7>/2017",), ("uu:7/2017",))}
    written, files = searchable(pages, facts)
    block = written[0].content.split("\n\n")[-1]
    assert block.startswith('<div class="sj-indeks" hidden>')
    assert '<p data-pagefind-weight="10">UU &lt;7&gt;/2017</p>' in block  # editors' text, escaped
    # Roots Pagefind's Snowball stemmer would not bring together with the page's words ("pemilihan" → "pilih" it
    # would: no "pilih" added), at a low weight.
    assert '<p data-pagefind-weight="0.5">kelola periksa</p>' in block
    for meta in ("jenis_hasil:Peraturan", "status:Berlaku", "tahun:2017", "kutipan:uu:7/2017", "tambahan:4"):
        assert f'data-pagefind-meta="{meta}"' in block
    assert written[1:] == pages[1:]  # a listing and a feed are not indexed
    assert [file.uri for file in files] == search_file_uris()
    assert len(files) == ROOT_BUCKETS + 1 and files[0].uri == JENIS_FILE
    roots = {}
    for file in files[1:]:
        roots |= json.loads(file.content)
    assert roots == {"pengelolaan": "kelola", "pemeriksaan": "periksa", "pemilihan": "pilih"}


def test_a_built_site_indexes_citation_forms_and_publishes_the_search_files(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(project)
    site = build_site(project)
    page = (site / "produk-hukum" / "uu-7-2017" / "index.html").read_text(encoding="utf-8")
    assert '<p data-pagefind-weight="10">UU 7/2017 · 7/2017</p>' in page
    assert 'data-pagefind-meta="jenis_hasil:Peraturan"' in page
    # How the search page ranks the result comes with it: no table in pencari.js names a collection.
    assert 'data-pagefind-meta="bobot:1.5"' in page and 'data-pagefind-meta="tingkat:2"' in page
    assert '<div data-pagefind-filter="tipe:Produk hukum"></div>' in page
    sop = (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="jenis_hasil:SOP"' in sop
    assert 'data-pagefind-meta="minta:sop"' in sop and 'data-pagefind-meta="bobot:1.3"' in sop
    konten = (site / "konten" / "kenali-uu-pemilu" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-meta="jenis_hasil:Konten"' in konten and 'data-pagefind-meta="minta:konten"' in konten
    assert '<div data-pagefind-filter="tipe:Konten media sosial"></div>' in konten
    assert json.loads((site / JENIS_FILE).read_text(encoding="utf-8"))
    assert all((site / uri).is_file() for uri in search_file_uris())
