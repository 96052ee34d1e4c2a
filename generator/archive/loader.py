"""Load the archive folder (content_archive/), one folder per collection (kinds.py), and report every problem of the
run at once."""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..project import Project
from ..source.front_matter import item_from_bytes
from ..source.guess import did_you_mean
from ..source.ids import duplicate_ids
from ..source.load_cache import LoadCache, Parsed, Request, shared_cache
from ..source.model_base import HTTPS_URL
from ..source.model_errors import Loaded, validate_source
from ..source.problems import Problem
from ..source.yaml_source import SourceFile, declared_id, file_name_problems
from . import kinds
from .checks import repeated_targets
from .collection import Archive
from .kind import SOP, ArchiveKind, Attachment
from .relations import declared_by
from .status import status_problems
from .written import written_files, written_ids


def item_files(folder: Path) -> list[Path]:
    """The folder's item files in name order (compared as text: Paths compare slowly, 10,000 of them per build)."""
    return sorted((path for pattern in ("*.yaml", "*.yml", "*.md") for path in folder.glob(pattern)), key=str)


def load_archive(project: Project, sop_ids: set[str], cache: LoadCache | None = None) -> tuple[Archive, list[Problem]]:
    """The archive and every problem of it; each file is parsed and validated through `cache` (by default the
    process's cache of the project: `load_cache.shared_cache`), so only a changed file is read again."""
    problems: list[Problem] = []
    collections = kinds.KINDS
    loaded: dict[str, list[Loaded[Any]]] = {kind.key: [] for kind in collections}
    # Ids of every file, valid or not, by collection: a broken target is reported once, at itself.
    declared: dict[str, set[str]] = {SOP: sop_ids, **{kind.key: set() for kind in collections}}
    # Every file read, valid or not: an item that fails its model still has its ids and files checked.
    sources: dict[str, list[SourceFile]] = {kind.key: [] for kind in collections}
    requests = []
    for kind in collections:
        folder = project.archive_dir / kind.key
        shown = folder.relative_to(project.root).as_posix()  # once per folder: pathlib is slow per file
        requests += [Request(kind.key, file, f"{shown}/{file.name}") for file in item_files(folder)]
    parsed = (cache if cache is not None else shared_cache(project.load_cache_dir)).load(requests, parse_item)
    for request, result in zip(requests, parsed, strict=True):
        problems.extend(result.problems)
        declared[request.namespace].add(result.declared)
        if result.loaded is not None:
            loaded[request.namespace].append(result.loaded)
        if result.source is not None and isinstance(result.source.data, dict):
            sources[request.namespace].append(result.source)
    problems.extend(duplicate_ids([item for kind in collections for item in loaded[kind.key]]))
    names = {SOP: "SOP", **{kind.key: kind.name for kind in collections}}
    # A field the model already refused is not reported a second time from the file as written.
    refused = {(problem.file, problem.field) for problem in problems}
    for kind in collections:
        written = list(_reference_problems(kind, sources[kind.key], declared, names, project))
        for source in sources[kind.key]:
            for attachment, value in written_files(kind, source.data):
                written.extend(_file_problems(value, attachment, project, source))
        problems.extend(problem for problem in written if (problem.file, problem.field) not in refused)
        problems.extend(repeated_targets(kind, loaded[kind.key]))
    problems.extend(_cycle_problems([(kind, item) for kind in collections for item in loaded[kind.key]]))
    archive = Archive.derive(collections, loaded)
    for kind in collections:
        problems.extend(status_problems(loaded[kind.key], archive.standing))
    return archive, problems


def parse_item(key: str, file: Path, shown_as: str, data: bytes) -> Parsed:
    """One file of the collection `key` on its own: its name, its data, its model (`load_cache.Parser`)."""
    kind = kinds.kind_named(key)
    problems = file_name_problems(file, shown_as)
    source, found = item_from_bytes(data, file.suffix, shown_as, kind.body_field)
    problems.extend(found)
    item = None
    if source is not None:
        item, found = validate_source(source, kind.model)
        problems.extend(found)
    return Parsed(tuple(problems), source, declared_id(source, file), item)


def _reference_problems(
    kind: ArchiveKind,
    sources: list[SourceFile],
    declared: dict[str, set[str]],
    names: dict[str, str],
    project: Project,
) -> Iterator[Problem]:
    """Relations and references to ids no file declares (`names`: how each target collection is called), with the
    declared id the editor most likely meant."""
    for source in sources:
        own = source.data.get("id")
        for named in written_ids(kind, source.data):
            if named.relation is not None and named.target == own:
                yield source.problem(named.where, f"{kind.name} tidak dapat {named.relation} dirinya sendiri")
            elif named.target not in declared.get(named.collection, set()):
                folder = project.sops_label if named.collection == SOP else project.archive_label
                known = declared.get(named.collection, set()) - {own}
                yield source.problem(
                    named.where,
                    f"tidak ada {names[named.collection]} dengan id '{named.target}' di {folder}"
                    + did_you_mean(named.target, sorted(known)),
                )


