"""Waktu as offices write it ("10 Menit", "½ jam", "2-3 hari kerja", "-"), and totals the way the sheets do.

A sheet keeps its three kinds of time apart: bulan, hari (working days) and clock time ("1 hari 55 menit", not
"8 jam 55 menit"). A working day is not a fixed number of clock hours, nor a month a fixed number of working days, so
hari are never made out of jam and bulan never out of hari; only clock time carries (60 detik make a menit, 60 menit a
jam). A minggu is five working days and a tahun twelve bulan. A range totals as a range: its shortest and longest ends
are summed apart.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NoReturn

from ..source.model_base import DASH, DASHES

_MONTHS, _DAYS, _SECONDS = "months", "days", "seconds"
# unit word → (kind, factor). Minggu (and pekan) are five working days; tahun twelve bulan.
_UNITS: dict[str, tuple[str, int]] = {
    "detik": (_SECONDS, 1),
    "menit": (_SECONDS, 60),
    "jam": (_SECONDS, 3600),
    "hari": (_DAYS, 1),
    "minggu": (_DAYS, 5),
    "pekan": (_DAYS, 5),
    "bulan": (_MONTHS, 1),
    "tahun": (_MONTHS, 12),
}
_PRIMES = {"'": "menit", "′": "menit", "''": "detik", '"': "detik", "″": "detik"}  # 10' = 10 menit, 30" = 30 detik
_UNIT_NAMES = "detik, menit, jam, hari, minggu atau bulan"
_SAMPLE = {"detik": "30", "menit": "30", "hari": "2"}  # the number an example puts before a unit; else 1
# Abbreviations and English that sheets do not print: named, never guessed.
_MEANT = {
    **dict.fromkeys(["hr", "hri", "h", "day", "days"], "hari"),
    **dict.fromkeys(["mnt", "mt", "min", "mins", "minute", "minutes", "m"], "menit"),
    **dict.fromkeys(["dtk", "dt", "det", "s", "sec", "secs", "second", "seconds"], "detik"),
    **dict.fromkeys(["j", "jm", "hour", "hours"], "jam"),
    **dict.fromkeys(["mg", "mgg", "week", "weeks"], "minggu"),
    **dict.fromkeys(["bl", "bln", "month", "months"], "bulan"),
    **dict.fromkeys(["th", "thn", "year", "years"], "tahun"),
}
# Words before a value that say how exact it is ("± 10 menit", "paling lama 3 hari"): the step shows them as written,
# the total counts the value.
_QUALIFIERS = (
    ("kurang", "lebih"),
    ("lebih", "kurang"),
    ("kira-kira",),
    ("sekitar",),
    ("paling", "lama"),
    ("selambat-lambatnya",),
    ("maksimal",),
    ("maks.",),
    ("maks",),
)
_RANGE_WORDS = frozenset({"s.d.", "s.d", "s/d", "sd", "sampai", "hingga"})
_FRACTIONS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3)}
_GLYPHS = "".join(_FRACTIONS)
_NUMBER_WORDS = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
}
_SCALES = {"belas": 0, "puluh": 10, "ratus": 100}  # "dua belas" adds ten, "dua puluh" and "dua ratus" multiply
_MAX_DIGITS = 6  # 999,999 of any unit is already beyond any sheet; longer numbers are a mistake, not a duration
_SHOWN = 40  # characters of the written text quoted in a message
_MAX_LENGTH = 100  # "paling lama 2 hari 3 jam 30 menit sampai dengan 3 hari 4 jam 30 menit" is 70: longer is not waktu

# One token at a time, each pattern possessive: every character is read once (tests/test_linear_time.py).
_TOKEN = re.compile(
    rf"""
    (?P<space>\s++)
    |(?P<point>\d++\.\d++)
    |(?P<number>\d++(?:[/⁄]\d++|,\d++)?+[{_GLYPHS}]?+|[{_GLYPHS}])
    |(?P<word>[^\W\d_{_GLYPHS}]++(?:[-./][^\W\d_{_GLYPHS}]++)*+\.?+)
    |(?P<paren>\([^()]*+\))
    |(?P<prime>''|["″'′])
    |(?P<plusminus>±|\+/?-)
    |(?P<dash>[-–—−])
    |(?P<comma>,)
    |(?P<times>×)
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Span:
    """A length of time in its three kinds, never converted into each other: bulan, hari kerja, clock seconds."""

    months: Fraction = Fraction(0)
    days: Fraction = Fraction(0)
    seconds: Fraction = Fraction(0)

    def __add__(self, other: Span) -> Span:
        return Span(self.months + other.months, self.days + other.days, self.seconds + other.seconds)

    def __lt__(self, other: Span) -> bool:
        """Shorter in the largest kind where the two differ: "23 jam" is shorter than "1 hari", "1 hari" than
        "1 hari 10 menit" (a range must run from the shorter end to the longer)."""
        return (self.months, self.days, self.seconds) < (other.months, other.days, other.seconds)

    def __str__(self) -> str:
        years, months = divmod(self.months, 12)
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        amounts = (
            (years, "tahun"),
            (months, "bulan"),
            (self.days, "hari"),
            (hours, "jam"),
            (minutes, "menit"),
            (seconds, "detik"),
        )
        return " ".join(f"{_number(value)} {unit}" for value, unit in amounts if value) or "0 menit"


@dataclass(frozen=True)
class Duration:
    """A step's waktu: one span, or a range from `shortest` to `longest` ("2-3 hari")."""

    shortest: Span = Span()
    longest: Span | None = None  # None: not a range
    text: str = field(default="", compare=False)  # as the office wrote it, shown beside its step

    @property
    def dash(self) -> bool:
        """Written "-": no time on the sheet, yet a time given (the step is not "belum diberi waktu")."""
        return self.text in DASHES

    def __add__(self, other: Duration) -> Duration:
        if self.longest is None and other.longest is None:
            return Duration(self.shortest + other.shortest)
        return Duration(
            self.shortest + other.shortest, (self.longest or self.shortest) + (other.longest or other.shortest)
        )

    def __str__(self) -> str:
        """The value in the sheet's words: "2 hari 10 menit – 3 hari 10 menit"; a step written "-" is "-"."""
        if self.dash:
            return DASH
        if self.longest is None:
            return str(self.shortest)
        return f"{self.shortest} – {self.longest}"


class DurationError(ValueError):
    """The text is not a duration; the message names what could not be read and how to write it."""


def parse_duration(text: str) -> Duration:
    """Read waktu as a sheet prints it, any case. Anything not understood is an error, never a guess."""
    written = " ".join(text.split())
    if not written:
        raise DurationError("waktu kosong")
    if written in DASHES:
        return Duration(text=written)
    if len(written) > _MAX_LENGTH:
        raise DurationError(
            f"waktu terlalu panjang ({len(written)} huruf; paling banyak {_MAX_LENGTH}): tulis angka lalu satuan, "
            "mis. '10 menit' atau '2-3 hari'; catatan tentang waktu ditulis di keterangan"
        )
    return _Reader(written).duration()


@dataclass(frozen=True)
class Total:
    """Normal waktu of a procedure; a lower bound when some steps have no waktu."""

    duration: Duration
    steps_without_time: int

    def __str__(self) -> str:
        if not self.steps_without_time:
            return str(self.duration)
        return f"sekurang-kurangnya {self.duration} ({self.steps_without_time} langkah belum diberi waktu)"


def total(durations: list[Duration | None]) -> Total:
    """The sum of the steps' waktu; "-" when every step is written "-", as the sheet's total would be."""
    given = [duration for duration in durations if duration is not None]
    missing = len(durations) - len(given)
    if given and not missing and all(duration.dash for duration in given):
        return Total(Duration(text=DASH), 0)
    return Total(sum(given, Duration()), missing)


def _number(value: Fraction) -> str:
    """3, ½, 1½, 1,2, 1 1/7: a glyph for halves, quarters and thirds as sheets print them, else a decimal comma."""
    whole, part = divmod(value, 1)
    if not part:
        return str(whole)
    glyph = next((glyph for glyph, fraction in _FRACTIONS.items() if fraction == part), None)
    if glyph:
        return f"{whole or ''}{glyph}"
    denominator = part.denominator
    while denominator % 2 == 0:
        denominator //= 2
    while denominator % 5 == 0:
        denominator //= 5
    if denominator == 1:  # a finite decimal
        digits = 1
        while (part * 10**digits).denominator != 1:
            digits += 1
        return f"{whole},{int(part * 10**digits):0{digits}d}"
    return f"{whole} {part}" if whole else str(part)


def _words_value(words: list[str]) -> Fraction | None:
    """Number words as a number: "dua puluh lima" → 25, "satu setengah" → 1½; None for any other word."""
    value = last = Fraction(0)
    for word in words:
        if word in _NUMBER_WORDS:
            value, last = value + last, _NUMBER_WORDS[word]
        elif word == "setengah":
            value, last = value + last, Fraction(1, 2)
        elif word == "belas":
            last += 10
        elif word in _SCALES:
            last *= _SCALES[word]
        else:
            return None
    return value + last if words else None


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.text.lower()

    @property
    def unit(self) -> str:
        """The word as a unit is looked up: "Menit." is "menit"."""
        return self.word.rstrip(".")


def _tokens(text: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind != "space":
            yield _Token(kind, match.group(), match.start(), match.end())


class _Reader:
    """Reads one waktu token by token: [qualifier] span [separator span], a span being parts like "1 jam 30 menit"."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = list(_tokens(text))
        self.at = 0
        self.in_range = False  # past the range separator: a second one is a second range

    def duration(self) -> Duration:
        self._qualifier()
        shortest, bare, units = self._span(range_start=True)
        separator = self._range_separator()
        if separator is None:
            self._at_end()
            return Duration(shortest, text=self.text)
        self.in_range = True
        longest, _, long_units = self._span(range_start=False, after=separator)
        if bare is not None:
            if len(long_units) != 1 or long_units[0] not in _UNITS:
                self._fail(
                    "tulis satuan pada kedua sisi rentang, mis. '1 jam – 1 jam 30 menit' atau '1 x 24 jam – 2 x 24 jam'"
                )
            shortest = _amount(bare, long_units[0])
        if not shortest < longest:
            self._fail(f"awal rentang ({shortest}) harus lebih singkat daripada akhirnya ({longest})")
        self._at_end()
        return Duration(shortest, longest, self.text)

    def _span(self, range_start: bool, after: _Token | None = None) -> tuple[Span, Fraction | None, list[str]]:
        """Parts up to a range separator or the end; a lone number before a separator is returned as `bare`."""
        months = days = seconds = Fraction(0)
        units: list[str] = []
        while self._number_ahead():
            first = self._peek()
            assert first is not None
            value, multiplied = self._number()
            unit = self._unit(first, bare_allowed=range_start and not units)
            if unit is None:
                return Span(), value, units
            units.append("x" if multiplied else unit)
            kind, factor = _UNITS[unit]
            amount = value * factor
            if kind == _MONTHS:
                months += amount
            elif kind == _DAYS:
                days += amount
            else:
                seconds += amount
            token = self._peek()
            if token is not None and (token.kind == "comma" or token.word == "dan") and self._number_ahead(1):
                self.at += 1
        if not units:
            token = self._peek()
            if token is None and after is not None:
                self._fail(f"rentang tidak lengkap setelah '{after.text}'; tulis mis. '2-3 hari'")
            if token is None:
                self._fail("angka waktu tidak ada; tulis mis. '10 menit'")
            self._unexpected(token)
        return Span(months, days, seconds), None, units

    def _number_ahead(self, ahead: int = 0) -> bool:
        token = self._peek(ahead)
        return token is not None and (token.kind == "number" or token.word == "setengah")

    def _number(self) -> tuple[Fraction, bool]:
        """A number as written: 2, 1,5, 1/2, ½, 1½, 1 1/2, setengah; checked against "(tiga)"; "1 x 24" multiplied."""
        token = self._take()
        value = self._value(token)
        following = self._peek()
        if (
            following is not None
            and token.text.isdigit()
            and (following.word == "setengah" or (following.kind == "number" and not following.text.isdigit()))
            and self._value(following) < 1
        ):
            value += self._value(self._take())  # 1 1/2, 1 setengah
        following = self._peek()
        if following is not None and following.kind == "paren":
            self._check_in_words(token, value, self._take())
        following = self._peek()
        if following is not None and (following.kind == "times" or following.word == "x"):
            sign = self._take()
            factor = self._peek()
            if factor is None or factor.kind != "number":
                self._fail(f"'{sign.text}' harus di antara dua angka, mis. '1 x 24 jam'")
            return value * self._value(self._take()), True
        return value, False

    def _value(self, token: _Token) -> Fraction:
        if token.word == "setengah":
            return Fraction(1, 2)
        for digits in re.findall(r"\d+", token.text):
            if len(digits) > _MAX_DIGITS:
                shown = digits if len(digits) <= 12 else f"{digits[:12]}…"
                raise DurationError(f"angka waktu '{shown}' terlalu besar; tulis paling banyak {_MAX_DIGITS} angka")
        number = token.text.replace("⁄", "/").replace(",", ".")
        glyph = number[-1] if number[-1] in _FRACTIONS else ""
        if glyph and not number[:-1].isdigit() and number[:-1]:
            self._fail(f"'{token.text}' bukan angka yang dikenal; tulis mis. '1½' atau '1,5'")
        try:
            return Fraction(number[:-1] or 0) + _FRACTIONS[glyph] if glyph else Fraction(number)
        except ZeroDivisionError:
            self._fail(f"pecahan '{token.text}' tidak sah: penyebutnya nol")

    def _check_in_words(self, number: _Token, value: Fraction, paren: _Token) -> None:
        """A number spelled out after it, "3 (tiga) hari", must say the same number."""
        spelled = _words_value(paren.text[1:-1].lower().split())
        if spelled is None:
            self._unexpected(paren)
        if spelled != value:
            self._fail(f"angka {number.text} dan {paren.text} tidak sama")

    def _unit(self, number: _Token, bare_allowed: bool) -> str | None:
        """The unit after a number (and "kerja" after hari); None for a lone number before a range separator."""
        token = self._peek()
        if token is None or (token.kind not in ("word", "prime")) or self._is_range_separator(token):
            if bare_allowed and token is not None and self._is_range_separator(token):
                return None
            if self.in_range and token is not None and self._is_range_separator(token):
                self._fail("tulis satu rentang saja, mis. '2-3 hari'")
            shown = self.text[number.start : self.tokens[self.at - 1].end]
            before = self._before(number)
            where = f" setelah '{before}'" if before else ""
            if token is not None and token.kind in ("other", "paren", "plusminus"):
                self._unexpected(token)
            self._fail(f"angka '{shown}'{where} tanpa satuan; tulis satuannya ({_UNIT_NAMES}), mis. '{shown} menit'")
        self.at += 1
        if token.kind == "prime":
            return _PRIMES[token.text]
        unit = token.unit
        if unit not in _UNITS:
            meant = _MEANT.get(unit) or (len(unit) <= 20 and next(iter(difflib.get_close_matches(unit, _UNITS)), None))
            if meant:
                self._fail(f"satuan '{token.text}' tidak dikenal; maksud Anda '{meant}'?")
            self._fail(f"satuan '{token.text}' tidak dikenal; tulis {_UNIT_NAMES}")
        following = self._peek()
        if unit == "hari" and following is not None and following.unit in ("kerja", "kalender"):
            if following.unit == "kalender":
                self._fail(
                    "hari kalender tidak dapat dijumlahkan dengan hari kerja; tulis jumlah hari kerjanya, mis. '2 hari'"
                )
            self.at += 1
        return unit

    def _qualifier(self) -> None:
        token = self._peek()
        self.at += 1 if token is not None and token.kind == "plusminus" else self._qualifier_ahead()

    def _qualifier_ahead(self) -> int:
        """The number of words of the qualifier ("paling lama") that starts here, or 0."""
        return next((len(words) for words in _QUALIFIERS if self._words_ahead(words)), 0)

    def _in_words(self) -> str:
        """What to write for a number in words ("sepuluh menit"): its digits, before the unit that follows."""
        words = []
        while (token := self._peek(len(words))) is not None and token.kind == "word":
            if _words_value([token.word]) is None and token.word not in _SCALES:
                break
            words.append(token)
        value = _words_value([token.word for token in words])
        unit = self._peek(len(words))
        written = " ".join(token.text for token in words)
        if value is None or unit is None or unit.unit not in _UNITS:
            return f"'{written}' ditulis dengan angka, mis. '3 hari' atau '3 (tiga) hari'"
        digits = _number(value)
        return f"'{written}' ditulis dengan angka: '{digits} {unit.text}' atau '{digits} ({written}) {unit.text}'"

    def _words_ahead(self, words: tuple[str, ...]) -> bool:
        return all((token := self._peek(ahead)) is not None and token.word == word for ahead, word in enumerate(words))

    def _is_range_separator(self, token: _Token) -> bool:
        return token.kind == "dash" or token.word in _RANGE_WORDS

    def _range_separator(self) -> _Token | None:
        token = self._peek()
        if token is None or not self._is_range_separator(token):
            return None
        self.at += 1
        if token.word == "sampai" and self._words_ahead(("dengan",)):
            self.at += 1
        return token

    def _at_end(self) -> None:
        token = self._peek()
        if token is None:
            return
        if self._is_range_separator(token):
            self._fail("tulis satu rentang saja, mis. '2-3 hari'")
        self._unexpected(token)

    def _unexpected(self, token: _Token) -> NoReturn:
        """A token where a number or the end was due: say which word, after what, and what was meant."""
        before = self._before(token)
        where = f" setelah '{before}'" if before else ""
        word = token.unit
        if token.kind == "point":
            self._fail(f"pecahan ditulis dengan koma: '{token.text.replace('.', ',')}', bukan '{token.text}'")
        if token.kind == "word" and word in _UNITS:
            self._fail(f"'{token.text}'{where} tidak diawali angka, mis. '{_SAMPLE.get(word, '1')} {token.text}'")
        if token.kind == "word" and (word in _NUMBER_WORDS or word in _SCALES) and token is self._peek():
            self._fail(self._in_words())
        words = self._qualifier_ahead() if token is self._peek() else 0
        if token.kind == "plusminus" or words:
            phrase = " ".join(self.tokens[self.at + index].text for index in range(max(words, 1)))
            self._fail(f"'{phrase}'{where} hanya boleh di awal waktu, mis. '± 10 menit' atau 'paling lama 3 hari'")
        if token.kind == "paren":
            self._fail(f"'{token.text}'{where} tidak dikenal; catatan tentang waktu ditulis di keterangan")
        if token.kind == "word":
            self._fail(
                f"'{token.text}'{where} tidak dikenal; tulis angka lalu satuan ({_UNIT_NAMES}), "
                "mis. '10 menit', '1 jam 30 menit' atau '2-3 hari'"
            )
        if token.text == "(":
            self._fail(f"kurung '('{where} tidak ditutup")
        self._fail(f"tanda '{token.text}'{where} tidak dikenal")

    def _before(self, token: _Token) -> str:
        before = self.text[: token.start].rstrip()
        return before if len(before) <= _SHOWN else f"…{before[-_SHOWN:].lstrip()}"

    def _fail(self, reason: str) -> NoReturn:
        shown = self.text if len(self.text) <= _SHOWN else f"{self.text[:_SHOWN].rstrip()}…"
        raise DurationError(f"waktu '{shown}' tidak dapat dibaca: {reason}")

    def _peek(self, ahead: int = 0) -> _Token | None:
        index = self.at + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def _take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token


def _amount(value: Fraction, unit: str) -> Span:
    kind, factor = _UNITS[unit]
    amount = value * factor
    return Span(**{kind: amount})
