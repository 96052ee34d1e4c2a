"""The repository's own example site in a real browser (Debian's Chromium, see browser_support.py).

The example site is built once for this module (`mkdocs build --strict`, with its Pagefind index) and served on
127.0.0.1. Checked here: every page loads without a console error, page error or failed request; each SOP's bagan
alur is visible and reachable whole on a desktop and on a phone; search answers; and axe-core (pinned in
package-lock.json, installed by `make browser`) finds no serious or critical accessibility violation on the main
kinds of page.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, expect

from generator.archive.kinds import KINDS

from .browser_support import Problems, Visits, open_page
from .conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = {
    "beranda": "/",
    "sop": "/sop/media-sosial-jdih-banjarnegara/",
    "arsip": "/arsip/",
    "produk-hukum": "/produk-hukum/pkpu-8-2019/",
    "dasar-hukum": "/dasar-hukum/",
    # The lists as cards on a phone, and the item pages with their download at the top.
    "daftar-tahun": "/arsip/tahun/2023/",
    "daftar-platform": "/arsip/platform/instagram/",
    "daftar-sop": "/sop/",
    "produk-hukum-pdf": "/produk-hukum/kepkab-contoh-17-2023/",
    "konten": "/konten/bijak-bermedia-sosial/",
    "putusan": "/putusan/ptun-contoh-12-g-2024/",
    "daftar-amar": "/arsip/amar/ditolak/",
}
BLOCKING_IMPACTS = ("critical", "serious")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
MIN_DIAGRAM_TEXT_PX = 9.0  # the bagan alur is drawn in 9 pt (12 px) type; shrunk below 9 px it cannot be read


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    assert (example_site / "pagefind" / "pagefind-ui.js").is_file(), "the build made no Pagefind index"
    return example_site


@pytest.fixture(scope="module")
def site_url(example_site_url: str) -> str:
    return example_site_url


def page_paths(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL path (404.html too), except Pagefind's own files and the web
    editor's page (admin/: third-party code with its own policy and known refused requests, tests/test_cms_browser.py
    and test_editor.py)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site)
        if relative.parts[0] in ("pagefind", "admin"):
            continue
        if relative.name == "index.html":
            parent = relative.parent.as_posix()
            paths.append("/" if parent == "." else f"/{parent}/")
        else:
            paths.append(f"/{relative.as_posix()}")
    return paths


def sop_paths(site: Path) -> list[str]:
    return [f"/sop/{folder.name}/" for folder in sorted((site / "sop").iterdir()) if (folder / "index.html").is_file()]


# --- 1. every page loads cleanly ---------------------------------------------------------------------------------


def test_every_page_loads_without_errors(browser: Browser, site: Path, site_url: str) -> None:
    paths = page_paths(site)
    assert len(paths) > 100, f"only {len(paths)} pages found in {site}: is this the example site?"
    problems = Problems()
    found: dict[str, list[str]] = {}
    with open_page(browser, site_url, problems) as page:
        visits = Visits(page, problems)
        for path in paths:
            if seen := visits.visit(path):
                found[path] = seen
    report = "\n".join(f"{path}:\n  " + "\n  ".join(messages) for path, messages in found.items())
    assert not found, f"{len(found)} of {len(paths)} pages had problems:\n{report}"


# --- 2. the bagan alur is visible and not clipped --------------------------------------------------------------

# For one bagan alur SVG: every ancestor that cuts part of it off, the part that must fit across the viewport, the
# size its smallest text is drawn at, and every step symbol not inside the SVG's box. Going up from the SVG, what
# must fit in an ancestor is the SVG itself until a scroller on that axis holds it; above that it is the scroller's
# own box, since the reader scrolls the rest into view.
MEASURE_DIAGRAM = """
svg => {
  const own = svg.getBoundingClientRect();
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map(c => "." + c).join("");
  const span = {x: [own.left, own.right], y: [own.top, own.bottom]};
  const clipped = [];
  const scrollers = [];
  for (let el = svg.parentElement; el && el !== document.documentElement; el = el.parentElement) {
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    for (const axis of ["x", "y"]) {
      const overflow = axis === "x" ? style.overflowX : style.overflowY;
      if (overflow === "visible") continue;
      const scrollable = overflow === "auto" || overflow === "scroll";
      const origin = axis === "x"
        ? rect.left + el.clientLeft - el.scrollLeft
        : rect.top + el.clientTop - el.scrollTop;
      const reach = axis === "x"
        ? (scrollable ? el.scrollWidth : el.clientWidth)
        : (scrollable ? el.scrollHeight : el.clientHeight);
      const [start, end] = span[axis].map(edge => edge - origin);
      if (start < -1 || end > reach + 1) {
        clipped.push(`${name(el)} (overflow-${axis}: ${overflow}) shows 0..${reach} px of ${start}..${end}`);
      }
      if (scrollable) {
        span[axis] = axis === "x" ? [rect.left, rect.right] : [rect.top, rect.bottom];
        if (axis === "x" && el.scrollWidth > el.clientWidth + 1) scrollers.push(name(el));
      }
    }
  }
  const scale = svg.getScreenCTM().a;
  const sizes = [...svg.querySelectorAll("text")].map(text => parseFloat(getComputedStyle(text).fontSize));
  const outside = [];
  const symbols = svg.querySelectorAll("g.simbol");
  for (const symbol of symbols) {
    const r = symbol.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.left < own.left - 1 || r.right > own.right + 1
        || r.top < own.top - 1 || r.bottom > own.bottom + 1) {
      outside.push(`${symbol.id} at ${r.left},${r.top}..${r.right},${r.bottom}`);
    }
  }
  return {
    width: own.width, across: span.x, scrollers, clipped, outside, symbols: symbols.length,
    viewport: document.documentElement.clientWidth, pageWidth: document.documentElement.scrollWidth,
    textPx: sizes.length ? Math.min(...sizes) * scale : 0,
  };
}
"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=lambda viewport: f"{viewport['width']}px")
def test_bagan_alur_is_visible_and_not_clipped(
    browser: Browser, site: Path, site_url: str, viewport: dict[str, int]
) -> None:
    """Each diagram is on screen across, or in a sideways scroller that is; no ancestor cuts any of it off; its
    text is readable; and every step symbol lies inside it."""
    problems = Problems()
    failures = []
    with open_page(browser, site_url, problems, viewport=viewport) as page:
        visits = Visits(page, problems)
        for path in sop_paths(site):
            visits.visit(path)
            diagrams = page.locator(".bagan-alur svg")
            expect(diagrams.first).to_be_visible()
            for index, svg in enumerate(diagrams.all()):
                expect(svg).to_be_visible()
                svg.scroll_into_view_if_needed()
                m: dict[str, Any] = svg.evaluate(MEASURE_DIAGRAM)
                where = f"{path} bagan {index + 1} at {viewport['width']} px"
                left, right = m["across"]
                if left < -1 or right > m["viewport"] + 1:
                    held = f"its scroller {m['scrollers'][-1]}" if m["scrollers"] else "it (nothing scrolls it)"
                    failures.append(f"{where}: {held} spans {left:.0f}..{right:.0f} px of a {m['viewport']} px screen")
                failures += [f"{where}: cut off by {ancestor}" for ancestor in m["clipped"]]
                if m["pageWidth"] > m["viewport"] + 1:
                    failures.append(f"{where}: the page scrolls sideways ({m['pageWidth']} px wide)")
                if m["textPx"] < MIN_DIAGRAM_TEXT_PX:
                    failures.append(
                        f"{where}: scaled to {m['width']:.0f} px wide, its text is {m['textPx']:.1f} px "
                        f"(at least {MIN_DIAGRAM_TEXT_PX} px to be readable)"
                    )
                if m["symbols"] == 0:
                    failures.append(f"{where}: no step symbol (g.simbol) in the diagram")
                failures += [f"{where}: step symbol outside the diagram's box: {symbol}" for symbol in m["outside"]]
    assert not failures, "\n".join(failures)
    assert problems.on_site() == []


