"""Every class of data error is reported at its file, line and field, all at once, never as a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from generator.core import load_content
from generator.project import Project
from generator.source.problems import DataError

from .conftest import VALID_SOP, build_site, make_project


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    make_project(tmp_path, files)
    with pytest.raises(DataError) as raised:
        load_content(Project(tmp_path))
    return [str(problem) for problem in raised.value.problems]


def variant(old: str, new: str, text: str = VALID_SOP) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_valid_sop_has_no_problem(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": VALID_SOP})
    assert [item.document.id for item in load_content(Project(tmp_path)).sops] == ["uji-persetujuan"]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = variant("  - judul: Persetujuan konten\n", "  - judul: [Persetujuan konten\n")
    found = problems(tmp_path, {"uji.yaml": text})
    assert len(found) == 1
    assert found[0].startswith("sops/uji.yaml:")
    assert "sintaks YAML salah" in found[0]


def test_missing_required_field(tmp_path: Path) -> None:
    text = variant("nomor_sop: 7 Tahun 2025\n", "")
    # A missing key is reported where the document's mapping starts.
    assert problems(tmp_path, {"uji.yaml": text}) == [f"sops/uji.yaml:{line_of(text, 'id:')}: nomor_sop: wajib diisi"]


def test_wrong_type(tmp_path: Path) -> None:
    text = variant("      - no: 2\n", "      - no: dua\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'no: dua')}: langkah ke-2, no: harus berupa bilangan bulat"
    ]


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    text = variant("        simbol: keputusan\n", "        simbul: keputusan\n")
    found = problems(tmp_path, {"uji.yaml": text})
    assert found == [
        f"sops/uji.yaml:{line_of(text, 'simbul')}: langkah no 3, simbul: kolom tidak dikenal; maksud Anda 'simbol'?"
    ]


def test_unknown_symbol_lists_the_choices(tmp_path: Path) -> None:
    text = variant("simbol: keputusan", "simbol: pilihan")
    (found,) = problems(tmp_path, {"uji.yaml": text})
    assert found.startswith(f"sops/uji.yaml:{line_of(text, 'simbol: pilihan')}: langkah no 3, simbol: ")
    assert "'mulai'" in found and "'keputusan'" in found


def test_unknown_actor_id(tmp_path: Path) -> None:
    text = variant("        pelaksana: staf\n", "        pelaksana: staff\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'pelaksana: staff')}: langkah no 2, pelaksana: "
        "pelaksana 'staff' tidak dideklarasikan; maksud Anda 'staf'? (yang ada: kasubag, sekretaris, staf)"
    ]


def test_duplicate_step_number(tmp_path: Path) -> None:
    """Only the cause: the keputusan now numbered 2 'leads to itself' only because of the number written twice."""
    text = variant("      - no: 3\n", "      - no: 2\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, '- no: 2', 2)}: langkah ke-3, no: nomor langkah 2 sudah dipakai"
    ]


def test_a_last_step_without_selesai_is_one_problem(tmp_path: Path) -> None:
    text = variant("        simbol: selesai\n", "")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, '- no: 4')}: langkah no 4, simbol: langkah terakhir harus 'selesai' atau "
        "menyebut 'ke' (langkah berikutnya)"
    ]


def test_duplicate_sop_id_across_files(tmp_path: Path) -> None:
    found = problems(tmp_path, {"a.yaml": VALID_SOP, "b.yaml": VALID_SOP})
    assert found == [
        f"sops/b.yaml:{line_of(VALID_SOP, 'id: uji')}: id: id 'uji-persetujuan' sudah dipakai oleh sops/a.yaml"
    ]


def test_decision_needs_both_targets(tmp_path: Path) -> None:
    text = variant("        tidak: 2\n", "")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, '- no: 3')}: langkah no 3, tidak: "
        "keputusan wajib menyebut 'tidak': nomor langkah tujuannya"
    ]


def test_target_that_does_not_exist(tmp_path: Path) -> None:
    text = variant("        ya: 4\n", "        ya: 9\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'ya: 9')}: langkah no 3, ya: tidak ada langkah nomor 9"
    ]


def test_a_ke_that_skips_a_step_is_named_as_the_cause(tmp_path: Path) -> None:
    # Step 2 flows straight to 4, so nothing leads to step 3: the message is at step 2's `ke`, not at step 3.
    text = variant("          output: Konsep\n", "          output: Konsep\n        ke: 4\n")
    text = variant("        tidak: 2\n", "        tidak: 1\n", text)
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'ke: 4')}: langkah no 2, ke: "
        "langkah 2 menulis 'ke: 4', jadi langkah 3 tidak pernah dicapai; periksa 'ke' pada langkah 2, atau arahkan "
        "'ke', 'ya' atau 'tidak' langkah lain ke langkah 3"
    ]


def test_a_decision_that_leads_back_is_named_as_the_cause(tmp_path: Path) -> None:
    # Both exits of the decision lead back: the selesai step is never reached, because of the decision.
    text = variant("        ya: 4\n", "        ya: 1\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'ya: 1')}: langkah no 3, ya: keputusan langkah 3 menuju langkah 1 (ya) dan "
        "langkah 2 (tidak), jadi langkah 4 tidak pernah dicapai; biasanya salah satu dari 'ya' atau 'tidak' menuju "
        "langkah 4"
    ]


def test_a_step_appended_after_selesai_names_the_selesai_step(tmp_path: Path) -> None:
    """The editor adds steps 5 and 6 below the 'selesai' step: one problem, at its cause, saying how to fix it (not
    "langkah 5 tidak dapat dicapai" and "langkah terakhir harus 'selesai'")."""
    text = VALID_SOP + (
        "      - no: 5\n        kegiatan: Mengarsipkan konten\n        pelaksana: staf\n"
        "      - no: 6\n        kegiatan: Melaporkan\n        pelaksana: staf\n"
    )
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'simbol: selesai')}: langkah no 4, simbol: langkah 4 bersimbol 'selesai' "
        "mengakhiri prosedur, jadi langkah 5 dan 6 tidak pernah dicapai; bila langkah 5 dan 6 termasuk prosedur ini, "
        "pindahkan 'simbol: selesai' dari langkah 4 ke langkah 6 (langkah terakhir); bila tidak, hapus langkah 5 "
        "dan 6"
    ]


def test_the_flow_is_checked_in_the_same_run_as_the_mistakes_of_its_steps(tmp_path: Path) -> None:
    """A step appended after 'selesai' with a mistyped key, an actor declared twice and an unreadable waktu: one
    check names them all, the flow's cause included (it waited for the other mistakes to be fixed)."""
    text = VALID_SOP + (
        "      - no: 5\n        kegiatan: Mengarsipkan konten\n        pelaksana: staf\n        ket: Arsip\n"
    )
    text = variant(
        "      - id: staf\n        nama: Staf Pengelola\n", "      - id: kasubag\n        nama: Staf\n", text
    )
    text = variant("          waktu: 1 hari\n", "          waktu: 1 hr\n", text)
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'id: kasubag', 2)}: pelaksana ke-3, id: pelaksana 'kasubag' dideklarasikan "
        "dua kali",
        f"sops/uji.yaml:{line_of(text, 'pelaksana: staf')}: langkah no 2, pelaksana: pelaksana 'staf' tidak "
        "dideklarasikan (yang ada: kasubag, sekretaris)",
        f"sops/uji.yaml:{line_of(text, 'waktu: 1 hr')}: langkah no 2, mutu_baku.waktu: waktu '1 hr' tidak dapat "
        "dibaca: satuan 'hr' tidak dikenal; maksud Anda 'hari'?",
        f"sops/uji.yaml:{line_of(text, 'pelaksana: [staf, kasubag]')}: langkah no 4, pelaksana ke-1: pelaksana "
        "'staf' tidak dideklarasikan (yang ada: kasubag, sekretaris)",
        f"sops/uji.yaml:{line_of(text, 'simbol: selesai')}: langkah no 4, simbol: langkah 4 bersimbol 'selesai' "
        "mengakhiri prosedur, jadi langkah 5 tidak pernah dicapai; bila langkah 5 termasuk prosedur ini, "
        "pindahkan 'simbol: selesai' dari langkah 4 ke langkah 5 (langkah terakhir); bila tidak, hapus langkah 5",
        f"sops/uji.yaml:{line_of(text, 'pelaksana: staf', 2)}: langkah no 5, pelaksana: pelaksana 'staf' tidak "
        "dideklarasikan (yang ada: kasubag, sekretaris)",
        f"sops/uji.yaml:{line_of(text, 'ket: Arsip')}: langkah no 5, ket: kolom tidak dikenal; maksud Anda "
        "'keterangan'?",
    ]


