"""The arrows of a bagan alur, derived once from the steps; used by the checks and the drawing."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Langkah, Prosedur, Simbol


@dataclass(frozen=True)
class Arrow:
    source: int  # step no
    target: int  # step no (may not exist: the checks report that)
    label: str | None = None  # "Ya" / "Tidak" for a keputusan
    field: str = "ke"  # the step field that declares it, for error locations


def arrows_from(step: Langkah, following: Langkah | None) -> list[Arrow]:
    """A keputusan goes to its ya/tidak; selesai ends, as does a step drawn into its own Selesai capsule
    (`selesai_di`); any other step to `ke` or the next row."""
    if step.simbol is Simbol.keputusan:
        return [
            Arrow(step.no, target, label, label.lower())
            for label, target in (("Ya", step.ya), ("Tidak", step.tidak))
            if target is not None
        ]
    if step.simbol is Simbol.selesai or step.selesai_di is not None:
        return []
    if step.ke is not None:
        return [Arrow(step.no, step.ke)]
    return [Arrow(step.no, following.no)] if following else []


def arrows(procedure: Prosedur) -> list[Arrow]:
    steps = procedure.langkah
    return [
        arrow
        for index, step in enumerate(steps)
        for arrow in arrows_from(step, steps[index + 1] if index + 1 < len(steps) else None)
    ]
