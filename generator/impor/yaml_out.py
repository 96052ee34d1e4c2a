"""Archive files as an editor would write them: the schema modeline, keys in the model's order, quotes only where YAML
would read a string as something else.

PyYAML's dumper quotes every string its resolvers would read as a number, boolean, null or date (`nomor: "8"`,
`"yes"`), which is what `sop-jdih check` needs whatever reader (YAML 1.1 or 1.2) opens the file later; dates are the
exception: the archive's loader reads them as text and the model parses them, so they stay unquoted.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

import yaml

from ..archive import kinds
from ..source.problems import visible


class _Dumper(yaml.SafeDumper):
    def choose_scalar_style(self) -> str:
        """Double quotes where quotes are needed: the style the README and `sop-jdih new` show (`nomor: "8"`)."""
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Lists indented under their key, as in the example archive."""
        super().increase_indent(flow, False)


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


# Numbers as YAML 1.2 reads them (editors' tools, e.g. the YAML extension of VS Code) where YAML 1.1, which PyYAML
# resolves by, reads text: "08", "1e3", "0o17".
NUMBER_12 = re.compile(
    r"[-+]?([0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))|\.(nan|NaN|NAN)"
)


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Paragraphs as a literal block (`abstrak: |-`), a YAML 1.2 number in quotes, the rest as PyYAML decides."""
    style = "|" if "\n" in value else '"' if NUMBER_12.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def without_empty(data: Any) -> Any:
    """The fields that have a value: None, empty lists and empty mappings are what an editor leaves out."""
    if isinstance(data, dict):
        kept = {key: without_empty(value) for key, value in data.items()}
        return {key: value for key, value in kept.items() if value not in (None, [], {})}
    return data


def item_text(collection: str, data: dict[str, Any], provenance: str) -> str:
    """The file's text: modeline (its collection's schema, or where a collection's schema goes by convention), one
    comment on where it came from, then the fields."""
    kind = next((kind for kind in kinds.KINDS if kind.key == collection), None)
    schema = posixpath.relpath(kind.schema if kind else f"schema/{collection}.json", collection)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"# yaml-language-server: $schema={schema}\n# {visible(provenance)}\n{body}"
