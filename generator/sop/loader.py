"""Load every SOP of a project and report all problems of the run at once."""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..source.ids import duplicate_ids
from ..source.model_errors import Loaded, validate_source
from ..source.problems import Problem
from ..source.yaml_source import declared_id, file_name_problems, load_yaml
from .checks import document_problems, partial_problems, project_problems
from .model import SopDocument

LoadedSop = Loaded[SopDocument]


def sop_files(sops_dir: Path) -> list[Path]:
    return sorted(path for pattern in ("*.yaml", "*.yml") for path in sops_dir.glob(pattern))


def load_sops(project: Project) -> tuple[list[LoadedSop], list[Problem], set[str]]:
    """Every valid SOP, every problem found, and the ids of all SOP files, valid or not.

    An invalid file is reported, never half-used: what can be checked without its model still is (its valid
    procedures, its actors, its keterkaitan). Its id still counts as existing, so what refers to it is not blamed
    for its mistake.
    """
    loaded: list[LoadedSop] = []
    problems: list[Problem] = []
    declared: set[str] = set()
    sources = []
    for file in sop_files(project.sops_dir):
        shown_as = file.relative_to(project.root).as_posix() if file.is_relative_to(project.root) else str(file)
        problems.extend(file_name_problems(file, shown_as))
        source, found = load_yaml(file, shown_as)
        problems.extend(found)
        declared.add(declared_id(source, file))
        if source is None:
            continue
        sources.append(source)
        sop, found = validate_source(source, SopDocument)
        problems.extend(found)
        if sop is not None:
            problems.extend(document_problems(sop.document, source))
            loaded.append(sop)
        elif found:  # the rest of an invalid file is still checked, so one run reports every problem
            problems.extend(partial_problems(source))
    problems.extend(duplicate_ids(loaded))
    problems.extend(project_problems(sources, declared, project.sops_label))
    return loaded, problems, declared