Edge = tuple[str, str, int]  # target id, relation name, index in that relation's list


def _cycle_problems(loaded: list[tuple[ArchiveKind, Loaded[Any]]]) -> Iterator[Problem]:
    """A chain of relations that comes back to where it started (a mengubah b, b mengubah a) cannot be true.

    Each cycle is reported once, at the relation that closes it as the items are walked in id order. An undirected
    relation (terkait) is no step of a chain: both sides may write it. Self-relations are reported on their own by
    `_reference_problems`; dangling targets are skipped here.
    """
    by_id = {item.document.id: (kind, item) for kind, item in loaded}
    graph: dict[str, list[Edge]] = {
        item_id: [
            (target, relation.name, index)
            for relation in declared_by(kind.key)
            if not relation.undirected
            for index, target in enumerate(relation.targets(item.document))
            if target in by_id and target != item_id
        ]
        for item_id, (kind, item) in by_id.items()
    }
    for path, (target, name, index) in _back_edges(graph):
        chain = " → ".join([path[-1], *path[path.index(target) :]])
        yield by_id[path[-1]][1].source.problem(
            ("relasi", name, index), f"relasi melingkar: {chain}; hapus relasi yang salah"
        )


def _back_edges(graph: dict[str, list[Edge]]) -> Iterator[tuple[list[str], Edge]]:
    """Depth-first, without recursion (chains of amendments can be long): every edge back into the current path."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path, on_path, pending = [start], {start}, [iter(graph[start])]
        while pending:
            edge = next(pending[-1], None)
            if edge is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                pending.pop()
            elif edge[0] in on_path:
                yield list(path), edge
            elif edge[0] not in done:
                path.append(edge[0])
                on_path.add(edge[0])
                pending.append(iter(graph[edge[0]]))


_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _file_problems(value: str, attachment: Attachment, project: Project, source: SourceFile) -> Iterator[Problem]:
    """A file is a path inside the archive folder that exists (never outside the repository), or an https URL if the
    field allows one (`Attachment.remote`).

    A path is published under its own name, so it holds no percent escapes (see below).
    """
    where = attachment.path
    archive, archive_dir = project.archive_label, project.archive_dir
    if "://" in value or value.lower().startswith(("javascript:", "data:", "http:")):
        if not attachment.remote:
            yield source.problem(
                where,
                f"harus berkas {', '.join(attachment.suffixes)} di dalam {archive}, bukan alamat web: simpan "
                "salinannya di arsip lalu tulis path-nya; situs hanya menampilkan salinan dari arsipnya sendiri",
            )
        elif not value.startswith("https://"):
            yield source.problem(where, f"tulis alamat https://… atau path berkas di dalam {archive}")
        elif not re.fullmatch(HTTPS_URL, value):  # fullmatch: `$` alone would let a final line break through
            yield source.problem(
                where, f"alamat '{value}' tidak boleh memuat spasi, baris baru, tanda kutip, kurung atau < >"
            )
        return
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts:
        yield source.problem(where, f"path '{value}' harus di dalam {archive} (tanpa '..', tanpa '//' di awal)")
        return
    # The site encodes a file's name as it is on disk. A name that already holds an escape was nearly always copied
    # from an address ("SK%20KPU.pdf"), and one that means a dot ("%2e%2e") is read as ".." by browsers (the URL
    # standard) and by servers that decode twice: never a name to publish.
    escape = _PERCENT_ESCAPE.search(value)
    if escape:
        yield source.problem(
            where,
            f"path '{value}' memuat kode persen '{escape.group()}': tulis nama seperti tersimpan di disk (spasi, "
            "bukan %20); folder atau berkas yang memang bernama dengan kode persen perlu diganti namanya",
        )
        return
    # One file, one way of writing it: "./lampiran//x.pdf" and "lampiran/x.pdf" would be two pages' worth of the
    # same file in the site, and a backslash is a Windows separator that no web address has.
    normal = posixpath.normpath(value.replace("\\", "/"))
    if normal != value:
        yield source.problem(where, f"tulis path '{value}' sebagai '{normal}'")
        return
    suffixes = attachment.suffixes
    if relative.suffix.lower() not in suffixes:
        yield source.problem(where, f"berkas '{value}' harus berjenis {', '.join(suffixes)}")
        return
    partial = os.fspath(archive_dir)  # strings, not Paths: this runs for every attachment on every rebuild
    for part in relative.parts:
        partial = os.path.join(partial, part)
        if os.path.islink(partial):
            yield source.problem(where, f"'{value}' melewati tautan simbolik; simpan berkasnya di {archive}")
            return
    if not os.path.isfile(partial):
        yield source.problem(where, f"berkas {archive}{value} tidak ada")
