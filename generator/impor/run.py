"""`sop-jdih impor jdihn`: every record of a feed written as one archive file, or reported; nothing overwritten.

A record's id comes from what cites it (singkatan + nomor + tahun for produk hukum, the title for books and articles),
made unique in the feed's order, so the same feed gives the same ids on every run: a re-run finds the files of the
last one and skips them, silently. A record that is a document already in the archive under another id (same.py:
its jenis spelled differently) is skipped with a line naming that file; an id taken by another document is reported.
Each file is validated by its collection's model before it is written (and a produk hukum's
tahun and tanggal compared as `sop-jdih check` does), so what is written passes the check unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..archive.kinds import kind_named
from ..archive.loader import item_files
from ..project import Project
from ..source.model_errors import model_problems
from ..source.yaml_source import SourceFile
from .feed import Record, read_feed
from .records import SOURCE_KEYS, Draft, draft
from .report import Report
from .same import Key, archive_index, keys, titled, what_matched
from .text import web_address
from .unduh import download
from .yaml_out import item_text, without_empty

FILES_DIR = "lampiran"  # where --unduh saves PDFs, inside the archive folder (as the example archive does)


def impor_jdihn(project: Project, source: str, shown_as: str, unduh: bool = False) -> Report:
    """Import the feed at `source` (a file or an http(s) address) into the project's archive; `shown_as` names it in
    the report. A feed that cannot be read at all is one line and no record."""
    report = Report(shown_as)
    feed = read_feed(source)
    if feed.error is not None:
        report.say(None, feed.error)
        report.problems += 1
        return report
    for note in feed.notes:
        report.say(None, note)
    archive = _Archive(_existing(project.archive_dir), archive_index(project.archive_dir))
    seen: dict[Key, str] = {}
    ids: set[str] = set()
    renamed: Counter[str] = Counter()
    for record in feed.records:
        report.read += 1
        _import(record, project, report, archive, seen, ids, renamed, unduh)
    for message, count in renamed.items():
        report.say(None, f"{message} ({count} record)")
    return report


@dataclass(frozen=True)
class _Archive:
    """The archive before the import: its files by id, and by what identifies their documents."""

    by_id: dict[str, Path]
    by_key: dict[Key, Path]


def _existing(archive_dir: Path) -> dict[str, Path]:
    """Every item file already in the archive, by its name (items are named after their ids), in any collection."""
    if not archive_dir.is_dir():
        return {}
    folders = sorted(folder for folder in archive_dir.iterdir() if folder.is_dir())
    return {file.stem: file for folder in folders for file in item_files(folder)}


def _import(
    record: Record,
    project: Project,
    report: Report,
    archive: _Archive,
    seen: dict[Key, str],
    ids: set[str],
    renamed: Counter[str],
    unduh: bool,
) -> None:
    where = record.where
    if record.problem is not None:
        report.reject(where, record.problem)
        return
    mapped = draft(record)
    if isinstance(mapped, str):
        report.reject(where, mapped)
        return
    base = mapped.id_base or f"record-{record.position}"
    data: dict[str, Any] = without_empty({"id": base, **mapped.data})
    identity = keys(mapped.collection, data)
    earlier = next((key for key in identity if key in seen), None)
    if earlier is not None:
        report.reject(where, f"{what_matched(earlier)} sama dengan {seen[earlier]}")
        return
    if _in_archive(identity, base, archive, project, report, where):
        seen.update(dict.fromkeys(identity, where))
        return  # what the record's values needed is said when it is written: a re-run says nothing of its files
    problem = _invalid(mapped.collection, data, project)
    if problem is not None:
        _say(report, where, mapped.notes)
        report.reject(where, problem)
        return
    seen.update(dict.fromkeys(identity, where))
    data["id"] = item_id = _unique(base, ids)
    folder = project.archive_dir / mapped.collection
    if not _id_free(item_id, folder, data, archive, project, report, where):
        return
    _say(report, where, mapped.notes)
    renamed.update(mapped.renamed)
    _place_files(mapped, data, project, report, where, unduh)
    target = folder / f"{item_id}.yaml"
    provenance = f"Diimpor dari umpan JDIHN {report.feed}, {where}."
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as file:  # "x": never over a file that appeared meanwhile
            file.write(item_text(mapped.collection, data, provenance))
    except OSError as error:
        report.reject(where, f"{target.relative_to(project.root).as_posix()} tidak dapat ditulis: {error.strerror}")
        return
    report.written += 1


def _say(report: Report, where: str, notes: list[str]) -> None:
    for note in notes:
        report.say(where, note)


def _in_archive(
    identity: list[Key], base: str, archive: _Archive, project: Project, report: Report, where: str
) -> bool:
    """Whether the archive holds the record's document (skipped, whatever the record's own faults): its own file from
    an earlier run without a word, the same document under another id with a line naming it."""
    same = next((archive.by_key[key] for key in identity if key in archive.by_key), None)
    if same is None:
        return False
    report.skipped += 1
    if not re.fullmatch(rf"{re.escape(base)}(-\d+)?", same.stem):  # "-2": the id an earlier run made unique
        report.say(where, f"sama dengan {same.relative_to(project.root).as_posix()} yang sudah ada; dilewati")
    return True


def _id_free(
    item_id: str, folder: Path, data: dict[str, Any], archive: _Archive, project: Project, report: Report, where: str
) -> bool:
    """Whether no file has the id. A file of the same collection with the record's judul is the same document (its
    nomor written differently): skipped without a word; an id another document holds is reported."""
    taken = archive.by_id.get(item_id)
    if taken is None:
        return True
    shown = taken.relative_to(project.root).as_posix()
    if taken.parent != folder:
        report.reject(where, f"id '{item_id}' sudah dipakai {shown}")
    elif titled(taken, data.get("judul")):
        report.skipped += 1
    else:
        report.reject(where, f"id '{item_id}' sudah dipakai {shown} dengan judul lain")
    return False


def _unique(base: str, ids: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… when an earlier record of the feed took it."""
    item_id, number = base, 1
    while item_id in ids:
        number += 1
        item_id = f"{base}-{number}"
    ids.add(item_id)
    return item_id


