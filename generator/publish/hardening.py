"""Hardening applied to every built page: safe external links and a Content-Security-Policy.

Both work on the final HTML with a small tokenizer that follows the HTML parsing rules that matter here (comments,
quoted attribute values, raw-text elements such as <script>, <style> and <title>), so a `<a` inside a script, a
comment or an attribute value is never taken for a link, and only the attributes it changes are rewritten.
One pass over the page with precompiled regular expressions: fast enough for 10,000 pages.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

REL_TOKENS = ("noopener", "noreferrer")

# A start tag's attributes, with possessive quantifiers: linear even on a tag that never closes.
_WS = "\t\n\f\r "  # HTML's whitespace
_VALUE = rf"\"[^\"]*+\"|'[^']*+'|(?![\"'])[^{_WS}>]*+"  # quoted, or unquoted up to whitespace or '>'
_ATTRIBUTE = re.compile(rf"[{_WS}/]*+([^{_WS}/>][^{_WS}/=>]*+)(?:[{_WS}]*+=[{_WS}]*+({_VALUE}))?+")
_TAG_END = re.compile(rf"[{_WS}/]*+>")
# A whole tag skipped in one match (most tags: SVG paths, table cells); anything unusual takes the slow path.
_WHOLE_TAG = re.compile(rf"(?:[{_WS}/]*+[^{_WS}/>=][^{_WS}/=>]*+(?:[{_WS}]*+=[{_WS}]*+(?:{_VALUE}))?+)*+[{_WS}/]*+>")
_READ_ATTRIBUTES = frozenset({"a", "head", "meta", "script"})
_UNCLOSED_QUOTE = re.compile(rf"[{_WS}]*+=")  # an '=' left after an attribute: its quoted value never closes
# Where the tokenizer stops: markup declarations, comments, end tags, processing instructions, start tags.
_MARKUP = re.compile(r"<(?:(!--)|(!\[CDATA\[)|[!/?]|([A-Za-z][^\t\n\f\r />]*+))")
_COMMENT_END = re.compile(r"--!?>|\Z")
_EMPTY_COMMENT = re.compile(r"-?>")  # <!--> and <!--->
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"})
# Everything the tokenizer would pass over without a look, in one match: text, end tags, and whole start tags of the
# elements that are neither read nor raw text. Where it stops, the loop in `tokens` takes over.
_NOTICED = "|".join(sorted(_READ_ATTRIBUTES | _RAW_TEXT))
_SKIP = re.compile(rf"(?:[^<]++|</[^>]*+>|<(?!(?i:{_NOTICED})[{_WS}/>])[A-Za-z][^{_WS}/>]*+{_WHOLE_TAG.pattern})*+")
_SCRIPT_STATES = re.compile(r"<!--(?!-*>)|-->|<(/?)script(?=[\t\n\f\r />])", re.IGNORECASE)
# Script types the browser runs (a JavaScript MIME type, a module, an import map); others are data blocks.
_JS_TYPES = frozenset(
    {"", "module", "importmap", "speculationrules"}
    | {f"{prefix}/{name}" for prefix in ("text", "application") for name in ("javascript", "ecmascript")}
    | {f"text/{name}" for name in ("jscript", "livescript", "x-javascript", "x-ecmascript")}
    | {f"application/x-{name}" for name in ("javascript", "ecmascript")}
    | {f"text/javascript1.{n}" for n in range(6)}
)


class Attribute(NamedTuple):
    value: str  # decoded: character references resolved, quotes removed
    start: int  # where its value, quotes included, is in the page; for a bare attribute, the end of its name
    end: int
    bare: bool  # written without a value, e.g. `download`


@dataclass(frozen=True)
class Tag:
    """A start tag: its name, where it ends, and each attribute (first occurrence wins, as in browsers)."""

    name: str
    start: int
    end: int  # just after the closing '>'
    attributes: dict[str, Attribute]

    def value(self, name: str) -> str | None:
        found = self.attributes.get(name)
        return found.value if found else None


@dataclass(frozen=True)
class InlineScript:
    """An inline <script> the browser would run, with the text its CSP hash is computed over."""

    start: int
    text: str


def _start_tag(page: str, start: int, name_end: int, name: str) -> Tag | None:
    """The start tag whose name ends at `name_end`, or None when the page ends inside it."""
    attributes: dict[str, Attribute] = {}
    position = name_end
    while (found := _ATTRIBUTE.match(page, position)) and found.end() > position:
        key = found.group(1).lower()
        raw = found.group(2)
        if raw is None and _UNCLOSED_QUOTE.match(page, found.end()):
            return None
        if key not in attributes:
            if raw is None:
                attributes[key] = Attribute("", found.end(1), found.end(1), bare=True)
            else:
                value = raw[1:-1] if raw[:1] in ("'", '"') else raw
                attributes[key] = Attribute(html.unescape(value), found.start(2), found.end(2), bare=False)
        position = found.end()
    closing = _TAG_END.match(page, position)
    return Tag(name.lower(), start, closing.end(), attributes) if closing else None


def _script_end(page: str, position: int) -> tuple[int, int]:
    """Where a script's text ends and where its end tag ends, following the escaped states (`<!--<script>`)."""
    escaped = double = False
    for found in _SCRIPT_STATES.finditer(page, position):
        token = found.group(0)
        if token == "<!--":
            escaped = escaped or not double
        elif token == "-->":
            escaped = double = False
        elif found.group(1):  # </script
            if double:
                double = False
            else:
                closing = page.find(">", found.end())
                return found.start(), len(page) if closing < 0 else closing + 1
        elif escaped:  # <script inside <!-- … : its </script> does not end this one
            double = True
    return len(page), len(page)


