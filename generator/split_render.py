"""A full build renders its pages in two processes: MkDocs renders one page at a time, on one core.

By the time MkDocs writes pages, every page has been read and converted (its HTML, table of contents and links are
known): what remains per page is the theme's template and the plugin's hardening, independent from page to page.
When MkDocs asks for the first page to be written, a child process is forked with everything in memory; it writes
every second page while the parent writes the others, and the parent waits for it before the post-build steps
(search index, manifest). Each page is rendered by MkDocs' own function with the same arguments either way, so the
site is byte-identical to a build in one process (tests/test_split_render.py).

What the child logs (a template error, a warning in strict mode) is sent to the parent and logged there, so it is
printed once and `--strict` counts it; a page the child could not write fails the build in the parent.

MkDocs has no event between pages, so this wraps `mkdocs.commands.build._build_page` for the length of one build
(installed at on_env, removed at on_post_build or on a build error); MkDocs is pinned below 2 (pyproject.toml).
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.sop-jdih")


class SplitRender:
    """One build's second renderer: `install()` before MkDocs writes pages (on_env); it waits for the child after
    MkDocs' last page; `abandon()` on a build error. Nothing happens for a build with fewer than two pages."""

    def __init__(self) -> None:
        self._original: Callable[..., None] | None = None
        self._started = False  # MkDocs asked for its first page
        self._last: Any = None  # the page MkDocs writes last
        self._child: int | None = None
        self._theirs: set[int] = set()  # ids of the pages the child writes
        self._share = ""
        self._log: str | None = None

    def install(self) -> None:
        if self._original is not None:
            return
        original = self._original = mkdocs_build._build_page

        def build_page(page: Any, config: Any, doc_files: Any, nav: Any, env: Any, *args: Any, **kwargs: Any) -> None:
            if not self._started:
                self._started = True
                files = list(doc_files)
                self._last = files[-1].page if files else None
                self._fork(original, files, (config, doc_files, nav, env, *args))
            if id(page) not in self._theirs:
                original(page, config, doc_files, nav, env, *args, **kwargs)
            if page is self._last:  # MkDocs' last page: the child's must be written too
                self.finish()

        mkdocs_build._build_page = build_page  # type: ignore[assignment]

    def _fork(self, original: Callable[..., None], files: list[Any], args: tuple[Any, ...]) -> None:
        theirs = [file.page for file in files[1::2] if file.page is not None]
        if not theirs or not hasattr(os, "fork"):
            return
        handle, self._log = tempfile.mkstemp(prefix="sop-jdih-render-", suffix=".log")
        os.close(handle)
        self._theirs = {id(page) for page in theirs}
        self._share = f"{len(theirs)} dari {len(files)}"
        child = os.fork()
        if child:
            self._child = child
            return
        _render_in_child(original, theirs, args, self._log)

    def finish(self) -> None:
        """Wait for the child, restore MkDocs, log what the child logged; raise PluginError if it could not write its
        pages."""
        child, self._child = self._child, None
        self._uninstall()
        if child is None:
            return
        _, status = os.waitpid(child, 0)
        failed = os.waitstatus_to_exitcode(status) != 0
        for name, level, message in self._records():
            logging.getLogger(name).log(level, message)
        log.info(f"sop-jdih: {self._share} halaman ditulis oleh proses kedua")
        if failed:
            raise PluginError("sop-jdih: sebagian halaman tidak dapat ditulis (lihat pesan di atas)")

    def abandon(self) -> None:
        """The build failed: stop the child, restore MkDocs."""
        child, self._child = self._child, None
        self._uninstall()
        if child is not None:
            try:
                os.kill(child, 9)
                os.waitpid(child, 0)
            except OSError:
                pass
        self._records()

    def _uninstall(self) -> None:
        if self._original is not None:
            mkdocs_build._build_page = self._original  # type: ignore[assignment]
        self._original = None
        self._theirs = set()
        self._started, self._last = False, None

    def _records(self) -> list[tuple[str, int, str]]:
        path, self._log = self._log, None
        if path is None:
            return []
        try:
            with open(path, "rb") as log_file:
                data = log_file.read()
        finally:
            os.unlink(path)
        records = []
        while data:
            record, data = _next_record(data)
            records.append(record)
        return records


def _next_record(data: bytes) -> tuple[tuple[str, int, str], bytes]:
    size = int.from_bytes(data[:4], "big")
    return pickle.loads(data[4 : 4 + size]), data[4 + size :]  # noqa: S301 - our own child's records


class _ToParent(logging.Handler):
    """Logging in the child: each record's logger, level and formatted message, appended to the shared file."""

    def __init__(self, path: str) -> None:
        super().__init__(logging.DEBUG)
        self.path = path

    def emit(self, record: logging.LogRecord) -> None:
        data = pickle.dumps((record.name, record.levelno, record.getMessage()))
        with open(self.path, "ab") as log_file:
            log_file.write(len(data).to_bytes(4, "big") + data)


def _render_in_child(original: Callable[..., None], pages: list[Any], args: tuple[Any, ...], log_path: str) -> None:
    """Write `pages` and leave the process without running anything of the parent's (no atexit, no finally)."""
    code = 0
    try:
        mkdocs_logger = logging.getLogger("mkdocs")
        for handler in list(mkdocs_logger.handlers):
            mkdocs_logger.removeHandler(handler)
        mkdocs_logger.addHandler(_ToParent(log_path))
        mkdocs_logger.propagate = False
        config, doc_files, nav, env, *rest = args
        for page in pages:
            excluded = page.file.inclusion.is_excluded()
            original(page, config, doc_files, nav, env, *rest[:1], excluded=excluded)
    except BaseException as error:  # noqa: BLE001 - the parent fails the build
        log.error(f"sop-jdih: proses kedua berhenti: {type(error).__name__}: {error}")
        code = 1
    finally:
        os._exit(code)
