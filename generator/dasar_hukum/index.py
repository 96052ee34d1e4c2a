"""One entry per regulation, whatever its spelling: who cites it, what amended it, what the archive knows of it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..archive.collection import Archive
from ..archive.model import ProdukHukum, Status
from ..archive.produk_hukum import PRODUK_HUKUM
from ..archive.relations import MENCABUT, MENCABUT_SEBAGIAN, MENGUBAH
from ..sop.model import SopDocument
from ..source.model_errors import Loaded
from ..source.problems import Problem
from .citations import OTHER, Citation, parse_citation


@dataclass(frozen=True)
class Citing:
    """A place that cites a regulation: an SOP's dasar hukum line or an archive item's (a produk hukum's mengingat)."""

    kind: str  # "sop" or the key of an archive collection
    item_id: str
    title: str
    file: str
    line: int
    field: str  # e.g. dasar_hukum butir 4


@dataclass
class Regulation:
    key: str
    slug: str
    citation: Citation  # the fullest one seen, for jenis, nomor, tahun and name
    tentang: str | None = None
    sumber: str | None = None
    spellings: set[str] = field(default_factory=set)
    amended_by: set[str] = field(default_factory=set)  # keys
    amends: set[str] = field(default_factory=set)  # keys
    revoked_by: set[str] = field(default_factory=set)  # keys, from the archive's mencabut relations
    revokes: set[str] = field(default_factory=set)
    partly_revoked_by: set[str] = field(default_factory=set)  # keys, from the archive's mencabut_sebagian relations
    partly_revokes: set[str] = field(default_factory=set)
    cited_by: list[Citing] = field(default_factory=list)
    archive_id: str | None = None

    @property
    def name(self) -> str:
        return self.citation.name

    def sort_key(self) -> tuple[int, int, str]:
        number = re.match(r"\d+", self.citation.nomor)
        return (self.citation.tahun or 0, int(number.group()) if number else 0, self.citation.nomor)


@dataclass(frozen=True)
class Unparsed:
    """A line kept as written: shown verbatim and listed in one build warning."""

    citing: Citing
    text: str


@dataclass
class DasarHukumIndex:
    regulations: dict[str, Regulation] = field(default_factory=dict)
    lines: dict[tuple[str, str], list[str | None]] = field(default_factory=dict)  # (kind, id) → key per line
    unparsed: list[Unparsed] = field(default_factory=list)
    by_archive_id: dict[str, str] = field(default_factory=dict)  # produk hukum id → key
    slugs: set[str] = field(default_factory=set)  # every regulation's slug, kept beside them: one lookup per new entry

    def cited_key(self, kind: str, item_id: str, index: int) -> str | None:
        return self.lines.get((kind, item_id), [])[index]

    def for_archive_item(self, item_id: str) -> Regulation | None:
        key = self.by_archive_id.get(item_id)
        return self.regulations[key] if key else None

    def _entry(self, citation: Citation) -> Regulation:
        entry = self.regulations.get(citation.key)
        if entry is None:
            entry = Regulation(citation.key, self._claim_slug(citation), citation)
            self.regulations[citation.key] = entry
        if citation.tentang and (
            not entry.tentang or entry.archive_id is None and len(citation.tentang) > len(entry.tentang)
        ):
            entry.tentang = citation.tentang
        entry.sumber = entry.sumber or citation.sumber
        return entry

    def _claim_slug(self, citation: Citation) -> str:
        year = "" if str(citation.tahun or "") in citation.nomor else str(citation.tahun or "")
        words = f"{citation.code.split('-')[0]} {citation.qualifier} {citation.nomor} {year}"
        base = _NOT_SLUG.sub("-", words.lower()).strip("-")
        slug = base
        while slug in self.slugs:
            slug += "-1"
        self.slugs.add(slug)
        return slug

    def _cite(self, citation: Citation, place: Citing, spelling: str) -> str:
        """Register a citation (and the regulations that amended it) as cited by `place`; return its key."""
        entry = self._entry(citation)
        entry.spellings.add(spelling)
        entry.cited_by.append(place)
        for amender in citation.amended_by:
            amending = self._entry(amender)
            amending.cited_by.append(place)
            entry.amended_by.add(amending.key)
            amending.amends.add(entry.key)
        return entry.key


# The archive's relations that change a regulation, with the `Regulation` fields of the acting and the acted-on side.
_CHANGES = (
    (MENGUBAH, "amends", "amended_by"),
    (MENCABUT, "revokes", "revoked_by"),
    (MENCABUT_SEBAGIAN, "partly_revokes", "partly_revoked_by"),
)


def build_index(sops: list[Loaded[SopDocument]], archive: Archive) -> DasarHukumIndex:
    index = DasarHukumIndex()
    regulations = archive.items(PRODUK_HUKUM)
    for item in regulations:  # the archive's own regulations first: their title is the authoritative tentang
        entry = index._entry(archive_citation(item.document))
        entry.archive_id = item.document.id
        index.by_archive_id[item.document.id] = entry.key
        entry.tentang = _tentang_of(item.document)
        entry.sumber = item.document.sumber or entry.sumber
    for item in regulations:
        acting = index.regulations[index.by_archive_id[item.document.id]]
        for relation, acts, acted in _CHANGES:
            for target in relation.targets(item.document):
                acted_on = index.regulations[index.by_archive_id[target]]
                getattr(acting, acts).add(acted_on.key)
                getattr(acted_on, acted).add(acting.key)
    for sop in sops:
        _read_lines(index, "sop", sop, sop.document.nama_sop, "dasar_hukum", sop.document.dasar_hukum)
    for kind in archive.kinds:
        for item in archive.items(kind) if kind.cites else ():
            lines = getattr(item.document, kind.cites)
            _read_lines(index, kind.key, item, kind.title_of(item.document), kind.cites, lines)
    return index


def _read_lines(
    index: DasarHukumIndex, kind: str, loaded: Loaded, title: str, field_name: str, lines: list[str]
) -> None:
    """Read a document's citation lines, remembering each line's place for links and warnings."""
    item_id = loaded.document.id
    index.lines[(kind, item_id)] = [
        _read(
            index,
            line,
            Citing(
                kind,
                item_id,
                title,
                loaded.path,
                loaded.source.line_of((field_name, position)),
                loaded.source.where((field_name, position)),
            ),
        )
        for position, line in enumerate(lines)
    ]


def _read(index: DasarHukumIndex, line: str, place: Citing) -> str | None:
    citation = parse_citation(line)
    if citation is None:
        index.unparsed.append(Unparsed(place, line))
        return None
    return index._cite(citation, place, line)


def duplicate_regulations(archive: Archive) -> list[Problem]:
    """Two produk hukum that are one regulation: the same jenis, nomor and tahun, however each is spelled.

    The index would make them one entry, so one of them would amend or revoke itself. Reported at the later file's
    nomor, naming the earlier one; two files with the same id are already reported as such.
    """
    problems = []
    first: dict[str, Loaded[ProdukHukum]] = {}
    for item in archive.items(PRODUK_HUKUM):
        citation = archive_citation(item.document)
        other = first.setdefault(citation.key, item)
        if other is not item and other.document.id != item.document.id:
            message = (
                f"{citation.name} sudah dicatat di {other.path} (jenis, nomor dan tahunnya sama); "
                "satu dokumen dicatat sekali: hapus salah satunya"
            )
            problems.append(item.source.problem(("nomor",), message))
    return problems


def archive_citation(item: ProdukHukum) -> Citation:
    """The identity of an archive item, read from its own jenis, nomor and tahun like any citation."""
    parsed = parse_citation(f"{item.jenis} Nomor {item.nomor} Tahun {item.tahun}")
    if parsed is not None and parsed.tahun == item.tahun:
        return parsed
    return Citation(OTHER.code, item.jenis, item.nomor, item.tahun)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_TENTANG = re.compile(r"\btentang\b", re.IGNORECASE)  # compiled once: flags given per call cost more than the split


def _tentang_of(item: ProdukHukum) -> str:
    """The subject of an archive item: its judul without the "Jenis Nomor … Tahun … tentang" lead, if any."""
    parsed = parse_citation(item.judul)
    if parsed is not None and parsed.tentang:
        return parsed.tentang
    lead = _TENTANG.split(item.judul, maxsplit=1)
    return lead[1].strip() if len(lead) == 2 else item.judul


def unparsed_lines(index: DasarHukumIndex) -> list[Problem]:
    """Each line the citation parser could not read: shown as written on its page, and named so it can be fixed."""
    return sorted(
        Problem(
            line.citing.file,
            line.citing.line,
            line.citing.field,
            f"baris dasar hukum '{line.text}' tidak dapat diuraikan (jenis, nomor dan tahun peraturan); "
            "ditampilkan apa adanya",
        )
        for line in index.unparsed
    )


def revoked_basis(index: DasarHukumIndex, archive: Archive) -> list[Problem]:
    """SOP lines that rest on a regulation the archive marks as no longer in force, and what replaced it."""
    messages: set[Problem] = set()
    for regulation in index.regulations.values():
        item = archive.by_id.get(regulation.archive_id or "")
        if item is None or archive.status(item) is not Status.tidak_berlaku:
            continue
        replacements = [index.for_archive_item(other) for other in archive.revoked_by.get(item.id, [])]
        names = ", ".join(entry.name for entry in replacements if entry)
        ended = archive.standing[item.id].ended
        reason = f"dicabut dengan {names}" if names else ended if ended and ended.startswith("mengubah") else None
        reason = reason or "; ".join(archive.notes(item)) or "ditandai Tidak Berlaku di arsip"
        for place in regulation.cited_by:
            if place.kind == "sop":
                message = f"SOP ini berdasar pada {regulation.name} yang tidak berlaku lagi ({reason})"
                messages.add(Problem(place.file, place.line, place.field, message))
    return sorted(messages)


def by_group(index: DasarHukumIndex, cited_only: bool = False) -> dict[int, list[Regulation]]:
    groups: dict[int, list[Regulation]] = defaultdict(list)
    for regulation in index.regulations.values():
        if cited_only and not regulation.cited_by:
            continue
        groups[regulation.citation.jenis.group].append(regulation)
    return {group: sorted(entries, key=Regulation.sort_key) for group, entries in sorted(groups.items())}
