"""The built site in a real browser: Pagefind search (stemming, header box, facets) in Debian's Chromium.

One small project (an SOP and the JDIH archive fixture) is built once, served over HTTP on 127.0.0.1 (Pagefind
loads its index with fetch, which file:// does not allow) and driven with Playwright. The browser is Debian's
/usr/bin/chromium (`make browser` installs it), never one downloaded by `playwright install`. The page may not
reach the internet: requests to any other origin are aborted and left out of the checks, so the tests neither
depend on the network nor blame the site for it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, Route, expect, sync_playwright

from .archive_fixture import write_archive
from .conftest import VALID_SOP, build_site, make_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
TIMEOUT_MS = 5_000  # everything here is local: fail fast rather than after Playwright's default 30 s

UU_PEMILU = "/produk-hukum/uu-7-2017/"
KEPUTUSAN_DICABUT = "/produk-hukum/kepkab-12-2022/"  # "Penetapan Tim Pengelola JDIH Tahun 2022", Tidak Berlaku
KEPUTUSAN_BARU = "/produk-hukum/kepkab-5-2024/"  # "Penetapan Tim Pengelola JDIH Tahun 2024", Berlaku

# Pagefind's Default UI: one link per result page (sub-results are nested below it with the same link class).
RESULT = ".pagefind-ui__result"
RESULT_LINK = ".pagefind-ui__result-inner > .pagefind-ui__result-title > a.pagefind-ui__result-link"
SEARCH_INPUT = ".pagefind-ui__search-input"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the project (MkDocs + the Pagefind index) and serve the site folder; yield its root URL."""
    project = make_project(tmp_path_factory.mktemp("browser-site"), {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(project)
    site = build_site(project)
    assert (site / "pagefind" / "pagefind-ui.js").is_file(), "the build made no Pagefind index"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests use Debian's Chromium. Install it with `make browser` "
            "(or `apt-get install chromium`); never `playwright install`.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Problems:
    """What went wrong on the site's own origin while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)  # aborted on purpose, reported for information


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(browser: Browser, site_url: str, problems: Problems) -> Iterator[Page]:
    """A fresh page (own context: no cache or storage shared between tests) that records its problems."""
    origin = urlsplit(site_url).netloc

    def local(url: str) -> bool:
        return urlsplit(url).netloc == origin

    context = browser.new_context(base_url=site_url, service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)

    def block_external(route: Route, request: Request) -> None:
        problems.external_requests.append(request.url)
        route.abort()

    context.route(lambda url: not local(url), block_external)
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        # A resource that failed to load is logged with that resource's URL: blocked external ones are not ours.
        if message.type == "error" and local(message.location.get("url") or site_url):
            problems.console_errors.append(f"{message.text} ({message.location})")

    def on_request_failed(request: Request) -> None:
        if local(request.url):
            problems.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        if local(response.url) and response.status >= 400:
            problems.failed_requests.append(f"{response.request.method} {response.url}: HTTP {response.status}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    try:
        yield page
    finally:
        context.close()


def result_links(page: Page) -> list[str]:
    """The result pages' addresses once Pagefind has shown its results."""
    expect(page.locator(RESULT).first).to_be_visible()
    return [link.get_attribute("href") or "" for link in page.locator(RESULT_LINK).all()]


def test_search_page_finds_other_word_forms(page: Page) -> None:
    # "memilih" is not a prefix of "Pemilihan": only Indonesian stemming (both are "pilih") can match them.
    page.goto("/cari/?q=memilih")
    expect(page.locator(SEARCH_INPUT)).to_have_value("memilih")
    expect(page.locator(RESULT_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    assert UU_PEMILU in result_links(page)
    # The UI is rendered in its own container, not inside the page heading (which once had the same id).
    expect(page.locator(".jdih-pencarian > .pagefind-ui")).to_have_count(1)
    expect(page.locator("h1 .pagefind-ui")).to_have_count(0)


def test_header_search_box_opens_the_search_page_with_results(page: Page) -> None:
    page.goto("/")
    box = page.locator("#sj-cari-kata")
    box.fill("memilih")
    box.press("Enter")
    page.wait_for_url("**/cari/?q=memilih")
    expect(page.locator(RESULT_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    assert UU_PEMILU in result_links(page)


def test_archive_facets_narrow_the_results(page: Page) -> None:
    page.goto("/arsip/")
    page.locator(SEARCH_INPUT).fill("penetapan")
    links = page.locator(RESULT_LINK)
    # Both keputusan match, one still in force and one revoked, so the status filter has something to remove.
    expect(links.and_(page.locator(f'[href="{KEPUTUSAN_DICABUT}"]'))).to_have_count(1)
    expect(links.and_(page.locator(f'[href="{KEPUTUSAN_BARU}"]'))).to_have_count(1)
    assert len(result_links(page)) >= 2

    groups = page.locator(".pagefind-ui__filter-panel .pagefind-ui__filter-group-label")
    expect(groups.first).to_be_attached()
    offered = {text.strip() for text in groups.all_text_contents()}
    assert {"jenis", "tahun", "status", "platform", "bidang hukum", "tipe"} <= offered

    revoked = page.locator('input.pagefind-ui__filter-checkbox[name="status"][value="Tidak Berlaku"]')
    if not revoked.is_visible():  # the group may be a closed <details>: open it as a reader would
        page.locator("details.pagefind-ui__filter-block", has=revoked).locator("summary").click()
    revoked.check()
    expect(links).to_have_count(1)
    assert result_links(page) == [KEPUTUSAN_DICABUT]


def test_search_page_has_no_console_errors_or_failed_requests(page: Page, problems: Problems) -> None:
    page.goto("/cari/")
    page.locator(SEARCH_INPUT).fill("pemilu")
    expect(page.locator(RESULT_LINK).and_(page.locator(f'[href="{UU_PEMILU}"]'))).to_have_count(1)
    # Wait until every result has loaded its fragment (title and excerpt), so all requests are in.
    expect(page.locator(f"{RESULT} .pagefind-ui__result-excerpt").first).to_be_visible()
    expect(page.locator(".pagefind-ui__loading")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert problems.page_errors == []
    assert problems.console_errors == []
    assert problems.failed_requests == []
