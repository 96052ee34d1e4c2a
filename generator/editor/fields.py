"""The web editor's form fields, read off a model's JSON Schema: the labels and help editors get in VS Code.

Sveltia CMS (the editor at /admin/, see admin.py) describes a form as a list of fields, each with a `widget`. This
module turns one JSON Schema property into one such field, by the shape of its schema, so a field added to a model
appears in the form without anything written here:

- text → `string` (one line) or `text` (paragraphs: `LongText` marks its schema with `x-paragraf`), with the schema's
  pattern; a date → `datetime` of type date, written YYYY-MM-DD; an enumeration → `select`; a number → `number`;
- true, false or absent (`bool | None`) → a `select` of Ya and Tidak, since a checkbox writes false when left alone;
- an object → `object` with its own fields; a list of objects → `list` with fields; a list of text → `list` of
  `string`;
- "text or list of text" (`TextList`) → a list of text: the form always writes a list, which the model reads too;
- a date or "-" (`DateOrDash`) → one line checked by the pattern of either, since a date picker cannot write "-";
- a union with an object (`tanda_tangan`, `gaya_daftar`, `keterkaitan`'s items) → that object: its short forms
  (`tanda_tangan: false`, `gaya_daftar: strip`, a related SOP's title as plain text) have an object form too.

Optional fields stay optional; `required` lists come from the schema. Labels are the field's name as the sheet writes
it (`nomor_sop` → "Nomor SOP"); help text is the field's `description`.
Field properties: Sveltia CMS's `types/public.d.ts` (`StringField`, `ListField`, …), npm @sveltia/cms 0.221.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]
Field = dict[str, Any]

# Words the sheet and JDIH write in capitals or with dots, in labels made from field names.
_WORDS = {"sop": "SOP", "nip": "NIP", "isbn": "ISBN", "teu": "T.E.U.", "jdih": "JDIH", "id": "Id", "no": "No"}
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
PARAGRAF = "x-paragraf"  # the schema mark of text written in paragraphs (model_base.LongText)


def label(name: str) -> str:
    """`nomor_sop` → "Nomor SOP", `teu_badan` → "T.E.U. badan": the first word capitalised, known acronyms kept."""
    words = [_WORDS.get(word, word) for word in name.split("_")]
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]])


def form_fields(schema: Schema, node: Schema | None = None) -> list[Field]:
    """The fields of an object schema (the model's root by default), in the model's order."""
    node = _resolved(schema, node if node is not None else schema)
    required = set(node.get("required", ()))
    return [form_field(schema, name, prop, name in required) for name, prop in node.get("properties", {}).items()]


def form_field(schema: Schema, name: str, node: Schema, required: bool) -> Field:
    """One property as a Sveltia field. Raises ValueError naming the property when its schema has a shape no rule
    covers (a developer's change to a model that this module must learn)."""
    field: Field = {"name": name, "label": label(name)}
    if "description" in node:
        field["hint"] = node["description"]
    field["required"] = required
    field.update(_widget(schema, name, node))
    return field


def _widget(schema: Schema, name: str, node: Schema) -> Field:
    node = _resolved(schema, node)
    branches = [_resolved(schema, branch) for branch in node.get("anyOf", node.get("oneOf", []))]
    branches = [branch for branch in branches if branch.get("type") != "null"]
    if branches:
        return _union(schema, name, node, branches)
    if "enum" in node:
        return {"widget": "select", "options": list(node["enum"])}
    kind = node.get("type")
    if isinstance(kind, list):  # ["string", "null"]
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in node:
        return {"widget": "object", "fields": form_fields(schema, node)}
    if kind == "array":
        return _list(schema, name, node)
    if kind == "string":
        return _text(node)
    if kind == "integer":
        return _number(node)
    if kind == "boolean":
        return {"widget": "boolean"}
    raise ValueError(f"{name}: no form field for the schema {node}")


def _union(schema: Schema, name: str, node: Schema, branches: list[Schema]) -> Field:
    if [branch.get("type") for branch in branches] == ["boolean"]:
        # true, false or absent (kolom_keterangan: shown when a step fills it): a checkbox would write false.
        return {"widget": "select", "options": [{"label": "Ya", "value": True}, {"label": "Tidak", "value": False}]}
    if len(branches) == 1:
        return _widget(schema, name, {**branches[0], **_annotations(node)})
    if _is_text_or_list(branches):
        array = next(branch for branch in branches if branch.get("type") == "array")
        return _list(schema, name, array)
    if _is_date_or_dash(branches):
        return {"widget": "string", "pattern": [r"^(\d{4}-\d{2}-\d{2}|-)$", "Tulis TTTT-BB-HH, atau '-'"]}
    objects = [branch for branch in branches if "properties" in branch]
    if objects:
        return _widget(schema, name, objects[0])
    if {branch.get("type") for branch in branches} <= {"string", "integer"}:
        return {"widget": "string"}  # a number written as text too (jumlah_pelaksana: 3 or "3 orang")
    raise ValueError(f"{name}: no form field for the union {branches}")


def _list(schema: Schema, name: str, node: Schema) -> Field:
    items = _resolved(schema, node.get("items", {}))
    field: Field = {"widget": "list"}
    if "minItems" in node:
        field["min"] = node["minItems"]
    item_branches = [_resolved(schema, branch) for branch in items.get("anyOf", items.get("oneOf", []))]
    objects = [branch for branch in [items, *item_branches] if "properties" in branch]
    if objects:
        field["fields"] = form_fields(schema, objects[0])
        return field
    field["field"] = {"name": name, "label": label(name), **_widget(schema, name, items)}
    return field


def _text(node: Schema) -> Field:
    if node.get("format") == "date":
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD", "time_format": False}
    field: Field = {"widget": "text" if node.get(PARAGRAF) else "string"}
    if "pattern" in node:
        field["pattern"] = [node["pattern"], _pattern_message(node["pattern"])]
    return field


def _number(node: Schema) -> Field:
    field: Field = {"widget": "number", "value_type": "int"}
    for bound, key in (("minimum", "min"), ("maximum", "max")):
        if bound in node:
            field[key] = node[bound]
    return field


def _pattern_message(pattern: str) -> str:
    """What the form says under a field whose text does not match: the ids' rule is the one editors meet."""
    if pattern.startswith("^[a-z0-9]+"):
        return "Hanya huruf kecil, angka dan '-' (tanpa spasi), mis. pkpu-8-2019"
    if pattern.startswith("^https://"):
        return "Alamat lengkap yang diawali https://"
    return "Bentuknya tidak sesuai; lihat keterangan di bawah kolom ini"


def _is_text_or_list(branches: list[Schema]) -> bool:
    types = sorted(str(branch.get("type")) for branch in branches)
    return types == ["array", "string"]


def _is_date_or_dash(branches: list[Schema]) -> bool:
    return any(branch.get("format") == "date" for branch in branches) and any("const" in b for b in branches)


def _annotations(node: Schema) -> Schema:
    """What a wrapper (optional, default) says about its value beside the union itself."""
    return {key: value for key, value in node.items() if key not in ("anyOf", "oneOf", "default")}


def _resolved(schema: Schema, node: Schema) -> Schema:
    """The node behind a `$ref` (one level of `$defs`, as pydantic writes them), with the referring node's keys."""
    while "$ref" in node:
        target = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node
