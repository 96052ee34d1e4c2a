"""Link integrity of a built site: every internal href/src reaches a file, every #jangkar an id on its page.

`mkdocs build --strict` fails on broken Markdown links only; links in raw HTML (sop-jdih's SOP boxes, the PDF
viewer) and in theme templates reach the output unchecked, so this reads the output as a browser would follow it.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# The attribute of each tag that names another file: what a browser follows or fetches.
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "object": "data",
    "form": "action",
}
# Pagefind's bundle: its own files are not pages to check, but links into it must resolve.
PAGEFIND_DIR = "pagefind/"
# Only a web server shows it, for any missing address: its links are written from the site's root, even on disk.
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True, order=True)
class BrokenLink:
    """One link in a built page that a visitor would find broken."""

    page: str  # HTML file, relative to the site folder
    target: str  # the href/src as written in the page
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target}: {self.reason}"


@dataclass(frozen=True)
class LinkCheck:
    pages: int  # HTML pages whose links were checked
    broken: list[BrokenLink]


class _PageParser(HTMLParser):
    """One pass over a page: the anchors it offers (ids, `<a name>`) and the links it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for anchor in (values.get("id"), values.get("name") if tag == "a" else None):
            if anchor:
                self.anchors.add(anchor)
        link = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if link and link.strip() not in ("", "#"):
            self.links.add(link)


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def _walk(site_dir: Path) -> tuple[set[str], set[str]]:
    """Every file and folder of the site, as site-relative POSIX paths: existence checks without a stat per link."""
    files: set[str] = set()
    folders: set[str] = {""}
    for directory, dirnames, filenames in os.walk(site_dir):
        relative = Path(directory).relative_to(site_dir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        folders.update(prefix + name for name in dirnames)
        files.update(prefix + name for name in filenames)
    return files, folders


@dataclass(frozen=True)
class _Site:
    files: set[str]
    folders: set[str]
    anchors: dict[str, set[str]]  # per HTML page, parsed once
    origin: str = ""  # "https://host" of site_url, or "" when the site's address is not known
    base_path: str = "/"  # where the site folder is served: "/jdih-kpu/" for a GitHub project site
    on_disk: bool = False  # opened as files (`file://`, plain object storage): no server finds a folder's index.html

    def problem(self, page: str, link: str) -> str | None:
        """Why `link` on `page` is broken, or None when it works or is not ours to check (external)."""
        url = link.strip()  # browsers ignore surrounding whitespace
        try:
            parts = urlsplit(url)
        except ValueError:
            return "alamat tidak dapat dibaca"
        if parts.scheme or parts.netloc or url.startswith("//"):
            if not self.origin or f"{parts.scheme}://{parts.netloc}".lower() != self.origin or not parts.path:
                return None  # external (http:, mailto:, //host/…) or not a file (data:, javascript:)
            if not parts.path.startswith(self.base_path):
                return None  # another site on the same host (another project's pages)
        if self.on_disk and url.startswith("/") and page != NOT_FOUND_PAGE:
            return "alamat mutlak: dari disk menunjuk ke akar sistem berkas"
        target = page
        if parts.path:
            target, missing = self.resolve(page, unquote(parts.path))
            if missing:
                return missing
        return self.anchor_problem(page, target, parts.fragment)

    def resolve(self, page: str, path: str) -> tuple[str, str | None]:
        """The file a URL path serves, relative to the page's folder (or the site's base path for `/…`), or why none."""
        if path.startswith("/"):
            if not (path + "/").startswith(self.base_path) and path != self.base_path.rstrip("/"):
                return "", f"di luar alamat situs ({self.base_path})"
            path = path[len(self.base_path) :] if path.startswith(self.base_path) else ""
            base = ""
        else:
            base = posixpath.dirname(page)
        normal = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
        if normal == ".." or normal.startswith("../"):
            return "", "menunjuk ke luar folder situs"
        normal = "" if normal == "." else normal
        if path.endswith("/") or normal in self.folders:
            if self.on_disk and page != NOT_FOUND_PAGE:
                return "", "menunjuk folder: dari disk yang terbuka daftar isi folder, bukan index.html"
            index = posixpath.join(normal, "index.html")
            if index in self.files:
                return index, None
            return "", "folder tanpa index.html" if normal in self.folders else "halaman tidak ada"
        if normal in self.files:
            return normal, None
        suffix = posixpath.splitext(normal)[1]
        return "", "halaman tidak ada" if suffix in ("", ".html") else "berkas tidak ada"

    def anchor_problem(self, page: str, target: str, fragment: str) -> str | None:
        """A #jangkar must name an id on the target page; `#top` always works (HTML standard)."""
        ids = self.anchors.get(target)
        if not fragment or ids is None:
            return None  # nothing to find, or not an HTML page (a PDF's #page=2 is the viewer's business)
        decoded = unquote(fragment)
        if fragment in ids or decoded in ids or decoded.lower() == "top":
            return None
        where = "halaman ini" if target == page else "halaman tujuan"
        return f"jangkar #{fragment} tidak ada di {where}"


def check_site(site_dir: Path, site_url: str = "", on_disk: bool = False) -> LinkCheck:
    """Every broken internal link of a built site; each page is read once, so 10,000 pages stay linear.

    `site_url` (MkDocs' `site_url`, e.g. "https://akun.github.io/jdih-kpu/") says where the folder is served: links
    to "/jdih-kpu/…" and to "https://akun.github.io/jdih-kpu/…" are then the site's own and are checked too.
    `on_disk`: the site is also opened from disk (a build with `use_directory_urls: false`), where a link must name
    a file: one to a folder or to "/…" breaks there, though a web server would answer it.
    """
    files, folders = _walk(site_dir)
    parsed = {page: _parse(site_dir / page) for page in sorted(files) if page.endswith(".html")}
    address = urlsplit(site_url.strip())
    origin = f"{address.scheme}://{address.netloc}".lower() if address.scheme and address.netloc else ""
    base_path = "/" + address.path.strip("/") + "/" if address.path.strip("/") else "/"
    anchors = {page: parser.anchors for page, parser in parsed.items()}
    site = _Site(files, folders, anchors, origin, base_path, on_disk)
    sources = {page: parser.links for page, parser in parsed.items() if not page.startswith(PAGEFIND_DIR)}
    broken = [
        BrokenLink(page, link, reason)
        for page, links in sources.items()
        for link in links
        if (reason := site.problem(page, link))
    ]
    return LinkCheck(pages=len(sources), broken=sorted(broken))


def broken_links(site_dir: Path, site_url: str = "", on_disk: bool = False) -> list[BrokenLink]:
    """Broken internal links and #jangkar of the built site in `site_dir`, sorted by page then target."""
    return check_site(site_dir, site_url, on_disk).broken
