"""Load every SOP of a project and report all problems of the run at once."""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..source.ids import duplicate_ids
from ..source.load_cache import LoadCache, Parsed, Request, shared_cache
from ..source.model_errors import Loaded, validate_source
from ..source.problems import Problem
from ..source.yaml_source import declared_id, file_name_problems, yaml_from_bytes
from .checks import document_problems, partial_problems, project_problems
from .model import SopDocument

LoadedSop = Loaded[SopDocument]
SOP = "sop"  # the load cache's namespace of SOP files (archive collections use their keys)


def sop_files(sops_dir: Path) -> list[Path]:
    return sorted(path for pattern in ("*.yaml", "*.yml") for path in sops_dir.glob(pattern))


def load_sops(project: Project, cache: LoadCache | None = None) -> tuple[list[LoadedSop], list[Problem], set[str]]:
    """Every valid SOP, every problem found, and the ids of all SOP files, valid or not.

    An invalid file is reported, never half-used: what can be checked without its model still is (its valid
    procedures, its actors, its keterkaitan). Its id still counts as existing, so what refers to it is not blamed
    for its mistake. Each file is parsed and checked through `cache` (by default the process's cache of the
    project: `load_cache.shared_cache`), so only a changed file is read again.
    """
    loaded: list[LoadedSop] = []
    problems: list[Problem] = []
    declared: set[str] = set()
    sources = []
    requests = [Request(SOP, file, _shown(file, project.root)) for file in sop_files(project.sops_dir)]
    for result in (cache if cache is not None else shared_cache(project.load_cache_dir)).load(requests, parse_sop):
        problems.extend(result.problems)
        declared.add(result.declared)
        if result.source is not None:
            sources.append(result.source)
        if result.loaded is not None:
            loaded.append(result.loaded)
    problems.extend(duplicate_ids(loaded))
    problems.extend(project_problems(sources, declared, project.sops_label))
    return loaded, problems, declared


def _shown(file: Path, root: Path) -> str:
    return file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)


def parse_sop(namespace: str, file: Path, shown_as: str, data: bytes) -> Parsed:
    """One SOP file on its own: its name, its data, its model, and the checks within one sheet
    (`load_cache.Parser`)."""
    problems = file_name_problems(file, shown_as)
    source, found = yaml_from_bytes(data, shown_as)
    problems.extend(found)
    sop = None
    if source is not None:
        sop, found = validate_source(source, SopDocument)
        problems.extend(found)
        if sop is not None:
            problems.extend(document_problems(sop.document, source))
        elif found:  # the rest of an invalid file is still checked, so one run reports every problem
            problems.extend(partial_problems(source))
    return Parsed(tuple(problems), source, declared_id(source, file), sop)
