"""Feed values as the archive writes them: plain text from HTML, sensible casing, dates, status words, web addresses.

HTML in `abstrak` is read with the standard library's `html.parser`: the feeds carry a few simple tags (p, br, strong,
li) and entities, which it reads without a new dependency; nothing here is rendered, only turned into text.
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import quote

from ..archive.model import Status

# Words kept in capitals when a jenis written in capitals is recased (KEPUTUSAN KPU KABUPATEN → Keputusan KPU
# Kabupaten): the acronyms of Indonesian law and elections. Others become capitalised words.
ACRONYMS = frozenset(
    "KPU PKPU KPUD RI NKRI DPR DPRD DPD MPR MK MA PTUN PTTUN PN PT TUN UU PP PERPU PERPPU SK SE HAM BN LN TLN "
    "APBN APBD DKPP PPK PPS KPPS ASN PNS ILDIS JDIH JDIHN".split()
)
SMALL_WORDS = frozenset("dan atau tentang atas di ke dari yang untuk pada dengan serta oleh dalam".split())
_ROMAN = re.compile(r"^[IVX]+$")
_BLOCKS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 ul ol table blockquote".split())
_FILE_NAME = re.compile(r"^\S+\.(pdf|docx?|rtf|odt)$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_TAG = re.compile(r"<[A-Za-z/!]")  # where a value is HTML; a lone "<" or "a < b" is text
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")  # with its ';': "?a=1&not=2" is no entity
_URL_SAFE = "/:?#[]@!$&*+,;=%~-._"  # kept as they are; everything else (spaces, quotes, brackets) percent-encoded


def one_line(text: str) -> str:
    """Text for a one-line field: every run of whitespace (line breaks, tabs, no-break spaces) one space."""
    return " ".join(text.split())


def label_case(text: str) -> str:
    """A label written all in capitals, recased: "KEPUTUSAN KPU KABUPATEN" → "Keputusan KPU Kabupaten".

    Text that has any lowercase letter is the writer's own casing and is kept.
    """
    text = one_line(text)
    if text != text.upper():
        return text
    words = []
    for index, word in enumerate(text.split(" ")):
        core = word.strip(".,;:()")
        if core in ACRONYMS or _ROMAN.fullmatch(core):
            words.append(word)
        elif index and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of text that may be HTML with entities ("<p>Bahwa&nbsp;…</p>"), as plain one-line texts."""
    parser = _TextOf()
    parser.feed(text)
    parser.close()
    plain = unicodedata.normalize("NFC", "".join(parser.parts))
    return [line for line in map(one_line, plain.split("\n")) if line]


def plain(text: str) -> str:
    """A feed value as text, read once: HTML as its paragraphs (tags gone, entities decoded), other text with its
    entities decoded ("Pemilu &amp; Demokrasi" → "Pemilu & Demokrasi"); paragraphs joined by line breaks."""
    if _TAG.search(text):
        return "\n".join(paragraphs(text))
    decoded = _ENTITY.sub(lambda entity: html.unescape(entity.group()), text)
    lines = map(one_line, unicodedata.normalize("NFC", decoded).split("\n"))
    return "\n".join(line for line in lines if line)


def is_file_name(text: str) -> bool:
    """An abstrak that holds a file's name ("abstrak_pkpu_8.pdf") or address instead of its text."""
    return bool(_FILE_NAME.fullmatch(text.strip())) or text.startswith(("https://", "http://"))


def iso_date(text: str | None) -> datetime.date | None:
    """YYYY-MM-DD, with or without a time after it; None for anything else (the caller reports a value it drops)."""
    found = _DATE.fullmatch(text) if text else None
    if not found:
        return None
    try:
        return datetime.date(*map(int, found.groups()))
    except ValueError:
        return None


def year(text: str | None) -> int | None:
    return int(text) if text and re.fullmatch(r"\d{4}", text) else None


# A feed's status word → the status the archive writes, and what the report says about it (None: nothing to say).
# Dicabut/Diubah are relations in this archive: the item that revokes or amends declares them, and the status follows.
STATUS_WORDS: dict[str, tuple[Status, str | None]] = {
    "berlaku": (Status.berlaku, None),
    "masih berlaku": (Status.berlaku, None),
    "tidak berlaku": (Status.tidak_berlaku, None),
    "tidak berlaku lagi": (Status.tidak_berlaku, None),
    "dicabut": (
        Status.tidak_berlaku,
        "status 'Dicabut': ditulis Tidak Berlaku; bila pencabutnya ada di arsip, catat relasi mencabut di berkasnya",
    ),
    "diubah": (
        Status.berlaku,
        "status 'Diubah': tetap Berlaku; bila pengubahnya ada di arsip, catat relasi mengubah di berkasnya",
    ),
    "dicabut sebagian": (
        Status.berlaku,
        "status 'Dicabut sebagian': tetap Berlaku; bila pencabutnya ada di arsip, catat relasi mencabut_sebagian "
        "di berkasnya",
    ),
    "mengubah": (Status.berlaku, None),
    "mencabut": (Status.berlaku, None),
}


def status_of(word: str | None) -> tuple[Status, str | None] | None:
    """The status a feed's word means (no word: Berlaku), or None for a word this importer does not know."""
    if word is None:
        return Status.berlaku, None
    return STATUS_WORDS.get(one_line(word).casefold())


def web_address(url: str) -> str:
    """An address as the archive accepts it: spaces, quotes and brackets percent-encoded, existing escapes kept."""
    return quote(url.strip(), safe=_URL_SAFE)