@cache
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}(?=[{_WS}/>])", re.IGNORECASE)


def _raw_text_end(page: str, name: str, position: int) -> int:
    """Just past the end tag of a raw-text element (<style>, <title>, …), or the end of the page."""
    closing = _end_tag(name).search(page, position)
    if not closing:
        return len(page)
    end = page.find(">", closing.end())
    return len(page) if end < 0 else end + 1


def tokens(page: str) -> Iterator[Tag | InlineScript]:
    """In page order: the inline scripts the browser runs, and the start tags of <a>, <head>, <meta> and <script>
    (other tags are skipped in one match, and only yielded when their markup is unusual)."""
    position = 0
    while found := _MARKUP.search(page, _SKIP.match(page, position).end()):
        if found.group(1):  # <!-- comment -->
            empty = _EMPTY_COMMENT.match(page, found.end())
            position = empty.end() if empty else _COMMENT_END.search(page, found.end()).end()
            continue
        if found.group(2):  # CDATA in SVG or MathML
            end = page.find("]]>", found.end())
            position = len(page) if end < 0 else end + 3
            continue
        name = found.group(3)
        if name is None:  # </end>, <!DOCTYPE …>, <?…>: nothing inside them matters here
            end = page.find(">", found.end())
            position = len(page) if end < 0 else end + 1
            continue
        lower = name.lower()
        if lower not in _READ_ATTRIBUTES and (whole := _WHOLE_TAG.match(page, found.end())):
            position = whole.end()
            if lower in _RAW_TEXT:
                position = _raw_text_end(page, lower, position)
            continue
        tag = _start_tag(page, found.start(), found.end(), name)
        if tag is None:
            return
        yield tag
        position = tag.end
        if tag.name == "script":
            text_end, position = _script_end(page, tag.end)
            if tag.value("src") is None and _runs(tag):
                yield InlineScript(tag.start, page[tag.end : text_end])
        elif tag.name in _RAW_TEXT:
            position = _raw_text_end(page, tag.name, tag.end)


def _runs(script: Tag) -> bool:
    kind = script.value("type")
    if kind is None:
        language = script.value("language")
        return not language or f"text/{language.strip().lower()}" in _JS_TYPES
    return kind.strip().lower() in _JS_TYPES


_URL_NOISE = str.maketrans("", "", "\t\n\r")


def external(href: str, site_host: str) -> bool:
    """An http(s) address, or a protocol-relative one, on another host than the site's."""
    # As a browser reads it: tabs and newlines dropped, outer spaces trimmed, '\\' taken for '/'.
    address = href.translate(_URL_NOISE).strip(_WS + "\x00").replace("\\", "/")
    try:
        parts = urlsplit(address)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False
    return (parts.hostname or "") != site_host


