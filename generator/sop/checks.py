"""Checks the model cannot express alone: references between steps, actors and SOPs, and the flow."""

from __future__ import annotations

from collections.abc import Iterator

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
    problems: list[Problem] = []
    if len(sop.prosedur) > MAX_PROCEDURES:
        message = f"{len(sop.prosedur)} prosedur; satu SOP paling banyak {MAX_PROCEDURES}: pecah menjadi beberapa SOP"
        return [source.problem(("prosedur", MAX_PROCEDURES), message)]
    for index, procedure in enumerate(sop.prosedur):
        at = ("prosedur", index)
        size = list(_size_problems(procedure, at, source))
        problems.extend(size or _procedure_problems(procedure, at, source))
    return problems


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


def project_problems(
    documents: list[tuple[SopDocument, SourceFile]], declared: set[str], sops_label: str
) -> list[Problem]:
    """Problems that need all SOPs at once: keterkaitan to unknown SOPs (in `sops_label`, e.g. `sops/`)."""
    problems: list[Problem] = []
    for sop, source in documents:
        for index, related in enumerate(sop.keterkaitan):
            target = getattr(related, "sop", None)
            if target is not None and target not in declared:
                problems.append(
                    source.problem(("keterkaitan", index, "sop"), f"tidak ada SOP dengan id '{target}' di {sops_label}")
                )
    return problems


def _procedure_problems(procedure: Prosedur, at: tuple[str | int, ...], source: SourceFile) -> Iterator[Problem]:
    actor_ids: set[str] = set()
    for index, actor in enumerate(procedure.pelaksana):
        if actor.id in actor_ids:
            yield source.problem((*at, "pelaksana", index, "id"), f"pelaksana '{actor.id}' dideklarasikan dua kali")
        actor_ids.add(actor.id)

    row_of: dict[int, int] = {}
    misdirected = False  # a step that leads to itself also strands the steps after it: report only the cause
    for index, step in enumerate(procedure.langkah):
        here = (*at, "langkah", index)
        if step.no in row_of:
            yield source.problem((*here, "no"), f"nomor langkah {step.no} sudah dipakai")
        row_of.setdefault(step.no, index)
        for position, actor in enumerate(step.pelaksana):
            if actor not in actor_ids:
                yield source.problem(
                    (*here, "pelaksana", position),
                    f"pelaksana '{actor}' tidak dideklarasikan; yang ada: {', '.join(sorted(actor_ids))}",
                )
        yield from _terminal_problems(step, actor_ids, here, source)
        yield from _step_shape_problems(step.simbol, step.ke, step.ya, step.tidak, here, source)
        loops = list(_target_problems(step, here, source))
        misdirected = misdirected or bool(loops)
        yield from loops

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
    last = procedure.langkah[-1]
    if last.simbol not in (Simbol.selesai, Simbol.keputusan) and last.ke is None and last.selesai_di is None:
        yield source.problem(
            (*at, "langkah", len(procedure.langkah) - 1, "simbol"),
            "langkah terakhir harus 'selesai' atau menyebut 'ke' (langkah berikutnya)",
        )
    if not dangling and not misdirected:  # a wrong target would also make later steps unreachable: only the cause
        yield from _reachability_problems(procedure, graph, row_of, at, source)


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
    step: Langkah, actor_ids: set[str], here: tuple[str | int, ...], source: SourceFile
) -> Iterator[Problem]:
    """A Mulai or Selesai capsule of its own (`mulai_di`, `selesai_di`): in another declared actor's column."""
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
        elif actor not in actor_ids:
            yield source.problem(
                (*here, name), f"pelaksana '{actor}' tidak dideklarasikan; yang ada: {', '.join(sorted(actor_ids))}"
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


def _reachability_problems(
    procedure: Prosedur,
    graph: dict[int, list[int]],
    row_of: dict[int, int],
    at: tuple[str | int, ...],
    source: SourceFile,
) -> Iterator[Problem]:
    starts = [step.no for step in procedure.langkah if step.simbol is Simbol.mulai or step.mulai_di]
    ends = {step.no for step in procedure.langkah if step.simbol is Simbol.selesai or step.selesai_di}
    if not starts:
        yield source.problem((*at, "langkah"), "tidak ada langkah bersimbol 'mulai'")
        return
    if not ends:
        yield source.problem((*at, "langkah"), "tidak ada langkah bersimbol 'selesai'")
        return
    reached: set[int] = set()
    pending = list(starts)
    while pending:
        no = pending.pop()
        if no not in reached:
            reached.add(no)
            pending.extend(graph.get(no, []))
    if not reached & ends:
        yield source.problem((*at, "langkah"), "tidak ada jalur dari langkah 'mulai' ke langkah 'selesai'")
    for no, row in sorted(row_of.items(), key=lambda item: item[1]):
        if no not in reached:
            yield source.problem(
                (*at, "langkah", row, "no"),
                f"langkah {no} tidak dapat dicapai dari 'mulai'; periksa 'ke', 'ya' dan 'tidak'",
            )
