"""Shared by the real-browser tests: Debian's Chromium driven by Playwright, a local server, problem recording.

The browser is Debian's /usr/bin/chromium (`make browser` installs it), never one downloaded by `playwright install`;
SOP_JDIH_CHROMIUM names another Chromium-based browser (GitHub's runners have Google Chrome). The page may not reach
the internet: requests to other origins are aborted and left out of the checks, so tests neither depend on the
network nor blame the site for it.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, Route, expect, sync_playwright

from generator.publish.sop_pdf import CHROMIUM_ARGS, chromium_path

CHROMIUM = chromium_path()  # the product's own choice of browser, as the PDF printing uses it
TIMEOUT_MS = 5_000  # everything here is local: fail fast rather than after Playwright's default 30 s


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (Pagefind loads its index with fetch, which file:// forbids)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def launch() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests use Debian's Chromium. Install it with `make browser` "
            "(or `apt-get install chromium`), or name another with SOP_JDIH_CHROMIUM; never `playwright install`.",
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

    def on_site(self) -> list[str]:
        return [*self.console_errors, *self.page_errors, *self.failed_requests]


@contextmanager
def open_page(browser: Browser, site_url: str, problems: Problems, **context_options: object) -> Iterator[Page]:
    """A fresh page (own context: no cache or storage shared between tests) that records its problems."""
    origin = urlsplit(site_url).netloc

    def local(url: str) -> bool:
        return urlsplit(url).netloc == origin

    context = browser.new_context(base_url=site_url, service_workers="block", **context_options)
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


class Visits:
    """One tab going from page to page; each visit waits until the page's own requests have ended.

    Leaving while a request is in flight aborts it (net::ERR_ABORTED), which would be charged to the site: the
    browser asks for the page's icon just after `load`, so a visit also waits for that request to end, and for every
    element marked aria-busy (a page still loading its results) to be done.
    """

    def __init__(self, page: Page, problems: Problems) -> None:
        self.page = page
        self.problems = problems
        self.pending: set[Request] = set()
        self.ended: set[str] = set()
        page.on("request", lambda request: self.pending.add(request))
        page.on("requestfinished", self.end)
        page.on("requestfailed", self.end)

    def end(self, request: Request) -> None:
        self.pending.discard(request)
        self.ended.add(request.url)

    def visit(self, path: str, timeout_ms: int = 3_000) -> list[str]:
        """Open `path`; return the problems seen from leaving the previous page until this one has settled."""
        before = len(self.problems.on_site())
        self.ended.clear()
        response = self.page.goto(path, wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        # One more turn for the scripts started by `load`, then wait for what they and the browser asked for.
        icon = self.page.evaluate(
            """() => new Promise(resolve => requestAnimationFrame(() => setTimeout(() =>
                 resolve(document.querySelector("link[rel~=icon]")?.href ?? null), 0)))"""
        )
        # A page that loads in steps (a module that imports Pagefind, which then fetches its index) marks the part it is
        # still filling with aria-busy: between two steps no request is pending, yet the page is not done.
        self.page.wait_for_function("() => !document.querySelector('[aria-busy=true]')", timeout=timeout_ms)
        deadline = time.monotonic() + timeout_ms / 1000
        while (self.pending or (icon and icon not in self.ended)) and time.monotonic() < deadline:
            self.page.wait_for_timeout(5)
        assert not self.pending, f"{path}: still loading after {timeout_ms} ms: {[r.url for r in self.pending]}"
        return self.problems.on_site()[before:]
