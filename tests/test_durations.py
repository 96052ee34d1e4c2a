from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core import load_content
from generator.project import Project
from generator.sop.durations import Duration, DurationError, parse_duration, total

from .conftest import REPO

# Every waktu value written in ../shared/seeds/, and what it means.
SEED_VALUES = {
    "10 Menit": Duration(0, 10),
    "1 hari": Duration(1, 0),
    "10 menit": Duration(0, 10),
    "15 menit": Duration(0, 15),
    "1 menit": Duration(0, 1),
    "60 menit": Duration(0, 60),
    "5 menit": Duration(0, 5),
    "30 Menit": Duration(0, 30),
    "15 Menit": Duration(0, 15),
    "5 Menit": Duration(0, 5),
}


@pytest.mark.parametrize("text, expected", SEED_VALUES.items())
def test_seed_values(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 Jam", Duration(0, 60)),
        ("2 minggu", Duration(10, 0)),
        ("1 jam 30 menit", Duration(0, 90)),
        ("  2 HARI  ", Duration(2, 0)),
        ("1 hari, 2 jam", Duration(1, 120)),
    ],
)
def test_other_spellings(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["2 Hari Menit", "menit", "10", "1,5 jam", "sepuluh menit", "10 detik", "1 jam lebih"])
def test_bad_values_are_errors_not_guesses(text: str) -> None:
    with pytest.raises(DurationError, match="tidak dapat dibaca"):
        parse_duration(text)


def test_minutes_carry_into_hours_but_never_into_days() -> None:
    assert str(Duration(1, 55)) == "1 hari 55 menit"
    assert str(Duration(0, 69)) == "1 jam 9 menit"
    assert str(Duration(0, 600)) == "10 jam"
    assert str(Duration(0, 0)) == "0 menit"


def test_blank_time_makes_the_total_a_lower_bound() -> None:
    result = total([Duration(0, 10), None, Duration(0, 55), None])
    assert str(result) == "sekurang-kurangnya 1 jam 5 menit (2 langkah belum diberi waktu)"


@pytest.mark.parametrize(
    "sop_id, expected",
    [
        ("media-sosial-jdih-banjarnegara", "1 hari 55 menit"),  # seed 000
        ("media-sosial-jdih-kalteng", "1 jam 9 menit"),  # seed 002
        ("media-sosial-resmi-agam", "1 jam 5 menit"),  # seed 004
    ],
)
def test_transcribed_seeds_total_as_their_sheets(sop_id: str, expected: str) -> None:
    content = load_content(Project(Path(REPO)))
    sop = next(item.document for item in content.sops if item.document.id == sop_id)
    assert str(total([step.mutu_baku.waktu for step in sop.prosedur[0].langkah])) == expected


def test_a_step_keeps_the_waktu_as_written() -> None:
    written = parse_duration(" 60  Menit ")
    assert written.text == "60 Menit"
    assert str(written) == "1 jam"  # only the total is normalised


@settings(max_examples=400, deadline=None)
@given(
    st.text()
    | st.lists(st.sampled_from(["1", "10 ", "menit", "jam", " hari", "minggu", ",", " ", "Menit"]), max_size=12).map(
        "".join
    )
)
def test_parser_answers_with_a_duration_or_its_own_error(text: str) -> None:
    try:
        duration = parse_duration(text)
    except DurationError:
        return
    assert duration.days >= 0 and duration.minutes >= 0 and str(duration)


@pytest.mark.parametrize("written", ["9" * 5_000 + " menit", "1 jam " + "9" * 7 + " menit", "1234567 hari"])
def test_a_number_longer_than_six_digits_is_an_error_not_a_traceback(written: str) -> None:
    too_big = r"^angka waktu '(\d{7,12}|\d{12}…)' terlalu besar; tulis paling banyak 6 angka$"
    with pytest.raises(DurationError, match=too_big):
        parse_duration(written)


def test_six_digits_are_still_read() -> None:
    assert parse_duration("999999 menit").minutes == 999_999
