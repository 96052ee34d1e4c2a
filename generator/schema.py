"""JSON Schema of the SOP file, exported for editors (yaml-language-server, VS Code, GitHub's editor)."""

from __future__ import annotations

import json

from .sop_model import SopDocument

SCHEMA_FILE = "schema.json"  # inside sops/; example files point at it with their modeline
MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"


def sop_schema_text() -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **SopDocument.model_json_schema(mode="validation"),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
