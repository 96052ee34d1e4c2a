"""Make Pagefind's output byte-identical between builds of the same content.

Pagefind 1.5 writes its filter index from a hash map, so the order of filter values, and with it the bytes and hashed
names of `filter/*.pf_filter`, the `pagefind.*.pf_meta` that lists them and `pagefind-entry.json` that names the meta,
change from run to run (Pagefind/pagefind#638). We decode those files, put the values in a fixed order, write them
back and rename them by their new content. The search reads filters into a map, so it behaves exactly as before. The
sorts (`data-pagefind-sort`), also in the meta, leave it for files of their own (see pagefind_sorts.py).

The files are gzip of b"pagefind_dcd" followed by CBOR; only the part of CBOR they use (unsigned integers, strings,
byte strings, arrays) is handled, and anything else is refused rather than guessed at.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import TypeAlias

from .pagefind_sorts import write_sorts

MAGIC = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTER_HASH_LENGTH = 7  # the lengths Pagefind itself uses, so names look the same
META_HASH_LENGTH = 10

Cbor: TypeAlias = "int | str | bytes | list[Cbor]"


class PagefindFormatError(ValueError):
    """A Pagefind file is not in the format this module knows (another Pagefind version)."""


def order_index(output: Path) -> None:
    """Rewrite the filter and meta files of every language of the index in `output` in a fixed order."""
    entry_path = output / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language_code, language in entry["languages"].items():
        old_meta = output / f"pagefind.{language['hash']}.pf_meta"
        meta = read_file(old_meta)
        if not isinstance(meta, list) or len(meta) < 4 or not isinstance(meta[3], list):
            raise PagefindFormatError(f"{old_meta.name}: daftar filter tidak ditemukan")
        rewritten = {}  # read every filter before writing any: a new name may equal an old one
        for name, old_hash in sorted(_pairs(meta[3], old_meta.name)):
            old_filter = output / "filter" / f"{old_hash}.pf_filter"
            filter_name, values = _pair(read_file(old_filter), old_filter.name)
            ordered = [[value, pages] for value, pages in sorted(_pairs(values, old_filter.name))]
            rewritten[name] = (old_filter, write_bytes([filter_name, ordered]))
        for old_filter, _ in rewritten.values():
            old_filter.unlink()
        filters: list[Cbor] = []
        for name, (_, data) in rewritten.items():
            new_hash = _name(language_code, data, FILTER_HASH_LENGTH)
            (output / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            filters.append([name, new_hash])
        meta[3] = filters
        if len(meta) > 4:  # the sorts: out of the meta every search downloads, into files a sorted view reads
            write_sorts(output, language_code, _page_ids(meta[1], old_meta.name), _sorts(meta[4], old_meta.name))
            meta[4] = []
        data = write_bytes(meta)
        language["hash"] = _name(language_code, data, META_HASH_LENGTH)
        old_meta.unlink()
        (output / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def read_file(path: Path) -> Cbor:
    """The value stored in one of Pagefind's `.pf_*` files."""
    return read_bytes(path.read_bytes(), path.name)


def read_bytes(data: bytes, where: str) -> Cbor:
    """The value stored in the bytes of a `.pf_*` file; `where` names it in errors."""
    try:
        raw = gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise PagefindFormatError(f"{where}: bukan gzip ({error})") from None
    if not raw.startswith(MAGIC):
        raise PagefindFormatError(f"{where}: tanda {MAGIC.decode()} tidak ada")
    value, end = _decode(raw, len(MAGIC), where)
    if end != len(raw):
        raise PagefindFormatError(f"{where}: ada data setelah nilai CBOR")
    return value


def write_bytes(value: Cbor) -> bytes:
    """The bytes of a `.pf_*` file holding `value`: gzip without a timestamp, so equal values give equal bytes."""
    return gzip.compress(MAGIC + _encode(value), mtime=0)


def _name(language_code: str, data: bytes, length: int) -> str:
    return f"{language_code}_{hashlib.sha256(data).hexdigest()[:length]}"


def _pairs(value: Cbor, where: str) -> list[tuple[str, Cbor]]:
    if not isinstance(value, list):
        raise PagefindFormatError(f"{where}: daftar pasangan yang diharapkan")
    return [_pair(item, where) for item in value]


def _page_ids(pages: Cbor, where: str) -> list[str]:
    """The meta's pages, [[hash, word count], ...], as their hashes (the `id` of a search result)."""
    if not isinstance(pages, list):
        raise PagefindFormatError(f"{where}: daftar halaman yang diharapkan")
    ids = []
    for page in pages:
        if not (isinstance(page, list) and page and isinstance(page[0], str)):
            raise PagefindFormatError(f"{where}: halaman [hash, jumlah kata] yang diharapkan")
        ids.append(page[0])
    return ids


def _sorts(value: Cbor, where: str) -> list[tuple[str, list[int]]]:
    """The meta's sorts, [[key, [page position, ...]], ...]."""
    sorts = []
    for key, positions in _pairs(value, where):
        if not isinstance(positions, list) or not all(isinstance(position, int) for position in positions):
            raise PagefindFormatError(f"{where}: urutan {key} bukan daftar nomor halaman")
        sorts.append((key, positions))
    return sorts


def _pair(value: Cbor, where: str) -> tuple[str, Cbor]:
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], str)):
        raise PagefindFormatError(f"{where}: pasangan [nama, nilai] yang diharapkan")
    return value[0], value[1]


def _decode(data: bytes, at: int, where: str) -> tuple[Cbor, int]:
    if at >= len(data):
        raise PagefindFormatError(f"{where}: data CBOR terpotong")
    major, argument = data[at] >> 5, data[at] & 31
    at += 1
    if argument >= 24:
        if argument > 27:
            raise PagefindFormatError(f"{where}: panjang CBOR tak tentu tidak didukung")
        size = 1 << (argument - 24)
        argument, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major == 0:
        return argument, at
    if major in (2, 3):
        chunk = data[at : at + argument]
        if len(chunk) != argument:
            raise PagefindFormatError(f"{where}: data CBOR terpotong")
        return (chunk.decode("utf-8") if major == 3 else chunk), at + argument
    if major != 4:
        raise PagefindFormatError(f"{where}: jenis CBOR {major} tidak didukung")
    items: list[Cbor] = []
    for _ in range(argument):
        item, at = _decode(data, at, where)
        items.append(item)
    return items, at


def _encode(value: Cbor) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)


def _head(major: int, argument: int) -> bytes:
    """A CBOR item head in its shortest form, as serde writes it."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for code, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | code]) + argument.to_bytes(size, "big")
    raise PagefindFormatError(f"bilangan terlalu besar untuk CBOR: {argument}")
