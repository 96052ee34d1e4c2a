"""What a feed's jenis names, in the archive's words: a regulation's canonical jenis and singkatan as the project's
citation parser knows them ("PERATURAN KPU" → Peraturan Komisi Pemilihan Umum, PKPU), and a court written as its
abbreviation by its full name ("PTUN" → Pengadilan Tata Usaha Negara), so one jenis is not listed under two names."""

from __future__ import annotations

import re

from ..dasar_hukum.citations import OTHER, parse_citation
from .text import label_case

# The courts and election bodies whose decisions an office keeps, by the abbreviation feeds write.
COURTS = (
    ("PT TUN", r"pt\.?\s*tun", "Pengadilan Tinggi Tata Usaha Negara"),
    ("PTUN", r"ptun", "Pengadilan Tata Usaha Negara"),
    ("MA", r"ma", "Mahkamah Agung"),
    ("MK", r"mk", "Mahkamah Konstitusi"),
    ("PN", r"pn", "Pengadilan Negeri"),
    ("PT", r"pt", "Pengadilan Tinggi"),
    ("Bawaslu", r"bawaslu", "Badan Pengawas Pemilihan Umum"),
    ("DKPP", r"dkpp", "Dewan Kehormatan Penyelenggara Pemilu"),
)
_ALTERNATIVES = "|".join(f"(?P<c{index}>{pattern})" for index, (_, pattern, _) in enumerate(COURTS))
_COURT = re.compile(rf"^(?:{_ALTERNATIVES})(?=\s|$)(?P<rest>.*)$", re.IGNORECASE)


def regulation(jenis: str) -> tuple[str, str | None] | None:
    """The canonical jenis ("Keputusan Komisi Pemilihan Umum Kabupaten") and its singkatan when it has one of its own
    (PKPU; not for a keputusan of a region, whose singkatan is the office's), or None when the parser does not know
    it."""
    parsed = parse_citation(f"{jenis} Nomor 1 Tahun 2000")
    if parsed is None or parsed.code == OTHER.code or (parsed.nomor, parsed.tahun) != ("1", 2000):
        return None
    name = " ".join(filter(None, [parsed.jenis.name, label_case(parsed.qualifier)]))
    return name, None if "-" in parsed.code else parsed.code


def court(peradilan: str) -> tuple[str, str] | None:
    """ "PTUN Jakarta" → ("Pengadilan Tata Usaha Negara Jakarta", "PTUN"); None when it does not start with one of
    the known abbreviations."""
    found = _COURT.match(peradilan.strip())
    if found is None:
        return None
    index = next(index for index in range(len(COURTS)) if found.group(f"c{index}"))
    short, _, name = COURTS[index]
    return " ".join(filter(None, [name, found.group("rest").strip()])), short
