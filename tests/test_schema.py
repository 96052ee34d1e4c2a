"""Editors' JSON Schema stays equal to the model, and every SOP file points at it."""

import json

from generator.schema import MODELINE, sop_schema_text
from generator.sop_loader import sop_files

from .conftest import REPO


def test_committed_schema_matches_the_model() -> None:
    committed = (REPO / "sops" / "schema.json").read_text(encoding="utf-8")
    assert committed == sop_schema_text(), "sops/schema.json is stale: run `sop-jdih schema`"


def test_every_example_sop_starts_with_the_schema_modeline() -> None:
    files = sop_files(REPO / "sops")
    assert files
    for file in files:
        assert file.read_text(encoding="utf-8").splitlines()[0] == MODELINE, file.name


def test_schema_describes_the_sheet_fields() -> None:
    schema = json.loads(sop_schema_text())
    assert {"nomor_sop", "dasar_hukum", "prosedur", "keterkaitan"} <= set(schema["properties"])
    step = schema["$defs"]["Langkah"]["properties"]
    assert {"kegiatan", "pelaksana", "simbol", "mutu_baku", "keterangan", "ya", "tidak", "ke"} <= set(step)
    assert schema["$defs"]["Langkah"]["additionalProperties"] is False
