"""Data problems as values: collected during a run, reported together, raised once at the edge."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What must never reach a terminal or a CI log as itself: C0 and C1 controls (newline, carriage return, ESC …), the
# line and paragraph separators, and bidi controls that reorder what follows them (the "Trojan Source" characters).
# The same characters may not stand in any loaded text either (`model_base.Text`): this is a regex class's body.
INVISIBLE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """`text` with every control, separator and bidi character written as an escape (`\\n`, `\\x1b`, `\\u202e`).

    A value echoed in a message can then neither start a line of its own (a forged problem, a GitHub Actions
    `::command`), nor move the cursor or recolour the terminal, nor reorder the text around it.
    """
    return _INVISIBLE.sub(lambda found: _NAMED.get(found.group()) or _escape(found.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an editor's file, located so the editor can jump to it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        """`file:line: field: message` on exactly one line, whatever the file's name, keys or values hold."""
        file, field, message = visible(self.file), visible(self.field), visible(self.message)
        if file.startswith(":"):  # a path is never a command: `::error` must not open a line
            file = f"./{file}"
        where = f"{file}:{self.line}" if self.line else file
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"


@dataclass(frozen=True, order=True)
class Notice:
    """A problem a signed document may legitimately have, so it is a warning rather than an error.

    `mkdocs build --strict` and `sop-jdih check` fail on it unless the plugin setting named `setting` is "info", which
    reports it without failing (e.g. `tanggal_tidak_cocok: info`).
    """

    setting: str
    problem: Problem


class DataError(Exception):
    """Raised at the edge (CLI, MkDocs plugin) when a run found problems in the data."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        return "\n".join([*lines, f"{count} masalah ditemukan; perbaiki lalu jalankan lagi."])
