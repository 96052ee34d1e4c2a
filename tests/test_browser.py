"""The built site in a real browser: Pagefind search (stemming, header box, the archive's filters) in Debian's Chromium.

One small project (an SOP and the JDIH archive fixture) is built once, served on 127.0.0.1 and driven with
Playwright (see browser_support.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .archive_fixture import write_archive
from .browser_support import Problems, open_page, serve
from .conftest import VALID_SOP, build_site, make_project

UU_PEMILU = "/produk-hukum/uu-7-2017/"
KEPUTUSAN_DICABUT = "/produk-hukum/kepkab-12-2022/"  # "Penetapan Tim Pengelola JDIH Tahun 2022", Tidak Berlaku
KEPUTUSAN_BARU = "/produk-hukum/kepkab-5-2024/"  # "Penetapan Tim Pengelola JDIH Tahun 2024", Berlaku

# The search page (/cari/, our cari.js): one titled link per result page.
CARI_INPUT = "#sj-cari-halaman-kata"
CARI_RESULT = "#sj-cari-hasil > li.sj-cari-hasil__butir"
CARI_LINK = f"{CARI_RESULT} > a.sj-cari-hasil__judul"
# The archive page (/arsip/, our arsip.js): the same result items, with filters beside them.
ARSIP_RESULT = "#sj-arsip-hasil > li.sj-cari-hasil__butir"
ARSIP_LINK = f"{ARSIP_RESULT} > a.sj-cari-hasil__judul"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the project (MkDocs + the Pagefind index) and serve the site folder; yield its root URL."""
    project = make_project(tmp_path_factory.mktemp("browser-site"), {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(project)
    site = build_site(project)
    assert (site / "pagefind" / "pagefind-ui.js").is_file(), "the build made no Pagefind index"
    with serve(site) as url:
        yield url


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, site_url: str, problems: Problems) -> Iterator[Page]:
    with open_page(browser, site_url, problems) as page:
        yield page


def result_links(page: Page, result: str, link: str) -> list[str]:
    """The result pages' addresses once the search has shown its results."""
    expect(page.locator(result).first).to_be_visible()
    return [element.get_attribute("href") or "" for element in page.locator(link).all()]


def test_search_page_finds_other_word_forms(page: Page) -> None:
    # "memilih" is not a prefix of "Pemilihan": only Indonesian stemming (both are "pilih") can match them.
    page.goto("/cari/?q=memilih")
    expect(page.locator(CARI_INPUT)).to_have_value("memilih")
    expect(page.locator(CARI_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    links = result_links(page, CARI_RESULT, CARI_LINK)
    assert UU_PEMILU in links
    expect(page.locator("#sj-cari-ringkasan")).to_have_text(f'{len(links)} hasil untuk "memilih".')
    uu = page.locator(CARI_RESULT, has=page.locator(f'[href="{UU_PEMILU}"]'))
    expect(uu.locator(".sj-cari-hasil__tipe")).to_have_text("Peraturan")
    expect(uu.locator(".jdih-badge--berlaku")).to_have_text("Berlaku")
    expect(uu.locator(".sj-cari-hasil__tahun")).to_have_text("2017")
    expect(uu.locator(".sj-cari-hasil__judul")).to_have_text("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum")
    expect(uu.locator(".sj-cari-hasil__cuplikan mark").first).to_be_visible()  # the matched word, highlighted
    expect(page.get_by_role("button", name="Tampilkan lebih banyak")).to_be_hidden()  # fewer than ten: all shown


def test_typing_searches_and_keeps_the_query_in_the_address(page: Page) -> None:
    page.goto("/cari/")
    page.locator(CARI_INPUT).fill("memilih")
    expect(page.locator(CARI_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    assert page.url.endswith("/cari/?q=memilih")  # a reader can share or bookmark the search
    page.locator(CARI_INPUT).fill("kataygtidakada")
    expect(page.locator("#sj-cari-ringkasan")).to_have_text('Tidak ada hasil untuk "kataygtidakada".')
    expect(page.locator(CARI_RESULT)).to_have_count(0)
    page.locator(CARI_INPUT).fill("")
    expect(page.locator("#sj-cari-ringkasan")).to_have_text("")
    assert page.url.endswith("/cari/")


def test_header_search_box_opens_the_search_page_with_results(page: Page) -> None:
    page.goto("/")
    box = page.locator("#sj-cari-kata")
    box.fill("memilih")
    box.press("Enter")
    page.wait_for_url("**/cari/?q=memilih")
    expect(page.locator(CARI_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    assert UU_PEMILU in result_links(page, CARI_RESULT, CARI_LINK)


def test_archive_facets_narrow_the_results(page: Page) -> None:
    page.goto("/arsip/?q=penetapan")
    links = page.locator(ARSIP_LINK)
    # Both keputusan match, one still in force and one revoked, so the status filter has something to remove.
    expect(links.and_(page.locator(f'[href="{KEPUTUSAN_DICABUT}"]'))).to_have_count(1)
    expect(links.and_(page.locator(f'[href="{KEPUTUSAN_BARU}"]'))).to_have_count(1)
    legends = page.locator("#sj-arsip-filter legend")
    for name in ("Tipe", "Jenis", "Tahun", "Status", "Bidang hukum"):
        expect(legends.filter(has_text=re.compile(rf"^{name}$"))).to_have_count(1)
    page.locator('#sj-arsip-filter input[name="status"][value="Tidak Berlaku"]').check()
    expect(links).to_have_count(1)
    assert result_links(page, ARSIP_RESULT, ARSIP_LINK) == [KEPUTUSAN_DICABUT]
    assert "status=Tidak+Berlaku" in page.url and "q=penetapan" in page.url  # the view can be shared


def test_search_page_has_no_console_errors_and_loads_only_what_a_search_needs(page: Page, problems: Problems) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/cari/")
    page.locator(CARI_INPUT).fill("pemilu")
    expect(page.locator(CARI_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    expect(page.locator(f"{CARI_RESULT} .sj-cari-hasil__cuplikan").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert problems.page_errors == []
    assert problems.console_errors == []
    assert problems.failed_requests == []
    pagefind = [url.split("/pagefind/")[1] for url in requested if "/pagefind/" in url]
    assert any(name.startswith("index/") for name in pagefind)  # the chunks for the word typed ...
    assert not [name for name in pagefind if name.startswith("filter/") or "-ui." in name]  # ... no UI, no facets
