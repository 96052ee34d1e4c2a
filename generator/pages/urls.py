"""Page addresses as MkDocs will publish them, for the places MkDocs does not rewrite links.

Markdown links between pages are left to MkDocs (it validates them); the pages written as HTML, JSON-LD and
the feeds need real URLs, so the core computes them the same way MkDocs does.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteUrls:
    site_url: str  # absolute, e.g. https://jdih.kpu-contoh.go.id/
    directory_urls: bool = True

    def path(self, uri: str) -> str:
        """Site-relative address of a docs file: `produk-hukum/x.md` → `produk-hukum/x/`; others unchanged."""
        if not uri.endswith(".md"):
            return uri
        stem = uri[: -len(".md")]
        if posixpath.basename(stem) == "index":
            return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def absolute(self, uri: str) -> str:
        return self.site_url.rstrip("/") + "/" + self.path(uri)

    def relative(self, from_page_uri: str, to_uri: str) -> str:
        """Address of `to_uri` as written in the HTML of the page built from `from_page_uri`."""
        page_path = self.path(from_page_uri)
        page_dir = page_path if page_path.endswith("/") or not page_path else posixpath.dirname(page_path) + "/"
        target = self.path(to_uri)
        relative = posixpath.relpath("/" + target, "/" + page_dir.rstrip("/") if page_dir else "/")
        return relative + ("/" if target.endswith("/") and not relative.endswith("/") else "")


def markdown_link(from_uri: str, to_uri: str) -> str:
    """Relative link between two docs files, as written in Markdown (MkDocs resolves and checks it)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