def test_bagan_alur_scrolls_whole_on_a_phone(browser: Browser, site: Path, site_url: str) -> None:
    """A phone keeps the diagram readable in a sideways scroller: scrolled to either end, that edge shows."""
    problems = Problems()
    failures = []
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        visits = Visits(page, problems)
        for path in sop_paths(site):
            visits.visit(path)
            for scroller in page.locator(".bagan-alur").all():
                scroller.scroll_into_view_if_needed()
                edges = scroller.evaluate(SCROLL_TO_BOTH_ENDS)
                if edges["overflowX"] not in ("auto", "scroll") or edges["scrollWidth"] <= edges["clientWidth"]:
                    failures.append(f"{path}: the bagan alur does not scroll on a phone: {edges}")
                elif not (edges["leftShown"] and edges["rightShown"]):
                    failures.append(f"{path}: an edge of the bagan alur cannot be scrolled into view: {edges}")
    assert not failures, "\n".join(failures)
    assert problems.on_site() == []


SCROLL_TO_BOTH_ENDS = """
el => {
  const shown = () => {
    const own = el.getBoundingClientRect();
    const left = own.left + el.clientLeft;
    return {left, right: left + el.clientWidth, svg: el.querySelector("svg").getBoundingClientRect()};
  };
  el.scrollLeft = 0;
  const start = shown();
  el.scrollLeft = el.scrollWidth;
  const end = shown();
  el.scrollLeft = 0;
  return {overflowX: getComputedStyle(el).overflowX, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
          leftShown: start.svg.left >= start.left - 1, rightShown: end.svg.right <= end.right + 1,
          svgLeft: start.svg.left, svgRight: end.svg.right, shownLeft: start.left, shownRight: end.right};
}
"""


