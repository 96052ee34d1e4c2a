"""The example site on a 390 px phone and a 1366 px laptop, in a real browser (Debian's Chromium, browser_support.py).

Checked here: every listing, the SOP index and the dasar hukum index show each item's title link, status badge and
PDF link inside the screen (no sideways scrolling); the SOP index cuts no text on a laptop; an item page offers its
PDF on the first screen; axe-core finds no serious or critical violation on those pages; and a build without
directory URLs opened from disk (file://) leads back to the archive and to the search page, not to folder listings.

An SOP page on a phone shows each procedure step by step (_sop_urutan.md.j2): every step's number, actors, symbol,
mutu baku and next steps, linked, inside the screen, with or without JavaScript; the full bagan alur is a link away
and says that it scrolls sideways only while it does; a laptop keeps the diagram and the step table; the SOP index
names the procedure each normal waktu belongs to.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.source.yaml_source import load_yaml

from .browser_support import TIMEOUT_MS, Problems, Visits, open_page, serve
from .conftest import MKDOCS_YML, REPO, VALID_SOP, build_site, copy_example_project, make_project
from .test_site_browser import AXE, BLOCKING_IMPACTS, axe_report, without_third_party

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
DESKTOP = {"width": 1280, "height": 800}
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


# --- SOP pages step by step on a phone ------------------------------------------------------------------------------

EXAMPLE_SOP = "/sop/media-sosial-jdih-banjarnegara/"  # six steps in five lanes, a keputusan that loops back

# A second procedure for the test SOP (conftest.VALID_SOP): another keputusan, a step that jumps back with `ke`, a
# penghubung, and actors of its own.
SECOND_PROCEDURE = """\
  - judul: Pengarsipan
    pelaksana:
      - id: staf
        nama: Staf Pengelola
      - id: arsiparis
        nama: Arsiparis Pelaksana Lanjutan
    langkah:
      - no: 1
        kegiatan: Menerima berkas konten
        pelaksana: staf
        simbol: mulai
        mutu_baku:
          waktu: 5 menit
      - no: 2
        kegiatan: Memeriksa kelengkapan berkas
        ringkasan: Lengkap?
        pelaksana: arsiparis
        simbol: keputusan
        ya: 4
        tidak: 3
        mutu_baku:
          kelengkapan: Daftar periksa
          waktu: 10 menit
      - no: 3
        kegiatan: Meminta kekurangan berkas kepada pengelola
        pelaksana: [arsiparis, staf]
        simbol: penghubung
        ke: 2
        mutu_baku:
          waktu: 1 hari
      - no: 4
        kegiatan: Menyimpan berkas di lemari arsip
        pelaksana: arsiparis
        simbol: selesai
        mutu_baku:
          waktu: 15 menit
          output: Berkas tersimpan
"""
TEST_SOP = "/sop/uji-persetujuan/"

# Each step card of the step-by-step view, where its actors lie, and whether the page scrolls sideways.
MEASURE_STEPS = """() => {
  const box = element => {
    const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, width: r.width};
  };
  const text = element => element ? element.textContent.trim() : null;
  return {
    viewport: document.documentElement.clientWidth,
    pageWidth: document.scrollingElement.scrollWidth,
    tablesShown: [...document.querySelectorAll('.sop-langkah')].filter(table => table.checkVisibility()).length,
    views: [...document.querySelectorAll('.sop-urutan')].map(view => ({
      shown: view.checkVisibility(),
      box: box(view),
      steps: [...view.querySelectorAll('li.sop-urutan-langkah')].map(step => ({
        id: step.id,
        no: text(step.querySelector('.sop-urutan-no')),
        symbol: text(step.querySelector('.sop-simbol')),
        actors: [...step.querySelectorAll('.sop-urutan-aktor')]
          .map(actor => ({text: text(actor), shown: actor.checkVisibility(), ...box(actor)})),
        mutu: [...step.querySelectorAll('.sop-urutan-mutu dt')].map(dt => [text(dt), text(dt.nextElementSibling)]),
        links: [...step.querySelectorAll('.sop-urutan-lanjut a')]
          .map(a => ({href: a.getAttribute('href'), found: !!document.getElementById(a.hash.slice(1))})),
        box: box(step),
      })),
    })),
  };
}"""


def expected_steps(source: Path) -> list[list[dict[str, Any]]]:
    """What each step card should say, read from the SOP's YAML as an editor wrote it (YAML 1.2: `no:` is a key)."""
    loaded, problems = load_yaml(source, source.name)
    assert loaded is not None, problems
    document = loaded.data
    procedures = []
    for procedure in document["prosedur"]:
        names = {actor["id"]: actor["nama"] for actor in procedure["pelaksana"]}
        steps = procedure["langkah"]
        cards = []
        for index, step in enumerate(steps):
            simbol = step.get("simbol", "proses")
            actors = [step["pelaksana"]] if isinstance(step["pelaksana"], str) else step["pelaksana"]
            if simbol == "keputusan":
                targets = [step["ya"], step["tidak"]]
                following = f"Ya → langkah {step['ya']}; Tidak → langkah {step['tidak']}"
            elif simbol == "selesai":
                targets, following = [], "Selesai"
            else:
                targets = [step.get("ke", steps[index + 1]["no"] if index + 1 < len(steps) else None)]
                following = f"→ langkah {targets[0]}"
            symbol = simbol.capitalize() + (f": {step['ringkasan']}" if simbol == "keputusan" else "")
            cards.append(
                {
                    "no": f"Langkah {step['no']}",
                    "actors": [names[actor] for actor in actors],
                    "symbol": symbol,
                    "next": following,
                    "targets": targets,
                }
            )
        procedures.append(cards)
    return procedures


