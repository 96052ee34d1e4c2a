"""Index the built site with Pagefind (`pagefind[bin]` from PyPI), replacing Material's lunr search."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .pagefind_order import order_index

OUTPUT = "pagefind"
MISSING = "Pagefind belum terpasang: jalankan pip install 'pagefind[bin]' (make serve memasangnya)"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def index_site(site_dir: Path) -> str:
    """Rebuild the index from scratch (Pagefind appends to an existing output folder), in a fixed order; summarise."""
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise SearchIndexError(f"Pagefind tidak dapat dijalankan: {error}") from None
    if result.returncode != 0:
        if "No module named pagefind" in result.stderr:
            raise SearchIndexError(MISSING)
        raise SearchIndexError(f"Pagefind gagal:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    try:
        order_index(site_dir / OUTPUT)
    except (ValueError, KeyError, OSError) as error:  # PagefindFormatError is a ValueError
        raise SearchIndexError(f"indeks Pagefind tidak dapat diurutkan (versi Pagefind lain?): {error}") from None
    summary = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("Indexed", "Found"))]
    return "; ".join(summary)
