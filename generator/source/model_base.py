"""Building blocks shared by the SOP and archive models.

Every string an editor writes is read through `Text` (one line) or `LongText` (paragraphs), so a new field gets the
rule of its kind by its type; every date through `Date`, which also keeps it in a plausible range. A sheet prints "-"
in a box or date it leaves empty: `DASH` is that value, kept and shown as the sheet shows it (an absent field is not
shown at all); `DateOrDash` is a date a sheet may leave "-".
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError
from stdnum import isbn

from .problems import INVISIBLE, visible

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ACTOR_ID = r"^[a-z0-9]+([_-][a-z0-9]+)*$"  # a pelaksana's id: like SLUG, and '_' too
# An https address with nothing that could end a link or an attribute (spaces, quotes, brackets, braces).
# `$` is the end of the text for pydantic (Rust regex) and JSON Schema; Python's `re` also lets it match before a
# final line break, so Python code checks this pattern with `re.fullmatch`.
HTTPS_URL = r"^https://[^\s<>\"'{}|\\^`()]+$"
# An e-mail address as a reader can use it: one @, a dot in the domain, no spaces (not the full RFC 5322 grammar).
EMAIL = r"^[^@\s<>\"'(),;:]+@[^@\s<>\"'(),;:]+\.[A-Za-z]{2,}$"
# Shown by Pagefind's filter panel, which renders values as HTML: a facet label carries no markup characters.
PLAIN_LABEL = r"^[^<>&\"]+$"
# A file under docs/ as written from there (kantor.yaml's logo): no leading '/', no part starting with '.' (so no
# '..'), an image type browsers show.
DOCS_IMAGE = r"^([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.(png|svg|jpg|jpeg|webp)$"
ISBN = r"^(97[89][- ]?)?([0-9][- ]?){9}[0-9Xx]$"  # ISBN-10 or -13 as printed, with or without hyphens
DASH = "-"  # a box or date the sheet leaves empty: shown as "-", where a field left out is not shown
DASHES = frozenset({DASH, "–", "—"})  # "-" as typed, or the en or em dash copied from a sheet made in Word
DATE_DASH = "'-' bukan tanggal; tulis TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"


def _as_list(value: Any) -> Any:
    """Let editors write a single item without list syntax: `pelaksana: kasubag`."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value
    raise PydanticCustomError("text_or_list_type", "not text or a list of text")


def _date_as_written(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic would read `tanggal: 0` or `"86400"` as seconds since 1970, silently wrong."""
    if isinstance(value, datetime.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    if value in DASHES:  # a date that must be a date (`DateOrDash` takes "-" before it gets here)
        raise PydanticCustomError("date_dash", DATE_DASH)
    raise PydanticCustomError("date_type", "not a YYYY-MM-DD date")


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EARLIEST_YEAR = 1945  # nothing an office archives or signs is older than the republic


def _latest_year() -> int:
    """Next year: a keputusan may be signed now to take effect in January; anything later is a typo."""
    return datetime.date.today().year + 1


def _plausible_date(value: datetime.date) -> datetime.date:
    """Year 0001 fails the JDIHN schema at the end of a build; a date in 2099 dates the whole site (sitemap lastmod)."""
    if EARLIEST_YEAR <= value.year <= _latest_year():
        return value
    raise PydanticCustomError(
        "date_range",
        f"tanggal {value.isoformat()} tidak masuk akal; tulis tanggal dari tahun {EARLIEST_YEAR} sampai tahun depan",
    )


def _plausible_year(value: int) -> int:
    """Like a date's year: the schema says up to 2100 (it cannot change every January), this says up to next year."""
    if value <= _latest_year():
        return value
    raise PydanticCustomError("year_range", f"tahun {value} belum tiba; tulis tahun sampai tahun depan")


def _without_isbn_prefix(value: Any) -> Any:
    """Books print "ISBN 978-…" (or "ISBN-13: …"): the number is what follows."""
    return _ISBN_PREFIX.sub("", value) if isinstance(value, str) else value


def _valid_isbn(value: str) -> str:
    """The check digit catches a mistyped digit, as every library catalogue does (python-stdnum's ISBN rules)."""
    if isbn.is_valid(value):
        return value
    raise PydanticCustomError(
        "isbn_checksum",
        f"ISBN {value} tidak sah: angka terakhirnya (angka pemeriksa) tidak cocok dengan angka lainnya; salin lagi "
        "dari balik halaman judul buku",
    )


_ISBN_PREFIX = re.compile(r"^\s*ISBN(?:-1[03])?\s*:?\s*", re.IGNORECASE)
Isbn = Annotated[str, BeforeValidator(_without_isbn_prefix), Field(pattern=ISBN), AfterValidator(_valid_isbn)]
Date = Annotated[datetime.date, BeforeValidator(_date_as_written), AfterValidator(_plausible_date)]
Year = Annotated[int, Field(ge=EARLIEST_YEAR, le=2100), AfterValidator(_plausible_year)]
_DATE: TypeAdapter[datetime.date] = TypeAdapter(Date)


def _date_or_dash(value: Any) -> datetime.date | str:
    """ "-" as written (or the en or em dash a sheet copied from Word); anything else is read as a `Date`, with the
    date's own message only (a union would add "or not '-'" to every mistyped date)."""
    if isinstance(value, str) and value.strip() in DASHES:
        return DASH
    try:
        return _DATE.validate_python(value)
    except ValidationError as error:
        first = error.errors()[0]
        raise PydanticCustomError(first["type"], first["msg"], first.get("ctx")) from None


# A date a sheet may print as "-" (the SOP's own dates): the value is then the text "-", shown as written. Only for a
# field that may be left out: a date the record needs cannot be "-".
DateOrDash = Annotated[
    datetime.date | Literal["-"],
    PlainValidator(_date_or_dash),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"const": DASH, "description": "'-' seperti di lembar: tanggal dibiarkan kosong."},
            ]
        }
    ),
]

