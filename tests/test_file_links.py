"""Attachments with awkward names: one percent-encoded URL in every output, and the published file is at that URL.

A file name may hold spaces, '#', '?', '%', '&' or non-ASCII letters. MkDocs publishes the file under its own name; a
browser or a harvester asks for the encoded URL and the server decodes it back to that name. So the site is built for
real (under a site_url with a path, as a GitHub project site is), served by a real HTTP server, and every output's URL
is fetched: page links, listings, the JDIHN feed, JSON-LD.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.archive.jdihn import file_name
from generator.pages.urls import SiteUrls
from generator.publish.link_check import broken_links

from .archive_fixture import KEPUTUSAN_BARU, KONTEN_YAML, PDF, png, putusan, write_archive
from .conftest import MKDOCS_YML, VALID_SOP, build_site, make_project

SITE_URL = "https://contoh.example/jdih/"
FOLDER = "lampiran/Keputusan Ñ"
NAME = "SK KPU Nomor 6 Tahun 2021 #2 (revisi?) 100% & é.pdf"
ENCODED = (
    "berkas/lampiran/Keputusan%20%C3%91/"
    "SK%20KPU%20Nomor%206%20Tahun%202021%20%232%20%28revisi%3F%29%20100%25%20%26%20%C3%A9.pdf"
)
IMAGE = "konten/gambar/Tim JDIH #1 é.png"
ENCODED_IMAGE = "berkas/konten/gambar/Tim%20JDIH%20%231%20%C3%A9.png"
REMOTE = "https://jdih.example/dok/SK%20KPU%20Nomor%206%20é.pdf?unduh=1"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("berkas-aneh")
    make_project(root, {"uji-persetujuan.yaml": VALID_SOP}, MKDOCS_YML.replace("https://contoh.example/", SITE_URL))
    lampiran = f'dokumen: "{FOLDER}/{NAME}"\n  abstrak: "{REMOTE}"'
    archive = write_archive(
        root,
        {
            "produk-hukum/kepkab-5-2024.yaml": KEPUTUSAN_BARU.replace("dokumen: lampiran/kepkab-5-2024.pdf", lampiran),
            "konten/tim-jdih-baru.yaml": KONTEN_YAML.replace("konten/gambar/tim-jdih-baru.png", f'"{IMAGE}"'),
            # A putusan's copy here, under the awkward name, and one published elsewhere, already encoded.
            "putusan/di-sini.yaml": putusan(
                "di-sini", "1/G/2024", "2024-01-02", "uu-7-2017", f'lampiran: "{FOLDER}/{NAME}"\n'
            ),
            "putusan/di-sana.yaml": putusan(
                "di-sana", "2/G/2024", "2024-01-03", "uu-7-2017", f'lampiran: "{REMOTE}"\n'
            ),
        },
    )
    (archive / FOLDER).mkdir(parents=True)
    (archive / FOLDER / NAME).write_bytes(PDF)
    (archive / IMAGE).write_bytes(png(rgb=(200, 30, 30)))
    return build_site(root)


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The built site behind a real HTTP server (which decodes the URL's path), at the path site_url names."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            return super().translate_path(path.removeprefix(urlsplit(SITE_URL).path.rstrip("/")))

        def log_message(self, format: str, *args: object) -> None:  # quiet: the test reads responses, not logs
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{urlsplit(SITE_URL).path}"
    finally:
        server.shutdown()
        server.server_close()


def fetch(served: str, url: str) -> bytes:
    """What the server sends for an absolute URL of the site (its origin swapped for the local server's)."""
    with urllib.request.urlopen(served + url.removeprefix(SITE_URL)) as response:
        return response.read()


def page(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


def links(html: str, attribute: str) -> list[str]:
    return re.findall(rf'{attribute}="([^"]*berkas/[^"]*)"', html)


def test_the_files_are_published_under_their_own_names(site: Path) -> None:
    assert (site / "berkas" / FOLDER / NAME).read_bytes() == PDF
    assert (site / "berkas" / IMAGE).is_file()


def test_the_site_has_no_broken_link(site: Path) -> None:
    assert broken_links(site, SITE_URL) == []


def test_pages_and_listings_link_the_encoded_url_and_it_serves_the_file(site: Path, served: str) -> None:
    item = "produk-hukum/kepkab-5-2024/"
    item_links = links(page(site, item), "href") + links(page(site, item), "data")
    # The download beside the status, the one above the PDF viewer, and the viewer.
    assert item_links == [f"../../{ENCODED}"] * 3
    for listing in ("arsip/tahun/2024/", "arsip/status/berlaku/"):
        assert links(page(site, listing), "href") == [f"../../../{ENCODED}"]
    for href in item_links:
        assert fetch(served, urljoin(SITE_URL + item, href)) == PDF
    post = "konten/tim-jdih-baru/"
    (src,) = links(page(site, post), "src")
    assert src == f"../../{ENCODED_IMAGE}"
    assert fetch(served, urljoin(SITE_URL + post, src)) == (site / "berkas" / IMAGE).read_bytes()


def test_the_jdihn_feed_and_json_ld_give_the_encoded_url_and_the_file_name(site: Path, served: str) -> None:
    records = json.loads((site / "integrasi" / "jdihn.json").read_text(encoding="utf-8"))
    (record,) = [record for record in records if record["idData"] == "kepkab-5-2024"]
    assert record["urlDownload"] == SITE_URL + ENCODED
    assert record["fileDownload"] == NAME  # a name, as the harvester saves the file: not an address
    assert record["urlAbstrak"] == "https://jdih.example/dok/SK%20KPU%20Nomor%206%20%C3%A9.pdf?unduh=1"
    assert fetch(served, record["urlDownload"]) == PDF
    by_id = {record["idData"]: record for record in records}
    assert (by_id["di-sini"]["urlDownload"], by_id["di-sini"]["fileDownload"]) == (SITE_URL + ENCODED, NAME)
    assert fetch(served, by_id["di-sini"]["urlDownload"]) == PDF
    # An address published elsewhere keeps its escapes once (%20, not %2520), encodes what is not ASCII, and names
    # the file decoded.
    remote = "https://jdih.example/dok/SK%20KPU%20Nomor%206%20%C3%A9.pdf?unduh=1"
    assert (by_id["di-sana"]["urlDownload"], by_id["di-sana"]["fileDownload"]) == (remote, "SK KPU Nomor 6 é.pdf")
    assert by_id["di-sana"]["urlDetailPeraturan"] == SITE_URL + "putusan/di-sana/"
    html = page(site, "produk-hukum/kepkab-5-2024/")
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.DOTALL)
    assert json.loads(ld)["encoding"]["contentUrl"] == record["urlDownload"]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("lampiran/SK KPU Nomor 6 Tahun 2021.pdf", "SK KPU Nomor 6 Tahun 2021.pdf"),
        ("lampiran/100%.pdf", "100%.pdf"),  # a path is the name on disk: nothing to decode
        ("https://jdih.example/dok/SK%20KPU%20Nomor%206%20Tahun%202021.pdf", "SK KPU Nomor 6 Tahun 2021.pdf"),
        ("https://jdih.example/dok/SK%20KPU.pdf?unduh=1#page=2", "SK KPU.pdf"),
        ("https://jdih.example/dok/a%2Fb.pdf", "b.pdf"),
        ("https://jdih.example/dok/baris%0Abaru.pdf", "baris%0Abaru.pdf"),  # decoding would make a line break
        ("https://jdih.example/dok/urutan%E2%80%AEfdp.pdf", "urutan%E2%80%AEfdp.pdf"),  # or a bidi override
    ],
)
def test_file_download_is_the_decoded_file_name(value: str, name: str) -> None:
    assert file_name(value) == name


def test_site_urls_encode_what_a_path_cannot_hold_and_nothing_else() -> None:
    urls = SiteUrls("https://contoh.example/jdih/")
    assert urls.path("berkas/a b#1?.pdf") == "berkas/a b#1?.pdf"  # the file's name in the built site
    assert urls.absolute("berkas/a b#1?.pdf") == "https://contoh.example/jdih/berkas/a%20b%231%3F.pdf"
    assert urls.relative("produk-hukum/x.md", "berkas/%2e%2e/é.pdf") == "../../berkas/%252e%252e/%C3%A9.pdf"
    assert urls.relative("arsip/tahun/2024/index.md", "produk-hukum/x-1.md") == "../../../produk-hukum/x-1/"
    assert urls.absolute("index.md") == "https://contoh.example/jdih/"
