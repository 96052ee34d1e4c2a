"""Editors' JSON Schemas stay equal to the models, and every example file points at its schema."""

import json
from pathlib import Path

import pytest

from generator.archive.kinds import KINDS
from generator.archive.loader import item_files
from generator.project import Project
from generator.schema import SOP_MODELINE, item_modeline, schema_files, schema_text
from generator.sop.loader import sop_files

from .conftest import REPO

SCHEMAS = schema_files(Project(REPO))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda path: path.relative_to(REPO).as_posix())
def test_committed_schema_matches_the_model(path: Path) -> None:
    committed = path.read_text(encoding="utf-8")
    assert committed == schema_text(SCHEMAS[path]), f"{path} is stale: run `sop-jdih schema`"


def test_every_example_file_starts_with_its_schema_modeline() -> None:
    files = sop_files(REPO / "sops")
    assert files
    for file in files:
        assert file.read_text(encoding="utf-8").splitlines()[0] == SOP_MODELINE, file.name
    for kind in KINDS:
        modeline = item_modeline(kind)
        for file in item_files(REPO / "content_archive" / kind.key):
            if file.suffix != ".md":  # front matter cannot carry a modeline
                assert file.read_text(encoding="utf-8").splitlines()[0] == modeline, file.name


def test_sop_schema_describes_the_sheet_fields() -> None:
    schema = json.loads(schema_text(SCHEMAS[REPO / "sops" / "schema.json"]))
    assert {"nomor_sop", "dasar_hukum", "prosedur", "keterkaitan"} <= set(schema["properties"])
    step = schema["$defs"]["Langkah"]["properties"]
    assert {"kegiatan", "pelaksana", "simbol", "mutu_baku", "keterangan", "ya", "tidak", "ke"} <= set(step)
    assert schema["$defs"]["Langkah"]["additionalProperties"] is False
