"""Checks the model cannot express alone: references between steps, actors and SOPs, and the flow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from ..source.guess import near_miss
from ..source.problems import Problem
from ..source.yaml_source import SourceFile
from .bagan.grid import short_label
from .flow import arrows
from .model import Langkah, Prosedur, Simbol, SopDocument

# Sizes no signed sheet comes near, so that one pull request cannot make the build draw for minutes or write a page of
# tens of megabytes (5,000 steps took 115 s and 48 MB). The real sheets (GUIDE §1): a document holds up to 9
# procedures, a procedure about 5–30 steps in 2–8 actor columns of an A4 landscape sheet.
MAX_PROCEDURES = 20
MAX_STEPS = 100
MAX_ACTORS = 10
MAX_RINGKASAN = 60  # characters inside a symbol
MAX_LABEL_WORD = 40  # longer than any Indonesian word: a word wider than a lane is broken inside its symbol


def document_problems(sop: SopDocument, source: SourceFile) -> list[Problem]:
    return _procedures_problems(list(sop.prosedur), source)


def partial_problems(source: SourceFile) -> list[Problem]:
    """What can still be checked in an SOP that fails its model, so one `check` reports every problem.

    Each procedure is validated on its own: the flow of a valid one is checked as usual; one that fails still has its
    flow checked from the fields that make it, or at least the actors its steps name against those it declares.
    """
    written = source.data.get("prosedur") if isinstance(source.data, dict) else None
    if not isinstance(written, list):
        return []
    procedures: list[Prosedur | Any] = []
    for item in written:
        try:
            procedures.append(Prosedur.model_validate(item))
        except ValidationError:
            procedures.append(item)
    return _procedures_problems(procedures, source)


def _procedures_problems(procedures: list[Prosedur | Any], source: SourceFile) -> list[Problem]:
    """Checks of each procedure. One that is not a valid `Prosedur` gets its flow checked from the fields that make
    the flow (`_flow_only`), or, when those are what is wrong, the actors its steps name."""
    if len(procedures) > MAX_PROCEDURES:
        message = f"{len(procedures)} prosedur; satu SOP paling banyak {MAX_PROCEDURES}: pecah menjadi beberapa SOP"
        return [source.problem(("prosedur", MAX_PROCEDURES), message)]
    problems: list[Problem] = []
    for index, written in enumerate(procedures):
        at = ("prosedur", index)
        procedure = written if isinstance(written, Prosedur) else _flow_only(written)
        if procedure is None:
            problems.extend(_written_actor_problems(written, at, source))
            continue
        size = list(_size_problems(procedure, at, source))
        problems.extend(size or _procedure_problems(procedure, at, source))
    return problems


# What a procedure's flow is made of: its actors' ids and, of each step, these fields.
_FLOW_FIELDS = ("no", "pelaksana", "simbol", "ke", "ya", "tidak", "mulai_di", "selesai_di")


def _flow_only(written: Any) -> Prosedur | None:
    """A procedure that fails its model for another reason (an unknown key, an unreadable waktu, a kegiatan left
    out) with only its flow kept, the rest set aside, so its flow is checked in the same run; None when the flow's
    own fields are what is wrong (their messages say so already)."""
    if not isinstance(written, dict):
        return None
    actors, steps = written.get("pelaksana"), written.get("langkah")
    if not isinstance(actors, list) or not isinstance(steps, list) or any(map(_misspelt_flow, steps)):
        return None
    flow = {
        "judul": "-",
        "pelaksana": [{"id": actor.get("id"), "nama": "-"} if isinstance(actor, dict) else actor for actor in actors],
        "langkah": [
            {"kegiatan": "-", **{key: step[key] for key in _FLOW_FIELDS if key in step}}
            if isinstance(step, dict)
            else step
            for step in steps
        ],
    }
    try:
        return Prosedur.model_validate(flow)
    except ValidationError:
        return None


def _misspelt_flow(step: Any) -> bool:
    """A step with an unknown key that stands for a flow field (`simbul: keputusan`): without it the flow would be
    checked as something the editor did not write, blaming its `ya` and `tidak`."""
    if not isinstance(step, dict):
        return False
    unknown = [key for key in step if isinstance(key, str) and key not in Langkah.model_fields]
    return any(near_miss(key, Langkah.model_fields) in _FLOW_FIELDS for key in unknown)


def _size_problems(procedure: Prosedur, at: tuple[str | int, ...], source: SourceFile) -> Iterator[Problem]:
    """Limits of the sheet; a procedure past them is not checked further (its flow would be checked for nothing)."""
    if len(procedure.langkah) > MAX_STEPS:
        yield source.problem(
            (*at, "langkah", MAX_STEPS),
            f"{len(procedure.langkah)} langkah; satu bagan alur paling banyak {MAX_STEPS} langkah: "
            "pecah menjadi beberapa prosedur",
        )
    if len(procedure.pelaksana) > MAX_ACTORS:
        yield source.problem(
            (*at, "pelaksana", MAX_ACTORS),
            f"{len(procedure.pelaksana)} pelaksana; bagan alur selebar lembar A4 memuat paling banyak "
            f"{MAX_ACTORS} kolom pelaksana",
        )
    for index, step in enumerate(procedure.langkah[:MAX_STEPS]):
        here = (*at, "langkah", index)
        if step.ringkasan is not None and len(step.ringkasan) > MAX_RINGKASAN:
            yield source.problem(
                (*here, "ringkasan"),
                f"ringkasan {len(step.ringkasan)} huruf; teks di dalam simbol paling banyak {MAX_RINGKASAN} huruf",
            )
            continue
        label = short_label(step)
        long_word = max(label.split(), key=len, default="")
        if len(long_word) > MAX_LABEL_WORD:
            field = "ringkasan" if step.ringkasan else "kegiatan"
            yield source.problem(
                (*here, field),
                f"kata '{long_word[:MAX_LABEL_WORD]}…' terlalu panjang untuk simbol bagan alur (paling banyak "
                f"{MAX_LABEL_WORD} huruf); "
                + ("pendekkan ringkasannya" if step.ringkasan else "tulis 'ringkasan' pendek untuk isi simbolnya"),
            )


def project_problems(sources: list[SourceFile], declared: set[str], sops_label: str) -> list[Problem]:
    """Problems that need all SOPs at once: keterkaitan to unknown SOPs (in `sops_label`, e.g. `sops/`).

    Read from each file as written, so an SOP that fails its model still has its keterkaitan checked.
    """
    problems: list[Problem] = []
    for source in sources:
        written = source.data.get("keterkaitan") if isinstance(source.data, dict) else None
        for index, related in enumerate(written if isinstance(written, list) else []):
            target = related.get("sop") if isinstance(related, dict) else None
            if isinstance(target, str) and target not in declared:
                guess = near_miss(target, declared - {source.data.get("id")})
                hint = f"; maksud Anda '{guess}'?" if guess else ""
                message = f"tidak ada SOP dengan id '{target}' di {sops_label}{hint}"
                problems.append(source.problem(("keterkaitan", index, "sop"), message))
    return problems


def _written_actor_problems(procedure: Any, at: tuple[str | int, ...], source: SourceFile) -> Iterator[Problem]:
    """The actors named by the steps of a procedure that fails its model, as written in the file."""
    if not isinstance(procedure, dict):
        return
    actors = procedure.get("pelaksana")
    declared = [
        actor["id"]
        for actor in (actors if isinstance(actors, list) else [])
        if isinstance(actor, dict) and isinstance(actor.get("id"), str)
    ]
    steps = procedure.get("langkah")
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        named = step.get("pelaksana") if isinstance(step, dict) else None
        named = [named] if isinstance(named, str) else named if isinstance(named, list) else []
        yield from _actor_problems(named, declared, (*at, "langkah", index), source)


def _actor_problems(
    named: list[Any], declared: list[str], here: tuple[str | int, ...], source: SourceFile
) -> Iterator[Problem]:
    """Each actor a step names that its procedure does not declare, with the declared one it most likely meant."""
    for position, actor in enumerate(named):
        if isinstance(actor, str) and actor not in declared:
            guess = near_miss(actor, declared)
            hint = f"; maksud Anda '{guess}'?" if guess else ""
            yield source.problem(
                (*here, "pelaksana", position),
                f"pelaksana '{actor}' tidak dideklarasikan{hint} (yang ada: {', '.join(sorted(set(declared)))})",
            )


def _procedure_problems(procedure: Prosedur, at: tuple[str | int, ...], source: SourceFile) -> Iterator[Problem]:
    actor_ids: set[str] = set()
    for index, actor in enumerate(procedure.pelaksana):
        if actor.id in actor_ids:
            yield source.problem((*at, "pelaksana", index, "id"), f"pelaksana '{actor.id}' dideklarasikan dua kali")
        actor_ids.add(actor.id)

    row_of: dict[int, int] = {}
    # A step that leads to itself also strands the steps after it: report only the cause. So does a number used
    # twice: every ya, tidak and ke naming it is then ambiguous, and what follows from them is no cause of its own.
    duplicated = len({step.no for step in procedure.langkah}) < len(procedure.langkah)
    misdirected = duplicated
    for index, step in enumerate(procedure.langkah):
        here = (*at, "langkah", index)
        if step.no in row_of:
            yield source.problem((*here, "no"), f"nomor langkah {step.no} sudah dipakai")
        row_of.setdefault(step.no, index)
        yield from _actor_problems(list(step.pelaksana), [actor.id for actor in procedure.pelaksana], here, source)
        yield from _terminal_problems(step, index == 0, actor_ids, here, source)
        yield from _step_shape_problems(step.simbol, step.ke, step.ya, step.tidak, here, source)
        if not duplicated:
            loops = list(_target_problems(step, here, source))
            misdirected = misdirected or bool(loops)
            yield from loops

    if not duplicated:
        yield from _numbering_problems(procedure, at, source)

    graph: dict[int, list[int]] = {no: [] for no in row_of}
    dangling = False
    for arrow in arrows(procedure):
        if arrow.target not in row_of:
            dangling = True
            yield source.problem(
                (*at, "langkah", row_of[arrow.source], arrow.field), f"tidak ada langkah nomor {arrow.target}"
            )
        else:
            graph[arrow.source].append(arrow.target)
    # Without a wrong target, a step no arrow reaches has a cause: the step before it does not flow on.
    unreached = [] if dangling or misdirected else _unreached(procedure, graph)
    last_row = len(procedure.langkah) - 1
    last = procedure.langkah[last_row]
    open_end = (
        last.simbol not in (Simbol.selesai, Simbol.keputusan)
        and last.ke is None
        and last.selesai_di is None
        and last_row not in unreached
    )
    if open_end:
        yield source.problem(
            (*at, "langkah", last_row, "simbol"),
            "langkah terakhir harus 'selesai' atau menyebut 'ke' (langkah berikutnya)",
        )
    if not dangling and not misdirected:
        yield from _reachability_problems(procedure, unreached, at, source, open_end)


def _numbering_problems(procedure: Prosedur, at: tuple[str | int, ...], source: SourceFile) -> Iterator[Problem]:
    """Steps numbered 1, 2, 3 … down the sheet, as every sheet numbers its rows: a number left out after inserting or
    deleting a step is where `ya`, `tidak` and `ke` most often still name an old number. The first gap only."""
    expected = 1
    for index, step in enumerate(procedure.langkah):
        if step.no != expected:
            here = (*at, "langkah", index, "no")
            if index == 0:
                message = f"langkah pertama bernomor {step.no}; nomori langkah mulai dari 1"
            else:
                message = (
                    f"nomor langkah {step.no} sesudah langkah {expected - 1}: nomori langkah berurutan "
                    f"({expected}, {expected + 1}, …), lalu sesuaikan 'ya', 'tidak' dan 'ke' yang menyebut nomor lama"
                )
            yield source.problem(here, message)
            return
        expected += 1


def _step_shape_problems(
    simbol: Simbol, ke: int | None, ya: int | None, tidak: int | None, here: tuple[str | int, ...], source: SourceFile
) -> Iterator[Problem]:
    if simbol is Simbol.keputusan:
        for name, value in (("ya", ya), ("tidak", tidak)):
            if value is None:
                yield source.problem((*here, name), f"keputusan wajib menyebut '{name}': nomor langkah tujuannya")
        if ke is not None:
            yield source.problem((*here, "ke"), "keputusan memakai 'ya' dan 'tidak', bukan 'ke'")
        return
    for name, value in (("ya", ya), ("tidak", tidak)):
        if value is not None:
            yield source.problem((*here, name), f"'{name}' hanya untuk langkah bersimbol keputusan")
    if simbol is Simbol.selesai and ke is not None:
        yield source.problem((*here, "ke"), "langkah selesai tidak mengalir ke langkah lain")


def _terminal_problems(
    step: Langkah, first: bool, actor_ids: set[str], here: tuple[str | int, ...], source: SourceFile
) -> Iterator[Problem]:
    """A Mulai or Selesai capsule of its own (`mulai_di`, `selesai_di`): in another declared actor's column; a Mulai
    capsule points into the procedure's first step (`first`), as on the sheets that draw one."""
    for name, kind in (("mulai_di", Simbol.mulai), ("selesai_di", Simbol.selesai)):
        actor = getattr(step, name)
        if actor is None:
            continue
        if step.simbol is kind:
            yield source.problem((*here, name), f"langkah ini sudah bersimbol {kind.value}; hapus '{name}'")
        elif kind is Simbol.selesai and step.simbol is Simbol.keputusan:
            yield source.problem(
                (*here, name), "keputusan mengalir ke 'ya' dan 'tidak'; 'selesai_di' untuk langkah lain"
            )
        elif kind is Simbol.mulai and not first:
            yield source.problem(
                (*here, name),
                "simbol mulai tersendiri menunjuk langkah pertama prosedur; pindahkan 'mulai_di' ke langkah pertama",
            )
        elif actor not in actor_ids:
            guess = near_miss(actor, actor_ids)
            hint = f"; maksud Anda '{guess}'?" if guess else ""
            yield source.problem(
                (*here, name),
                f"pelaksana '{actor}' tidak dideklarasikan{hint} (yang ada: {', '.join(sorted(actor_ids))})",
            )
        elif actor in step.pelaksana:
            yield source.problem(
                (*here, name),
                f"simbol {kind.value} digambar di kolom pelaksana lain; '{actor}' sudah memuat simbol langkah ini",
            )
    if step.selesai_di is not None and step.simbol is not Simbol.keputusan and step.ke is not None:
        yield source.problem((*here, "ke"), "langkah yang berakhir di 'selesai_di' tidak mengalir ke langkah lain")


