"""The whole site's search index rebuilt in the background, after a preview rebuild that wrote only some pages.

Under `mkdocs serve --dirty` a save re-renders only the pages that changed, but Pagefind needs every page: reading
them all again (≈12 s at 10,000 items) must not delay the page the editor reloads. So the index is rebuilt once the
build has returned, at low CPU priority, into a folder of its own that replaces site/pagefind when complete. A newer
rebuild cancels it first: MkDocs is about to rewrite the pages it reads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from .search_index import SearchIndexError
from .search_stream import SearchIndexer

NICENESS = 10  # below the build and the browser


class SearchLater:
    """At most one background index at a time; `report` receives its summary or its error, in Indonesian."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self._report = report
        self._lock = threading.Lock()
        self._indexer: SearchIndexer | None = None
        self._thread: threading.Thread | None = None
        self._cancelled = threading.Event()

    def start(self, site: Path, first: Sequence[str] = ()) -> str:
        """Index `site` in the background (the pages named in `first` first, then the others by path)."""
        self.cancel()
        self._cancelled = cancelled = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(site, tuple(first), cancelled), name="pagefind-latar", daemon=True
        )
        self._thread.start()
        return "diperbarui di latar belakang, beberapa detik setelah build ini"

    def cancel(self) -> None:
        """Stop the running index, if any, and wait until it has stopped (site/pagefind then is whole)."""
        self._cancelled.set()
        with self._lock:
            if self._indexer:
                self._indexer.close()
        if self._thread:
            self._thread.join()
            self._thread = None

    def wait(self) -> None:
        """Until the running index is done (tests; a build never waits for it)."""
        if self._thread:
            self._thread.join()

    def _run(self, site: Path, first: tuple[str, ...], cancelled: threading.Event) -> None:
        try:
            with self._lock:
                if cancelled.is_set():
                    return
                self._indexer = indexer = SearchIndexer.start(nice=NICENESS)
            summary = indexer.finish(site, first)
        except (SearchIndexError, OSError) as error:
            if not cancelled.is_set():
                self._report(f"indeks pencarian tidak dapat diperbarui: {error}")
            return
        finally:
            with self._lock:
                self._indexer = None
        self._report(f"indeks pencarian diperbarui: {summary}")
