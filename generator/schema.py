"""JSON Schemas of the editors' files, exported so editors (VS Code, yaml-language-server) complete and check them.

Each field's help is written once, in Indonesian, as its `description` in the model: the schema carries it as hover
text and `field_help` turns it into the comment a starter file (`sop-jdih new`) writes above the field.
"""

from __future__ import annotations

import json
import posixpath
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .archive import kinds
from .archive.kind import ArchiveKind
from .kantor import Kantor, kantor_schema
from .project import Project
from .sop.model import SopDocument

SOP_MODELINE = "# yaml-language-server: $schema=schema.json"
HELP_WIDTH = 100  # characters of help text on one comment line, after its indentation and "# "


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's schema with help from its fields only: class docstrings are developers' notes, in English."""
    schema = model.model_json_schema(mode="validation")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        definition.pop("description", None)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def item_modeline(kind: ArchiveKind) -> str:
    """The first line of a collection's YAML files: its schema, relative to the collection's folder."""
    return f"# yaml-language-server: $schema={posixpath.relpath(kind.schema, kind.key)}"


def schema_files(project: Project) -> dict[Path, type[BaseModel]]:
    """Each schema file → the model it describes, inside the project's own folders, where the modelines point: the
    SOP sheet, every archive collection, then the office's identity (kantor.yaml)."""
    return {
        project.sops_dir / "schema.json": SopDocument,
        **{project.archive_dir / kind.schema: kind.model for kind in kinds.KINDS},
        kantor_schema(project): Kantor,
    }


def schema_text(model: type[BaseModel]) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"


def description(schema: dict[str, Any], path: str) -> str:
    """The help of the field at a dotted path through objects and lists, e.g. `prosedur.langkah.mutu_baku.waktu`.

    Raises KeyError naming the path when there is no such field or it has no description (a developer's mistake).
    """
    node: dict[str, Any] = schema
    for key in path.split("."):
        properties = _object(schema, node).get("properties", {})
        if key not in properties:
            raise KeyError(f"{path}: no field {key!r} in the schema")
        node = properties[key]
    if "description" not in node:
        raise KeyError(f"{path}: the field has no description")
    return node["description"]


def _object(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The object schema a field's value holds, through `$ref`, list items and `anyOf`/`oneOf` (optional; text or
    object); {} when it holds none."""
    while "properties" not in node:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "items" in node:
            node = node["items"]
        elif "anyOf" in node or "oneOf" in node:
            branches = node.get("anyOf", node.get("oneOf"))
            node = next(
                (branch for branch in branches if {"$ref", "items", "properties", "anyOf", "oneOf"} & set(branch)), {}
            )
        else:
            return {}
    return node


def field_help(model: type[BaseModel]) -> Callable[[str], str]:
    """For starter templates: `describe(path)` gives the field's description as `# ` comment lines.

    Continuation lines start at column 0: a template indents them with Jinja's `indent` filter.
    """
    schema = json_schema(model)

    def describe(path: str) -> str:
        lines = textwrap.wrap(description(schema, path), HELP_WIDTH, break_long_words=False, break_on_hyphens=False)
        return "\n".join(f"# {line}" for line in lines)

    return describe