def _target_problems(step: Langkah, here: tuple[str | int, ...], source: SourceFile) -> Iterator[Problem]:
    """A step that leads to itself (drawn as an arrow of no length), or a keputusan whose two exits are one."""
    decision = step.simbol is Simbol.keputusan
    fields = ("ya", "tidak") if decision else ("ke",)
    if step.simbol is Simbol.selesai:
        fields = ()  # its `ke` is refused by _step_shape_problems whatever it names
    for name in fields:
        if getattr(step, name) == step.no:
            yield source.problem(
                (*here, name), f"langkah {step.no} tidak dapat menuju dirinya sendiri; tulis nomor langkah tujuannya"
            )
    if decision and step.ya is not None and step.ya == step.tidak and step.ya != step.no:
        yield source.problem(
            (*here, "tidak"),
            f"'ya' dan 'tidak' menuju langkah yang sama ({step.ya}); keputusan bercabang ke dua langkah berbeda",
        )


def _unreached(procedure: Prosedur, graph: dict[int, list[int]]) -> list[int]:
    """The rows of the steps no path from a 'mulai' step reaches (none when there is no 'mulai' or 'selesai')."""
    starts = [step.no for step in procedure.langkah if step.simbol is Simbol.mulai or step.mulai_di]
    if not starts or not any(step.simbol is Simbol.selesai or step.selesai_di for step in procedure.langkah):
        return []
    reached: set[int] = set()
    pending = list(starts)
    while pending:
        no = pending.pop()
        if no not in reached:
            reached.add(no)
            pending.extend(graph.get(no, []))
    return [row for row, step in enumerate(procedure.langkah) if step.no not in reached]