def _invalid(collection: str, data: dict[str, Any], project: Project) -> str | None:
    """Why the file would not pass `sop-jdih check`, naming the feed key each field comes from; None: it would."""
    kind = kind_named(collection)
    try:
        item = kind.model.model_validate(data)
    except ValidationError as error:
        problems = model_problems(error, SourceFile(collection, data), kind.model)
        return "; ".join(f"{_named(problem.field)}: {problem.message}" for problem in problems)
    if kind.doubts is None or project.settings.tanggal_tidak_cocok == "info":
        return None
    doubts = kind.doubts(item)
    messages = [f"{_named('.'.join(map(str, doubt.where)))}: {doubt.message}" for doubt in doubts]
    return "; ".join(messages) + " (atau pasang tanggal_tidak_cocok: info)" if messages else None


def _named(field: str) -> str:
    """`tempat_penetapan` → `tempat_penetapan (dari tempatTerbit)`: what the old application left empty."""
    key = SOURCE_KEYS.get(field.split(".")[0])
    return f"{field} (dari {key})" if key else field


def _place_files(
    mapped: Draft, data: dict[str, Any], project: Project, report: Report, where: str, unduh: bool
) -> None:
    """With `--unduh`, each PDF saved as lampiran/<id>[-abstrak].pdf and the file names it; else (or when that fails)
    the file keeps the address, and says so when the address had to change (http://)."""
    for remote in mapped.files:
        if unduh:
            suffix = "-abstrak" if remote.where[-1] == "abstrak" else ""
            local = f"{FILES_DIR}/{data['id']}{suffix}.pdf"
            failure = download(web_address(remote.original), project.archive_dir / local)
            if failure is None:
                _set(data, remote.where, local)
                continue
            report.say(where, f"{remote.original} tidak diunduh ({failure}): alamatnya yang ditulis")
        if remote.note is not None:
            report.say(where, remote.note)


def _set(data: dict[str, Any], where: tuple[str, ...], value: str) -> None:
    for key in where[:-1]:
        data = data[key]
    data[where[-1]] = value
