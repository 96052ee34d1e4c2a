"""What each page adds to the search index beyond what a reader sees, and the word lists the search page reads.

Pagefind matches words as written and stems them with Snowball, which misses Indonesian pairs readers expect
("kelola" ↔ "pengelolaan", "periksa" ↔ "pemeriksaan", "tetap" ↔ "penetapan") and never sees a citation's short form
("UU 7/2017"), which legal pages spell out in full. So every searchable page ends with a block hidden from the eye
(the `hidden` attribute: not shown, not read aloud; Pagefind indexes it):

- the roots of its words by PySastrawi (Nazief–Adriani with a dictionary), at a low weight, so a root finds its
  derived forms; the search page maps a typed word to its root (`indeks-cari/akar-XX.json`), so a derived word finds
  the root and its other forms. Only where Pagefind's own stemmer (Snowball, run here by `snowballstemmer`) does not
  already bring the two together: a root Snowball reduces like a word of the page adds nothing but index size, which
  the first search downloads;
- for an item with a number, its citation forms at the highest weight, and `kutipan` keys that tell the search page
  which result *is* the document a query cites;
- the kind, status, year and document (the card's PDF link) each result shows, as Pagefind metadata, and the item's
  number as the `nomor` filter that /arsip/'s Nomor field matches exactly (not as words: "2" is not "22/2023").

The block's word count (`tambahan`) lets the search page keep excerpts out of it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, replace
from typing import Any

import snowballstemmer
from markupsafe import escape
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from ..archive.collection import Archive
from ..archive.kind import Attachment, is_url
from ..archive.model import Putusan
from ..dasar_hukum.citations import (
    GROUPS,
    JENIS,
    MINISTRY_SHORT,
    citation_forms,
    jenis_table,
    nomor_keys,
    parse_citation,
)
from ..dasar_hukum.index import DasarHukumIndex
from ..sop.loader import LoadedSop
from .addresses import attachment_uri, regulation_uri, sop_uri
from .page_source import PageSource
from .text import url_text
from .urls import url_path

FOLDER = "indeks-cari"
JENIS_FILE = f"{FOLDER}/jenis.json"
ROOT_BUCKETS = 64  # fixed, so the files' names are known before any page is written; pencari.js hashes the same way
ROOT_WEIGHT = "0.5"  # a root found only through a derived word counts less than the word itself
CITATION_WEIGHT = "10"  # Pagefind's highest: the document's own page first for its citation
_WORD = re.compile(r"[a-z]+")
# Abbreviations of jenis ("perpres", "pkpu") are names, not derived words: Sastrawi would cut "perpres" to "pres".
_ABBREVIATION = re.compile("|".join([*(jenis.pattern for jenis in JENIS), *map(re.escape, MINISTRY_SHORT)]))
# Markup, link targets and character references are not the page's words (the text is case-folded first). The
# lookahead rejects most positions at once: without it every alternative is tried at every character.
_NOT_TEXT = re.compile(r"(?=[<\]h&])(?:<script\b.*?</script>|<[^>]*>|\]\([^)]*\)|https?://\S+|&\w+;)", re.DOTALL)


@dataclass(frozen=True)
class Facts:
    """What a result shows besides its title and excerpt, and how a citation names it."""

    kind: str  # Peraturan, Keputusan, Konten, SOP, Dasar hukum
    status: str | None = None
    year: int | None = None
    forms: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # the `nomor` filter the archive's Nomor field matches (citations.nomor_keys)
    download: str | None = None  # the document's URL from the site's root (encoded), or its https address


def root_file(bucket: int) -> str:
    return f"{FOLDER}/akar-{bucket:02x}.json"


def search_file_uris() -> list[str]:
    """Every file `searchable` adds for the search page, without writing any."""
    return [JENIS_FILE, *(root_file(bucket) for bucket in range(ROOT_BUCKETS))]


def page_facts(sops: list[LoadedSop], archive: Archive, dasar_hukum: DasarHukumIndex) -> dict[str, Facts]:
    """The facts of every page a search can return, by the page's uri."""
    facts = {sop_uri(sop.document.id): Facts("SOP") for sop in sops}
    for regulation in dasar_hukum.regulations.values():
        item = archive.by_id.get(regulation.archive_id or "")
        status = archive.status(item) if item else None
        year = regulation.citation.tahun
        facts[regulation_uri(regulation.slug)] = Facts("Dasar hukum", status.value if status else None, year)
    for kind in archive.kinds:
        for loaded in archive.items(kind):
            item = loaded.document
            status = archive.status(item)
            found = _item_facts(item, kind.date(item).year, status.value if status else None)
            facts[kind.uri(item.id)] = replace(found, download=_download(kind.files(item)))
    return facts


def _download(files: list[tuple[Attachment, str]]) -> str | None:
    """The item's document (`dokumen`), for a result card's PDF link: a result is shown on pages at any depth."""
    value = next((value for attachment, value in files if attachment.name == "dokumen"), None)
    if value is None:
        return None
    return url_text(value) if is_url(value) else url_path(attachment_uri(value))