# Characters no text may hold (problems.INVISIBLE: controls, line and paragraph separators, bidi controls). In one line
# a line break forges a paragraph or a heading of its own (`nama_sop: "SOP\r===\rPENGUMUMAN"`), turns a table into a
# code block, or ends a link; a control character makes feed.xml invalid XML; a bidi control reorders what readers
# see. Text of several paragraphs keeps its line breaks, written as "\n" only.
_UNSEEN = re.compile(f"[{INVISIBLE}]")
_UNSEEN_BUT_NEWLINE = re.compile(f"(?!\n)[{INVISIBLE}]")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _one_line(value: str) -> str:
    found = _UNSEEN.search(value)
    if found:
        raise PydanticCustomError("one_line", _refusal(found.group(), found.start() + 1, long=False))
    return value


def _paragraphs(value: str) -> str:
    """Windows line ends become "\n"; any other line break or control character is refused, like in one line."""
    value = value.replace("\r\n", "\n")
    found = _UNSEEN_BUT_NEWLINE.search(value)
    if found:
        raise PydanticCustomError("long_text", _refusal(found.group(), found.start() + 1, long=True))
    return value


def _refusal(char: str, position: int, long: bool) -> str:
    """Why `char` at `position` (1-based, in the value) is refused, and what to write instead."""
    shown, at = visible(char), f"pada karakter ke-{position}"
    if char == "\t":
        return f"tab {at} tidak boleh ada; ganti dengan spasi"
    if char in _LINE_BREAKS:
        if long:
            return f"pindah baris {shown} {at} tidak boleh ada; mulai baris baru dengan Enter biasa"
        folded = "; teks di bawah '|' ditulis di bawah '>-' agar barisnya digabung" if char == "\n" else ""
        return f"harus satu baris; hapus pindah baris {shown} {at}{folded}"
    if char in _BIDI:
        return f"karakter pengatur arah teks {shown} {at} tidak boleh ada (dapat mengacak urutan teks); hapus itu"
    return f"karakter tak terlihat {shown} {at} tidak boleh ada; hapus itu (sering ikut tersalin dari Word atau PDF)"


Text = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]
# Its schema says `x-paragraf`: the web editor gives it a box of several lines (editor/fields.py).
LongText = Annotated[str, Field(min_length=1, json_schema_extra={"x-paragraf": True}), AfterValidator(_paragraphs)]


def _no_quotes_around(value: str) -> str:
    """A number or NIP typed with its YAML quotes into the web form (`"12"`) would be shown with them."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" and value[0] not in value[1:-1]:
        raise PydanticCustomError(
            "quoted", "tanda kutip di awal dan akhir ikut menjadi isi; hapus keduanya (di formulir web tidak perlu)"
        )
    return value


# A number or code as printed (nomor, NIP, volume): YAML writes it between quotes, the value never holds them.
Code = Annotated[Text, AfterValidator(_no_quotes_around)]
# One line that may be empty: a symbol's text, where "" draws the symbol without text as many sheets do.
LineOrEmpty = Annotated[str, AfterValidator(_one_line)]


def _text_or_list_schema(min_items: int) -> dict[str, Any]:
    array: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1}}
    if min_items:
        array["minItems"] = min_items
    return {"anyOf": [{"type": "string", "minLength": 1}, array]}


TextList = Annotated[list[Text], BeforeValidator(_as_list), WithJsonSchema(_text_or_list_schema(0))]
# At least one item: `kegiatan: []` is a step that does nothing, and the schema says so to the editor too.
NonEmptyTextList = Annotated[
    list[Text], BeforeValidator(_as_list), Field(min_length=1), WithJsonSchema(_text_or_list_schema(1))
]


# Notes of whoever transcribed the file, for the next editor: where a value came from, what was inferred (an actor the
# sheet does not print). YAML comments said this before the web editor, which drops comments; never shown on the site.
CATATAN_TRANSKRIPSI = (
    "Catatan penyalin untuk editor berikutnya: sumber isian, apa yang disimpulkan (mis. pelaksana yang tidak "
    "tercetak). Tidak tampil di situs."
)


def inside_archive(value: Any) -> Any:
    """The web editor writes an uploaded file as `/lampiran/x.pdf` (its public folder, from the archive's root): the
    same file as `lampiran/x.pdf`, the spelling every other reader of the models uses."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//"):
        return value[1:]
    return value


# A file inside content_archive/ (or, where the field allows, an https address): `lampiran/x.pdf` or `/lampiran/x.pdf`.
ArchiveFile = Annotated[Text, BeforeValidator(inside_archive)]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo'd field is reported instead of silently ignored."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