def _with_rel(tag: Tag, page: str) -> str | None:
    """The tag rewritten with the missing rel tokens, or None when it already has them."""
    rel = tag.attributes.get("rel")
    if rel is None:  # right after the tag name, which is always followed by whitespace, '/' or '>'
        name_end = tag.start + 1 + len(tag.name)
        return f'{page[tag.start : name_end]} rel="{" ".join(REL_TOKENS)}"{page[name_end : tag.end]}'
    words = rel.value.split()
    missing = [token for token in REL_TOKENS if token not in {word.lower() for word in words}]
    if not missing:
        return None
    value = '"' + html.escape(" ".join([*words, *missing]), quote=True) + '"'
    return page[tag.start : rel.start] + ("=" if rel.bare else "") + value + page[rel.end : tag.end]


def _script_hash(text: str) -> str:
    """CSP source for an inline script: the browser hashes its UTF-8 text after normalising line breaks."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class Policy:
    """The site's Content-Security-Policy, less the hashes of each page's own inline scripts."""

    scripts: tuple[str, ...] = ()  # other origins the site's configuration loads scripts from
    styles: tuple[str, ...] = ()
    fonts: tuple[str, ...] = ()
    connect: tuple[str, ...] = ()
    preview: bool = False  # `mkdocs serve`: its live-reload script is inline and different on every request

    def header(self, script_hashes: list[str]) -> str:
        """Pagefind needs 'wasm-unsafe-eval'; Material and Graphviz's SVG set style attributes; PDFs are objects."""
        inline = ["'unsafe-inline'"] if self.preview else list(dict.fromkeys(script_hashes))
        directives = {
            "default-src": ["'self'"],
            "script-src": ["'self'", "'wasm-unsafe-eval'", *inline, *self.scripts],
            "style-src": ["'self'", "'unsafe-inline'", *self.styles],
            "img-src": ["'self'", "data:"],
            "font-src": ["'self'", *self.fonts],
            "connect-src": ["'self'", *self.connect],
            "object-src": ["'self'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
        }
        return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def harden(page: str, site_url: str, policy: Policy, untrusted: str = "") -> str:
    """`page` with rel="noopener noreferrer" on links to other hosts and its CSP first in <head>.

    Inline scripts inside `untrusted` (the page's Markdown body, where the data is) get no hash, so a script
    that escaped into the content is refused by the browser instead of being allowed by its own hash.
    """
    site_host = urlsplit(site_url).hostname or ""
    body_start = page.find(untrusted) if untrusted else -1
    body = range(body_start, body_start + len(untrusted)) if body_start >= 0 else range(0)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in page order
    hashes: list[str] = []
    head_at = -1  # where the CSP goes: first in <head>, after a <meta charset> that opens it
    first_in_head = False
    for token in tokens(page):
        if isinstance(token, InlineScript):
            if token.start not in body:
                hashes.append(_script_hash(token.text))
            continue
        if first_in_head and token.name == "meta" and "charset" in token.attributes:
            head_at = token.end if not page[head_at : token.start].strip(_WS) else head_at
        first_in_head = token.name == "head" and head_at < 0
        if first_in_head:
            head_at = token.end
        if token.name == "a" and (href := token.value("href")) is not None and external(href, site_host):
            rewritten = _with_rel(token, page)
            if rewritten is not None:
                edits.append((token.start, token.end, rewritten))
    if head_at >= 0:
        content = html.escape(policy.header(hashes), quote=False).replace('"', "&quot;")  # keeps its quotes readable
        meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
        edits.append((head_at, head_at, "\n    " + meta))
    pieces, done = [], 0
    for start, end, replacement in sorted(edits, key=lambda edit: edit[0]):
        pieces += [page[done:start], replacement]
        done = end
    pieces.append(page[done:])
    return "".join(pieces)


def harden_pages(site: Path, site_url: str, policy: Policy, pages: Mapping[str, str]) -> None:
    """Harden built pages in place: `pages` maps each file of `site` (`sop/x/index.html`) to its untrusted part.

    The untrusted part is the page's body made from the data ("" for a theme page such as 404.html; see `harden`).
    Only the pages a build wrote are named: one built earlier (`mkdocs build --dirty` keeps it) is hardened already.
    Bytes in, bytes out: line endings stay as the builder wrote them.
    """
    for relative, untrusted in pages.items():
        path = site / relative
        if not path.is_file():  # a builder may skip a page whose output is empty (MkDocs does)
            continue
        page = path.read_bytes().decode("utf-8")
        hardened = harden(page, site_url, policy, untrusted)
        if hardened != page:
            path.write_bytes(hardened.encode("utf-8"))
