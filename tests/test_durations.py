import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core import load_content
from generator.project import Project
from generator.sop.durations import Duration, DurationError, parse_duration, total

from . import svg as diagram
from .conftest import REPO, VALID_SOP, build_site, make_project

# Every waktu value written in ../shared/seeds/, and what it totals as.
SEED_VALUES = {
    "10 Menit": "10 menit",
    "1 hari": "1 hari",
    "10 menit": "10 menit",
    "15 menit": "15 menit",
    "1 menit": "1 menit",
    "60 menit": "1 jam",
    "5 menit": "5 menit",
    "30 Menit": "30 menit",
    "15 Menit": "15 menit",
    "5 Menit": "5 menit",
}


@pytest.mark.parametrize("text, expected", SEED_VALUES.items())
def test_seed_values(text: str, expected: str) -> None:
    assert str(parse_duration(text)) == expected


# What offices write beyond the seeds, and how a total shows it.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 Jam", "1 jam"),
        ("2 minggu", "10 hari"),
        ("1 pekan", "5 hari"),
        ("1 jam 30 menit", "1 jam 30 menit"),
        ("  2 HARI  ", "2 hari"),
        ("1 hari, 2 jam", "1 hari 2 jam"),
        ("1 jam dan 30 menit", "1 jam 30 menit"),
        ("15 detik", "15 detik"),
        ("90 detik", "1 menit 30 detik"),
        ("1 bulan", "1 bulan"),
        ("14 bulan", "1 tahun 2 bulan"),
        ("2 hari kerja", "2 hari"),
        ("1/2 hari", "½ hari"),
        ("½ jam", "30 menit"),
        ("setengah hari", "½ hari"),
        ("1½ hari", "1½ hari"),
        ("1 1/2 jam", "1 jam 30 menit"),
        ("1 setengah jam", "1 jam 30 menit"),
        ("1,5 jam", "1 jam 30 menit"),
        ("1,5 menit", "1 menit 30 detik"),
        ("0,2 hari", "0,2 hari"),
        ("1/3 hari", "⅓ hari"),
        ("1/7 jam", "8 menit 34 2/7 detik"),
        ("10'", "10 menit"),
        ("1'30\"", "1 menit 30 detik"),
        ("1 x 24 jam", "24 jam"),
        ("3×24 jam", "72 jam"),
        ("3 (tiga) hari", "3 hari"),
        ("25 (dua puluh lima) menit", "25 menit"),
        ("± 10 menit", "10 menit"),
        ("+/- 10 menit", "10 menit"),
        ("kurang lebih 10 menit", "10 menit"),
        ("paling lama 3 hari", "3 hari"),
        ("maks. 2 jam", "2 jam"),
        ("15 menit.", "15 menit"),
        ("0 menit", "0 menit"),
    ],
)
def test_what_offices_write(text: str, expected: str) -> None:
    assert str(parse_duration(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2-3 hari",
        "2 – 3 hari",
        "2—3 hari",
        "2 s.d. 3 hari",
        "2 s/d 3 hari",
        "2 sampai 3 hari",
        "2 sampai dengan 3 hari",
    ],
)
def test_ranges_as_offices_write_them(text: str) -> None:
    duration = parse_duration(text)
    assert str(duration) == "2 hari – 3 hari"
    assert duration.text == text  # the step shows it as written


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2 hari - 3 hari", "2 hari – 3 hari"),
        ("30 menit - 1 jam", "30 menit – 1 jam"),
        ("1-2 minggu", "5 hari – 10 hari"),
        ("2-3 hari kerja", "2 hari – 3 hari"),
        ("½-1 jam", "30 menit – 1 jam"),
        ("23 jam – 1 hari", "23 jam – 1 hari"),  # the larger kind decides which end is shorter
        ("± 1-2 jam", "1 jam – 2 jam"),
    ],
)
def test_range_forms(text: str, expected: str) -> None:
    assert str(parse_duration(text)) == expected


@pytest.mark.parametrize("text", ["-", "–", "—", " - "])
def test_a_dash_is_a_time_given_and_shown_as_the_sheet_shows_it(text: str) -> None:
    duration = parse_duration(text)
    assert duration.dash and duration == Duration()
    assert str(duration) == "-"
    assert str(total([duration, duration])) == "-"


def test_a_dash_beside_times_adds_nothing_and_is_no_missing_step() -> None:
    assert str(total([parse_duration("-"), parse_duration("10 menit")])) == "10 menit"
    assert str(total([parse_duration("-"), None])) == "sekurang-kurangnya 0 menit (1 langkah belum diberi waktu)"


