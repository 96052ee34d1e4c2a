"""Parse Indonesian legal citations as SOPs and keputusan write them, so every spelling of one regulation
("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", "UU No. 7 Tahun 2017") gets one identity.

The parser never raises: a line it cannot read comes back as `None` and the caller shows it as written.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

# Hierarchy groups (UU 12/2011 and the regulations beside it), in the order the index shows them.
GROUPS = (
    "Undang-Undang Dasar",
    "Undang-Undang / Perppu",
    "Peraturan Pemerintah",
    "Peraturan Presiden",
    "Peraturan Menteri",
    "Peraturan KPU dan lembaga negara",
    "Keputusan",
    "Peraturan daerah",
)


@dataclass(frozen=True)
class Jenis:
    code: str
    name: str  # canonical full name, e.g. "Peraturan Komisi Pemilihan Umum"
    group: int  # index in GROUPS
    pattern: str  # regex alternatives for the full and short forms
    qualified: str = ""  # "menteri" (ministry follows) or "wilayah" (region follows), else ""


# Longer forms first: the regex tries them in order.
JENIS = (
    Jenis(
        "UUD",
        "Undang-Undang Dasar Negara Republik Indonesia",
        0,
        r"undang[- ]undang dasar(?: negara republik indonesia)?|uud(?: nri)?",
    ),
    Jenis(
        "PERPPU",
        "Peraturan Pemerintah Pengganti Undang-Undang",
        1,
        r"peraturan pemerintah pengganti undang[- ]undang|perppu",
    ),
    Jenis("UU", "Undang-Undang", 1, r"undang[- ]undang|uu"),
    Jenis("PP", "Peraturan Pemerintah", 2, r"peraturan pemerintah|pp"),
    Jenis("PERPRES", "Peraturan Presiden", 3, r"peraturan presiden|perpres"),
    Jenis("PERMEN", "Peraturan Menteri", 4, r"peraturan menteri|permen", "menteri"),
    Jenis(
        "PKPU",
        "Peraturan Komisi Pemilihan Umum",
        5,
        r"peraturan komisi pemilihan umum(?: republik indonesia)?|peraturan kpu(?: ri)?|pkpu",
    ),
    Jenis(
        "PERBAWASLU",
        "Peraturan Badan Pengawas Pemilihan Umum",
        5,
        r"peraturan badan pengawas pemilihan umum|peraturan bawaslu|perbawaslu",
    ),
    Jenis("PERKI", "Peraturan Komisi Informasi", 5, r"peraturan komisi informasi(?: pusat)?|perki"),
    Jenis(
        "PERDKPP",
        "Peraturan Dewan Kehormatan Penyelenggara Pemilu",
        5,
        r"peraturan dewan kehormatan penyelenggara pemilihan umum|peraturan dewan kehormatan penyelenggara pemilu|"
        r"peraturan dkpp",
    ),
    Jenis("KEPPRES", "Keputusan Presiden", 6, r"keputusan presiden|keppres"),
    Jenis("KEPMEN", "Keputusan Menteri", 6, r"keputusan menteri|kepmen", "menteri"),
    Jenis(
        "KEPKPU-WIL",
        "Keputusan Komisi Pemilihan Umum",
        6,
        r"keputusan (?:komisi pemilihan umum|kpu)(?= (?:provinsi|prov\.|kabupaten|kab\.|kota) )",
        "wilayah",
    ),
    Jenis(
        "KEPKPU",
        "Keputusan Komisi Pemilihan Umum",
        6,
        r"keputusan komisi pemilihan umum(?: republik indonesia)?|keputusan kpu(?: ri)?|kepkpu",
    ),
    Jenis(
        "KEPSEKJEN",
        "Keputusan Sekretaris Jenderal Komisi Pemilihan Umum",
        6,
        r"keputusan sekretaris jenderal (?:komisi pemilihan umum|kpu)",
    ),
    Jenis("PERDA", "Peraturan Daerah", 7, r"peraturan daerah|perda", "wilayah"),
    Jenis("PERGUB", "Peraturan Gubernur", 7, r"peraturan gubernur|pergub", "wilayah"),
    Jenis("PERBUP", "Peraturan Bupati", 7, r"peraturan bupati|perbup", "wilayah"),
    Jenis("PERWALI", "Peraturan Wali Kota", 7, r"peraturan wali ?kota|perwal(?:i|kot)?", "wilayah"),
)
# An archive item whose jenis the parser does not know keeps its own jenis as the qualifier.
OTHER = Jenis("LAIN", "Produk hukum lain", 6, r"(?!)", "jenis")
JENIS_BY_CODE = {jenis.code: jenis for jenis in (*JENIS, OTHER)}

# Short forms of ministry regulations and the ministry they name.
MINISTRY_SHORT = {
    "permenkumham": "Hukum dan Hak Asasi Manusia",
    "permendagri": "Dalam Negeri",
    "permenpan rb": "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "permenpanrb": "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "permenpan-rb": "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "permenkominfo": "Komunikasi dan Informatika",
    "permenkeu": "Keuangan",
    "pmk": "Keuangan",
    "permendikbud": "Pendidikan dan Kebudayaan",
    "permensesneg": "Sekretaris Negara",
}
MINISTRY_ALIASES = {
    "hukum dan ham": "Hukum dan Hak Asasi Manusia",
    "panrb": "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "pan rb": "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
}

_JENIS_RE = "|".join(f"(?P<j{index}>{jenis.pattern})" for index, jenis in enumerate(JENIS))
_MINISTRY_SHORT_RE = "|".join(re.escape(short) for short in sorted(MINISTRY_SHORT, key=len, reverse=True))
_HEAD = re.compile(
    rf"^(?:(?P<short>{_MINISTRY_SHORT_RE})|(?:{_JENIS_RE}))\b"
    r"(?P<qualifier>(?:\s+(?!nomor\b|no\b|tahun\b|tentang\b)[^\s\d]\S*){0,12}?)"
    r"(?:\s+republik indonesia)?"
    r"\s*(?:,\s*)?(?:(?:nomor|nomer|no)\s*\.?\s*:?\s*)?"
    # A number ("8", "10/HK.04/08/2022", "134/Kpts/KPU/Tahun 2016"), or straight to the year (UUD 1945).
    r"(?:(?P<nomor>\d[\w.\-]*(?:\s*/\s*(?!tahun\b)[\w.\-]+)*(?:\s*/\s*tahun\s+\d{4})?)|(?=\s*,?\s*tahun\s+\d{4}))"
    r"(?:\s*,?\s+tahun\s+(?P<tahun>\d{4}))?"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_SOURCE = re.compile(r"\(\s*((?:lembaran|berita|tambahan)\s+(?:negara|daerah)[^()]*)\)", re.IGNORECASE)
# Parts of a source: "Lembaran Negara … Tahun 2017 Nomor 182". Searched one after the other in a segment between
# commas, never as one pattern with lazy gaps (that re-scans the segment from every kind word: quadratic).
_SOURCE_KIND = re.compile(
    r"tambahan lembaran negara|lembaran negara|berita negara|lembaran daerah|berita daerah", re.IGNORECASE
)
_SOURCE_YEAR = re.compile(r"\btahun\s+(\d{4})", re.IGNORECASE)
_SOURCE_NUMBER = re.compile(r"\bnomor\s+([\w./-]+)", re.IGNORECASE)
_SOURCE_SHORT = {
    "lembaran negara": "LN",
    "tambahan lembaran negara": "TLN",
    "berita negara": "BN",
    "lembaran daerah": "LD",
    "berita daerah": "BD",
}
_AMENDED = re.compile(
    r"[,;]?\s*sebagaimana\s+(?:telah\s+)?(?:beberapa\s+kali\s+)?(?:diubah|diganti|dicabut)"
    r"(?:\s+(?:beberapa\s+kali|untuk\s+kedua\s+kali|untuk\s+terakhir\s+kali))?\s*,?"
    r"(?:\s*terakhir)?\s*(?:dengan|oleh)\s+",
    re.IGNORECASE,
)
_TENTANG = re.compile(r"^\s*,?\s*tentang\s+", re.IGNORECASE)
_LIST_PREFIX = re.compile(r"^\s*(?:\d{1,2}|[a-zA-Z])\s*[.)]\s+|^\s*\d{1,2}\s+(?=[A-Za-z])")
# "Pasal 22E ayat (5) huruf a Undang-Undang Dasar …": the article cited does not change the regulation.
_ARTICLE_PREFIX = re.compile(r"^pasal\s+\w+(?:\s+ayat\s+\(\w+\))?(?:\s+huruf\s+\w)?(?:\s+dan\s+\w+)?\s+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ";,.:"
_TRAILING_WORDS = ("dan", "atau", "serta")
_TAGS = re.compile(r"<[^<>]*>")  # not `<[^>]*>`: from every one of a thousand unclosed '<' it scans to the end
_ANY_JENIS = "|".join(f"(?:{jenis.pattern})" for jenis in JENIS)  # no groups: re.split must not return captures
_SPLIT_AMENDERS = re.compile(r"[;,]?\s+(?:dan|serta)\s+(?=(?:" + _ANY_JENIS + r")\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    """One regulation as cited: its identity fields, what the citing text says of it, and what amended it."""

    code: str
    qualifier: str  # the ministry or region, as written ("" when the jenis needs none)
    nomor: str
    tahun: int | None
    tentang: str | None = None
    sumber: str | None = None
    amended_by: tuple[Citation, ...] = field(default_factory=tuple)

    @property
    def jenis(self) -> Jenis:
        return JENIS_BY_CODE[self.code]

    @cached_property
    def key(self) -> str:
        """Identity: the same regulation however it is spelled."""
        qualifier = _normal_qualifier(self.qualifier)
        nomor = re.sub(r"\s+", "", self.nomor).casefold()
        return f"{self.code}|{qualifier}|{nomor}|{self.tahun or ''}"

    @property
    def name(self) -> str:
        """Canonical short title: "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019"."""
        parts = [self.qualifier] if self.code == OTHER.code else [self.jenis.name]
        if self.qualifier and self.code != OTHER.code:
            parts.append(self.qualifier)
        if self.nomor:
            parts.append(f"Nomor {self.nomor}")
        if self.tahun and not re.search(rf"{self.tahun}\s*$", self.nomor):
            parts.append(f"Tahun {self.tahun}")
        return " ".join(parts)


def clean(line: str) -> str:
    """The citation text without HTML leftovers, list numbering and trailing list punctuation."""
    text = html.unescape(_TAGS.sub(" ", line))
    text = re.sub(r"\s+", " ", text).strip()
    text = _LIST_PREFIX.sub("", text, count=1)
    text = _ARTICLE_PREFIX.sub("", text, count=1)
    return _strip_trailing(text)


def _strip_trailing(text: str) -> str:
    """`text` without trailing list punctuation and joining words ("…; dan"), scanned from the end: linear.

    A regex anchored at `$` would be tried from every position of a long run of "; " and fail at each: quadratic.
    """
    while True:
        text = text.rstrip()
        if text and text[-1] in _TRAILING_PUNCTUATION:
            text = text[:-1]
            continue
        word = next((word for word in _TRAILING_WORDS if _ends_with_word(text, word)), None)
        if word is None:
            return text.strip()
        text = text[: -len(word)]


def _ends_with_word(text: str, word: str) -> bool:
    if not text[-len(word) :].lower() == word:
        return False
    before = text[-len(word) - 1 : -len(word)]  # the character before the word, without copying the text
    return not (before.isalnum() or before == "_")


@lru_cache(maxsize=1 << 16)
def parse_citation(line: str) -> Citation | None:
    """The citation in `line`, or None when it does not start with a known jenis and a number or year.

    Kept per line text (a `Citation` is immutable): every load reads the same dasar hukum lines, and each archive
    item's own identity twice (`index.archive_citation`), so a serve rebuild re-reads only what changed.
    """
    return _parse(clean(line), depth=0)


def _parse(text: str, depth: int) -> Citation | None:
    match = _HEAD.match(text)
    if match is None or depth > 3:
        return None
    jenis, qualifier = _jenis_and_qualifier(match)
    nomor = re.sub(r"\s*/\s*", "/", match.group("nomor") or "").strip()
    tahun = int(match.group("tahun")) if match.group("tahun") else _year_in(nomor)
    shorthand = re.fullmatch(r"(\d+)/((?:19|20)\d{2})", nomor)
    if shorthand and not match.group("tahun"):  # "PKPU 8/2019" is PKPU Nomor 8 Tahun 2019
        nomor = shorthand.group(1)
    if jenis.code == "UUD":
        nomor, tahun = "", tahun or 1945
    elif not nomor:
        return None  # only a year: "Undang-Undang Tahun 2017" names no regulation
    if jenis.qualified and not qualifier:
        return None  # "Peraturan Menteri Nomor 5" names no ministry: not an identity
    rest = match.group("rest")
    amended: list[Citation] = []
    amendment = _AMENDED.search(rest)
    if amendment:
        for part in _SPLIT_AMENDERS.split(rest[amendment.end() :]):
            parsed = _parse(clean(part), depth + 1)
            if parsed:
                amended.append(parsed)
        rest = rest[: amendment.start()]
    sources = [_short_source(found) for found in _SOURCE.findall(rest)]
    rest = _SOURCE.sub(" ", rest)
    tentang = None
    about = _TENTANG.match(rest)
    if about:
        tentang = _strip_trailing(re.sub(r"\s+", " ", rest[about.end() :])) or None
    return Citation(
        jenis.code, qualifier, nomor, tahun, tentang, ", ".join(s for s in sources if s) or None, tuple(amended)
    )


def _jenis_and_qualifier(match: re.Match[str]) -> tuple[Jenis, str]:
    qualifier = re.sub(r"\s+", " ", match.group("qualifier") or "").strip(" ,")
    if match.group("short"):
        return JENIS_BY_CODE["PERMEN"], MINISTRY_SHORT[match.group("short").lower()]
    index = next(i for i in range(len(JENIS)) if match.group(f"j{i}"))
    jenis = JENIS[index]
    if not jenis.qualified:
        return jenis, ""
    if jenis.qualified == "menteri":
        qualifier = re.sub(r"^menteri\s+", "", qualifier, flags=re.IGNORECASE)
        qualifier = MINISTRY_ALIASES.get(qualifier.lower(), qualifier)
    return jenis, qualifier


def _year_in(nomor: str) -> int | None:
    found = re.search(r"(?:^|/|\s)((?:19|20)\d{2})$", nomor)
    return int(found.group(1)) if found else None


def _short_source(text: str) -> str:
    """ "Lembaran Negara … Tahun 2017 Nomor 182, Tambahan Lembaran Negara … Nomor 6109" → "LN 2017 (182), TLN (6109)".

    In each segment between commas or semicolons: a kind, then the first "tahun YYYY" after it if a "nomor" follows
    that, and the first "nomor" after it; every search starts where the last one ended, so the text is read once.
    """
    parts = []
    for segment in re.split(r"[,;]", text):
        position = 0
        while kind := _SOURCE_KIND.search(segment, position):
            year = _SOURCE_YEAR.search(segment, kind.end())
            number = _SOURCE_NUMBER.search(segment, year.end()) if year else None
            if number is None:
                year, number = None, _SOURCE_NUMBER.search(segment, kind.end())
            if number is None:
                break
            tahun = f" {year.group(1)}" if year else ""
            parts.append(f"{_SOURCE_SHORT[kind.group().lower()]}{tahun} ({number.group(1).rstrip('.,')})")
            position = number.end()
    return ", ".join(parts)


def _normal_qualifier(qualifier: str) -> str:
    text = qualifier.casefold().replace("kab.", "kabupaten").replace("prov.", "provinsi")
    text = re.sub(r"\b(?:republik indonesia|ri)\b", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass(frozen=True)
class CitationForms:
    """How people cite one archive item in a search box, and the keys a search names it by (see `search_key`)."""

    forms: tuple[str, ...]  # "UU 7/2017", "7/2017": indexed on the item's page, hidden from the eye
    keys: tuple[str, ...]  # "uu:7/2017", "n:7/2017": the item is *the* document a query with such a key names


def citation_forms(jenis: str, singkatan: str, nomor: str, tahun: int) -> CitationForms:
    """The short forms of "Undang-Undang Nomor 7 Tahun 2017" (UU 7/2017, 7/2017) and of a keputusan's slashed number
    ("13/PP.07.1/1306/2021" and its leading number with the year, "13/2021"), which its page never spells out.

    The jenis is known by the item's own abbreviation and by the parser's code (KEPKPU-WIL → "kepkpu-wil"), so a query
    with either names it.
    """
    numbers = [number_with_year(nomor, tahun)]
    leading = re.match(r"\d+", nomor)
    if leading and leading.group() != nomor:
        numbers.append(f"{leading.group()}/{tahun}")
    parsed = parse_citation(f"{jenis} Nomor {nomor} Tahun {tahun}")
    names = dict.fromkeys(search_key(name) for name in (singkatan, parsed.code if parsed else "") if name)
    forms = [f"{singkatan} {number}" for number in numbers] + numbers
    keys = [f"{name}:{search_key(number)}" for number in numbers for name in names]
    keys += [f"n:{search_key(number)}" for number in numbers]
    return CitationForms(tuple(forms), tuple(dict.fromkeys(keys)))


def nomor_keys(nomor: str) -> tuple[str, ...]:
    """What the archive's Nomor field matches exactly: the whole number as a key and its leading number
    ("13/PP.07.1/1306/2021" → "13/pp071/1306/2021", "13"; "7" → "7"). arsip.js keys what a reader typed the same way.
    """
    whole = search_key(re.sub(r"\s*/\s*", "/", nomor.strip()))
    leading = re.match(r"\d+", whole)
    return tuple(dict.fromkeys([whole, *([leading.group()] if leading else [])]))


def number_with_year(nomor: str, tahun: int) -> str:
    """ "7" → "7/2017"; a number that already ends with its year ("10/HK.04/08/2022") stays as it is."""
    nomor = re.sub(r"\s*/\s*", "/", nomor.strip())
    return nomor if re.search(rf"(?:^|/|\s){tahun}$", nomor) else f"{nomor}/{tahun}"


def search_key(text: str) -> str:
    """A jenis or number as search compares it: lower case, letters, digits and slashes ("PP.07.1" → "pp071").

    pencari.js computes the same key from what a reader typed (`key` there); the two must stay equal.
    """
    return re.sub(r"[^a-z0-9/]+", "", text.casefold())


def jenis_table() -> list[dict[str, str]]:
    """The jenis the parser knows, for the search page to read citations in a query the same way (pencari.js).

    Python's patterns use only what JavaScript's regular expressions also mean the same way (alternation, optional
    groups, character classes, lookahead), so they are handed over as they are.
    """
    table = [{"code": search_key(jenis.code), "pattern": jenis.pattern} for jenis in JENIS]
    shorts = sorted(MINISTRY_SHORT, key=len, reverse=True)
    table.append({"code": search_key("PERMEN"), "pattern": "|".join(re.escape(short) for short in shorts)})
    return table
