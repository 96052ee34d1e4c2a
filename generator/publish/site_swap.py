"""Build into a sibling folder and swap it in at the end, so a failed build leaves the published site as it was.

MkDocs empties site/ first and writes into it page by page: a build that fails halfway (a template error, Pagefind
missing, a page lost) would leave a half-built site behind, and a web server pointed at site/ would serve it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

NEW_SUFFIX = ".sop-jdih-baru"
OLD_SUFFIX = ".sop-jdih-lama"


@dataclass(frozen=True)
class SiteSwap:
    site: Path  # the published folder, replaced only by a build that succeeded
    new: Path  # where this build writes

    @classmethod
    def prepare(cls, site: Path) -> SiteSwap:
        """A fresh sibling folder to build into; a leftover of an interrupted build is removed first."""
        swap = cls(site, site.with_name(site.name + NEW_SUFFIX))
        _remove(swap.new)
        return swap

    def commit(self) -> None:
        """Rename the old site aside, rename the new one into place, delete the old one.

        Hidden entries of the old site (a deploy checkout's .git, say) move over, as MkDocs' own cleaning keeps them.
        A site folder that cannot be renamed (a mount point) or is a symbolic link has its entries replaced instead.
        """
        old = self.site.with_name(self.site.name + OLD_SUFFIX)
        _remove(old)
        if self.site.is_dir():
            _carry_hidden(self.site, self.new)
        if self.site.is_symlink():
            _replace_entries(self.site, self.new)
            return
        try:
            if self.site.exists():
                self.site.rename(old)
        except OSError:
            _replace_entries(self.site, self.new)
            return
        try:
            self.new.rename(self.site)
        except OSError:
            if old.exists():
                old.rename(self.site)
            raise
        _remove(old)

    def discard(self) -> None:
        _remove(self.new)


def _carry_hidden(site: Path, new: Path) -> None:
    for entry in sorted(site.iterdir()):
        if entry.name.startswith(".") and not (new / entry.name).exists():
            entry.rename(new / entry.name)


def _replace_entries(site: Path, new: Path) -> None:
    """In-place fallback: not atomic, but the site is complete before it is touched."""
    for entry in sorted(site.iterdir()):
        if not entry.name.startswith("."):
            _remove(entry)
    for entry in sorted(new.iterdir()):
        if not (site / entry.name).exists():
            shutil.move(entry, site / entry.name)
    _remove(new)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