UNREADABLE = "waktu '{}' tidak dapat dibaca: "
ASK_UNIT = "tulis satuannya (detik, menit, jam, hari, minggu atau bulan)"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("2 Hari Menit", "'Menit' setelah '2 Hari' tidak diawali angka, mis. '30 Menit'"),
        ("menit", "'menit' tidak diawali angka, mis. '30 menit'"),
        ("1 jam jam", "'jam' setelah '1 jam' tidak diawali angka, mis. '1 jam'"),
        ("10", f"angka '10' tanpa satuan; {ASK_UNIT}, mis. '10 menit'"),
        ("1 jam 30", f"angka '30' setelah '1 jam' tanpa satuan; {ASK_UNIT}, mis. '30 menit'"),
        ("2 hr", "satuan 'hr' tidak dikenal; maksud Anda 'hari'?"),
        ("5 mnt", "satuan 'mnt' tidak dikenal; maksud Anda 'menit'?"),
        ("5 meint", "satuan 'meint' tidak dikenal; maksud Anda 'menit'?"),
        ("5 minutes", "satuan 'minutes' tidak dikenal; maksud Anda 'menit'?"),
        ("5 langkah", "satuan 'langkah' tidak dikenal; tulis detik, menit, jam, hari, minggu atau bulan"),
        ("1.5 jam", "pecahan ditulis dengan koma: '1,5', bukan '1.5'"),
        ("sepuluh menit", "'sepuluh' ditulis dengan angka: '10 menit' atau '10 (sepuluh) menit'"),
        ("3 (dua) hari", "angka 3 dan (dua) tidak sama"),
        (
            "1 jam lebih",
            "'lebih' setelah '1 jam' tidak dikenal; tulis angka lalu satuan (detik, menit, jam, hari, minggu atau "
            "bulan), mis. '10 menit', '1 jam 30 menit' atau '2-3 hari'",
        ),
        (
            "10 menit (estimasi)",
            "'(estimasi)' setelah '10 menit' tidak dikenal; catatan tentang waktu ditulis di keterangan",
        ),
        ("10 menit!", "tanda '!' setelah '10 menit' tidak dikenal"),
        ("10 (", "kurung '(' setelah '10' tidak ditutup"),
        (
            "10 menit paling lama",
            "'paling lama' setelah '10 menit' hanya boleh di awal waktu, mis. '± 10 menit' atau 'paling lama 3 hari'",
        ),
        ("3-2 hari", "awal rentang (3 hari) harus lebih singkat daripada akhirnya (2 hari)"),
        ("2 hari – 1 jam", "awal rentang (2 hari) harus lebih singkat daripada akhirnya (1 jam)"),
        ("2-2 hari", "awal rentang (2 hari) harus lebih singkat daripada akhirnya (2 hari)"),
        ("2 s.d.", "rentang tidak lengkap setelah 's.d.'; tulis mis. '2-3 hari'"),
        ("1-2-3 hari", "tulis satu rentang saja, mis. '2-3 hari'"),
        ("1 hari - 2 hari - 3 hari", "tulis satu rentang saja, mis. '2-3 hari'"),
        (
            "1-2 jam 30 menit",
            "tulis satuan pada kedua sisi rentang, mis. '1 jam – 1 jam 30 menit' atau '1 x 24 jam – 2 x 24 jam'",
        ),
        (
            "2 hari kalender",
            "hari kalender tidak dapat dijumlahkan dengan hari kerja; tulis jumlah hari kerjanya, mis. '2 hari'",
        ),
        ("1/0 hari", "pecahan '1/0' tidak sah: penyebutnya nol"),
        ("1 x jam", "'x' harus di antara dua angka, mis. '1 x 24 jam'"),
        ("±", "angka waktu tidak ada; tulis mis. '10 menit'"),
    ],
)
def test_an_unreadable_value_names_the_word(text: str, reason: str) -> None:
    with pytest.raises(DurationError) as raised:
        parse_duration(text)
    assert str(raised.value) == UNREADABLE.format(text) + reason


def test_a_long_value_is_quoted_short() -> None:
    with pytest.raises(DurationError) as raised:
        parse_duration("1 menit " * 10 + "lagi")
    assert str(raised.value) == (
        "waktu '1 menit 1 menit 1 menit 1 menit 1 menit…' tidak dapat dibaca: "
        "'lagi' setelah '…1 menit 1 menit 1 menit 1 menit 1 menit' tidak dikenal; tulis angka lalu satuan "
        "(detik, menit, jam, hari, minggu atau bulan), mis. '10 menit', '1 jam 30 menit' atau '2-3 hari'"
    )


