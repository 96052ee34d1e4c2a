"""JSON Schemas of the editors' files, exported so editors (VS Code, yaml-language-server) complete and check them."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .archive.model import Konten, ProdukHukum
from .sop.model import SopDocument

# path relative to the project root → the model it describes
SCHEMAS: dict[str, type[BaseModel]] = {
    "sops/schema.json": SopDocument,
    "content_archive/schema/produk-hukum.json": ProdukHukum,
    "content_archive/schema/konten.json": Konten,
}
SOP_MODELINE = "# yaml-language-server: $schema=schema.json"
ITEM_MODELINES = {
    "produk-hukum": "# yaml-language-server: $schema=../schema/produk-hukum.json",
    "konten": "# yaml-language-server: $schema=../schema/konten.json",
}


def schema_text(model: type[BaseModel]) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(mode="validation")}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
