"""Pagefind's sorts, moved out of the metadata every search downloads into files only a sorted view reads.

Pagefind 1.5 keeps each `data-pagefind-sort` key as the order of every page inside `pagefind.*.pf_meta`, which every
search fetches before its first result: four sorts over 10,000 items added 84 KB to the first search of /cari/, which
never sorts (benchmarks/archive_benchmark.py, 2026-11-29). So after indexing each sort becomes
`pagefind/urut/<language>/<key>.json` — the ids Pagefind gives its results (`result.id`, the page's hash), in ascending
order — and the meta keeps an empty list; /arsip/ orders its results by that file (`find` in pencari.js).
"""

from __future__ import annotations

import json
from pathlib import Path

SORTS_FOLDER = "urut"


def write_sorts(output: Path, language_code: str, page_ids: list[str], sorts: list[tuple[str, list[int]]]) -> None:
    """Write each sort of one language: `sorts` pairs a key with page positions in `page_ids` (the meta's pages)."""
    folder = output / SORTS_FOLDER / language_code
    folder.mkdir(parents=True, exist_ok=True)
    for key, positions in sorts:
        ids = [page_ids[position] for position in positions]
        (folder / f"{key}.json").write_text(json.dumps(ids, separators=(",", ":")), encoding="utf-8")
