"""Ids the site can publish: one owner per id (SOPs among themselves, archive items across every collection), not a
name the site's own pages take, and short enough for every file system and address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from .model_errors import Loaded
from .problems import Problem

MAX_ID = 100  # characters; an id is a folder name and part of an address (file systems allow 255 bytes)
# Names the generated pages take where an item's page would go: `sop/index.md` is the SOP list, and an item called
# "index" would be published at its folder's address instead of its own.
RESERVED_IDS = frozenset({"index"})


def duplicate_ids(items: list[Loaded[Any]]) -> Iterator[Problem]:
    """Every item whose id another file already uses, or that the site cannot publish as its own page, at `id`.

    The copy is blamed, not the original: a file named after its id is taken as the owner of that id.
    """
    first_seen: dict[str, str] = {}
    for item in sorted(items, key=lambda item: PurePosixPath(item.path).stem != item.document.id):
        item_id = item.document.id
        if item_id in RESERVED_IDS:
            yield item.source.problem(("id",), f"id '{item_id}' dipakai situs untuk halaman daftar; pilih id lain")
        elif len(item_id) > MAX_ID:
            yield item.source.problem(("id",), f"id {len(item_id)} huruf; paling banyak {MAX_ID} huruf")
        elif item_id in first_seen:
            yield item.source.problem(("id",), f"id '{item_id}' sudah dipakai oleh {first_seen[item_id]}")
        else:
            first_seen[item_id] = item.path
