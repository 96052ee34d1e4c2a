"""Rewrite an editor's file in the web editor's spelling, so opening and saving it in the form loses nothing.

The models accept short forms that a YAML writer likes and the form cannot show: a single text where a list is
expected (`pelaksana: kasubag`), a related SOP's title as plain text in a list of objects, `tanda_tangan: false`,
`gaya_daftar: strip`, and comments. Sveltia CMS shows those as empty and saves them empty (measured: see the README,
"Mengubah lewat formulir web"). `sop-jdih rapikan` rewrites each file once, before the office turns the editor on:

- every short form becomes the form's spelling, found by the shape of the model's JSON Schema (a text where the schema
  takes "text or list of text" becomes a one-item list; a scalar where it takes an object becomes the object that
  `SHORT_FORMS` names for that object's model);
- every comment moves into `catatan_transkripsi`, prefixed with the place it described, named the sheet's way
  (`prosedur a, langkah no 2: …`); the schema modeline stays the first line, for VS Code;
- keys follow the model's order (the form's order), so the editor's later saves change only what was edited.

The rewritten file must read as the same document: both are validated and compared (catatan_transkripsi apart), and
a file that would change meaning is not written (`Unchanged`). Only files that load without problems are rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..impor.yaml_out import NUMBER_12
from ..source.model_base import DASH
from ..source.yaml_source import IMPLICIT_RESOLVERS, SourceFile, mark_dashes, parse_yaml

Schema = dict[str, Any]
NOTES = "catatan_transkripsi"
MODELINE = "# yaml-language-server:"

# A scalar where the form has an object: the object that says the same, by the object's model ($defs name).
SHORT_FORMS: dict[str, Callable[[Any], Any]] = {
    "KeterkaitanIsian": lambda title: {"judul": title},  # a related SOP's title as text
    "TandaTangan": lambda value: {"tanpa_blok": True} if value is False else value,  # no closing signature block
    "GayaDaftar": lambda style: {"kotak": style},  # one style: the header boxes'
}


class Refused(Exception):
    """The file cannot be rewritten safely; the message says why, in Indonesian."""


def in_form_spelling(schema: Schema, value: Any, node: Schema | None = None) -> Any:
    """`value` (data as loaded) in the form's spelling, keys in the schema's order. Raises ValueError for a scalar
    where the schema has an object that `SHORT_FORMS` does not name (a developer's model change to follow here)."""
    node = _definition(schema, schema if node is None else node)[1]
    branches = [(n, b) for n, b in _branches(schema, node) if b.get("type") != "null"]
    if branches:
        if isinstance(value, str) and sorted(str(b.get("type")) for _, b in branches) == ["array", "string"]:
            return [value]
        objects = [(n, b) for n, b in branches if "properties" in b]
        if objects and value is not None:
            object_name, object_node = objects[0]
            if not isinstance(value, dict):
                if object_name not in SHORT_FORMS:
                    raise ValueError(f"no form spelling of {value!r} for {object_name}")
                value = SHORT_FORMS[object_name](value)
                if not isinstance(value, dict):
                    return value
            return in_form_spelling(schema, value, object_node)
        array = next((b for _, b in branches if b.get("type") == "array"), None)
        return in_form_spelling(schema, value, array) if array and isinstance(value, list) else value
    if isinstance(value, dict) and "properties" in node:
        properties = node["properties"]
        ordered = [key for key in properties if key in value] + [key for key in value if key not in properties]
        return {key: in_form_spelling(schema, value[key], properties.get(key, {})) for key in ordered}
    if isinstance(value, list) and "items" in node:
        return [in_form_spelling(schema, item, node["items"]) for item in value]
    return value


def _branches(schema: Schema, node: Schema) -> list[tuple[str | None, Schema]]:
    """A union's branches, a union inside it flattened (`tanda_tangan`: optional, of a block or false)."""
    found = []
    for branch in node.get("anyOf", node.get("oneOf", [])):
        name, branch = _definition(schema, branch)
        found += _branches(schema, branch) if "anyOf" in branch or "oneOf" in branch else [(name, branch)]
    return found


def _definition(schema: Schema, node: Schema) -> tuple[str | None, Schema]:
    """The `$defs` name a node refers to (None for an inline schema) and the schema behind it."""
    name = None
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**schema["$defs"][name], **{key: value for key, value in node.items() if key != "$ref"}}
    return name, node


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based, in the file
    text: str  # without '#' and the blanks around it
    inline: bool  # after a value on its line, not a line of its own


