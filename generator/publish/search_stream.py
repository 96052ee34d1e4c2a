"""Index a site's pages with Pagefind running as a service, page by page, in an order of our choosing.

Pagefind runs as `pagefind --service` (the protocol of its Python and Node APIs: base64 JSON messages ended by a comma
on stdin and stdout); `add` hands a page over and returns at once, Pagefind parses it in its own process, and
`finish` builds and writes the bundle. Pagefind's own Python API (`pagefind.index.PagefindIndex`) is not used: its
reader sleeps 0.1 s before each response, ten pages a second (100 pages took 10.2 s, 10,000 would take 17 minutes).

A page is named by its path in the site folder, from which Pagefind derives its URL exactly as the CLI does
(`a/b/index.html` → `/a/b/`). `finish` adds every other HTML file of the folder the CLI would have read (404.html,
HTML copied from docs/), so the index holds the same pages as the CLI's; the pages are numbered in the order they were
added, the same for the same pages. The preview's background index uses it (search_later.py). Feeding each page as
MkDocs writes it, to parse on the second core, was measured and dropped: at 10,000 items on this 2-core machine the
rendering slowed more than the search at the end gained (README, "Indeks pencarian").
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

from .pagefind_order import order_index, read_file
from .search_index import MISSING, OUTPUT, SearchIndexError

NEW_OUTPUT = OUTPUT + ".sop-jdih-baru"  # written here, then renamed into place
OLD_OUTPUT = OUTPUT + ".sop-jdih-lama"  # the bundle it replaces, for the moment between two renames
PIPE_SIZE = 1 << 20
_INDEX_ID = 0  # the one index this service holds (the first NewIndex answers 0)


class SearchIndexer:
    """One Pagefind service fed page by page; `finish` writes its bundle into the site folder."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        assert process.stdin is not None
        self._stdin = process.stdin
        if hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux: room for a few pages, so a write rarely waits for the reader
            fcntl.fcntl(self._stdin.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        self._next_id = 0
        self._added: dict[str, None] = {}  # site paths, in the order they were added
        self._lock = threading.Condition()
        self._answers: dict[int, dict[str, Any]] = {}  # the answers someone waits for, by message id
        self._awaited: set[int] = set()
        self._errors: list[str] = []
        self._closed = False
        self._reader = threading.Thread(target=self._read, name="pagefind-baca", daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, nice: int = 0) -> SearchIndexer:
        """Launch the service (`nice`: its CPU priority lowered by that much, for work in the background)."""
        executable = get_executable()
        if executable is None:
            raise SearchIndexError(MISSING)
        try:
            process = subprocess.Popen(
                [str(executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            if nice:
                os.setpriority(os.PRIO_PROCESS, process.pid, nice)
        except OSError as error:
            raise SearchIndexError(f"Pagefind tidak dapat dijalankan: {error}") from None
        indexer = cls(process)
        answer = indexer._ask({"type": "NewIndex", "config": None})
        if answer.get("index_id") != _INDEX_ID:
            indexer.close()
            raise SearchIndexError(f"Pagefind tidak membuat indeks: {answer}")
        return indexer

    @property
    def added(self) -> list[str]:
        """The site paths handed over so far, in order."""
        return list(self._added)

    def add(self, path: str, html: str) -> None:
        """Hand over the page written at `path` (relative to the site folder, with slashes); returns at once."""
        if path in self._added:  # Pagefind would replace it in place; the order stays that of the first
            del self._added[path]
        self._added[path] = None
        self._send({"type": "AddFile", "index_id": _INDEX_ID, "file_path": path, "url": None, "file_contents": html})

    def finish(self, site_dir: Path, first: Iterable[str] = ()) -> str:
        """Add the site's other HTML files (`first` of them first, then by path), write the bundle to
        site_dir/pagefind in a fixed order (`order_index`), stop the service; summarise in Indonesian."""
        try:
            for path in [*first, *sorted(_html_files(site_dir))]:
                if path not in self._added and (site_dir / path).is_file():
                    self.add(path, (site_dir / path).read_text(encoding="utf-8", errors="replace"))
            new, output = site_dir / NEW_OUTPUT, site_dir / OUTPUT
            shutil.rmtree(new, ignore_errors=True)
            # The bundle's bytes, written here: the service answers WriteFiles before its writes reach the disk.
            for file in self._ask({"type": "GetFiles", "index_id": _INDEX_ID})["files"]:
                (new / file["path"]).parent.mkdir(parents=True, exist_ok=True)
                (new / file["path"]).write_bytes(base64.b64decode(file["content"]))
            if self._errors:
                raise SearchIndexError("Pagefind gagal:\n" + "\n".join(self._errors[:10]))
            try:
                order_index(new)
                summary = _summary(new, len(self._added))
            except (ValueError, KeyError, OSError) as error:  # PagefindFormatError is a ValueError
                raise SearchIndexError(
                    f"indeks Pagefind tidak dapat diurutkan (versi Pagefind lain?): {error}"
                ) from None
            shutil.rmtree(site_dir / OLD_OUTPUT, ignore_errors=True)
            if output.exists():  # a search running meanwhile finds one bundle or the other, whole
                output.rename(site_dir / OLD_OUTPUT)
            new.rename(output)
            shutil.rmtree(site_dir / OLD_OUTPUT, ignore_errors=True)
            return summary
        finally:
            self.close()

    def close(self) -> None:
        """Stop the service (also when the build failed halfway); safe to call twice."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._lock.notify_all()
        self._process.kill()
        self._process.wait()

    def _send(self, payload: dict[str, Any]) -> int:
        if self._closed:
            raise SearchIndexError("Pagefind sudah dihentikan")
        self._next_id += 1
        message = json.dumps({"message_id": self._next_id, "payload": payload}).encode("utf-8")
        try:  # from the caller's thread (a writer thread measured no faster); a pipe of 1 MB rarely waits
            self._stdin.write(base64.b64encode(message) + b",")
            self._stdin.flush()
        except (BrokenPipeError, OSError) as error:  # the service is gone; _ask says so, with its errors
            self._errors.append(f"Pagefind tidak menerima halaman lagi: {error}")
        return self._next_id

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send and wait for the answer (after every message sent before it: the service answers in order)."""
        with self._lock:  # awaited before it is sent: the answer may come at once (this thread alone sends)
            self._awaited.add(self._next_id + 1)
        message_id = self._send(payload)
        with self._lock:
            while message_id not in self._answers:
                if self._closed or self._process.poll() is not None:
                    raise SearchIndexError("Pagefind berhenti sebelum selesai:\n" + "\n".join(self._errors[:10]))
                self._lock.wait(timeout=1)
            answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise SearchIndexError(f"Pagefind gagal: {answer.get('message')}")
        return answer

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        message = bytearray()  # the bundle comes as one message of tens of megabytes at 10,000 pages
        while chunk := stdout.read1(1 << 20):
            start = 0
            while (end := chunk.find(b",", start)) != -1:
                message += chunk[start:end]
                self._receive(json.loads(base64.b64decode(message)))
                message.clear()
                start = end + 1
            message += chunk[start:]
        with self._lock:
            self._lock.notify_all()

    def _receive(self, response: dict[str, Any]) -> None:
        payload, message_id = response.get("payload", {}), response.get("message_id")
        with self._lock:
            if message_id in self._awaited:
                self._awaited.discard(message_id)
                self._answers[message_id] = payload
                self._lock.notify_all()
            elif payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))


def _html_files(site_dir: Path) -> list[str]:
    """The files the CLI reads (`**/*.{html}`), as site paths; not Pagefind's own folders."""
    return [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] not in (OUTPUT, NEW_OUTPUT, OLD_OUTPUT)
    ]


def _summary(output: Path, added: int) -> str:
    """What was indexed, read back from the bundle: pages per language (Pagefind's own count of words is not told)."""
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = 0
    for language in entry["languages"].values():
        meta = read_file(output / f"pagefind.{language['hash']}.pf_meta")
        pages += len(meta[1]) if isinstance(meta, list) and isinstance(meta[1], list) else 0
    return f"{added} berkas HTML dibaca, {pages} halaman diindeks"
