"""Render DOT to inline SVG through Graphviz, once per content hash, cached under `.cache/`."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import graphviz

from ..emphasis import CLOSE, OPEN

# Part of every cache key: raise it when _inline changes, so no diagram cached by an older sop-jdih is reused.
RENDER_VERSION = 4
INSTALL_HINT = (
    "Graphviz tidak ditemukan: program 'dot' tidak ada di PATH. "
    "Pasang dengan: sudo apt-get install graphviz (Debian/Ubuntu), lalu jalankan lagi."
)


class GraphvizMissing(RuntimeError):
    """Graphviz's programs are not installed; the message says how to install them."""


def graphviz_version() -> str:
    try:
        return ".".join(str(part) for part in graphviz.version())
    except graphviz.ExecutableNotFound:
        raise GraphvizMissing(INSTALL_HINT) from None


class DiagramRenderer:
    """Turns DOT into SVG; `rendered` counts real Graphviz runs (cache misses) of this renderer."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.version = graphviz_version()
        self.rendered = 0

    def svg(self, dot_source: str) -> str:
        digest = hashlib.sha256(f"{RENDER_VERSION}\n{self.version}\n{dot_source}".encode()).hexdigest()
        cached = self.cache_dir / f"{digest}.svg"
        if cached.exists():
            return cached.read_text(encoding="utf-8")
        svg = _inline(graphviz.pipe("neato", "svg", dot_source.encode(), neato_no_op=2).decode("utf-8"))
        self.rendered += 1
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        partial.write_text(svg, encoding="utf-8")
        partial.replace(cached)
        return svg


_ITALIC = re.compile(f"{OPEN}([^{OPEN}{CLOSE}<>]*){CLOSE}")


def _inline(svg: str) -> str:
    """Strip the XML prolog and comments so the SVG can sit inside HTML; no blank lines (Markdown).

    Italic spans (emphasis.marked: text Graphviz has already escaped, within one <text>) become italic <tspan>s.
    """
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    svg = _ITALIC.sub(r'<tspan font-style="italic">\1</tspan>', svg).replace(OPEN, "").replace(CLOSE, "")
    return "\n".join(line for line in svg.splitlines() if line.strip())