# --- 3. search --------------------------------------------------------------------------------------------------


def test_search_finds_pemilihan(browser: Browser, site_url: str) -> None:
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        page.goto("/cari/?q=pemilihan")
        results = page.locator(".sj-cari-hasil__butir")
        expect(results).to_have_count(10)  # the first ten of many ...
        summary = page.locator("#sj-cari-ringkasan").inner_text()
        assert re.fullmatch(r'(\d+) hasil untuk "pemilihan"\.', summary), summary
        page.get_by_role("button", name="Tampilkan lebih banyak").click()
        expect(results).to_have_count(min(20, int(summary.split()[0])))  # ... and the next ten on request
    assert problems.on_site() == []


# --- 4. the archive without typing (/arsip/, arsip.js) and the home page's form that lands there ---------------------

ARSIP_RESULT = "#sj-arsip-hasil > li"
ARSIP_LINK = f"{ARSIP_RESULT} > a.sj-cari-hasil__judul"
ARSIP_SUMMARY = "#sj-arsip-ringkasan"
REVOKED_2015 = ["/produk-hukum/kepkab-contoh-21-2015/", "/produk-hukum/pkpu-1-2015/"]  # the example's Tidak Berlaku


def item_counts(site: Path) -> dict[str, int]:
    """Each collection's Tipe value, with how many item pages the site has."""
    return {
        kind.filter_value: sum(1 for page in (site / kind.uri("x").rsplit("/", 1)[0]).glob("*/index.html"))
        for kind in KINDS
    }


def archive_item_count(site: Path) -> int:
    return sum(item_counts(site).values())


def filter_options(page: Any, group: str) -> list[tuple[str, int, bool]]:
    """The (value, count, ticked) of one filter group, in the order shown."""
    options = []
    for box in page.locator(f'#sj-arsip-filter input[name="{group}"]').all():
        label = " ".join((box.locator("xpath=..").text_content() or "").split())
        found = re.fullmatch(r"(.+?) \((\d+)\)", label)
        assert found, label
        value, count = found.groups()
        options.append((value, int(count), box.is_checked()))
    return options


