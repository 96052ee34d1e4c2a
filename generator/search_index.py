"""Index the built site with Pagefind (`pagefind[bin]` from PyPI), replacing Material's lunr search."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

OUTPUT = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def index_site(site_dir: Path) -> str:
    """Rebuild the index from scratch (Pagefind appends to an existing output folder); return its summary."""
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
            raise SearchIndexError(
                "Pagefind belum terpasang: jalankan pip install 'pagefind[bin]' (make serve memasangnya)"
            )
        raise SearchIndexError(f"Pagefind gagal:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    summary = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("Indexed", "Found"))]
    return "; ".join(summary)
