"""The legal status of every produk hukum, by one set of rules read from the relations.

The site's page docs/status-produk-hukum.md says the same to editors and readers:

- dicabut → Tidak Berlaku; dicabut sebagian → Berlaku, with the note; diubah → Berlaku, with the note;
- an amendment ends with what it amended: revoking X ends every item whose `mengubah` names only items that ended
  (transitively), "Tidak berlaku: mengubah X yang telah dicabut dengan Z";
- a putusan that `menguji` an item acts by its amar once it is final (berkekuatan hukum tetap): dikabulkan →
  Tidak Berlaku ("Dibatalkan dengan …"), dikabulkan sebagian → Berlaku with the note; any other amar, a putusan not
  yet final or one whose amar is not recorded changes nothing but the note ("Diuji dengan … (amar …)");
- an explicit `status` with `keterangan_status` (a keputusan for an event long past) stands, unless it contradicts the
  relations: `status: Berlaku` on an item they end is a located problem, and so is `status: Tidak Berlaku` that
  gives no reason (neither keterangan_status nor a relation).

The same record dates the change: `changed` is the latest event that made the status or the notes what they are,
for the JDIHN feed's last_updated.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..source.model_errors import Loaded
from ..source.problems import Problem
from .model import Amar, Putusan, Status
from .relations import MENCABUT, MENCABUT_SEBAGIAN, MENGUBAH, MENGUJI

if TYPE_CHECKING:
    from .kind import ArchiveKind


@dataclass(frozen=True)
class Standing:
    """An item's status in force, why, and since when."""

    status: Status
    notes: tuple[str, ...]  # the "Keterangan Status": the file's own first, then what the relations say
    changed: datetime.date  # the latest event that changed the record: its own dates or an acting item's
    ended: str | None = None  # why it is no longer in force, as "mengubah X yang …" continues: "telah dicabut dengan Z"
    partly: bool = False  # in force, but part of it revoked or annulled: schema.org's PartiallyInForce
    # The notes no relation link on the page already says: the file's own reason, or why an amendment ended. Shown
    # beside the badge, so a reader on a phone sees why without scrolling to the table.
    summary: tuple[str, ...] = ()
    contradiction: str | None = None  # the explicit `status` disagrees with the rules: a located problem


@dataclass(frozen=True)
class Act:
    """One item acting on another, as the rules read it."""

    label: str  # how the acted-on item's notes cite it: "PKPU 22/2023", "Putusan MA 12 P/HUM/2023"
    date: datetime.date


Label = Callable[[Any], str]  # how notes cite an item (its collection's label)


def standings(everything: list[tuple[ArchiveKind, Any]]) -> dict[str, Standing]:
    """The standing of every item with a `status` field, from the relations all items (with their kind) declare."""
    acts: dict[tuple[str, str], list[Act]] = defaultdict(list)  # (relation or effect, target) → who acts
    for kind, document in everything:
        act = Act(kind.label_of(document), _acted_on(kind, document))
        for relation in (MENCABUT, MENCABUT_SEBAGIAN, MENGUBAH):
            if relation.source == kind.key:
                for target in relation.targets(document):
                    acts[(relation.name, target)].append(act)
        if MENGUJI.source == kind.key:
            for target in MENGUJI.targets(document):
                acts[(_effect(document), target)].append(Act(f"{act.label}{_amar_note(document)}", act.date))
    kinds = {document.id: kind for kind, document in everything if "status" in kind.model.model_fields}
    items = {document.id: document for kind, document in everything if "status" in kind.model.model_fields}
    ended = _ended(items, acts, lambda document: kinds[document.id].label_of(document))
    result = {}
    for item_id, item in items.items():
        notes, dates = [], [day for day in kinds[item_id].dates(item) if day is not None]
        for key, note in _NOTES:
            for act in sorted(acts.get((key, item_id), []), key=lambda act: act.date):
                notes.append(f"{note} {act.label}")
                dates.append(act.date)
        reason, ended_on = ended.get(item_id, (None, None))
        if ended_on is not None:
            dates.append(ended_on)
        summary = [item.keterangan_status] if item.keterangan_status else []
        if reason is not None and reason.startswith(_AMENDED):
            summary.append(f"Tidak berlaku: {reason}")  # an amendment ended with what it amended
        derived = Status.tidak_berlaku if reason not in (None, _STATED) else Status.berlaku
        notes[:0] = summary
        status = Status.tidak_berlaku if item.status is Status.tidak_berlaku else derived
        partly = any(acts.get((key, item_id)) for key in (MENCABUT_SEBAGIAN.name, _PARTLY_ANNULLED))
        contradiction = _contradiction(item, derived, reason)
        result[item_id] = Standing(
            status, tuple(notes), max(dates), reason, partly, summary=tuple(summary), contradiction=contradiction
        )
    return result


