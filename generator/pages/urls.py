"""Page addresses as MkDocs will publish them, for the places MkDocs does not rewrite links.

Markdown links between pages are left to MkDocs (it validates them); the pages written as HTML, JSON-LD and
the feeds need real URLs, so the core computes them the same way MkDocs does.

A site path is a file's name in the built site, as written on disk (`berkas/lampiran/SK KPU #6.pdf`); a URL is
that path percent-encoded (`berkas/lampiran/SK%20KPU%20%236.pdf`), which a server decodes back to the file.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class SiteUrls:
    site_url: str  # absolute, e.g. https://jdih.kpu-contoh.go.id/
    directory_urls: bool = True

    def path(self, uri: str) -> str:
        """Site path of a docs file, not encoded: `produk-hukum/x.md` → `produk-hukum/x/`; others unchanged.

        Without directory URLs every page is named by its file, `arsip/index.md` → `arsip/index.html` as MkDocs
        does: a link to a folder opens a folder listing from disk (`file://`) and on plain object storage.
        """
        if not uri.endswith(".md"):
            return uri
        stem = uri[: -len(".md")]
        if not self.directory_urls:
            return f"{stem}.html"
        if posixpath.basename(stem) == "index":
            return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
        return f"{stem}/"

    def absolute(self, uri: str) -> str:
        """The URL of a docs file, for feeds and JSON-LD: `https://host/berkas/lampiran/SK%20KPU%20%236.pdf`."""
        return self.site_url.rstrip("/") + "/" + url_path(self.path(uri))

    def relative(self, from_page_uri: str, to_uri: str) -> str:
        """URL of `to_uri` as written in the HTML of the page built from `from_page_uri`: relative, encoded."""
        page_path = self.path(from_page_uri)
        page_dir = page_path if page_path.endswith("/") or not page_path else posixpath.dirname(page_path) + "/"
        target = self.path(to_uri)
        relative = posixpath.relpath("/" + target, "/" + page_dir.rstrip("/") if page_dir else "/")
        return url_path(relative + ("/" if target.endswith("/") and not relative.endswith("/") else ""))


def url_path(path: str) -> str:
    """A site path as a URL writes it, the way MkDocs writes its own (`File.url`).

    Everything but ASCII letters, digits, `-._~` and `/` is percent-encoded: a `#` or `?` in a file name would end
    the path, a space or a non-ASCII letter is not allowed in a URL, and a `%` would be read as an escape.
    """
    return quote(path, safe="/")


def markdown_link(from_uri: str, to_uri: str) -> str:
    """Relative link between two docs files, as written in Markdown (MkDocs resolves and checks it)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
