"""`sop-jdih rapikan`: every SOP and archive file of a project in the web editor's spelling (form_spelling.py)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..archive import kinds
from ..archive.kind import SOP
from ..project import Project
from ..scaffold import starter_text
from ..schema import json_schema
from ..sop.model import SopDocument
from ..source.front_matter import FENCE
from .form_spelling import Refused, comments, rewritten


@dataclass
class Tidied:
    written: list[str] = field(default_factory=list)  # files rewritten, relative to the project root
    refused: list[str] = field(default_factory=list)  # `file: why`, left as they were


def tidy(project: Project, write: bool = True) -> Tidied:
    """Rewrite each file not yet in the form's spelling (with `write`, else only list them)."""
    result = Tidied()
    groups: list[tuple[str, list[Path], type[BaseModel], str | None]] = [
        (SOP, _files(project.sops_dir), SopDocument, None)
    ]
    groups += [(kind.key, _files(project.archive_dir / kind.key), kind.model, kind.body_field) for kind in kinds.KINDS]
    for key, files, model, body_field in groups:
        schema = json_schema(model)
        is_help = _starter_help(project, key)
        for file in files:
            shown = file.relative_to(project.root).as_posix()
            text = file.read_text(encoding="utf-8")
            try:
                new = (
                    _markdown(text, shown, model, schema, body_field, is_help)
                    if file.suffix == ".md"
                    else rewritten(text, shown, model, schema, is_help=is_help)
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


_STARTER_ID = "id-contoh"


def _starter_help(project: Project, kind: str) -> Callable[[str, str], bool]:
    """Whether a comment is one `sop-jdih new` writes for this kind (its help, section headings, fields left to fill
    in): the form shows the help beside each field, so it is not a transcriber's note. Compared with the item's id
    and without digits, since a starter writes its id, the day's date and the year."""
    starter = starter_text(project, kind, _STARTER_ID, datetime.date.today())
    written = {_without_digits(comment.text) for comment in comments(starter)}
    return lambda text, item_id: _without_digits(text.replace(item_id, _STARTER_ID) if item_id else text) in written


def _without_digits(text: str) -> str:
    return re.sub(r"\d+", "0", text)


def _markdown(
    text: str,
    shown: str,
    model: type[BaseModel],
    schema: dict,
    body_field: str | None,
    is_help: Callable[[str, str], bool],
) -> str | None:
    """A `.md` item: its front matter rewritten, its body (the kind's body field) kept as written."""
    lines = text.splitlines(keepends=True)
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == FENCE), None)
    if not lines or lines[0].rstrip() != FENCE or closing is None or body_field is None:
        raise Refused("front matter tidak terbaca; jalankan sop-jdih check")
    front, rest = "".join(lines[1:closing]), "".join(lines[closing + 1 :])
    body = {body_field: rest.strip()} if rest.strip() else {}
    new = rewritten(front, shown, model, schema, first_line=2, body=body, is_help=is_help)
    return None if new is None else f"{FENCE}\n{new}{FENCE}\n{rest}"