def test_missing_mulai(tmp_path: Path) -> None:
    text = variant("        simbol: mulai\n", "")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'langkah:')}: prosedur, langkah: tidak ada langkah bersimbol 'mulai'"
    ]


def test_bad_date(tmp_path: Path) -> None:
    text = variant("tanggal_pengesahan: 2025-01-15", "tanggal_pengesahan: 2025-02-31")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'tanggal_pengesahan')}: tanggal_pengesahan: "
        "bukan tanggal yang ada; tulis TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"
    ]


def test_date_in_words_is_rejected_with_the_format(tmp_path: Path) -> None:
    text = variant("tanggal_pengesahan: 2025-01-15", "tanggal_pengesahan: 15 Januari 2025")
    (found,) = problems(tmp_path, {"uji.yaml": text})
    assert found.endswith("tanggal_pengesahan: harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23")


@pytest.mark.parametrize("written", ["0", "86400", '"0"', "20250115", "2025-1-15", "true", "2025-01-15T08:00:00"])
def test_a_date_not_written_yyyy_mm_dd_is_never_read_as_some_other_day(tmp_path: Path, written: str) -> None:
    """Pydantic alone reads 0 or "86400" as seconds since 1970: a silently wrong date on an official page."""
    text = variant("tanggal_pengesahan: 2025-01-15", f"tanggal_pengesahan: {written}")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'tanggal_pengesahan')}: tanggal_pengesahan: "
        "harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("3", "harus berupa teks, atau daftar teks (baris-baris yang diawali '- ')"),
        ("{a: b}", "harus berupa teks, atau daftar teks (baris-baris yang diawali '- ')"),
        ("[]", "tidak boleh kosong"),
    ],
)
def test_kegiatan_is_text_or_a_list_of_text_never_empty(tmp_path: Path, written: str, message: str) -> None:
    text = variant("kegiatan: Memberi disposisi pembuatan konten", f"kegiatan: {written}")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, f'kegiatan: {written}')}: langkah no 1, kegiatan: {message}"
    ]