def test_arsip_shows_the_whole_collection_with_filter_counts(browser: Browser, site: Path, site_url: str) -> None:
    total = archive_item_count(site)
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        page.goto("/arsip/")
        expect(page.locator(ARSIP_SUMMARY)).to_have_text(f"{total} item di arsip.")
        expect(page.locator(ARSIP_RESULT)).to_have_count(20)  # twenty at a time ...
        page.get_by_role("button", name="Tampilkan lebih banyak").click()
        expect(page.locator(ARSIP_RESULT)).to_have_count(min(40, total))  # ... and the next twenty on request
        years = filter_options(page, "tahun")
        assert [int(year) for year, _, _ in years] == sorted((int(year) for year, _, _ in years), reverse=True)
        assert sum(count for _, count, _ in years) == total  # every item has one year
        for group in ("tipe", "jenis", "tahun", "status", "bidang", "platform"):
            options = filter_options(page, group)
            assert options and all(count > 0 for _, count, _ in options), (group, options)
        # Every collection is a Tipe of its own, named by its description, with all its items.
        assert {value: count for value, count, _ in filter_options(page, "tipe")} == item_counts(site)
        revoked = len(list((site / "arsip" / "status" / "tidak-berlaku").glob("**/index.html")))
        assert revoked == 1  # one listing page: its table rows are the revoked items
        listing = (site / "arsip" / "status" / "tidak-berlaku" / "index.html").read_text(encoding="utf-8")
        assert dict((v, c) for v, c, _ in filter_options(page, "status"))["Tidak Berlaku"] == listing.count("<tr><td")
    assert problems.on_site() == []


def test_a_filtered_address_shows_exactly_the_matching_items(browser: Browser, site_url: str) -> None:
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        page.goto("/arsip/?tahun=2015&status=Tidak+Berlaku")
        expect(page.locator(ARSIP_SUMMARY)).to_have_text("2 item cocok dengan filter yang dipilih.")
        assert sorted(link.get_attribute("href") or "" for link in page.locator(ARSIP_LINK).all()) == REVOKED_2015
        assert ("2015", 2, True) in filter_options(page, "tahun")
        # Other years stay offered with their counts for this status, so a reader can widen the view.
        assert len(filter_options(page, "tahun")) > 1
        assert [option for option in filter_options(page, "status") if option[2]] == [("Tidak Berlaku", 2, True)]
    assert problems.on_site() == []


def test_the_home_form_lands_on_the_filtered_archive(browser: Browser, site_url: str) -> None:
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        Visits(page, problems).visit("/")  # settled: leaving while the page's icon loads would abort that request
        page.get_by_label("Tahun", exact=True).select_option("2015")
        page.get_by_label("Status", exact=True).select_option("Tidak Berlaku")
        page.locator(".sj-beranda__cari").get_by_role("button", name="Cari").click()
        page.wait_for_url("**/arsip/?*")
        expect(page.locator(ARSIP_SUMMARY)).to_have_text("2 item cocok dengan filter yang dipilih.")
        # The form searches legal products only; its empty fields left the address.
        assert page.url.endswith("/arsip/?tipe=Produk+hukum&tahun=2015&status=Tidak+Berlaku")
        assert sorted(link.get_attribute("href") or "" for link in page.locator(ARSIP_LINK).all()) == REVOKED_2015
    assert problems.on_site() == []


def test_on_a_phone_a_visitor_finds_uu_7_2017_and_browses_2023s_revoked_decisions(
    browser: Browser, site_url: str
) -> None:
    """The issue's "done": from the home page at 390 px, the header search and the portal's form, no word typed."""
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit("/")
        page.locator("#sj-cari-kata").fill("UU 7/2017")
        page.locator("#sj-cari-kata").press("Enter")
        first = page.locator(".sj-cari-hasil__butir").first
        expect(first.locator("a.sj-cari-hasil__judul")).to_have_attribute(
            "href", re.compile(r"produk-hukum/uu-7-2017/$")
        )
        expect(first.locator(".jdih-badge")).to_have_text("Berlaku")
        Visits(page, problems).visit("/")
        page.get_by_label("Tahun", exact=True).select_option("2023")
        page.get_by_label("Status", exact=True).select_option("Tidak Berlaku")
        page.locator(".sj-beranda__cari").get_by_role("button", name="Cari").click()
        page.wait_for_url("**/arsip/?*")
        expect(page.locator(ARSIP_SUMMARY)).to_have_text("1 item cocok dengan filter yang dipilih.")
        result = page.locator(ARSIP_RESULT).first
        expect(result.locator("a.sj-cari-hasil__judul")).to_have_attribute(
            "href", re.compile(r"kepkab-contoh-2-2023/$")
        )
        expect(result.locator(".jdih-badge")).to_have_text("Tidak Berlaku")
        result.scroll_into_view_if_needed()  # below the form; seen whole once there, nothing off to the side
        expect(result.locator(".jdih-badge")).to_be_in_viewport()
        expect(result.locator("a.sj-cari-hasil__judul")).to_be_in_viewport()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert problems.on_site() == []


