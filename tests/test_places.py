"""Places named the way the sheet names them, and "maksud Anda" guesses that are real near misses."""

from __future__ import annotations

import pytest

from generator.source.guess import near_miss
from generator.source.places import place

TWO = {
    "prosedur": [
        {"langkah": [{"no": 1}, {"no": 3}, {"no": 3}, {"no": "empat"}], "pelaksana": [{"id": "a"}, {"id": "b"}]},
        {"langkah": [{"no": 1, "pelaksana": "staf"}, {"no": 2, "pelaksana": ["staf", "kasubag"]}]},
    ],
    "dasar_hukum": ["UU 7/2017", "PKPU 8/2019"],
}
ONE = {"prosedur": [{"judul": "x", "langkah": [{"no": 5}]}]}


@pytest.mark.parametrize(
    ("data", "location", "expected"),
    [
        (TWO, ("prosedur", 1, "langkah", 1, "mutu_baku", "waktu"), "prosedur b, langkah no 2, mutu_baku.waktu"),
        (TWO, ("prosedur", 0, "langkah", 1, "no"), "prosedur a, langkah ke-2, no"),  # no 3 is written twice
        (TWO, ("prosedur", 0, "langkah", 3, "kegiatan"), "prosedur a, langkah ke-4, kegiatan"),  # no is no number
        (TWO, ("prosedur", 0, "pelaksana", 1, "id"), "prosedur a, pelaksana ke-2, id"),
        (TWO, ("prosedur", 1, "langkah", 0, "pelaksana", 0), "prosedur b, langkah no 1, pelaksana"),  # `pelaksana: x`
        (TWO, ("prosedur", 1, "langkah", 1, "pelaksana", 1), "prosedur b, langkah no 2, pelaksana ke-2"),
        (TWO, ("dasar_hukum", 1), "dasar_hukum butir 2"),
        (TWO, ("prosedur", 1), "prosedur b"),
        (ONE, ("prosedur", 0, "langkah", 0, "simbol"), "langkah no 5, simbol"),  # one procedure: no letter
        (ONE, ("prosedur", 0, "judul"), "prosedur, judul"),
        (ONE, ("relasi", "mencabut", 1), "relasi.mencabut butir 2"),  # not in the data: by position
        (None, ("prosedur", 2, "langkah", 0), "prosedur c, langkah ke-1"),  # a file not read to its end
        (ONE, ("id",), "id"),
    ],
)
def test_a_place_is_named_as_the_sheet_names_it(data: object, location: tuple, expected: str) -> None:
    assert place(data, location) == expected


@pytest.mark.parametrize(
    ("written", "known", "guess"),
    [
        ("ket", ["ke", "keterangan", "kegiatan"], "keterangan"),  # begins it; `ke` is one slip away but no guess
        ("simbul", ["simbol", "no"], "simbol"),
        ("sekertaris", ["sekretaris", "staf"], "sekretaris"),  # two letters swapped
        ("Staf", ["staf"], "staf"),
        ("yaa", ["ya", "tidak"], None),  # three letters: only what it begins
        ("uu-8-2017", ["uu-7-2017"], None),  # another number is another law
        ("kepkb-5-2024", ["kepkab-5-2024", "kepkab-12-2022"], "kepkab-5-2024"),
        ("kota", ["kata", "koto"], None),  # two equally close: the editor chooses
        ("tahun", ["tahun_terbit", "judul"], "tahun_terbit"),
    ],
)
def test_a_guess_is_a_real_near_miss(written: str, known: list[str], guess: str | None) -> None:
    assert near_miss(written, known) == guess
