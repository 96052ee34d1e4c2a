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
- the kind, status, year and document (the card's PDF link) each result shows and how the search page ranks that
  kind (`Rank`: weight, tier, the words that ask for it), as Pagefind metadata, and the item's
  number as the `nomor` filter that /arsip/'s Nomor field matches exactly (not as words: "2" is not "22/2023").

The block's word count (`tambahan`) lets the search page keep excerpts out of it.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, replace
from typing import Any

import snowballstemmer
from markupsafe import escape
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from ..archive.collection import Archive
from ..archive.kind import DOCUMENT_SUFFIXES, ArchiveKind, Attachment, Rank, is_url
from ..dasar_hukum.citations import JENIS, MINISTRY_SHORT, jenis_table
from ..dasar_hukum.index import DasarHukumIndex
from .addresses import attachment_uri, regulation_uri
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

    kind: str  # Peraturan, Keputusan, Konten, SOP, Dasar hukum, …
    status: str | None = None
    year: int | None = None
    forms: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # the `nomor` filter the archive's Nomor field matches (citations.nomor_keys)
    download: str | None = None  # the document's URL from the site's root (encoded), or its https address
    rank: Rank = Rank()  # how the search page ranks this kind of result


SOP_RANK = Rank(weight=1.3, tier=3, words=("sop",))
DASAR_HUKUM_RANK = Rank(weight=1.0, tier=4)
SOP_FACTS = Facts("SOP", rank=SOP_RANK)


def root_file(bucket: int) -> str:
    return f"{FOLDER}/akar-{bucket:02x}.json"


def search_file_uris() -> list[str]:
    """Every file `searchable` adds for the search page, without writing any."""
    return [JENIS_FILE, *(root_file(bucket) for bucket in range(ROOT_BUCKETS))]


def regulation_facts(archive: Archive, dasar_hukum: DasarHukumIndex) -> dict[str, Facts]:
    """The facts of the dasar hukum pages (regulations something cites), by uri (SOP pages have `SOP_FACTS`, archive
    items `item_facts`)."""
    facts = {}
    for regulation in dasar_hukum.regulations.values():
        if not regulation.cited_by:  # no page of its own (pages/dasar_hukum.py)
            continue
        item = archive.by_id.get(regulation.archive_id or "")
        status = archive.status(item) if item else None
        year = regulation.citation.tahun
        status_value = status.value if status else None
        facts[regulation_uri(regulation.slug)] = Facts("Dasar hukum", status_value, year, rank=DASAR_HUKUM_RANK)
    return facts


def item_facts(kind: ArchiveKind, item: Any, archive: Archive) -> Facts:
    """The facts of one archive item's page."""
    status = archive.status(item)
    found = kind.found_of(item)
    return Facts(
        found.kind,
        status.value if status else None,
        getattr(item, "tahun", kind.date(item).year),
        found.forms,
        found.keys,
        found.numbers,
        _download(kind.files(item)),
        kind.rank,
    )


def _download(files: list[tuple[Attachment, str]]) -> str | None:
    """The item's first PDF (a produk hukum's `dokumen`), for a result card's PDF link: a result is shown on pages
    at any depth."""
    value = next((value for attachment, value in files if attachment.suffixes == DOCUMENT_SUFFIXES), None)
    if value is None:
        return None
    return url_text(value) if is_url(value) else url_path(attachment_uri(value))


def searchable(pages: list[PageSource], facts: dict[str, Facts]) -> tuple[list[PageSource], list[PageSource]]:
    """The pages with their hidden search block added, and the files the search page reads (`search_file_uris`)."""
    vocabulary = Vocabulary()
    written, words = [], set()
    for page in pages:
        page, found = with_search_block(page, facts.get(page.uri), vocabulary)
        written.append(page)
        words.update(found)
    return written, search_files(words, vocabulary)


def with_search_block(
    page: PageSource, facts: Facts | None, vocabulary: Vocabulary
) -> tuple[PageSource, tuple[str, ...]]:
    """The page with its hidden search block, and its words (which `search_files` needs); a page Pagefind does not
    index (a feed, a listing) as it is, without words."""
    if not _indexed(page):
        return page, ()
    # Interned, and kept as a tuple: `mkdocs serve` remembers every page's words (10,000 pages) between rebuilds.
    words = set(map(sys.intern, set(_WORD.findall(_NOT_TEXT.sub(" ", page.content.casefold())))))
    content = f"{page.content.rstrip()}\n\n{_block(facts, vocabulary.missed_roots(words))}\n"
    return replace(page, content=content), tuple(words)  # every other field kept as it was


class Vocabulary:
    """Words with their root and their Snowball stem, each computed once (10,000 pages; kept across serve rebuilds)."""

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


def search_files(words: set[str], vocabulary: Vocabulary) -> list[PageSource]:
    """The jenis table and the root buckets for the words of every indexed page (all seen by `missed_roots`)."""
    roots = {word: vocabulary.root[word] for word in words if vocabulary.root[word] != word}
    buckets: list[dict[str, str]] = [{} for _ in range(ROOT_BUCKETS)]
    for word in sorted(roots):
        buckets[bucket_of(word)][word] = roots[word]
    files = [PageSource(JENIS_FILE, _json(jenis_table()), None)]
    return files + [PageSource(root_file(number), _json(bucket), None) for number, bucket in enumerate(buckets)]


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
        rank = facts.rank
        meta |= {"bobot": f"{rank.weight:g}", "tingkat": str(rank.tier), "minta": " ".join(rank.words)}
    parts += [f'<span data-pagefind-meta="{escape(f"{key}:{value}")}"></span>' for key, value in meta.items() if value]
    if facts:
        parts += [f'<span data-pagefind-filter="{escape(f"nomor:{number}")}"></span>' for number in facts.numbers]
    return f'<div class="sj-indeks" hidden>{"".join(parts)}</div>'


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