def _numbered(number: str, year: int | None = None) -> list[str]:
    """The example's produk hukum pages numbered `number` (whole or leading number), read from the YAML."""
    found = []
    for path in sorted((REPO / "content_archive" / "produk-hukum").glob("*.yaml")):
        item = yaml.safe_load(path.read_text(encoding="utf-8"))
        nomor = str(item["nomor"])
        leading = re.match(r"\d+", nomor)
        if number in (nomor, leading and leading.group()) and year in (None, item["tahun"]):
            found.append(f"/produk-hukum/{item['id']}/")
    return sorted(found)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("nomor=2&tahun=2021", _numbered("2", 2021)),
        ("nomor=7%2F2017", _numbered("7", 2017)),
        ("nomor=1&jenis=Peraturan+Komisi+Pemilihan+Umum", [p for p in _numbered("1") if "/pkpu-" in p]),
        ("nomor=13%2FPP.07.1%2F1306%2F2021", ["/produk-hukum/kepkab-agam-13-pp-07-1-1306-2021/"]),
    ],
)
def test_the_nomor_field_finds_items_by_their_number_exactly(
    browser: Browser, site_url: str, address: str, expected: list[str]
) -> None:
    """Not as words: "2" with 2021 is PKPU 2/2021 (not 22/2023, nor a page that mentions a 2)."""
    assert expected  # the example data has such items
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        Visits(page, problems).visit(f"/arsip/?{address}")
        expect(page.locator(ARSIP_SUMMARY)).to_contain_text(f"{len(expected)} item")
        assert sorted(link.get_attribute("href") or "" for link in page.locator(ARSIP_LINK).all()) == expected
    assert problems.on_site() == []


def test_a_result_card_links_the_document_as_the_listings_do(browser: Browser, site_url: str) -> None:
    """The PDF on the search page and on /arsip/, not only on the item page: the link opens the published file."""
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        for address in ("/cari/?q=daftar+informasi+publik+2025", "/arsip/?q=daftar+informasi+publik&tahun=2025"):
            Visits(page, problems).visit(address)
            card = page.locator("li", has=page.locator('a[href$="/produk-hukum/kepkab-contoh-3-2025/"]')).first
            download = card.get_by_role("link", name="Unduh PDF")
            expect(download).to_have_attribute("href", f"{site_url}/berkas/lampiran/kepkab-contoh-3-2025.pdf")
            assert page.request.get(download.get_attribute("href") or "").ok
    assert problems.on_site() == []


def test_back_from_an_item_returns_to_the_same_place_in_the_archive(browser: Browser, site_url: str) -> None:
    """A reader who showed more results and opened the 31st comes Back to 40 results with the 31st on screen."""
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit("/arsip/")
        page.get_by_role("button", name="Tampilkan lebih banyak").click()
        expect(page.locator(ARSIP_RESULT)).to_have_count(40)
        item = page.locator(ARSIP_LINK).nth(30)
        title = item.inner_text()
        item.scroll_into_view_if_needed()
        item.click()
        page.wait_for_load_state()
        expect(page.locator("h1")).to_have_text(title)
        page.go_back()
        expect(page.locator(ARSIP_RESULT)).to_have_count(40)
        expect(page.locator(ARSIP_LINK).nth(30)).to_be_in_viewport()
    assert problems.on_site() == []


def test_sorting_changes_the_order(browser: Browser, site_url: str) -> None:
    problems = Problems()
    with open_page(browser, site_url, problems) as page:
        page.goto("/arsip/?tipe=Produk+hukum&urut=judul")
        expect(page.locator(ARSIP_RESULT)).to_have_count(20)
        by_title = page.locator(ARSIP_LINK).all_inner_texts()
        assert by_title == sorted(by_title, key=lambda title: title.lower().replace(",", " "))
        page.get_by_label("Urutkan").select_option("tahun")
        page.wait_for_url("**urut=tahun")
        expect(page.locator(ARSIP_LINK).first).not_to_have_text(by_title[0])
        years = [int(year) for year in page.locator(f"{ARSIP_RESULT} .sj-cari-hasil__tahun").all_inner_texts()]
        assert len(years) == 20 and years == sorted(years, reverse=True)
        assert page.locator(ARSIP_LINK).all_inner_texts() != by_title
    assert problems.on_site() == []


