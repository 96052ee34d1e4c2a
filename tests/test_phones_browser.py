"""The example site on a 390 px phone and a 1366 px laptop, in a real browser (Debian's Chromium, browser_support.py).

Checked here: every listing, the SOP index and the dasar hukum index show each item's title link, status badge and
PDF link inside the screen (no sideways scrolling); the SOP index cuts no text on a laptop; an item page offers its
PDF on the first screen; axe-core finds no serious or critical violation on those pages; and a build without
directory URLs opened from disk (file://) leads back to the archive and to the search page, not to folder listings.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from .browser_support import TIMEOUT_MS, Problems, Visits, open_page
from .conftest import copy_example_project

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
PRODUK_WITH_PDF = "/produk-hukum/kepkab-contoh-17-2023/"


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    return example_site


@pytest.fixture(scope="module")
def site_url(example_site_url: str) -> str:
    return example_site_url


def list_pages(site: Path) -> list[str]:
    """Every listing of the archive (each jenis, tahun, status, platform), the SOP index and the dasar hukum index."""
    pages = (site / "arsip").glob("*/*/index.html")
    listings = sorted(f"/{path.parent.relative_to(site).as_posix()}/" for path in pages)
    return [*listings, "/sop/", "/dasar-hukum/"]


# Where each list's links and badges lie, and whether the page scrolls sideways.
MEASURE = """() => {
  const box = element => { const r = element.getBoundingClientRect(); return {left: r.left, right: r.right}; };
  const rows = [...document.querySelectorAll('.jdih-daftar tbody tr')];
  return {
    viewport: document.documentElement.clientWidth,
    pageWidth: document.documentElement.scrollWidth,
    rows: rows.length,
    titles: rows.map(row => row.querySelector('.jdih-daftar__judul a')).map(a => a ? box(a) : null),
    others: [...document.querySelectorAll('.jdih-daftar .jdih-badge, .jdih-daftar td:not(.jdih-daftar__judul) a')]
      .map(element => ({text: element.textContent, ...box(element)})),
  };
}"""


def test_every_list_shows_its_links_and_badges_on_a_phone(browser: Browser, site: Path, site_url: str) -> None:
    paths = list_pages(site)
    assert len(paths) > 20, paths
    problems = Problems()
    failures = []
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        visits = Visits(page, problems)
        for path in paths:
            visits.visit(path)
            m: dict[str, Any] = page.evaluate(MEASURE)
            assert m["rows"] > 0, f"{path}: no list"
            if m["pageWidth"] > m["viewport"]:
                failures.append(f"{path}: the page is {m['pageWidth']} px wide on a {m['viewport']} px screen")
            for index, title in enumerate(m["titles"]):
                if title is None:
                    failures.append(f"{path} row {index + 1}: the title is not a link")
                elif title["left"] < 0 or title["right"] > m["viewport"]:
                    failures.append(f"{path} row {index + 1}: title link at {title['left']:.0f}..{title['right']:.0f}")
            for other in m["others"]:
                if other["left"] < 0 or other["right"] > m["viewport"]:
                    failures.append(f"{path}: {other['text']!r} at {other['left']:.0f}..{other['right']:.0f} px")
    assert not failures, "\n".join(failures)
    assert problems.on_site() == []


def test_listings_show_the_status_badge_and_pdf_on_a_phone(browser: Browser, site_url: str) -> None:
    """A produk hukum card holds what a reader looks for: title link, jenis, year, status badge, PDF."""
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit("/arsip/tahun/2023/")
        card = page.locator(".jdih-daftar tbody tr").filter(has_text="Nomor 17/HK.03.1-Kpt/3300/2023")
        card.scroll_into_view_if_needed()
        for shown in (
            card.locator(".jdih-daftar__judul a"),
            card.locator("td[data-label=Jenis]"),
            card.locator("td[data-label=Tahun]"),
            card.locator(".jdih-badge"),
            card.get_by_role("link", name="PDF"),
        ):
            expect(shown).to_be_in_viewport(ratio=1)  # whole, not cut at the screen's edge
        expect(card.locator(".jdih-badge")).to_have_text("Berlaku")
        expect(card.locator(".jdih-daftar__judul a")).to_have_attribute(
            "href", "../../../produk-hukum/kepkab-contoh-17-2023/"
        )
    assert problems.on_site() == []


def test_the_sop_index_cuts_no_text_on_a_laptop(browser: Browser, site_url: str) -> None:
    """On 1366 px the last column ("1 hari 55 menit") used to end under the content's edge, cut off."""
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=LAPTOP) as page:
        Visits(page, problems).visit("/sop/")
        m = page.evaluate(
            """() => {
              const content = document.querySelector('.md-content__inner').getBoundingClientRect();
              return [...document.querySelectorAll('.jdih-daftar th, .jdih-daftar td')].map(cell => ({
                text: cell.textContent, right: cell.getBoundingClientRect().right, contentRight: content.right,
                clipped: cell.scrollWidth > cell.clientWidth,
              }));
            }"""
        )
    assert any(cell["text"] == "1 hari 55 menit" for cell in m)
    cut = [cell for cell in m if cell["clipped"] or cell["right"] > cell["contentRight"] + 1]
    assert not cut, cut
    assert problems.on_site() == []


def test_an_item_page_offers_its_pdf_on_the_first_screen(browser: Browser, site_url: str) -> None:
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit(PRODUK_WITH_PDF)
        download = page.locator(".jdih-status").get_by_role("link", name="Unduh PDF")
        expect(download).to_be_in_viewport()  # without scrolling: the viewport is the first screen
        assert page.evaluate("() => window.scrollY") == 0
        assert download.get_attribute("href") == "../../berkas/lampiran/kepkab-contoh-17-2023.pdf"
    assert problems.on_site() == []


def test_without_directory_urls_the_site_works_from_disk(browser: Browser, tmp_path: Path) -> None:
    """Opened as files: "Kembali ke arsip", pagination-style links and the header's search form reach pages."""
    project = copy_example_project(tmp_path / "proyek")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8") + "use_directory_urls: false\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    subprocess.run(build, cwd=project, check=True, capture_output=True)
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto((site / "arsip" / "tahun" / "2023" / "index.html").as_uri())
        page.get_by_role("link", name="Kembali ke arsip").click()
        expect(page).to_have_url((site / "arsip" / "index.html").as_uri())
        expect(page.locator("h1")).to_have_text("Arsip JDIH")
        page.locator("#sj-cari-kata").fill("pemilihan")
        page.locator("#sj-cari-kata").press("Enter")
        expect(page).to_have_url(re.compile(re.escape((site / "cari" / "index.html").as_uri()) + r"\?q=pemilihan$"))
        expect(page.locator("h1")).to_be_visible()
    finally:
        context.close()
