"""Where a problem is, named the way the editor reads the sheet: `prosedur b, langkah no 3, mutu_baku.waktu`.

A location counted from 0 (`prosedur.1.langkah.2`) sent editors to the wrong step: the sheet letters its procedures
a., b., numbers its steps by `no`, and editors count everything else from 1. Field names stay as written in the file,
so the editor can still find the key; only the items of lists are named.
"""

from __future__ import annotations

from typing import Any

Location = tuple[str | int, ...]

_UNKNOWN = object()  # no data to look at (a file that could not be read to its end): items are named by position
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def place(data: Any, location: Location) -> str:
    """The location as phrases joined by ", ": field names joined by "." and each list item named by `item_name`."""
    phrases: list[str] = []
    fields: list[str] = []
    current = _UNKNOWN if data is None else data
    for index, part in enumerate(location):
        if isinstance(part, int) and not isinstance(current, list | dict) and current is not _UNKNOWN:
            continue  # `pelaksana: staf` stands for a list of one: its item is the field itself
        if isinstance(part, int) and (current is _UNKNOWN or isinstance(current, list)):
            key = fields[-1] if fields else ""
            name = item_name(key, current, part, continues=_names_an_item(location[index + 1 :]))
            head = ".".join(fields[:-1])
            if name:
                phrases.append(f"{head}.{name}" if head else name)
            elif head:
                phrases.append(head)
            fields = []
        else:
            fields.append(str(part))
        current = _child(current, part)
    if fields:
        phrases.append(".".join(fields))
    return ", ".join(phrases)


def item_name(key: str, items: Any, index: int, continues: bool = False) -> str:
    """One list item as editors count it: a procedure by its letter, a step by its `no`, anything else from 1.

    A document of one procedure has no letter on its sheet: it is named only when nothing inside it is (`continues`:
    the location goes on to a step or an actor, which then name the place alone). A step whose `no` is missing,
    not a number or used twice is named by its position ("langkah ke-4"), which is never wrong.
    """
    known = isinstance(items, list)
    if key == "prosedur":
        if known and len(items) == 1:
            return "" if continues else "prosedur"
        return f"prosedur {LETTERS[index]}" if index < len(LETTERS) else f"prosedur ke-{index + 1}"
    if key == "langkah":
        no = _step_no(items[index]) if known and index < len(items) else None
        if no is not None and sum(_step_no(step) == no for step in items) == 1:
            return f"langkah no {no}"
        return f"langkah ke-{index + 1}"
    if key == "pelaksana":
        return f"pelaksana ke-{index + 1}"
    return f"{key} butir {index + 1}" if key else f"butir {index + 1}"


def _names_an_item(rest: Location) -> bool:
    """Whether the rest of a location goes into a list of its own (`langkah`, 2 …), not only into fields."""
    return any(isinstance(part, int) for part in rest[1:])


def _step_no(step: Any) -> int | None:
    no = step.get("no") if isinstance(step, dict) else None
    return no if isinstance(no, int) and not isinstance(no, bool) and no >= 1 else None


def _child(current: Any, part: str | int) -> Any:
    if isinstance(current, dict):
        return current.get(part, _UNKNOWN)
    if isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
        return current[part]
    return _UNKNOWN