def comments(text: str, first_line: int = 1) -> list[Comment]:
    """Every comment of YAML `text`: whatever the scanner's tokens leave out that starts with '#' (so a '#' inside a
    quoted or block text is never taken for one)."""
    covered: list[tuple[int, int]] = []
    for token in yaml.scan(mark_dashes(text), Loader=yaml.SafeLoader):
        if token.start_mark.index < token.end_mark.index:
            covered.append((token.start_mark.index, token.end_mark.index))
    found: list[Comment] = []
    position, spans = 0, iter(sorted(covered))
    span = next(spans, None)
    for match in _HASH.finditer(text):
        start = match.start()
        while span and span[1] <= start:
            span = next(spans, None)
        if span and span[0] <= start < span[1] or start < position:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        position = end
        before = text[line_start:start]
        found.append(
            Comment(text.count("\n", 0, start) + first_line, text[start + 1 : end].strip(), bool(before.strip()))
        )
    return found


_HASH = re.compile(r"(?:(?<=\s)|^)#", re.MULTILINE)


def notes(source: SourceFile, found: list[Comment], is_help: Callable[[str], bool] = lambda text: False) -> list[str]:
    """The comments as notes, each with the place it stood at: an inline comment the value on its line, a comment
    line (or a run of them) the value below it. The modeline is not a note, nor a line `is_help` says is the help
    `sop-jdih new` wrote (the form shows that help beside each field)."""
    by_line: dict[int, list[tuple[Any, ...]]] = {}
    for location, line in source.lines.items():
        by_line.setdefault(line, []).append(location)
    lines = sorted(by_line)
    written: list[str] = []
    run: list[str] = []
    for index, comment in enumerate(found):
        if not (comment.text.startswith(MODELINE[2:]) or not comment.text or is_help(comment.text)):
            run.append(comment.text)
        following = found[index + 1] if index + 1 < len(found) else None
        if not comment.inline and following and not following.inline and following.line == comment.line + 1:
            continue  # a run of comment lines is one note
        if not run:
            continue
        target = comment.line if comment.inline else next((line for line in lines if line > comment.line), None)
        locations = by_line.get(target, []) if target else []
        location = max(locations, key=len) if comment.inline and locations else min(locations, key=len, default=())
        place = source.where(location) if location else ""
        text = " ".join(run)
        written.append(f"{place}: {text}" if place else text)
        run = []
    return written


def rewritten(
    text: str,
    shown_as: str,
    model: type[BaseModel],
    schema: Schema,
    first_line: int = 1,
    body: dict[str, str] | None = None,
    is_help: Callable[[str, str], bool] = lambda text, item_id: False,
) -> str | None:
    """The YAML `text` of one file (or a `.md` file's front matter, from `first_line` 2, its `body` field apart) in the
    form's spelling, or None when it already is. `is_help(comment, item_id)` says which comments are help, not notes.
    Raises Refused when the file does not load or the rewrite would not
    read as the same document."""
    source, problems = parse_yaml(text, shown_as, first_line)
    if source is None or problems or not isinstance(source.data, dict):
        raise Refused("berkas belum valid; perbaiki dulu (sop-jdih check), lalu jalankan lagi")
    data = in_form_spelling(schema, source.data)
    item_id = str(source.data.get("id", ""))
    moved = notes(source, comments(text, first_line), lambda comment: is_help(comment, item_id))
    if moved:
        data[NOTES] = [*_as_list(data.get(NOTES)), *moved]
        data = in_form_spelling(schema, data)
    _same_document(model, source.data | (body or {}), data | (body or {}))
    modeline = next((line for line in text.splitlines() if line.startswith(MODELINE)), None)
    result = (modeline + "\n" if modeline else "") + dump(data)
    return None if result == text else result


def _same_document(model: type[BaseModel], before: Any, after: Any) -> None:
    try:
        old, new = model.model_validate(before), model.model_validate(after)
    except ValidationError as error:
        raise Refused(f"berkas tidak valid ({error.error_count()} masalah); jalankan sop-jdih check") from None
    if old.model_dump(exclude={NOTES}) != new.model_dump(exclude={NOTES}):
        raise Refused("bentuk formulir akan mengubah isinya; berkas dibiarkan, laporkan ke pengembang")


def _as_list(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


class _Dumper(yaml.SafeDumper):
    """YAML as the web editor writes it: lists indented under their key, quotes only where the generator's reader would
    see something else than text (its booleans are YAML 1.2's, so `no:` needs no quotes)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.yaml_implicit_resolvers = IMPLICIT_RESOLVERS


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Paragraphs as a literal block; "-" (a box the sheet leaves empty) in quotes, as YAML needs it, and so is a text
    the web editor's YAML 1.2 reader would take for a number ("1e3", "0o17")."""
    style = "|" if "\n" in value else "'" if value == DASH or NUMBER_12.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