def step_failures(path: str, m: dict[str, Any], expected: list[list[dict[str, Any]]]) -> list[str]:
    """Whatever keeps a staffer on a phone from following who does what, in the MEASURE_STEPS of a page."""
    failures = []
    if m["pageWidth"] > m["viewport"]:
        failures.append(f"{path}: the page is {m['pageWidth']} px wide on a {m['viewport']} px screen")
    if m["tablesShown"]:
        failures.append(f"{path}: the step table is displayed beside the step-by-step view ({m['tablesShown']})")
    if len(m["views"]) != len(expected):
        return [*failures, f"{path}: {len(m['views'])} step-by-step views for {len(expected)} procedures"]
    for letter, (view, cards) in enumerate(zip(m["views"], expected, strict=True), start=1):
        where = f"{path} prosedur {letter}"
        if not view["shown"]:
            failures.append(f"{where}: the step-by-step view is not shown")
        if [step["no"] for step in view["steps"]] != [card["no"] for card in cards]:
            failures.append(f"{where}: steps {[step['no'] for step in view['steps']]}")
            continue
        for step, card in zip(view["steps"], cards, strict=True):
            at = f"{where} {card['no']}"
            if step["box"]["left"] < 0 or step["box"]["right"] > m["viewport"]:
                failures.append(f"{at}: its card spans {step['box']['left']:.0f}..{step['box']['right']:.0f} px")
            if [actor["text"] for actor in step["actors"]] != card["actors"]:
                failures.append(f"{at}: actors {[actor['text'] for actor in step['actors']]} != {card['actors']}")
            for actor in step["actors"]:
                if not actor["shown"] or actor["width"] == 0 or actor["left"] < 0 or actor["right"] > m["viewport"]:
                    failures.append(f"{at}: actor {actor['text']!r} at {actor['left']:.0f}..{actor['right']:.0f} px")
            if step["symbol"] != card["symbol"]:
                failures.append(f"{at}: symbol {step['symbol']!r} != {card['symbol']!r}")
            mutu = dict(step["mutu"])
            if mutu.get("Lanjut") != card["next"]:
                failures.append(f"{at}: next {mutu.get('Lanjut')!r} != {card['next']!r}")
            if not {"Kelengkapan", "Waktu", "Output"} <= mutu.keys():
                failures.append(f"{at}: mutu baku {mutu}")
            hrefs = [link["href"] for link in step["links"]]
            if hrefs != [f"#p{letter}-urutan-{target}" for target in card["targets"]]:
                failures.append(f"{at}: links {hrefs}")
            failures += [f"{at}: link {link['href']} leads nowhere" for link in step["links"] if not link["found"]]
    return failures


@pytest.fixture(scope="module")
def test_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A built site with conftest's test SOP given a second procedure (SECOND_PROCEDURE)."""
    root = tmp_path_factory.mktemp("sop-di-ponsel")
    offline = MKDOCS_YML.replace("  language: id\n", "  language: id\n  font: false\n")  # as the example site
    make_project(root, {"uji-persetujuan.yaml": VALID_SOP + SECOND_PROCEDURE}, offline)
    with serve(build_site(root)) as url:
        yield url