@pytest.mark.parametrize("written", ["9" * 5_000 + " menit", "1 menit " * 13])
def test_a_value_longer_than_any_sheet_writes_is_refused_unread(written: str) -> None:
    with pytest.raises(DurationError) as raised:
        parse_duration(written)
    length = len(written.strip())
    assert str(raised.value) == (
        f"waktu terlalu panjang ({length} huruf; paling banyak 100): tulis angka lalu satuan, mis. '10 menit' atau "
        "'2-3 hari'; catatan tentang waktu ditulis di keterangan"
    )


def test_clock_time_carries_but_never_into_days_nor_days_into_months() -> None:
    assert str(parse_duration("1 hari 55 menit")) == "1 hari 55 menit"
    assert str(parse_duration("69 menit")) == "1 jam 9 menit"
    assert str(parse_duration("600 menit")) == "10 jam"
    assert str(parse_duration("30 hari")) == "30 hari"
    assert str(total([parse_duration("1 bulan"), parse_duration("40 hari"), parse_duration("30 jam")])) == (
        "1 bulan 40 hari 30 jam"
    )
    assert str(total([parse_duration("45 detik"), parse_duration("30 detik"), parse_duration("59 menit")])) == (
        "1 jam 15 detik"
    )


def test_fractions_total_exactly() -> None:
    halves = [parse_duration("½ hari"), parse_duration("1/2 hari"), parse_duration("0,5 hari")]
    assert str(total(halves)) == "1½ hari"
    thirds = [parse_duration("1/3 jam")] * 3
    assert str(total(thirds)) == "1 jam"


def test_ranges_total_as_ranges() -> None:
    steps = [parse_duration("10 menit"), parse_duration("2-3 hari"), parse_duration("1 jam"), parse_duration("½ hari")]
    assert str(total(steps)) == "2½ hari 1 jam 10 menit – 3½ hari 1 jam 10 menit"
    two_ranges = [parse_duration("1-2 jam"), parse_duration("30-45 menit")]
    assert str(total(two_ranges)) == "1 jam 30 menit – 2 jam 45 menit"


def test_blank_time_makes_the_total_a_lower_bound() -> None:
    result = total([parse_duration("10 menit"), None, parse_duration("55 menit"), None])
    assert str(result) == "sekurang-kurangnya 1 jam 5 menit (2 langkah belum diberi waktu)"
    ranged = total([parse_duration("1-2 hari"), None])
    assert str(ranged) == "sekurang-kurangnya 1 hari – 2 hari (1 langkah belum diberi waktu)"


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
    | st.lists(
        st.sampled_from(
            ["1", "10 ", "½", "1/2", ",5", "menit", "jam", " hari", "bulan", "detik", "-", " s.d. ", "x", "(", ")", " "]
        ),
        max_size=12,
    ).map("".join)
)
def test_parser_answers_with_a_duration_or_its_own_error(text: str) -> None:
    try:
        duration = parse_duration(text)
    except DurationError:
        return
    assert str(duration)
    assert duration.longest is None or duration.shortest < duration.longest


@pytest.mark.parametrize("written", ["9" * 50 + " menit", "1 jam " + "9" * 7 + " menit", "1234567 hari"])
def test_a_number_longer_than_six_digits_is_an_error_not_a_traceback(written: str) -> None:
    too_big = r"^angka waktu '(\d{7,12}|\d{12}…)' terlalu besar; tulis paling banyak 6 angka$"
    with pytest.raises(DurationError, match=too_big):
        parse_duration(written)


def test_six_digits_are_still_read() -> None:
    assert str(parse_duration("999999 menit")) == "16666 jam 39 menit"


SHEET_FORMS = (
    VALID_SOP.replace("waktu: 10 Menit", "waktu: 15 detik")
    .replace("waktu: 1 hari", "waktu: 2-3 hari kerja")
    .replace("waktu: 50 menit", "waktu: ½ jam")
    .replace("waktu: 15 menit", "waktu: -")
)


def test_a_sop_in_the_sheets_words_shows_each_waktu_as_written_and_totals_it_as_a_range(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": SHEET_FORMS})
    site = build_site(tmp_path)
    html = (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    cells = [re.findall(r"<td>(.*?)</td>", row)[4] for row in re.findall(r'<tr id="p1-langkah-\d">(.*?)</tr>', html)]
    assert cells == ["15 detik", "2-3 hari kerja", "½ jam", "-"]
    (svg,) = diagram.diagrams(html)
    drawn = {" ".join(diagram.texts(cell)) for cell in diagram.groups_with_class(svg, "sel")}
    assert {"15 detik", "½ jam", "-"} <= drawn and any("2-3" in text for text in drawn)
    total_line = "2 hari 30 menit 15 detik – 3 hari 30 menit 15 detik"
    assert f"Normal waktu: <strong>{total_line}</strong>" in html
    index = (site / "sop" / "index.html").read_text(encoding="utf-8")
    assert f'<td data-label="Normal waktu">{total_line}</td>' in index
