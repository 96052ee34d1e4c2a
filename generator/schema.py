"""JSON Schemas of the editors' files, exported so editors (VS Code, yaml-language-server) complete and check them."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .archive.model import Konten, ProdukHukum
from .project import Project
from .sop.model import SopDocument

SOP_MODELINE = "# yaml-language-server: $schema=schema.json"
ITEM_MODELINES = {
    "produk-hukum": "# yaml-language-server: $schema=../schema/produk-hukum.json",
    "konten": "# yaml-language-server: $schema=../schema/konten.json",
}


def schema_files(project: Project) -> dict[Path, type[BaseModel]]:
    """Each schema file → the model it describes, inside the project's own folders, where the modelines point."""
    return {
        project.sops_dir / "schema.json": SopDocument,
        project.archive_dir / "schema" / "produk-hukum.json": ProdukHukum,
        project.archive_dir / "schema" / "konten.json": Konten,
    }


def schema_text(model: type[BaseModel]) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(mode="validation")}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
