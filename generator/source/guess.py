""" "Maksud Anda …?": the name an editor most likely meant, for field names and ids alike, or nothing.

A guess must be a real near miss: difflib's ratio on short names paired unrelated fields (`ket` → `ke`), and a wrong
guess costs an editor more than none. So a name is guessed when the written one begins it (`ket` → `keterangan`,
`tahun` → `tahun_terbit`), or when it is one slip away (two for long names): a letter missing, added, changed, or two
letters swapped (`simbul` → `simbol`, `sekertaris` → `sekretaris`), never in a number (`uu-8-2017` is another law
than `uu-7-2017`). Names of three letters or fewer are guessed only by what they begin: one slip turns them into
another real name too easily.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMBERS = re.compile(r"\d+")
MIN_PREFIX = 3  # `ke` begins `keterangan`, `kegiatan` and `ke` itself: too short to mean one of them


def near_miss(written: str, known: Iterable[str]) -> str | None:
    """The one known name `written` most likely meant, or None when no guess is safe."""
    numbers = _NUMBERS.findall(written)
    # A different number names a different document (uu-8-2017 is not a slip of uu-7-2017): only letters slip.
    names = [name for name in dict.fromkeys(known) if name != written and _NUMBERS.findall(name) == numbers]
    folded = written.casefold()
    same = [name for name in names if name.casefold() == folded]
    if same:
        return same[0]
    if len(written) >= MIN_PREFIX:
        begun = [name for name in names if name.casefold().startswith(folded)]
        if len(begun) == 1:
            return begun[0]
    allowed = _slips_allowed(written)
    if not allowed:
        return None
    scored = sorted(
        (distance, name)
        for name in names
        if abs(len(name) - len(written)) <= allowed
        and (distance := _slips(folded, name.casefold(), allowed)) <= allowed
    )
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None  # nothing close, or two names equally close: the editor must choose
    return scored[0][1]


def did_you_mean(written: str, known: Iterable[str]) -> str:
    """`; maksud Anda 'simbol'?` to append to a message, or "" when there is no safe guess."""
    guess = near_miss(written, known)
    return f"; maksud Anda '{guess}'?" if guess else ""


def _slips_allowed(written: str) -> int:
    if len(written) <= MIN_PREFIX:
        return 0
    return 1 if len(written) <= 6 else 2


def _slips(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from `a` to `b`; anything over `limit` is limit + 1."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