_STATED = "tidak berlaku lagi"  # an explicit Tidak Berlaku, as an amendment of it reads: "mengubah X yang …"
_AMENDED = "mengubah "  # how an amendment's reason to end starts: "mengubah X yang telah dicabut dengan Z"
_ANNULLED = "dibatalkan"
_PARTLY_ANNULLED = "dibatalkan_sebagian"
_TESTED = "diuji"
# The notes, in the order a page lists them: what ended the item, then what changed it, then what only tested it.
_NOTES = (
    (MENCABUT.name, MENCABUT.inverse_label),
    (_ANNULLED, "Dibatalkan dengan"),
    (MENCABUT_SEBAGIAN.name, MENCABUT_SEBAGIAN.inverse_label),
    (_PARTLY_ANNULLED, "Dibatalkan sebagian dengan"),
    (MENGUBAH.name, MENGUBAH.inverse_label),
    (_TESTED, MENGUJI.inverse_label),
)


def _acted_on(kind: ArchiveKind, document: Any) -> datetime.date:
    """When an acting item changed the items it names: its latest legal date (a regulation takes effect when
    diundangkan, which may come months after its tahun; a putusan when read)."""
    return max(day for day in kind.dates(document) if day is not None)


def _effect(putusan: Putusan) -> str:
    """What a putusan does to the items it tests: only a final one that grants the petition changes them."""
    if putusan.berkekuatan_hukum_tetap is True and putusan.amar is Amar.dikabulkan:
        return _ANNULLED
    if putusan.berkekuatan_hukum_tetap is True and putusan.amar is Amar.dikabulkan_sebagian:
        return _PARTLY_ANNULLED
    return _TESTED


def tested_by_label(putusan: Putusan) -> str:
    """How the page of an item a putusan tests names it: by what it did ("Dibatalkan sebagian dengan"), not only that
    it tested it, so the top of the page says what the Keterangan Status says."""
    return dict(_NOTES)[_effect(putusan)]


def _amar_note(putusan: Putusan) -> str:
    """Why a putusan changed nothing, after its citation: " (amar Ditolak)"; nothing when it did change the item."""
    if _effect(putusan) != _TESTED:
        return ""
    if putusan.amar is None:
        return " (amar belum dicatat)"
    if putusan.amar in (Amar.dikabulkan, Amar.dikabulkan_sebagian):
        if putusan.berkekuatan_hukum_tetap is False:
            return f" (amar {putusan.amar.value}, belum berkekuatan hukum tetap)"
        return f" (amar {putusan.amar.value}, kekuatan hukum tetapnya belum dicatat)"
    return f" (amar {putusan.amar.value})"


def _ended(
    items: dict[str, Any], acts: dict[tuple[str, str], list[Act]], label: Label
) -> dict[str, tuple[str, datetime.date | None]]:
    """Every item no longer in force, with why (as "mengubah X yang …" continues) and the date it ended.

    Revoked, annulled or explicitly Tidak Berlaku items end on their own; then, walking outwards from each, an
    amendment whose every `mengubah` target has ended ends too. Each item enters the walk once: linear in the relations.
    """
    ended: dict[str, tuple[str, datetime.date | None]] = {}
    for item_id, item in items.items():
        for key, verb in ((MENCABUT.name, "telah dicabut dengan"), (_ANNULLED, "telah dibatalkan dengan")):
            if acts.get((key, item_id)):
                by = sorted(acts[(key, item_id)], key=lambda act: act.date)
                ended[item_id] = (f"{verb} {' dan '.join(act.label for act in by)}", by[0].date)
                break
        else:
            if item.status is Status.tidak_berlaku:
                ended[item_id] = (_STATED, None)
    amenders: dict[str, list[str]] = defaultdict(list)
    for item_id, item in items.items():
        for target in MENGUBAH.targets(item):
            if target in items:
                amenders[target].append(item_id)
    pending = list(ended)
    while pending:
        target = pending.pop()
        for amender in amenders.get(target, []):
            amended = MENGUBAH.targets(items[amender])
            if amender in ended or not all(other in ended for other in amended):
                continue
            reasons = [f"{label(items[other])} yang {ended[other][0]}" for other in amended]
            days = [day for other in amended if (day := ended[other][1]) is not None]
            ended[amender] = (f"{_AMENDED}{' dan '.join(reasons)}", max(days, default=None))
            pending.append(amender)
    return ended


def _contradiction(item: Any, derived: Status, reason: str | None) -> str | None:
    if item.status is Status.berlaku and derived is Status.tidak_berlaku:
        return (
            f"Berlaku bertentangan dengan relasinya ({reason}): statusnya Tidak Berlaku; hapus baris status, yang "
            "dihitung dari relasi"
        )
    if item.status is Status.tidak_berlaku and derived is Status.berlaku and not item.keterangan_status:
        return (
            "Tidak Berlaku tanpa alasan: tulis keterangan_status (mis. kegiatan yang diatur telah selesai), atau "
            "bila dicabut produk hukum lain, tulis relasi mencabut di produk hukum itu dan hapus baris status"
        )
    return None


def status_problems(loaded: list[Loaded[Any]], standing: dict[str, Standing]) -> Iterator[Problem]:
    """An explicit status that contradicts the rules, at its `status` line."""
    for item in loaded:
        found = standing.get(item.document.id)
        if found is not None and found.contradiction:
            yield item.source.problem(("status",), found.contradiction)
