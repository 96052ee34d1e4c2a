"""A persistent folder of generated sources that rewrites only what changed.

Unchanged files keep their modification time, so `mkdocs serve --dirty` and any later step
see no change; files no longer generated are removed at the end of the run.
"""

from __future__ import annotations

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
        if not self.root.exists():
            return
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_file() and path not in self.kept:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
