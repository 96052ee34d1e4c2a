"""What a Pagefind bundle lets a search find, decoded and keyed by page URL instead of Pagefind's page numbers.

Two bundles of the same pages indexed in another order number the pages differently (and so differ in bytes); they
search the same when these contents are equal: the pages (URL, text, word count, meta, filters, anchors), each word's
locations per page, each filter value's pages, each sort's pages.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from generator.publish.pagefind_order import ENTRY, MAGIC
from generator.publish.pagefind_sorts import SORTS_FOLDER


def contents(output: Path) -> dict[str, Any]:
    """Every language of the bundle in `output` (site/pagefind)."""
    entry = json.loads((output / ENTRY).read_text(encoding="utf-8"))
    return {code: _language(output, code, language["hash"]) for code, language in entry["languages"].items()}


def _language(output: Path, code: str, meta_hash: str) -> dict[str, Any]:
    _version, pages, chunks, filters, sorts, *meta_fields = _read(output / f"pagefind.{meta_hash}.pf_meta")
    assert sorts == [], "the sorts belong in pagefind/urut/ (pagefind_sorts.py)"
    fragments = {}
    url_of_hash, url_of_number = {}, []
    for page_hash, word_count in pages:
        fragment = json.loads(_raw(output / "fragment" / f"{page_hash}.pf_fragment").decode("utf-8"))
        assert fragment["word_count"] == word_count
        fragments[fragment["url"]] = fragment
        url_of_hash[page_hash] = fragment["url"]
        url_of_number.append(fragment["url"])
    words: dict[str, Any] = {}
    for _first, _last, chunk_hash in chunks:
        (chunk_words,) = _read(output / "index" / f"{chunk_hash}.pf_index")
        for word, pages_of_word, *variants in chunk_words:
            number, locations_of = 0, {}
            for delta, *locations in pages_of_word:  # each page number as the difference to the one before
                number += delta
                locations_of[url_of_number[number]] = locations
            words[word] = (locations_of, variants)
    filter_pages = {}
    for name, filter_hash in filters:
        filter_name, values = _read(output / "filter" / f"{filter_hash}.pf_filter")
        assert filter_name == name
        filter_pages[name] = {value: sorted(url_of_number[n] for n in numbers) for value, numbers in values}
    sort_pages = {
        path.stem: [url_of_hash[page_hash] for page_hash in json.loads(path.read_text(encoding="utf-8"))]
        for path in sorted((output / SORTS_FOLDER / code).glob("*.json"))
    }
    return {"pages": fragments, "words": words, "filters": filter_pages, "sorts": sort_pages, "meta": meta_fields}


def _raw(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(MAGIC), path
    return data[len(MAGIC) :]


def _read(path: Path) -> Any:
    return decode(path.read_bytes())


def decode(data: bytes) -> Any:
    """The value in the bytes of a `.pf_meta`, `.pf_index` or `.pf_filter` file."""
    raw = gzip.decompress(data)
    assert raw.startswith(MAGIC)
    value, end = _decode(raw, len(MAGIC))
    assert end == len(raw)
    return value


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    """The CBOR Pagefind writes: integers (locations of weighted words are negative), strings, arrays."""
    major, argument = data[at] >> 5, data[at] & 31
    at += 1
    if argument >= 24:
        size = 1 << (argument - 24)
        argument, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        chunk = data[at : at + argument]
        return (chunk.decode("utf-8") if major == 3 else chunk), at + argument
    assert major == 4, f"CBOR major type {major}"
    items = []
    for _ in range(argument):
        item, at = _decode(data, at)
        items.append(item)
    return items, at