def test_bad_duration(tmp_path: Path) -> None:
    text = variant("waktu: 50 menit", "waktu: 2 Hari Menit")
    (found,) = problems(tmp_path, {"uji.yaml": text})
    assert found.startswith(
        f"sops/uji.yaml:{line_of(text, '2 Hari Menit')}: langkah no 3, mutu_baku.waktu: "
        "waktu '2 Hari Menit' tidak dapat dibaca"
    )


def test_keterkaitan_to_unknown_sop(tmp_path: Path) -> None:
    text = variant("prosedur:\n", "keterkaitan:\n  - SOP Pelayanan Informasi Publik\n  - sop: tidak-ada\nprosedur:\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'sop: tidak-ada')}: keterkaitan butir 2, sop: "
        "tidak ada SOP dengan id 'tidak-ada' di sops/"
    ]


def test_duplicate_key(tmp_path: Path) -> None:
    text = variant("nama_sop: Persetujuan Konten Uji\n", "nama_sop: Persetujuan Konten Uji\nnama_sop: Lagi\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'nama_sop: Lagi')}: nama_sop: kunci ini ditulis dua kali; hapus salah satunya"
    ]


def test_all_problems_of_a_run_at_once(tmp_path: Path) -> None:
    broken = variant("nomor_sop: 7 Tahun 2025\n", "")
    broken = variant("waktu: 50 menit", "waktu: lama", broken)
    other = variant("ya: 4", "ya: 8", VALID_SOP.replace("id: uji-persetujuan", "id: lain"))
    found = problems(tmp_path, {"a.yaml": broken, "b.yaml": other})
    assert [line.split(":")[0] for line in found] == ["sops/a.yaml", "sops/a.yaml", "sops/b.yaml"]


