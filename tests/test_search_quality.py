"""Search on the example site as the public types it, in Debian's Chromium: citations, roots, absent words.

The queries and their expected first results are benchmarks/search_quality.py's list (which prints success@1 and
MRR for the README); here each must come first, or give no result when none is expected.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from .browser_support import Problems, open_page, serve
from .conftest import MKDOCS_YML, REPO, VALID_SOP, build_site, make_project


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("search_quality", REPO / "benchmarks" / "search_quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


quality = _benchmark()
# Root and derived word: each finds exactly what the other finds, whichever way Pagefind's own stemmer goes.
WORD_PAIRS = [
    ("pilih", "pemilihan"),
    ("umum", "pengumuman"),
    ("kelola", "pengelolaan"),
    ("periksa", "pemeriksaan"),
    ("tetap", "penetapan"),
    ("susun", "penyusunan"),
]


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    return example_site


@pytest.fixture(scope="module")
def found(site: Path) -> dict[str, list[str]]:
    texts = [query.text for query in quality.QUERIES] + [word for pair in WORD_PAIRS for word in pair]
    return quality.pages_found(site, texts, limit=1000)


def test_the_query_list_is_long_and_varied() -> None:
    assert len(quality.QUERIES) >= 30
    assert len({query.text for query in quality.QUERIES}) == len(quality.QUERIES)
    assert sum(query.expected is None for query in quality.QUERIES) >= 5  # absent words and typos


def _case(query: object) -> object:
    """A query the search still misses is expected to fail (strictly: a fix must update the list)."""
    miss = query.miss  # type: ignore[attr-defined]
    return pytest.param(query, id=query.text, marks=[pytest.mark.xfail(reason=miss, strict=True)] if miss else [])  # type: ignore[attr-defined]


@pytest.mark.parametrize("query", [_case(query) for query in quality.QUERIES])
def test_expected_page_comes_first(query: object, found: dict[str, list[str]]) -> None:
    results = found[query.text]  # type: ignore[attr-defined]
    if query.expected is None:  # type: ignore[attr-defined]
        assert results == [], f"{query.text!r} ({query.why}) should find nothing"  # type: ignore[attr-defined]
    else:
        assert results[:1] == [query.expected], f"{query.why}: {results[:5]}"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("root", "derived"), WORD_PAIRS)
def test_root_and_derived_word_find_the_same_pages(root: str, derived: str, found: dict[str, list[str]]) -> None:
    assert found[root], root
    assert sorted(found[root]) == sorted(found[derived])


@pytest.fixture
def page(browser: Browser, site: Path) -> Iterator[Page]:
    with serve(site) as url, open_page(browser, url, Problems()) as page:
        yield page


def test_a_result_shows_its_kind_status_and_year(page: Page) -> None:
    page.goto("/cari/?q=PKPU+1/2015")
    first = page.locator("#sj-cari-hasil > li").first
    expect(first.locator(".sj-cari-hasil__judul")).to_have_attribute("href", "/produk-hukum/pkpu-1-2015/")
    expect(first.locator(".sj-cari-hasil__tipe")).to_have_text("Peraturan")
    expect(first.locator(".jdih-badge--tidak-berlaku")).to_have_text("Tidak Berlaku")
    expect(first.locator(".sj-cari-hasil__tahun")).to_have_text("2015")
    # The excerpt is the page's own text, never the hidden search block's forms or roots.
    expect(first.locator(".sj-cari-hasil__cuplikan")).not_to_contain_text("PKPU 1/2015 · 1/2015")
    page.goto("/cari/?q=naskah+dinas")
    konten = page.locator("#sj-cari-hasil > li", has=page.locator('[href="/konten/tata-naskah-dinas-kpu/"]'))
    expect(konten.locator(".sj-cari-hasil__tipe")).to_have_text("Konten")
    expect(konten.locator(".sj-cari-hasil__cuplikan mark").first).to_be_visible()


def test_an_absent_word_says_no_result_and_highlights_nothing(page: Page) -> None:
    page.goto("/cari/?q=xqzvw")
    expect(page.locator("#sj-cari-ringkasan")).to_have_text('Tidak ada hasil untuk "xqzvw".')
    expect(page.locator("#sj-cari-hasil > li")).to_have_count(0)


def test_from_disk_the_search_page_says_so_and_links_to_the_listings(browser: Browser, tmp_path: Path) -> None:
    project = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP}, MKDOCS_YML + "use_directory_urls: false\n")
    site = build_site(project)
    with open_page(browser, "file:///", Problems()) as page:
        page.goto((site / "cari" / "index.html").as_uri() + "?q=pemilihan")
        notice = page.locator("#sj-cari-mati")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("Pencarian tidak dapat berjalan di sini")
        expect(page.locator("#sj-cari-form")).to_be_hidden()
        expect(page.locator("#sj-cari-petunjuk")).to_be_hidden()
        link = notice.get_by_role("link", name="Arsip JDIH")
        assert link.get_attribute("href") == "../arsip/index.html"
        link.click()
        page.wait_for_url("**/arsip/index.html")


def test_when_pagefind_fails_to_load_the_search_page_says_so(page: Page) -> None:
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto("/cari/?q=pemilihan")
    expect(page.locator("#sj-cari-mati")).to_be_visible()
    expect(page.locator("#sj-cari-mati").get_by_role("link", name="Arsip JDIH")).to_have_attribute("href", "../arsip/")
    expect(page.locator("#sj-cari-hasil > li")).to_have_count(0)


@pytest.mark.parametrize("query", ["978-602-0000-01-5", "9786020000015", "342.07 HID h"])
def test_a_book_is_found_by_its_isbn_with_or_without_hyphens_and_by_its_nomor_panggil(page: Page, query: str) -> None:
    page.goto(f"/cari/?q={quote(query)}")
    first = page.locator("#sj-cari-hasil > li").first
    expect(first.locator(".sj-cari-hasil__judul")).to_have_attribute("href", "/monografi/hukum-pemilu-di-daerah-2019/")
    expect(first.locator(".sj-cari-hasil__tipe")).to_have_text("Monografi")
    expect(first.locator(".sj-cari-hasil__tahun")).to_have_text("2019")


def test_the_archive_lists_books_and_articles_under_their_own_tipe(page: Page) -> None:
    page.goto("/arsip/?tipe=Monografi+hukum")
    links = page.locator("#sj-arsip-hasil > li > a.sj-cari-hasil__judul")
    expect(links).to_have_count(3)
    assert all((link.get_attribute("href") or "").startswith("/monografi/") for link in links.all())
    page.goto("/arsip/?tipe=Artikel+hukum&urut=tahun")
    expect(links).to_have_count(3)
    assert links.first.get_attribute("href") == "/artikel/sengketa-proses-pemilu-2024/"  # newest year first


def test_find_takes_filters_and_sort_as_the_archive_page_calls_it(page: Page) -> None:
    page.goto("/cari/")
    kinds = page.evaluate(
        """async () => {
             const { find } = await import(new URL("../assets/sop-jdih/pencari.js", location.href).href);
             const kindsOf = (results) => Promise.all(results.map(async (r) => (await r.data()).meta.jenis_hasil));
             return {
               filtered: await kindsOf(await find("pemilihan", { filters: { tipe: "SOP" } })),
               browsing: await kindsOf(await find("", { filters: { tipe: "SOP" } })),
               junkSorted: (await find("xqzvw", { sort: { tahun: "desc" } })).length,
               cited: (await (await find("UU 7/2017", { filters: { tipe: "Produk hukum" } }))[0].data()).url,
             };
           }"""
    )
    assert kinds["filtered"] and set(kinds["filtered"]) == {"SOP"}
    assert kinds["browsing"] == ["SOP", "SOP", "SOP"]  # no term: every page the filters let through
    assert kinds["junkSorted"] == 0
    assert kinds["cited"] == "/produk-hukum/uu-7-2017/"


def test_search_works_from_a_sub_path(browser: Browser, site: Path, tmp_path: Path) -> None:
    (tmp_path / "jdih").symlink_to(site, target_is_directory=True)
    with serve(tmp_path) as url, open_page(browser, url, Problems()) as page:
        page.goto("/jdih/cari/?q=UU+7/2017")
        first = page.locator("#sj-cari-hasil > li .sj-cari-hasil__judul").first
        expect(first).to_have_attribute("href", "/jdih/produk-hukum/uu-7-2017/")


def test_a_root_highlights_the_derived_words_it_found(page: Page) -> None:
    # "kelola" finds "Pengelola" through the page's hidden roots; the excerpt marks the word the reader sees.
    page.goto("/cari/?q=kelola")
    marks = page.locator("#sj-cari-hasil > li").first.locator(".sj-cari-hasil__cuplikan mark")
    expect(marks.first).to_have_text(re.compile(r"^pengelola", re.IGNORECASE))
