"""Read an editor's YAML file into plain data plus the line of every key and item.

PyYAML's node tree knows where each value starts; we walk it ourselves so that every later
problem (a pydantic error, a dangling step reference) can name its line. Dates are left as
strings on purpose: the model parses them, so a date that does not exist (2024-02-31) is a
located validation error instead of a crash inside the YAML constructor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

Location = tuple[str | int, ...]


_BASE_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # libyaml parses ~8x faster


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """Safe loading with YAML 1.2 booleans and no implicit timestamps.

    YAML 1.1 reads the sheet's own column `no:` as the boolean false; only true/false are booleans here.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class SourceFile:
    """A loaded YAML document: its data and where each part of it stands."""

    path: str  # as shown to editors, relative to the project root
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """Line of the deepest known part of `location` (a missing field points at its parent)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line:
                return line
        return 1

    def problem(self, location: Location, message: str) -> Problem:
        return Problem(self.path, self.line_of(location), dotted(location), message)


def dotted(location: Location) -> str:
    """`('prosedur', 0, 'langkah', 3, 'waktu')` → `prosedur.0.langkah.3.waktu`."""
    return ".".join(str(part) for part in location)


MAX_BYTES = 1_000_000  # an SOP or archive item is a few KB; anything near this is a mistake, not content


def read_text(file: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    size = file.stat().st_size
    if size > MAX_BYTES:
        return None, [Problem(shown_as, 1, "", f"berkas terlalu besar ({size:,} byte; paling besar {MAX_BYTES:,})")]
    try:
        return file.read_text(encoding="utf-8"), []
    except UnicodeDecodeError as error:
        return None, [Problem(shown_as, 1, "", f"berkas bukan teks UTF-8 (byte ke-{error.start})")]


def load_yaml(file: Path, shown_as: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse one YAML file; a syntax error is a problem at its line, never an exception."""
    text, problems = read_text(file, shown_as)
    return parse_yaml(text, shown_as) if text is not None else (None, problems)


def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> tuple[SourceFile | None, list[Problem]]:
    """Parse YAML text that starts at `first_line` of its file (front matter starts at line 2)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown_as, first_line, "", "berkas kosong")]
        source = SourceFile(shown_as, None)
        problems: list[Problem] = []
        source.data = _build(loader, node, (), source, problems, first_line, set())
        if any("alias YAML" in problem.message for problem in problems):
            return None, problems  # the data is incomplete: nothing below may use it
        return source, problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        reason = error.problem or error.context or "YAML tidak valid"
        return None, [Problem(shown_as, line, "", f"sintaks YAML salah: {reason}")]
    except yaml.reader.ReaderError as error:  # control characters, invalid code points
        line = text.count("\n", 0, error.position) + first_line
        return None, [Problem(shown_as, line, "", f"karakter #x{error.character:04x} tidak boleh ada di berkas teks")]
    finally:
        loader.dispose()


def _build(
    loader: _Loader,
    node: yaml.Node,
    at: Location,
    source: SourceFile,
    problems: list[Problem],
    first_line: int,
    seen: set[int],
) -> Any:
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        # A node met twice is an alias (*name): expanding them is how "billion laughs" files exhaust memory.
        # It carries its anchor's position, so the problem is placed at the key that uses it.
        if id(node) in seen:
            problems.append(source.problem(at, "alias YAML (&nama / *nama) tidak didukung; tulis isinya langsung"))
            return None
        seen.add(id(node))
    source.lines.setdefault(at, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _build(loader, key_node, at, source, problems, first_line, seen)
            if not isinstance(key, str | int | float | bool | None):
                problems.append(source.problem(at, "kunci harus berupa teks, bukan daftar atau kumpulan"))
                continue
            here = (*at, key)
            if key in result:
                problems.append(
                    Problem(
                        source.path,
                        key_node.start_mark.line + first_line,
                        dotted(here),
                        "kunci ini ditulis dua kali; hapus salah satunya",
                    )
                )
                continue
            source.lines[here] = key_node.start_mark.line + first_line
            result[key] = _build(loader, value_node, here, source, problems, first_line, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*at, i), source, problems, first_line, seen) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except (ValueError, TypeError, KeyError, AttributeError, yaml.YAMLError):
        # An explicit tag whose value does not fit it (`!!int x`, `!!timestamp q`): name it, never crash.
        problems.append(source.problem(at, f"nilai '{node.value}' tidak sesuai dengan tag {node.tag}"))
        return None
