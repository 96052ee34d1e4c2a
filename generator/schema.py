"""JSON Schemas of the editors' files, exported so editors (VS Code, yaml-language-server) complete and check them."""

from __future__ import annotations

import json
import posixpath

from pydantic import BaseModel

from .archive import kinds
from .archive.kind import ArchiveKind
from .sop.model import SopDocument

SOP_MODELINE = "# yaml-language-server: $schema=schema.json"


def schemas() -> dict[str, type[BaseModel]]:
    """Path relative to the project root → the model it describes: the SOP sheet, then every archive collection."""
    return {
        "sops/schema.json": SopDocument,
        **{f"content_archive/{kind.schema}": kind.model for kind in kinds.KINDS},
    }


def item_modeline(kind: ArchiveKind) -> str:
    """The first line of a collection's YAML files: its schema, relative to the collection's folder."""
    return f"# yaml-language-server: $schema={posixpath.relpath(kind.schema, kind.key)}"


def schema_text(model: type[BaseModel]) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(mode="validation")}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
