"""Field help is written once, in Indonesian: the schema's hover text is the comment a starter puts above a field."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.project import Project
from generator.schema import description, schema_files
from generator.source.yaml_source import parse_yaml

from .conftest import REPO

# kind → (file `sop-jdih new <kind> baru` writes, the schema it names in its modeline)
STARTERS = {
    "sop": ("sops/baru.yaml", "sops/schema.json"),
    "produk-hukum": ("content_archive/produk-hukum/baru.yaml", "content_archive/schema/produk-hukum.json"),
    "konten": ("content_archive/konten/baru.yaml", "content_archive/schema/konten.json"),
}
# A field left for the editor to fill: `# tanggal_revisi: …`, `  # - sop: …`. Uncommented, it is a field like any other.
COMMENTED_FIELD = re.compile(r"^(\s*)# ((?:- )?[a-z_]+:(?: |$))", re.MULTILINE)
TRAILING_COMMENT = re.compile(r"^\s*(?:- )?[a-z_]+:.*\s#")
ENGLISH = re.compile(r"\b(the|of|is|when|e\.g)\b", re.IGNORECASE)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The example SOPs and an empty archive: the SOP and konten starters then show their optional links too."""
    shutil.copytree(REPO / "sops", tmp_path / "sops")
    (tmp_path / "content_archive").mkdir()
    return tmp_path


@pytest.mark.parametrize("kind", STARTERS)
def test_every_field_in_a_starter_file_is_commented_with_its_schema_description(kind: str, project: Path) -> None:
    target, schema_path = STARTERS[kind]
    assert main(["--root", str(project), "new", kind, "baru"]) == 0
    text = (project / target).read_text(encoding="utf-8")
    schema = json.loads((REPO / schema_path).read_text(encoding="utf-8"))  # what editors' hover help shows
    lines = COMMENTED_FIELD.sub(r"\1\2", text).splitlines()
    source, problems = parse_yaml("\n".join(lines), target)
    assert source is not None and not problems

    first_line: dict[str, int] = {}  # each field's help stands above its first occurrence
    for location, line in source.lines.items():
        if location and isinstance(location[-1], str):
            field = ".".join(part for part in location if isinstance(part, str))
            first_line[field] = min(line, first_line.get(field, line))
    assert len(first_line) >= 12
    for field, line in first_line.items():
        key = lines[line - 1]
        indent = key[: len(key) - len(key.lstrip())]
        comment: list[str] = []
        above = line - 2
        while above >= 0 and lines[above].startswith(f"{indent}# "):
            comment.insert(0, lines[above][len(indent) + 2 :])
            above -= 1
        assert " ".join(comment).endswith(description(schema, field)), f"{target}:{line}: {field}: {comment}"
    assert [line for line in lines if TRAILING_COMMENT.match(line)] == []  # no second, hand-written help


@pytest.mark.parametrize("relative", [path.relative_to(REPO).as_posix() for path in schema_files(Project(REPO))])
def test_every_field_has_indonesian_help_and_nothing_else_describes(relative: str) -> None:
    """Hover help comes from the fields only: class docstrings are the developers' notes, in English."""
    schema = json.loads((REPO / relative).read_text(encoding="utf-8"))
    objects = [schema, *schema["$defs"].values()]
    assert all("description" not in definition for definition in objects)
    fields: list[tuple[str, dict[str, Any]]] = [
        (name, field) for definition in objects for name, field in definition.get("properties", {}).items()
    ]
    assert len(fields) >= 10
    for name, field in fields:
        assert field.get("description"), f"{relative}: {name} has no help"
        assert not ENGLISH.search(field["description"]), f"{relative}: {name}: {field['description']}"
        assert field["description"][0].isupper(), f"{relative}: {name}: {field['description']}"
