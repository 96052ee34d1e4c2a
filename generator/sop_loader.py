"""Load every SOP of a project and report all problems of the run at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .model_errors import model_problems
from .problems import Problem
from .sop_checks import document_problems, project_problems
from .sop_model import SopDocument
from .yaml_source import SourceFile, load_yaml


@dataclass(frozen=True)
class LoadedSop:
    document: SopDocument
    source: SourceFile

    @property
    def path(self) -> str:
        """The YAML file relative to the project root, e.g. `sops/media-sosial.yaml`."""
        return self.source.path


def sop_files(sops_dir: Path) -> list[Path]:
    return sorted(path for pattern in ("*.yaml", "*.yml") for path in sops_dir.glob(pattern))


def load_sops(project_root: Path, sops_dir: Path) -> tuple[list[LoadedSop], list[Problem]]:
    """Every valid SOP and every problem found; an invalid file is reported, never half-used."""
    loaded: list[LoadedSop] = []
    problems: list[Problem] = []
    for file in sop_files(sops_dir):
        shown_as = file.relative_to(project_root).as_posix() if file.is_relative_to(project_root) else str(file)
        source, found = load_yaml(file, shown_as)
        problems.extend(found)
        if source is None:
            continue
        if not isinstance(source.data, dict):
            problems.append(
                Problem(shown_as, 1, "", "isi berkas harus berupa kumpulan kunci: nilai (id:, nama_sop:, …)")
            )
            continue
        try:
            document = SopDocument.model_validate(source.data)
        except ValidationError as error:
            problems.extend(model_problems(error, source, SopDocument))
            continue
        problems.extend(document_problems(document, source))
        loaded.append(LoadedSop(document, source))
    problems.extend(project_problems([(item.document, item.source) for item in loaded]))
    return loaded, problems
