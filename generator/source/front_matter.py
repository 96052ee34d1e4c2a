"""Read an archive item: a YAML file, or Markdown with YAML front matter whose body is one long field."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .yaml_source import SourceFile, decode_text, normal_text, parse_yaml, read_bytes, yaml_from_bytes

FENCE = "---"


def load_item(file: Path, shown_as: str, body_field: str) -> tuple[SourceFile | None, list[Problem]]:
    """YAML as is; for `.md`, the front matter is the data and the body becomes `body_field`."""
    data, problems = read_bytes(file, shown_as)
    return item_from_bytes(data, file.suffix, shown_as, body_field) if data is not None else (None, problems)


def item_from_bytes(
    data: bytes, suffix: str, shown_as: str, body_field: str
) -> tuple[SourceFile | None, list[Problem]]:
    """`load_item` for bytes already read (the load cache hashes them first); `suffix` is the file's, e.g. ".md"."""
    if suffix != ".md":
        return yaml_from_bytes(data, shown_as)
    text, problems = decode_text(data, shown_as)
    if text is None:
        return None, problems
    lines = text.splitlines(keepends=True)
    closing = _closing_fence(lines)
    if isinstance(closing, str):
        return None, [Problem(shown_as, 1, "", closing)]
    front = "".join(lines[1:closing])
    if not front.strip():
        return None, [Problem(shown_as, 1, "", "front matter kosong; tulis kolom-kolomnya di antara kedua baris '---'")]
    source, problems = parse_yaml(front, shown_as, first_line=2)
    body = "".join(lines[closing + 1 :]).strip()
    if source is not None and isinstance(source.data, dict) and body:
        if body_field in source.data:
            problems.append(
                source.problem((body_field,), f"'{body_field}' ditulis di front matter dan di isi berkas; pilih satu")
            )
        source.data[body_field] = normal_text(body)
        source.lines.setdefault((body_field,), closing + 2)
    return source, problems


def _closing_fence(lines: list[str]) -> int | str:
    """The index of the line that closes the front matter, or why there is none: told apart, each has its own fix."""
    if not "".join(lines).strip():
        return "berkas kosong"
    if lines[0].rstrip() != FENCE:
        return "berkas .md harus diawali front matter YAML di antara dua baris '---'"
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == FENCE), None)
    if closing is None:
        return "front matter tidak ditutup; tambahkan baris '---' setelah kolom terakhirnya, sebelum isi berkas"
    return closing