def test_arsip_opened_from_disk_says_so_and_keeps_the_listings(browser: Browser, site: Path) -> None:
    problems = Problems()
    with open_page(browser, (site / "arsip" / "index.html").as_uri(), problems) as page:
        page.goto((site / "arsip" / "index.html").as_uri())
        expect(page.locator(ARSIP_SUMMARY)).to_contain_text("tidak berjalan di sini")
        expect(page.locator("#sj-arsip")).to_be_hidden()
        expect(page.get_by_role("link", name="Tidak Berlaku")).to_be_visible()


def test_arsip_says_so_when_search_fails_and_keeps_the_listings(browser: Browser, site_url: str) -> None:
    problems = Problems()  # the refused index is the point here: its failed requests are not checked
    with open_page(browser, site_url, problems) as page:
        page.route("**/pagefind/**", lambda route: route.abort())
        page.goto("/arsip/")
        expect(page.locator(ARSIP_SUMMARY)).to_contain_text("tidak dapat berjalan di sini")
        expect(page.locator("#sj-arsip")).to_be_hidden()
        expect(page.locator(ARSIP_RESULT)).to_have_count(0)
        expect(page.get_by_role("link", name="Tidak Berlaku")).to_be_visible()


# --- 5. axe-core ------------------------------------------------------------------------------------------------

# Material wraps every table in a `.md-typeset__scrollwrap` at run time and gives it no tabindex, so where a table is
# wider than a phone axe reports that wrapper under scrollable-region-focusable. It is the theme's markup, not ours:
# only that rule on that element is left out (and listed in the output), everything inside it is still checked.
THIRD_PARTY = {("scrollable-region-focusable", ".md-typeset__scrollwrap")}

AXE_CASES = [
    pytest.param(path, viewport, id=f"{name}-{viewport['width']}px")
    for name, path in {
        **AXE_PAGES,
        "pencarian": "/cari/?q=pemilihan",
        "arsip-tersaring": "/arsip/?tahun=2015&status=Tidak+Berlaku",
    }.items()
    for viewport in (DESKTOP, PHONE)
]


def axe_report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(str(part) for part in node['target'])}")
    return "\n".join(lines)


def without_third_party(violations: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The violations minus THIRD_PARTY's (rule, element) pairs, and those left out."""
    kept, left_out = [], []
    for violation in violations:
        ours = [node for node in violation["nodes"] if (violation["id"], node["target"][-1]) not in THIRD_PARTY]
        theirs = [node for node in violation["nodes"] if node not in ours]
        if ours:
            kept.append({**violation, "nodes": ours})
        if theirs:
            left_out.append({**violation, "nodes": theirs})
    return kept, left_out


@pytest.mark.parametrize(("path", "viewport"), AXE_CASES)
def test_no_serious_accessibility_violations(
    browser: Browser, site_url: str, path: str, viewport: dict[str, int]
) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: install it with `make browser` (npm ci)", pytrace=False)
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=viewport) as page:
        Visits(page, problems).visit(path)
        if "?q=" in path or path.split("?")[0] == "/arsip/":  # audit the results too, not only the empty search box
            expect(page.locator(".sj-cari-hasil__butir").first).to_be_visible()
        page.evaluate(AXE.read_text(encoding="utf-8"))  # as page script: the CSP refuses an injected <script>
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    violations, left_out = without_third_party(result["violations"])
    counts = Counter(violation["impact"] for violation in violations)
    print(f"axe {path} at {viewport['width']} px: {dict(counts) or 'no violations'}\n{axe_report(violations)}")
    if left_out:
        print(f"left out (third-party markup):\n{axe_report(left_out)}")
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, (
        f"axe-core on {path} at {viewport['width']} px: {len(blocking)} serious or critical violations\n"
        f"{axe_report(blocking)}"
    )
    assert problems.on_site() == []
