"""Remember what each generated page read, so a rebuild under `mkdocs serve` renders only pages whose inputs changed.

A page is a function of the content it reads plus the build's settings. While a page is produced, every lookup in the
archive's, the dasar hukum index's and the SOPs' tables (`Tracked`) is recorded as (table, key). On the next build
the memo compares, for each recorded read, the value the previous build's table held with the value the new table
holds (by identity first: the loader's cache hands back the same objects for unchanged files, so most checks cost one
`is`). If no read changed, the page is what it was and its staged file stays untouched; otherwise it is produced again
and its reads recorded anew. Reads of a whole table (iterating it) compare the whole table.

This is the early-cutoff scheme of build systems with dynamic dependencies ("Build systems à la carte", Mokhov,
Mitchell and Peyton Jones, 2018: verifying traces): nothing needs to declare what a page depends on, so a new field
or relation shown on a page is followed without touching this module, as long as it is read through the tables.
Whatever a page receives directly (not through a table) belongs in its memo key.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ..archive.collection import Archive
from ..dasar_hukum.index import DasarHukumIndex

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

EVERY = object()  # the key of a read of a whole table
_MISSING = object()
Read = tuple[str, object]  # (table name, key or EVERY)

_reads: contextvars.ContextVar[set[Read] | None] = contextvars.ContextVar("sop_jdih_reads", default=None)


class Tracked(Mapping[K, V]):
    """A read-only view of a dict that records each lookup in the read set of the page being produced, if any.

    Lookups (`[]`, `get`, `in`) record their key; iterating or sizing records the whole table (`EVERY`).
    """

    __slots__ = ("name", "data")

    def __init__(self, name: str, data: Mapping[K, V]) -> None:
        self.name = name
        self.data = data

    def _record(self, key: object) -> None:
        reads = _reads.get()
        if reads is not None:
            reads.add((self.name, key))

    def __getitem__(self, key: K) -> V:
        self._record(key)
        return self.data[key]

    def get(self, key: K, default: Any = None) -> Any:  # type: ignore[override]
        self._record(key)
        return self.data.get(key, default)

    def __contains__(self, key: object) -> bool:
        self._record(key)
        return key in self.data

    def __iter__(self) -> Iterator[K]:
        self._record(EVERY)
        return iter(self.data)

    def __len__(self) -> int:
        self._record(EVERY)
        return len(self.data)


@dataclass
class _Entry:
    value: Any
    reads: frozenset[Read]


class Memo:
    """Values produced in earlier builds with what they read; one per MkDocs plugin, kept across serve rebuilds.

    Use: `start(scope, tables)` at the beginning of a build, `value(key, produce)` for each page or record, `finish()`
    at the end (entries not asked for in this build, e.g. of deleted items, are dropped); after a build that raised
    before `finish`, nothing is reused (values not asked for yet were never compared with its tables). `scope` holds
    everything every value depends on besides the tables (settings, site address, the staging folder): when it
    differs from the previous build's, nothing is reused. A fresh Memo reuses nothing: a full build.
    `Memo(kept=False)`, for a build no later build will compare with, produces every value without recording reads.
    """

    def __init__(self, kept: bool = True) -> None:
        self._kept = kept
        self._entries: dict[Hashable, _Entry] = {}
        self._used: set[Hashable] = set()
        self._scope: object = _MISSING
        self._tables: Mapping[str, Mapping[Any, Any]] = {}
        self._changed: set[Read] = set()
        self._open = False  # a build started and not finished (it raised): its values may mix two contents
        self.produced = 0  # values produced in this build (the rest were reused)

    def start(self, scope: object, tables: Mapping[str, Mapping[Any, Any]]) -> None:
        """Begin a build over `tables` (name → the plain dict behind its `Tracked` view): find what changed."""
        if not self._kept:
            return
        if self._open or scope != self._scope or tables.keys() != self._tables.keys():
            self._entries = {}
        else:
            self._changed = {read for name, now in tables.items() for read in _changes(name, self._tables[name], now)}
        self._scope = scope
        self._tables = tables
        self._used = set()
        self._open = True
        self.produced = 0

    def value(self, key: Hashable, produce: Callable[[], T], valid: Callable[[T], bool] | None = None) -> T:
        """The value of `key`: the previous build's when nothing it read has changed (and `valid(value)` holds, for a
        value that stands for something kept elsewhere, e.g. a staged file), else `produce()`, with its reads
        recorded."""
        if not self._kept:
            return produce()
        self._used.add(key)
        entry = self._entries.get(key)
        if entry is not None and entry.reads.isdisjoint(self._changed) and (valid is None or valid(entry.value)):
            return entry.value  # type: ignore[no-any-return]
        reads: set[Read] = set()
        token = _reads.set(reads)
        try:
            value = produce()
        finally:
            _reads.reset(token)
        self._entries[key] = _Entry(value, frozenset(reads))
        self.produced += 1
        return value

    def finish(self) -> None:
        """End the build: forget the values not asked for (deleted items, pages no longer written)."""
        self._entries = {key: entry for key, entry in self._entries.items() if key in self._used}
        self._changed = set()
        self._open = False


def _changes(name: str, before: Mapping[Any, Any], now: Mapping[Any, Any]) -> Iterator[Read]:
    """The reads of table `name` whose value differs between two builds: each key whose value is not the same object
    and not equal (or is in one build only), and the whole table (`EVERY`) if any key did or the order changed."""
    if before is now:
        return
    changed = False
    for key in before.keys() | now.keys():
        old, new = before.get(key, _MISSING), now.get(key, _MISSING)
        if old is not new and not old == new:
            changed = True
            yield name, key
    if changed or list(before) != list(now):
        yield name, EVERY


_ARCHIVE_TABLES = ("loaded", "by_id", "kind_of", "links", "revoked_by", "referrers", "standing")
_INDEX_TABLES = ("regulations", "lines", "by_archive_id")


def tables(archive: Archive, index: DasarHukumIndex) -> dict[str, Mapping[Any, Any]]:
    """The archive's and the index's tables by name, as `Memo.start` compares them."""
    found = {f"archive.{name}": getattr(archive, name) for name in _ARCHIVE_TABLES}
    return found | {f"dasar_hukum.{name}": getattr(index, name) for name in _INDEX_TABLES}


def tracked(
    archive: Archive, index: DasarHukumIndex, views: Mapping[str, Tracked[Any, Any]]
) -> tuple[Archive, DasarHukumIndex]:
    """The archive and the index with every table replaced by its `Tracked` view (from `views`), for pages to read."""
    archive = replace(archive, **{name: views[f"archive.{name}"] for name in _ARCHIVE_TABLES})  # type: ignore[arg-type]
    index = replace(index, **{name: views[f"dasar_hukum.{name}"] for name in _INDEX_TABLES})  # type: ignore[arg-type]
    return archive, index
