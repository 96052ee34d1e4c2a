"""Print each built SOP page to a PDF with headless Chromium: the same A4 landscape sheet as the browser's print.

Opt-in (the plugin's `pdf: true`), because it needs a browser at build time: Debian's Chromium, or the browser
SOP_JDIH_CHROMIUM names, driven by Playwright. Never a browser downloaded by Playwright.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _content_dated(pdf: bytes) -> bytes:
    """Chromium stamps the print time; use SOURCE_DATE_EPOCH (the content's date) so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return pdf
    stamp = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).strftime("%Y%m%d%H%M%S").encode()
    return re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)\d{14}", lambda match: match.group(1) + stamp, pdf)


class PdfError(RuntimeError):
    """Chromium or Playwright is missing, or printing failed; the message says what to do."""


def chromium_path() -> Path:
    return Path(os.environ.get("SOP_JDIH_CHROMIUM", "/usr/bin/chromium"))


def print_pdfs(jobs: list[tuple[Path, Path]]) -> None:
    """Print each (built HTML page, PDF to write); every page is printed from file://, offline."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise PdfError("PDF SOP membutuhkan Playwright: pip install 'sop-jdih[pdf]' (make serve memasangnya)") from None
    chromium = chromium_path()
    if not chromium.exists():
        raise PdfError(f"PDF SOP membutuhkan Chromium di {chromium}: sudo apt-get install chromium")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context()
            context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())  # never the network
            page = context.new_page()
            page.emulate_media(media="print")
            for html, pdf in jobs:
                page.goto(html.as_uri(), wait_until="load")
                pdf.parent.mkdir(parents=True, exist_ok=True)
                pdf.write_bytes(_content_dated(page.pdf(prefer_css_page_size=True, print_background=True)))
            browser.close()
    except Error as error:
        raise PdfError(f"Chromium gagal mencetak PDF SOP: {error.message}") from None