def test_check_command_reports_without_traceback(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": variant("waktu: 50 menit", "waktu: 2 Hari Menit")})
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(tmp_path), "check"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "sops/uji.yaml:" in result.stderr and "1 masalah ditemukan" in result.stderr


def test_check_command_passes_on_valid_data(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": VALID_SOP})
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(tmp_path), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "OK: 1 SOP, 0 produk hukum, 0 monografi, 0 artikel, 0 putusan, 0 konten valid." in result.stdout


def test_strict_build_fails_on_the_same_problems(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    make_project(tmp_path, {"uji.yaml": variant("pelaksana: staf\n", "pelaksana: staff\n")})
    with pytest.raises((PluginError, Abort)):
        build_site(tmp_path, strict=True)
    assert "sops/uji.yaml:" in caplog.text and "pelaksana 'staff' tidak dideklarasikan" in caplog.text


def test_mkdocs_cli_build_reports_problem_and_fails(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": variant("ya: 4", "ya: 9")})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "langkah no 3, ya: tidak ada langkah nomor 9" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_invalid_sop_is_blamed_once_not_in_every_file_that_refers_to_it(tmp_path: Path) -> None:
    broken = variant("nomor_sop: 7 Tahun 2025\n", "")
    referring = VALID_SOP.replace("id: uji-persetujuan", "id: lain").replace(
        "prosedur:\n", "keterkaitan:\n  - sop: uji-persetujuan\nprosedur:\n", 1
    )
    found = problems(tmp_path, {"a.yaml": broken, "b.yaml": referring})
    assert found == [f"sops/a.yaml:{line_of(broken, 'id:')}: nomor_sop: wajib diisi"]


def test_yaml_aliases_are_refused_so_a_billion_laughs_file_cannot_exhaust_memory(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    found = problems(tmp_path, {"bom.yaml": bomb})
    assert found[0] == "sops/bom.yaml:2: b butir 1: alias YAML (&nama / *nama) tidak didukung; tulis isinya langsung"


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    make_project(tmp_path, {})
    (tmp_path / "sops" / "besar.yaml").write_text("# " + "x" * 1_100_000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_content(Project(tmp_path))
    (problem,) = raised.value.problems
    assert str(problem).startswith("sops/besar.yaml:1: berkas terlalu besar (1,100,003 byte")


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            "  - Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum\n",
            "  - Undang-Undang Nomor 7 Tahun 2017: Pemilihan Umum\n",
            "Nomor 7 Tahun 2017:",
            "dasar_hukum butir 1: harus berupa teks, tetapi tanda ': ' di dalamnya membuatnya dibaca sebagai "
            "'kolom: nilai'; apit seluruh teksnya dengan tanda kutip",
        ),
        (
            "nomor_sop: 7 Tahun 2025\n",
            "nomor_sop: 7\n",
            "nomor_sop: 7",
            'nomor_sop: harus berupa teks; tulis angkanya di antara tanda kutip, mis. "7"',
        ),
        (
            'disahkan_oleh:\n  jabatan: Sekretaris\n  nama: Siti Penguji\n  nip: "19800101 200501 2 001"\n',
            "disahkan_oleh: jabatan:Sekretaris\n",
            "jabatan:Sekretaris",
            "disahkan_oleh: harus berupa kumpulan kunci: nilai; setelah 'jabatan:' harus ada spasi; "
            "tulis 'jabatan: Sekretaris'",
        ),
    ],
)
def test_common_yaml_slips_are_explained(old: str, new: str, needle: str, expected: str, tmp_path: Path) -> None:
    text = variant(old, new)
    assert problems(tmp_path, {"uji.yaml": text}) == [f"sops/uji.yaml:{line_of(text, needle)}: {expected}"]


def test_a_key_is_guessed_only_when_it_is_a_near_miss(tmp_path: Path) -> None:
    """`ket` begins only `keterangan`; one slip from `ke` is no guess for a name of three letters."""
    text = variant("        keterangan: Tautan", "        ket: Tautan")
    text = variant("        ringkasan: Susun konsep\n", "        ringkasn: Susun konsep\n", text)
    text = variant("        ya: 4\n", "        yaa: 4\n        ya: 4\n", text)
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'ringkasn')}: langkah no 2, ringkasn: kolom tidak dikenal; "
        "maksud Anda 'ringkasan'?",
        f"sops/uji.yaml:{line_of(text, 'yaa: 4')}: langkah no 3, yaa: kolom tidak dikenal; kolom yang dikenal: no, "
        "kegiatan, ringkasan, pelaksana, simbol, mutu_baku, keterangan, mulai_di, selesai_di, ke, ya, tidak",
        f"sops/uji.yaml:{line_of(text, 'ket: Tautan')}: langkah no 4, ket: kolom tidak dikenal; "
        "maksud Anda 'keterangan'?",
    ]