def _item_facts(item: Any, year: int, status: str | None) -> Facts:
    if isinstance(item, Putusan):
        return Facts("Putusan", status, item.tahun, numbers=nomor_keys(item.nomor))
    if not all(hasattr(item, name) for name in ("jenis", "singkatan_jenis", "nomor", "tahun")):
        return Facts("Konten", status, year)
    parsed = parse_citation(f"{item.jenis} Nomor {item.nomor} Tahun {item.tahun}")
    decision = parsed.jenis.group == GROUPS.index("Keputusan") if parsed else item.jenis.startswith("Keputusan")
    cited = citation_forms(item.jenis, item.singkatan_jenis, item.nomor, item.tahun)
    kind = "Keputusan" if decision else "Peraturan"
    return Facts(kind, status, item.tahun, cited.forms, cited.keys, nomor_keys(item.nomor))


def searchable(pages: list[PageSource], facts: dict[str, Facts]) -> tuple[list[PageSource], list[PageSource]]:
    """The pages with their hidden search block added, and the files the search page reads (`search_file_uris`)."""
    vocabulary = _Vocabulary()
    written = []
    for page in pages:
        if not _indexed(page):
            written.append(page)
            continue
        words = set(_WORD.findall(_NOT_TEXT.sub(" ", page.content.casefold())))
        content = f"{page.content.rstrip()}\n\n{_block(facts.get(page.uri), vocabulary.missed_roots(words))}\n"
        written.append(replace(page, content=content))  # every other field kept as it was
    roots = {word: stem for word, stem in vocabulary.root.items() if stem != word}  # also tells junk from matches
    return written, _search_files(roots)


class _Vocabulary:
    """Every word of the indexed pages with its root and its Snowball stem, each computed once (10,000 pages)."""

    def __init__(self) -> None:
        self.root: dict[str, str] = {}
        self.stem: dict[str, str] = {}

    def missed_roots(self, words: set[str]) -> list[str]:
        """The roots of `words` that Snowball does not already bring together with one of them, sorted."""
        for word in words - self.root.keys():
            stem = self.root[word] = root(word)
            self.stem[word] = snowball(word)
            self.stem.setdefault(stem, snowball(stem))
        stems = set(map(self.stem.__getitem__, words))
        return sorted({stem for stem in map(self.root.__getitem__, words) if self.stem[stem] not in stems})


def _indexed(page: PageSource) -> bool:
    """A Markdown or HTML page Pagefind indexes: not a feed, not a page that opts out (listings, indexes)."""
    if not page.uri.endswith(".md"):
        return False
    front = page.content.split("\n---", 1)[0] if page.content.startswith("---") else ""
    return "pagefind: false" not in front


def _block(facts: Facts | None, roots: list[str]) -> str:
    """The hidden block: citation forms, roots, metadata. Values are escaped: forms come from editors' files."""
    parts, words = [], 0
    if facts and facts.forms:
        text = " · ".join(facts.forms)
        parts.append(f'<p data-pagefind-weight="{CITATION_WEIGHT}">{escape(text)}</p>')
        words += len(text.split())
    if roots:
        parts.append(f'<p data-pagefind-weight="{ROOT_WEIGHT}">{" ".join(roots)}</p>')
        words += len(roots)
    meta = {"tambahan": str(words)}
    if facts:
        meta |= {"jenis_hasil": facts.kind, "status": facts.status or "", "tahun": str(facts.year or "")}
        meta |= {"kutipan": " ".join(facts.keys), "unduh": facts.download or ""}
    parts += [f'<span data-pagefind-meta="{escape(f"{key}:{value}")}"></span>' for key, value in meta.items() if value]
    if facts:
        parts += [f'<span data-pagefind-filter="{escape(f"nomor:{number}")}"></span>' for number in facts.numbers]
    return f'<div class="sj-indeks" hidden>{"".join(parts)}</div>'


def _search_files(roots: dict[str, str]) -> list[PageSource]:
    buckets: list[dict[str, str]] = [{} for _ in range(ROOT_BUCKETS)]
    for word in sorted(roots):
        buckets[bucket_of(word)][word] = roots[word]
    files = [PageSource(JENIS_FILE, _json(jenis_table()), None)]
    return files + [PageSource(root_file(number), _json(bucket), None) for number, bucket in enumerate(buckets)]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def bucket_of(word: str) -> int:
    """FNV-1a (32 bit) of the word's characters, modulo the bucket count; pencari.js computes the same."""
    value = 0x811C9DC5
    for character in word:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return value % ROOT_BUCKETS


@functools.cache
def root(word: str) -> str:
    """The word's root by Sastrawi; short words and words it cannot reduce stay as they are."""
    if _ABBREVIATION.fullmatch(word):
        return word
    stem = _stemmer().stem(word)
    return stem if len(stem) >= 3 and stem.isalpha() else word


@functools.cache
def snowball(word: str) -> str:
    """The stem Pagefind's Indonesian Snowball stemmer gives the word, as it stems words on both sides."""
    return str(_snowball().stemWord(word))


@functools.cache
def _stemmer() -> Any:
    return StemmerFactory().create_stemmer()


@functools.cache
def _snowball() -> Any:
    return snowballstemmer.stemmer("indonesian")