def test_each_example_sop_step_by_step_on_a_phone(browser: Browser, site: Path, site_url: str) -> None:
    """Every example SOP at 390 px: each step's card in the screen with its actors by their column names, symbol,
    mutu baku and next steps linked, and no sideways scrolling of the page."""
    sources = sorted((REPO / "sops").glob("*.yaml"))
    assert len(sources) >= 3
    problems = Problems()
    failures = []
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        visits = Visits(page, problems)
        for source in sources:
            path = f"/sop/{source.stem}/"
            visits.visit(path)
            failures += step_failures(path, page.evaluate(MEASURE_STEPS), expected_steps(source))
    assert not failures, "\n".join(failures)
    assert problems.on_site() == []


def test_a_test_sop_with_two_procedures_step_by_step_on_a_phone(
    browser: Browser, test_site_url: str, tmp_path: Path
) -> None:
    """Two procedures, each its own links (p1-, p2-); a shared step names both actors; a penghubung and a `ke`."""
    source = tmp_path / "uji.yaml"
    source.write_text(VALID_SOP + SECOND_PROCEDURE, encoding="utf-8")
    problems = Problems()
    with open_page(browser, test_site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit(TEST_SOP)
        failures = step_failures(TEST_SOP, page.evaluate(MEASURE_STEPS), expected_steps(source))
        assert not failures, "\n".join(failures)
        connector = page.locator("#p2-urutan-3")
        expect(connector.locator(".sop-simbol")).to_have_text("Penghubung")
        expect(connector.locator(".sop-urutan-pelaksana")).to_have_text(
            "Pelaksana Arsiparis Pelaksana Lanjutan, Staf Pengelola"
        )
        expect(connector.locator(".sop-urutan-lanjut dd")).to_have_text("→ langkah 2")
        expect(page.locator("#p1-urutan-3 .sop-urutan-mutu")).to_contain_text("Kelengkapan–")  # empty: a dash
    assert problems.on_site() == []


def below_the_header(page: Page, selector: str) -> bool:
    """Whether the element's top is on the screen and not under Material's sticky header."""
    return page.evaluate(
        """selector => {
          const top = document.querySelector(selector).getBoundingClientRect().top;
          return top >= document.querySelector('.md-header').getBoundingClientRect().bottom
            && top < window.innerHeight;
        }""",
        selector,
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
def test_following_the_steps_and_reaching_the_chart_on_a_phone(
    browser: Browser, site_url: str, javascript: bool
) -> None:
    """On the example's keputusan (step 5, Setuju?) "Tidak → langkah 4" leads to step 4's card, shown below the
    header; "Lihat bagan alur lengkap" leads to the diagram, which says it scrolls sideways. Without JavaScript too."""
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=PHONE, java_script_enabled=javascript) as page:
        page.goto(EXAMPLE_SOP, wait_until="load")
        decision = page.locator("#p1-urutan-5")
        expect(decision.locator(".sop-simbol")).to_have_text("Keputusan: Setuju?")
        expect(decision.locator(".sop-urutan-pelaksana")).to_have_text("Pelaksana Sekretaris")
        expect(decision.locator(".sop-urutan-lanjut dd")).to_have_text("Ya → langkah 6; Tidak → langkah 4")
        decision.locator(".sop-urutan-arah").filter(has_text="Tidak").get_by_role("link").click()
        expect(page).to_have_url(re.compile(r"#p1-urutan-4$"))
        expect(page.locator("#p1-urutan-4")).to_be_in_viewport()
        assert below_the_header(page, "#p1-urutan-4")
        page.locator("#p1-urutan-4").get_by_role("link", name="langkah 5").click()
        expect(page).to_have_url(re.compile(r"#p1-urutan-5$"))
        expect(decision).to_be_in_viewport()
        page.get_by_role("link", name="Lihat bagan alur lengkap").click()
        expect(page).to_have_url(re.compile(r"#p1-bagan$"))
        hint = page.locator("#p1-bagan .bagan-geser")
        expect(hint).to_be_visible()
        expect(hint).to_have_text("Geser ke samping untuk melihat seluruh bagan →")
        expect(hint).to_be_in_viewport(ratio=1)
        assert below_the_header(page, "#p1-bagan")
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert problems.on_site() == []


def test_the_scroll_hint_shows_only_while_the_chart_scrolls(browser: Browser, site_url: str) -> None:
    """The hint stays at the box's left edge while the diagram is scrolled; a diagram that fits has none."""
    problems = Problems()
    with open_page(browser, site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit(EXAMPLE_SOP)
        chart = page.locator("#p1-bagan")
        hint = chart.locator(".bagan-geser")
        chart.scroll_into_view_if_needed()
        expect(hint).to_be_visible()
        for end in ("0", "element.scrollWidth"):  # sticky: inside the box's visible part at either end
            inside = chart.evaluate(
                f"""element => {{
                  element.scrollLeft = {end};
                  const box = element.getBoundingClientRect(), hint = element.querySelector('.bagan-geser');
                  const shown = hint.getBoundingClientRect(), left = box.left + element.clientLeft;
                  return shown.width > 0 && shown.left >= left - 1 && shown.right <= left + element.clientWidth + 1;
                }}"""
            )
            assert inside, f"the hint leaves the box when it is scrolled to {end}"
        chart.evaluate("element => { element.scrollLeft = 0; }")
        chart.locator("svg").first.evaluate("svg => { svg.style.width = '200px'; svg.style.height = 'auto'; }")
        assert chart.evaluate("element => element.scrollWidth <= element.clientWidth")
        expect(hint).to_be_hidden()
    assert problems.on_site() == []


def test_a_laptop_keeps_the_chart_and_the_step_table(browser: Browser, site_url: str, test_site_url: str) -> None:
    """At 1280 px the diagram fits (no scroll hint) and the step table stands under it; the step-by-step view is not
    displayed. Printed, neither the view nor the hint appears (the sheet is the diagram)."""
    problems = Problems()
    for url, path, procedures in ((site_url, EXAMPLE_SOP, 1), (test_site_url, TEST_SOP, 2)):
        with open_page(browser, url, problems, viewport=DESKTOP) as page:
            Visits(page, problems).visit(path)
            expect(page.locator(".bagan-alur svg")).to_have_count(procedures)
            for chart in page.locator(".bagan-alur").all():
                expect(chart.locator("svg").first).to_be_visible()
                expect(chart.locator(".bagan-geser")).to_be_hidden()
            for table in page.locator(".sop-langkah table").all():
                expect(table).to_be_visible()
            for view in page.locator(".sop-urutan").all():
                expect(view).to_be_hidden()
            assert page.evaluate("() => document.scrollingElement.scrollWidth") <= DESKTOP["width"]
            page.emulate_media(media="print")
            for hidden in page.locator(".sop-urutan, .bagan-geser").all():
                expect(hidden).to_be_hidden()
    assert problems.on_site() == []


def test_the_sop_index_names_the_procedure_of_each_total(browser: Browser, test_site_url: str) -> None:
    """An SOP of two procedures lists two normal waktu, each after its letter and title as the SOP page heads them."""
    problems = Problems()
    with open_page(browser, test_site_url, problems, viewport=PHONE) as page:
        Visits(page, problems).visit("/sop/")
        total = page.locator(".jdih-daftar td[data-label='Normal waktu']")
        expect(total).to_have_text("a. Persetujuan konten: 1 hari 1 jam 15 menit; b. Pengarsipan: 1 hari 30 menit")
        expect(total).to_be_in_viewport(ratio=1)
        assert page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert problems.on_site() == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda viewport: f"{viewport['width']}px")
def test_an_sop_of_two_procedures_has_no_serious_accessibility_violations(
    browser: Browser, test_site_url: str, viewport: dict[str, int]
) -> None:
    """axe-core on the step-by-step view (phone) and on the chart and step table (laptop) of the test SOP; the
    example SOP is audited with the other pages in test_site_browser.py."""
    problems = Problems()
    with open_page(browser, test_site_url, problems, viewport=viewport) as page:
        Visits(page, problems).visit(TEST_SOP)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    violations, _ = without_third_party(result["violations"])
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    print(f"axe {TEST_SOP} at {viewport['width']} px: {dict(Counter(v['impact'] for v in violations))}")
    assert not blocking, axe_report(blocking)
    assert problems.on_site() == []
