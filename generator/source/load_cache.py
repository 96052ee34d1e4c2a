"""Every editor's file parsed and validated once: results kept by the file's bytes and the generator's version.

`mkdocs serve` loads the whole project again on every save, and CI builds from scratch; both spent seconds parsing
10,000 unchanged files with their line numbers and validating them. A file's result (its problems, in order and with
their lines, its data with the line of every part, its validated document, the id it declares) depends on nothing
but its bytes, its name, the collection it is in and the generator's code, so it is kept under a digest of exactly
those: in memory for the life of the process (the same objects come back, so later stages can tell "unchanged" by
identity) and on disk under the project's cache folder (a fresh process, or CI restoring `.cache/`, parses nothing
that did not change). What a file's result does not decide stays with the caller and is checked every run: whether
its attachments exist, and everything across files.

Misses are parsed in this process. A pool of processes (tried: forkserver and fork, 2 workers, 10,000 files) was
slower on the 2-core machine: its parent still unpickles every result (a third of the parse's CPU) and the workers
start by importing the generator, so its wall-clock was 10–50% above the serial run's.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .model_errors import Loaded
from .problems import Problem
from .yaml_source import SourceFile, file_name_problems, read_bytes


@dataclass(frozen=True)
class Parsed:
    """What loading one file yields on its own, before any check across files."""

    problems: tuple[Problem, ...]  # in the order a run reports them
    source: SourceFile | None  # its data with lines, or None when it could not be read or parsed
    declared: str  # the id it claims (`yaml_source.declared_id`)
    loaded: Loaded[Any] | None  # its validated document, or None when it is invalid


@dataclass(frozen=True)
class Request:
    """A file to load: `namespace` says how to parse it ("sop", or the archive collection it is in)."""

    namespace: str
    file: Path
    shown_as: str  # relative to the project root, as messages name it


# How a namespace's files are parsed, given the file (for its name), how messages name it, and its bytes.
Parser = Callable[[str, Path, str, bytes], Parsed]

_SAFE_GLOBALS = {("datetime", "date"), ("fractions", "Fraction")}  # besides the generator's own classes


class LoadCache:
    """Parsed files by digest: in memory, and on disk in `folder` (None: memory only), one file per namespace.

    One file, not one per result: creating 10,000 small files cost more than parsing them. Each result is kept
    pickled on its own inside it, so a fresh process unpickles only the results it asks for, and rewriting the file
    after one edit copies bytes instead of pickling every result again.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, Parsed] = {}  # digest → result
        self.pickles: dict[str, dict[str, bytes]] = {}  # namespace → digest → the result pickled, as on disk
        self.parsed = 0  # files parsed (found neither in memory nor on disk) by this object: tests count them

    def load(self, requests: list[Request], parse: Parser) -> list[Parsed]:
        """Each request's result, in order; an unchanged file is parsed once for the cache's life."""
        results = []
        used: dict[str, dict[str, bytes]] = {}  # namespace → what its file keeps after this load
        changed: set[str] = set()
        for request in requests:
            namespace = request.namespace
            kept = self._kept(namespace)
            now = used.setdefault(namespace, {})
            data, problems = read_bytes(request.file, request.shown_as)
            if data is None:  # not read at all: nothing to key it by, and nothing to parse
                unread = (*file_name_problems(request.file, request.shown_as), *problems)
                results.append(Parsed(unread, None, request.file.stem, None))
                continue
            key = _digest(request, data)
            result = self.memory.get(key)
            if result is None and key in kept:
                result = _unpickle(kept[key], key)
            if result is None:
                result = parse(namespace, request.file, request.shown_as, data)
                self.parsed += 1
                kept[key] = pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL)
                changed.add(namespace)
            self.memory[key] = result
            now[key] = kept[key]
            results.append(result)
        for namespace, now in used.items():
            # Forget the results of files that changed or went away.
            gone = self.pickles[namespace].keys() - now.keys()
            for key in gone:
                self.memory.pop(key, None)
            self.pickles[namespace] = now
            if gone or namespace in changed:
                self._write(namespace)
        return results

    def _kept(self, namespace: str) -> dict[str, bytes]:
        """The namespace's pickled results: read from disk once per process; a file that is damaged, foreign or
        missing keeps nothing."""
        kept = self.pickles.get(namespace)
        if kept is None:
            kept = self.pickles[namespace] = {}
            if self.folder is not None:
                try:
                    found = _Unpickler(io.BytesIO((self.folder / f"{namespace}.pickle").read_bytes())).load()
                except Exception:  # noqa: BLE001 - whatever a damaged file makes the unpickler raise, it is a miss
                    found = None
                if isinstance(found, dict):
                    kept.update((k, v) for k, v in found.items() if isinstance(k, str) and isinstance(v, bytes))
        return kept

    def _write(self, namespace: str) -> None:
        """Written atomically, so a reader never sees half a file; a cache that cannot be written only costs time."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f"{namespace}.{os.getpid()}.tmp"
            partial.write_bytes(pickle.dumps(self.pickles[namespace], protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(self.folder / f"{namespace}.pickle")
        except OSError:
            pass


_SHARED: dict[Path, LoadCache] = {}


def shared_cache(folder: Path) -> LoadCache:
    """The process's cache for a project's cache folder: `mkdocs serve` makes a new project on every rebuild, and
    keeps this."""
    found = _SHARED.get(folder)
    if found is None:
        found = _SHARED[folder] = LoadCache(folder)
    return found


def _digest(request: Request, data: bytes) -> str:
    """The key of a file's result: everything it depends on."""
    digest = hashlib.blake2b(generator_version().encode(), digest_size=20)
    # Validation accepts years up to next year (model_base._latest_year): a result is kept for one calendar year.
    digest.update(str(datetime.date.today().year).encode())
    for part in (request.namespace, request.file.name, request.shown_as):
        digest.update(b"\0" + part.encode("utf-8", "surrogateescape"))
    digest.update(b"\0" + data)
    return digest.hexdigest()


@cache
def generator_version() -> str:
    """A digest of the generator's code and of the libraries its results are made of, computed once per process:
    a result kept by one version is never read by another."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=20)
    digest.update(sys.version.encode())
    for library in ("pydantic", "pydantic-core", "PyYAML"):
        digest.update(f"{library}={metadata.version(library)}".encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Unpickler(pickle.Unpickler):
    """Builds only the generator's own classes (defined in a generator module, named without dots, so that no class
    a generator module merely imports, e.g. subprocess.Popen, passes) and the few others they hold: a foreign file can
    call no function."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            if (module, name) in _SAFE_GLOBALS:
                found = super().find_class(module, name)
            elif module.startswith("generator.") and "." not in name:
                found = super().find_class(module, name)
                if not (isinstance(found, type) and found.__module__.startswith("generator.")):
                    raise pickle.UnpicklingError(f"{module}.{name}")
            else:
                raise pickle.UnpicklingError(f"{module}.{name}")
            _ALLOWED[(module, name)] = found
        return found


_ALLOWED: dict[tuple[str, str], Any] = {}  # what `find_class` allowed already: it is asked per file


def _unpickle(pickled: bytes, key: str) -> Parsed | None:
    """The result kept under `key`, or None for a file that is corrupt, foreign, or kept under another key."""
    try:
        kept_key, result = _Unpickler(io.BytesIO(pickled)).load()
    except Exception:  # noqa: BLE001 - whatever a damaged file makes the unpickler raise, it is only a miss
        return None
    return result if kept_key == key and isinstance(result, Parsed) else None
