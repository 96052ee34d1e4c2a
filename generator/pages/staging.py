"""A persistent folder of generated sources that rewrites only what changed.

Unchanged files keep their modification time, so `mkdocs serve --dirty` and any later step
see no change; files no longer generated are removed at the end of the run.
"""

from __future__ import annotations

import os
from pathlib import Path


class StagingFolder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.kept: set[Path] = set()
        self.changed = 0

    def write(self, relative: str, content: str) -> Path:
        path = self.root / relative
        self.kept.add(path)
        if path.exists() and path.read_text(encoding="utf-8") == content:
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".tmp")
        partial.write_text(content, encoding="utf-8")
        partial.replace(path)
        self.changed += 1
        return path

    def keep(self, relative: str) -> Path:
        """The file as the last run wrote it, kept (not removed as stale) without reading it."""
        path = self.root / relative
        self.kept.add(path)
        return path

    def remove_stale(self) -> None:
        """Remove the files this run did not write or keep, and the folders left empty (one walk: 10,000 files)."""
        if not self.root.exists():
            return
        kept = {str(path) for path in self.kept}
        for folder, _subfolders, names in os.walk(self.root, topdown=False):
            for name in names:
                path = os.path.join(folder, name)
                if path not in kept:
                    os.unlink(path)
            if folder != str(self.root) and not os.listdir(folder):
                os.rmdir(folder)
