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
slower on the 2-core machine: its parent still unpickles every result (a quarter of the parse's CPU) and the workers
start by importing the generator, so its wall-clock was 10–50% above the serial run's.
"""

from __future__ import annotations

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
    """Parsed files by digest: in memory, and on disk in `folder` (None: memory only)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, tuple[str, Parsed]] = {}  # digest → namespace, result
        self.parsed = 0  # files parsed (found neither in memory nor on disk) by this object: tests count them

    def load(self, requests: list[Request], parse: Parser) -> list[Parsed]:
        """Each request's result, in order; an unchanged file is parsed once for the cache's life."""
        results = []
        keys: set[str] = set()
        for request in requests:
            data, problems = read_bytes(request.file, request.shown_as)
            if data is None:  # not read at all: nothing to key it by, and nothing to parse
                unread = (*file_name_problems(request.file, request.shown_as), *problems)
                results.append(Parsed(unread, None, request.file.stem, None))
                continue
            key = _digest(request, data)
            keys.add(key)
            result = self._recall(request.namespace, key)
            if result is None:
                result = parse(request.namespace, request.file, request.shown_as, data)
                self.parsed += 1
                self.memory[key] = (request.namespace, result)
                self._store(request.namespace, key, result)
            results.append(result)
        self._forget_others({request.namespace for request in requests}, keys)
        return results

    def _recall(self, namespace: str, key: str) -> Parsed | None:
        kept = self.memory.get(key)
        if kept is not None:
            return kept[1]
        if self.folder is None:
            return None
        try:
            result = _unpickle((self.folder / namespace / f"{key}.pickle").read_bytes(), key)
        except OSError:
            return None
        if result is not None:
            self.memory[key] = (namespace, result)
        return result

    def _store(self, namespace: str, key: str, result: Parsed) -> None:
        """Written atomically, so a reader never sees half a file; a cache that cannot be written only costs time."""
        if self.folder is None:
            return
        folder = self.folder / namespace
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = folder / f"{key}.{os.getpid()}.tmp"
            partial.write_bytes(pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL))
            partial.replace(folder / f"{key}.pickle")
        except OSError:
            pass

    def _forget_others(self, namespaces: set[str], kept: set[str]) -> None:
        """Drop the results of files that changed or went away, in memory and on disk, in the namespaces loaded."""
        for key, (namespace, _) in list(self.memory.items()):
            if namespace in namespaces and key not in kept:
                del self.memory[key]
        if self.folder is None:
            return
        for namespace in namespaces:
            try:
                with os.scandir(self.folder / namespace) as entries:
                    stale = [entry.path for entry in entries if entry.name.split(".")[0] not in kept]
                for path in stale:
                    os.unlink(path)
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
    """Builds only the generator's own classes and the few others they hold: a foreign file can call no function."""

    def find_class(self, module: str, name: str) -> Any:
        found = _ALLOWED.get((module, name))
        if found is None:
            found = super().find_class(module, name) if module.startswith("generator.") else None
            if not isinstance(found, type) and (module, name) not in _SAFE_GLOBALS:
                raise pickle.UnpicklingError(f"{module}.{name}")
            found = _ALLOWED[(module, name)] = found or super().find_class(module, name)
        return found


_ALLOWED: dict[tuple[str, str], Any] = {}  # what `find_class` allowed already: it is asked per file


def _unpickle(pickled: bytes, key: str) -> Parsed | None:
    """The result kept under `key`, or None for a file that is corrupt, foreign, or kept under another key."""
    try:
        kept_key, result = _Unpickler(io.BytesIO(pickled)).load()
    except Exception:  # noqa: BLE001 - whatever a damaged file makes the unpickler raise, it is only a miss
        return None
    return result if kept_key == key and isinstance(result, Parsed) else None
