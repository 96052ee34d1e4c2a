"""One owner per id: SOPs among themselves, archive items across every collection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from .model_errors import Loaded
from .problems import Problem


def duplicate_ids(items: list[Loaded[Any]]) -> Iterator[Problem]:
    """Every item whose id another file already uses, at its `id` line.

    The copy is blamed, not the original: a file named after its id is taken as the owner of that id.
    """
    first_seen: dict[str, str] = {}
    for item in sorted(items, key=lambda item: PurePosixPath(item.path).stem != item.document.id):
        item_id = item.document.id
        if item_id in first_seen:
            yield item.source.problem(("id",), f"id '{item_id}' sudah dipakai oleh {first_seen[item_id]}")
        else:
            first_seen[item_id] = item.path