def _reachability_problems(
    procedure: Prosedur, unreached: list[int], at: tuple[str | int, ...], source: SourceFile, open_end: bool
) -> Iterator[Problem]:
    """Steps never reached, reported at their cause: each run of them follows a step that does not flow on.

    Appending a step after the 'selesai' step strands it; so does a keputusan whose ya and tidak both lead
    elsewhere, or a `ke` that skips rows. Saying "langkah 7 tidak dapat dicapai" sent editors looking at step 7.
    `open_end`: the last step was already reported for not ending the procedure.
    """
    steps = procedure.langkah
    if not any(step.simbol is Simbol.mulai or step.mulai_di for step in steps):
        yield source.problem((*at, "langkah"), "tidak ada langkah bersimbol 'mulai'")
        return
    if not any(step.simbol is Simbol.selesai or step.selesai_di for step in steps):
        if not open_end:  # else already said at the last step, where 'selesai' belongs
            yield source.problem((*at, "langkah"), "tidak ada langkah bersimbol 'selesai'")
        return
    for run in _runs(unreached):
        stranded = _numbers([steps[row].no for row in run])
        if run[0] == 0:
            yield source.problem(
                (*at, "langkah", 0, "no"),
                f"{stranded} tidak dapat dicapai dari 'mulai': langkah bersimbol 'mulai' harus langkah pertama",
            )
            continue
        cause_row = run[0] - 1
        cause = steps[cause_row]
        here = (*at, "langkah", cause_row)
        if cause.simbol is Simbol.selesai:
            yield source.problem(
                (*here, "simbol"),
                f"langkah {cause.no} bersimbol 'selesai' mengakhiri prosedur, jadi {stranded} tidak pernah dicapai; "
                f"bila {stranded} termasuk prosedur ini, pindahkan 'simbol: selesai' dari langkah {cause.no} ke "
                f"langkah {steps[-1].no} (langkah terakhir); bila tidak, hapus {stranded}",
            )
        elif cause.selesai_di is not None and cause.simbol is not Simbol.keputusan:
            yield source.problem(
                (*here, "selesai_di"),
                f"langkah {cause.no} berakhir di 'selesai_di' dan mengakhiri prosedur, jadi {stranded} tidak pernah "
                f"dicapai; bila {stranded} termasuk prosedur ini, pindahkan 'selesai_di' dari langkah {cause.no} ke "
                f"langkah {steps[-1].no} (langkah terakhir); bila tidak, hapus {stranded}",
            )
        elif cause.simbol is Simbol.keputusan:
            if cause.ya is None or cause.tidak is None:
                continue  # reported as the missing exit it is
            yield source.problem(
                (*here, "ya"),
                f"keputusan langkah {cause.no} menuju langkah {cause.ya} (ya) dan langkah {cause.tidak} (tidak), "
                f"jadi {stranded} tidak pernah dicapai; biasanya salah satu dari 'ya' atau 'tidak' menuju "
                f"langkah {steps[run[0]].no}",
            )
        else:
            yield source.problem(
                (*here, "ke"),
                f"langkah {cause.no} menulis 'ke: {cause.ke}', jadi {stranded} tidak pernah dicapai; periksa 'ke' "
                f"pada langkah {cause.no}, atau arahkan 'ke', 'ya' atau 'tidak' langkah lain ke langkah "
                f"{steps[run[0]].no}",
            )


def _runs(rows: list[int]) -> list[list[int]]:
    """Consecutive rows grouped: [2, 3, 6] → [[2, 3], [6]]."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and runs[-1][-1] == row - 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _numbers(numbers: list[int]) -> str:
    """`langkah 7`, `langkah 7 dan 8`, `langkah 7, 8 dan 9`."""
    if len(numbers) == 1:
        return f"langkah {numbers[0]}"
    return f"langkah {', '.join(map(str, numbers[:-1]))} dan {numbers[-1]}"
