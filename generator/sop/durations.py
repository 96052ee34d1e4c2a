"""Waktu as offices write it ("10 Menit", "1 hari", "2 minggu"), and totals the way the sheets do.

A sheet keeps working days apart from hours and minutes ("1 hari 55 menit", not "8 jam 55 menit"):
a working day is not a fixed number of clock hours, so hari are never made out of jam.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# unit word → (kind, factor). A minggu is five working days.
_UNITS: dict[str, tuple[str, int]] = {
    "menit": ("minutes", 1),
    "jam": ("minutes", 60),
    "hari": ("days", 1),
    "minggu": ("days", 5),
}
# A number and its unit. Not from inside a run of digits (?<!\d), and possessive: a long run of digits without a unit
# is then read once, not once from each of its digits (quadratic).
_PART = re.compile(r"(?<!\d)(\d++)\s*+([a-z]++)")
_MAX_DIGITS = 6  # 999,999 of any unit is already beyond any sheet; longer numbers are a mistake, not a duration


@dataclass(frozen=True)
class Duration:
    """A span of work: whole working days plus clock minutes."""

    days: int = 0
    minutes: int = 0
    text: str = field(default="", compare=False)  # as the office wrote it, shown beside its step

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.days + other.days, self.minutes + other.minutes)

    def __str__(self) -> str:
        hours, minutes = divmod(self.minutes, 60)
        parts = [
            f"{value} {unit}" for value, unit in ((self.days, "hari"), (hours, "jam"), (minutes, "menit")) if value
        ]
        return " ".join(parts) or "0 menit"


class DurationError(ValueError):
    """The text is not a duration; the message says how to write one."""


def parse_duration(text: str) -> Duration:
    """Parse "1 jam 30 menit"-style text, any case. Anything left over is an error, never a guess."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise DurationError("waktu kosong")
    days = minutes = 0
    position = 0
    for match in _PART.finditer(cleaned):
        if cleaned[position : match.start()].strip(" ,") or match.group(2) not in _UNITS:
            break
        digits = match.group(1)
        if len(digits) > _MAX_DIGITS:
            shown = digits if len(digits) <= 12 else f"{digits[:12]}…"
            raise DurationError(f"angka waktu '{shown}' terlalu besar; tulis paling banyak {_MAX_DIGITS} angka")
        kind, factor = _UNITS[match.group(2)]
        if kind == "days":
            days += int(match.group(1)) * factor
        else:
            minutes += int(match.group(1)) * factor
        position = match.end()
    if position == 0 or cleaned[position:].strip(" ,"):
        raise DurationError(
            f"waktu '{text}' tidak dapat dibaca; tulis angka lalu satuan (menit, jam, hari, minggu), "
            "mis. '10 menit', '1 jam 30 menit' atau '2 hari'"
        )
    return Duration(days, minutes, " ".join(text.split()))


@dataclass(frozen=True)
class Total:
    """Normal waktu of a procedure; a lower bound when some steps have no waktu."""

    duration: Duration
    steps_without_time: int

    def __str__(self) -> str:
        if not self.steps_without_time:
            return str(self.duration)
        return f"sekurang-kurangnya {self.duration} ({self.steps_without_time} langkah belum diberi waktu)"


def total(durations: list[Duration | None]) -> Total:
    summed = sum((d for d in durations if d is not None), Duration())
    return Total(summed, sum(1 for d in durations if d is None))