def test_a_near_miss_choice_is_guessed(tmp_path: Path) -> None:
    text = variant("        simbol: selesai\n", "        simbol: selesia\n")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'selesia')}: langkah no 4, simbol: nilai 'selesia' tidak dikenal; maksud Anda "
        "'selesai'? (pilihan: 'mulai', 'selesai', 'proses', 'keputusan' atau 'penghubung')"
    ]


@pytest.mark.parametrize("written", ["true", "[3]", "3.5"])
def test_jumlah_pelaksana_other_than_a_number_or_text_says_both_are_welcome(tmp_path: Path, written: str) -> None:
    text = variant("nama_sop:", f"jumlah_pelaksana: {written}\nnama_sop:")
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, 'jumlah_pelaksana')}: jumlah_pelaksana: harus berupa angka atau teks, "
        "mis. 3 atau 3 orang"
    ]


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            "          waktu: 1 hari\n          output: Konsep\n",
            "          output: Konsep\n        waktu: 1 hari\n",
            "        waktu: 1 hari",
            "langkah no 2, waktu: kolom tidak dikenal; 'waktu' ditulis di dalam 'mutu_baku:', berindentasi di bawahnya",
        ),
        (
            "        keterangan: Tautan dibagikan ke grup\n",
            "          keterangan: Tautan dibagikan ke grup\n",
            "keterangan: Tautan",
            "langkah no 4, mutu_baku.keterangan: kolom tidak dikenal; 'keterangan' bukan kolom di sini: tulis "
            "sejajar dengan 'mutu_baku:', bukan di dalamnya",
        ),
        (
            "        ringkasan: Susun konsep\n",
            "        ringkasan: Susun konsep\n        jumlah_pelaksana: 2\n",
            "jumlah_pelaksana",
            "langkah no 2, jumlah_pelaksana: kolom tidak dikenal; 'jumlah_pelaksana' bukan kolom di sini: tulis di "
            "bagian atas berkas, tanpa indentasi",
        ),
    ],
)
def test_a_field_at_the_wrong_level_says_where_it_belongs(
    old: str, new: str, needle: str, expected: str, tmp_path: Path
) -> None:
    text = variant(old, new)
    assert problems(tmp_path, {"uji.yaml": text}) == [f"sops/uji.yaml:{line_of(text, needle)}: {expected}"]


def test_a_number_left_out_is_reported_where_the_numbering_breaks(tmp_path: Path) -> None:
    """Steps 1, 2, 3, 5 after a deletion: the sheet numbers its rows one by one."""
    text = variant("      - no: 4\n", "      - no: 5\n")
    text = variant("        ya: 4\n", "        ya: 5\n", text)
    assert problems(tmp_path, {"uji.yaml": text}) == [
        f"sops/uji.yaml:{line_of(text, '- no: 5')}: langkah no 5, no: nomor langkah 5 sesudah langkah 3: nomori "
        "langkah berurutan (4, 5, …), lalu sesuaikan 'ya', 'tidak' dan 'ke' yang menyebut nomor lama"
    ]
