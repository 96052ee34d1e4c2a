"""`sop-jdih rapikan`: every SOP and archive file of a project in the web editor's spelling (form_spelling.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..archive import kinds
from ..project import Project
from ..schema import json_schema
from ..sop.model import SopDocument
from ..source.front_matter import FENCE
from .form_spelling import Refused, rewritten


@dataclass
class Tidied:
    written: list[str] = field(default_factory=list)  # files rewritten, relative to the project root
    refused: list[str] = field(default_factory=list)  # `file: why`, left as they were


def tidy(project: Project, write: bool = True) -> Tidied:
    """Rewrite each file not yet in the form's spelling (with `write`, else only list them)."""
    result = Tidied()
    groups: list[tuple[list[Path], type[BaseModel], str | None]] = [(_files(project.sops_dir), SopDocument, None)]
    groups += [(_files(project.archive_dir / kind.key), kind.model, kind.body_field) for kind in kinds.KINDS]
    for files, model, body_field in groups:
        schema = json_schema(model)
        for file in files:
            shown = file.relative_to(project.root).as_posix()
            text = file.read_text(encoding="utf-8")
            try:
                new = (
                    _markdown(text, shown, model, schema, body_field)
                    if file.suffix == ".md"
                    else (rewritten(text, shown, model, schema))
                )
            except Refused as refusal:
                result.refused.append(f"{shown}: {refusal}")
                continue
            if new is None:
                continue
            result.written.append(shown)
            if write:
                file.write_text(new, encoding="utf-8")
    return result


def _files(folder: Path) -> list[Path]:
    return (
        sorted(path for pattern in ("*.yaml", "*.yml", "*.md") for path in folder.glob(pattern))
        if folder.is_dir()
        else []
    )


def _markdown(text: str, shown: str, model: type[BaseModel], schema: dict, body_field: str | None) -> str | None:
    """A `.md` item: its front matter rewritten, its body (the kind's body field) kept as written."""
    lines = text.splitlines(keepends=True)
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == FENCE), None)
    if not lines or lines[0].rstrip() != FENCE or closing is None or body_field is None:
        raise Refused("front matter tidak terbaca; jalankan sop-jdih check")
    front, rest = "".join(lines[1:closing]), "".join(lines[closing + 1 :])
    new = rewritten(front, shown, model, schema, first_line=2, body={body_field: rest.strip()} if rest.strip() else {})
    return None if new is None else f"{FENCE}\n{new}{FENCE}\n{rest}"
