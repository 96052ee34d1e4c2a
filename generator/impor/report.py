"""What an import says: one located line per thing done differently from the feed or not done, and the counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source.problems import visible


@dataclass
class Report:
    """Lines `FEED.json: record idData=…: message` in the feed's order; a record is counted once."""

    feed: str  # the feed as the user named it
    lines: list[str] = field(default_factory=list)
    read: int = 0
    written: int = 0
    skipped: int = 0  # its file is already in the archive
    problems: int = 0  # not written; a line says why

    def say(self, where: str | None, message: str) -> None:
        """A line about the feed (`where` None) or one of its records; feed values in it cannot break the line."""
        located = f"{self.feed}: {where}" if where else self.feed
        self.lines.append(visible(f"{located}: {message}"))

    def reject(self, where: str, reason: str) -> None:
        """A record that is not written: every such line ends with "tidak ditulis"."""
        self.problems += 1
        self.say(where, f"{reason}; tidak ditulis")

    @property
    def summary(self) -> str:
        """ "120 dibaca: 112 ditulis, 5 dilewati (sudah ada), 3 bermasalah"."""
        return (
            f"{self.read} dibaca: {self.written} ditulis, {self.skipped} dilewati (sudah ada), "
            f"{self.problems} bermasalah"
        )
