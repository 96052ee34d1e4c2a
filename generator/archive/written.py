"""The ids and files an archive item names, read from its file as written, whether or not the item fits its model.

An item with one wrong field (a typo'd `mencabut_sebgian`, a date that does not exist) is not loaded, but the ids in
its other relations and the files it attaches can still be checked: an editor then fixes every mistake after one
`sop-jdih check`, instead of finding the unknown id on the second run and the missing PDF on the third. For a valid
item these are the values its model holds (ids and paths are kept as written).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..source.model_base import inside_archive
from ..source.yaml_source import Location
from .kind import ArchiveKind, Attachment
from .relations import declared_by


@dataclass(frozen=True)
class Named:
    """An id an item names: where it is written, the collection it must be in, and the relation, if it is one."""

    where: Location
    collection: str
    target: str
    relation: str | None = None


def written_ids(kind: ArchiveKind, data: dict[str, Any]) -> Iterator[Named]:
    """Each id under `relasi` and in the kind's reference fields that is written as text."""
    relations = data.get("relasi")
    for relation in declared_by(kind.key):
        targets = relations.get(relation.name) if isinstance(relations, dict) else None
        for where, target in _texts(("relasi", relation.name), targets):
            yield Named(where, relation.target, target, relation.name)
    for reference in kind.references:
        for where, target in _texts((reference.field,), data.get(reference.field)):
            yield Named(where, reference.target, target)


def written_files(kind: ArchiveKind, data: dict[str, Any]) -> list[tuple[Attachment, str]]:
    """The kind's attachments that are written as text, with their values as the models read them (`/lampiran/x.pdf`,
    as the web editor writes an upload, is `lampiran/x.pdf`)."""
    found = []
    for attachment in kind.attachments:
        value: Any = data
        for name in attachment.path:
            value = value.get(name) if isinstance(value, dict) else None
        if isinstance(value, str) and value:
            found.append((attachment, inside_archive(value)))
    return found


def _texts(at: Location, value: Any) -> Iterator[tuple[Location, str]]:
    """A list's text items with their places, or a single text at the field itself."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (*at, index), item
