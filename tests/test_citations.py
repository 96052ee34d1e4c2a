"""The citation parser on the seeds' dasar hukum, on real-world spellings, and on arbitrary text."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.dasar_hukum.citations import clean, parse_citation

from .conftest import REPO

UU_7 = "UU||7|2017"
PKPU_8 = "PKPU||8|2019"
KUMHAM_8 = "PERMEN|hukum dan hak asasi manusia|8|2019"

# (as written in SOPs and in the Mengingat of keputusan, expected identity, tentang, sumber, amending identities)
SPELLINGS = [
    (
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik Indonesia Tahun 2017 Nomor "
        "182, Tambahan Lembaran Negara Republik Indonesia Nomor 6109);",
        UU_7,
        "Pemilihan Umum",
        "LN 2017 (182), TLN (6109)",
        [],
    ),
    (
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum (Lembaran Negara Republik Indonesia Tahun 2017 Nomor "
        "182, Tambahan Lembaran Negara Republik Indonesia Nomor 6109) sebagaimana telah diubah dengan Undang-Undang "
        "Nomor 7 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022 tentang "
        "Perubahan atas Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum menjadi Undang-Undang (Lembaran Negara "
        "Republik Indonesia Tahun 2023 Nomor 62, Tambahan Lembaran Negara Republik Indonesia Nomor 6863);",
        UU_7,
        "Pemilihan Umum",
        "LN 2017 (182), TLN (6109)",
        ["UU||7|2023"],
    ),
    ("Undang-Undang 7 Tahun 2017 tentang Pemilihan Umum;", UU_7, "Pemilihan Umum", None, []),
    ("UU No. 7 Tahun 2017", UU_7, None, None, []),
    ("UU Nomor 7 Tahun 2017 tentang Pemilu", UU_7, "Pemilu", None, []),
    ("UU 7/2017", UU_7, None, None, []),
    (
        "2. Undang-Undang Republik Indonesia Nomor 7 Tahun 2017 tentang Pemilihan Umum; dan",
        UU_7,
        "Pemilihan Umum",
        None,
        [],
    ),
    ("Pasal 4 dan 5 Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", UU_7, "Pemilihan Umum", None, []),
    (
        "<li>Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;</li>",
        "UU||25|2009",
        "Pelayanan Publik",
        None,
        [],
    ),
    (
        "Undang-Undang Republik Indonesia Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
        "UU||14|2008",
        "Keterbukaan Informasi Publik",
        None,
        [],
    ),
    (
        "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan (Lembaran Negara Republik "
        "Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara Republik Indonesia Nomor 5234) sebagaimana telah "
        "beberapa kali diubah, terakhir dengan Undang-Undang Nomor 13 Tahun 2022 tentang Perubahan Kedua atas "
        "Undang-Undang Nomor 12 Tahun 2011 tentang Pembentukan Peraturan Perundang-undangan (Lembaran Negara Republik "
        "Indonesia Tahun 2022 Nomor 143, Tambahan Lembaran Negara Republik Indonesia Nomor 6801);",
        "UU||12|2011",
        "Pembentukan Peraturan Perundang-undangan",
        "LN 2011 (82), TLN (5234)",
        ["UU||13|2022"],
    ),
    (
        "Undang-Undang Nomor 11 Tahun 2008 Tentang Informasi dan Transaksi Elektronik sebagaimana telah diubah dengan "
        "Undang-Undang Nomor 19 Tahun 2016 dan Undang-Undang Nomor 1 Tahun 2024",
        "UU||11|2008",
        "Informasi dan Transaksi Elektronik",
        None,
        ["UU||19|2016", "UU||1|2024"],
    ),
    (
        "Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang Nomor 1 Tahun 2015 tentang "
        "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2014 tentang Pemilihan Gubernur, Bupati, "
        "dan Walikota Menjadi Undang-Undang",
        "UU||10|2016",
        "Perubahan Kedua atas Undang-Undang Nomor 1 Tahun 2015",
        None,
        [],
    ),
    ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", "UUD|||1945", None, None, []),
    ("Pasal 22E ayat (5) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", "UUD|||1945", None, None, []),
    (
        "Peraturan Pemerintah Pengganti Undang-Undang Nomor 1 Tahun 2022 tentang Perubahan atas Undang-Undang Nomor 7 "
        "Tahun 2017 tentang Pemilihan Umum",
        "PERPPU||1|2022",
        "Perubahan atas Undang-Undang Nomor 7",
        None,
        [],
    ),
    ("Perppu No. 1 Tahun 2014", "PERPPU||1|2014", None, None, []),
    (
        "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang "
        "Keterbukaan Informasi Publik (Lembaran Negara Republik Indonesia Tahun 2010 Nomor 99, Tambahan "
        "Lembaran Negara "
        "Republik Indonesia Nomor 5149);",
        "PP||61|2010",
        "Pelaksanaan Undang-Undang Nomor 14 Tahun 2008",
        "LN 2010 (99), TLN (5149)",
        [],
    ),
    ("PP No. 61 Tahun 2010", "PP||61|2010", None, None, []),
    (
        "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan Informasi Hukum Nasional (Lembaran "
        "Negara Republik Indonesia Tahun 2012 Nomor 82);",
        "PERPRES||33|2012",
        "Jaringan Dokumentasi dan Informasi Hukum Nasional",
        "LN 2012 (82)",
        [],
    ),
    ("Perpres Nomor 33 Tahun 2012 tentang JDIHN", "PERPRES||33|2012", "JDIHN", None, []),
    (
        "Peraturan Presiden Republik Indonesia Nomor 68 Tahun 2021 tentang Pemberian Persetujuan Presiden terhadap "
        "Rancangan Peraturan Menteri/Kepala Lembaga",
        "PERPRES||68|2021",
        "Pemberian Persetujuan Presiden",
        None,
        [],
    ),
    (
        "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 8 Tahun 2019 tentang Standar Pengelolaan Dokumen dan "
        "Informasi Hukum (Berita Negara Republik Indonesia Tahun 2019 Nomor 692); dan",
        KUMHAM_8,
        "Standar Pengelolaan Dokumen dan Informasi Hukum",
        "BN 2019 (692)",
        [],
    ),
    ("Permenkumham Nomor 8 Tahun 2019", KUMHAM_8, None, None, []),
    ("Peraturan Menteri Hukum dan HAM Nomor 8 Tahun 2019", KUMHAM_8, None, None, []),
    (
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman "
        "Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
        "PERMEN|pendayagunaan aparatur negara dan reformasi birokrasi|35|2012",
        "Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan",
        None,
        [],
    ),
    (
        "Permenpan RB No. 35 Tahun 2012",
        "PERMEN|pendayagunaan aparatur negara dan reformasi birokrasi|35|2012",
        None,
        None,
        [],
    ),
    (
        "Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah (Berita Negara "
        "Republik Indonesia Tahun 2015 Nomor 2036) sebagaimana telah diubah dengan Peraturan Menteri Dalam "
        "Negeri Nomor "
        "120 Tahun 2018 tentang Perubahan atas Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan "
        "Produk Hukum Daerah (Berita Negara Republik Indonesia Tahun 2019 Nomor 157);",
        "PERMEN|dalam negeri|80|2015",
        "Pembentukan Produk Hukum Daerah",
        "BN 2015 (2036)",
        ["PERMEN|dalam negeri|120|2018"],
    ),
    ("Permendagri Nomor 80 Tahun 2015", "PERMEN|dalam negeri|80|2015", None, None, []),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan Umum, Komisi Pemilihan "
        "Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota (Berita Negara Republik Indonesia Tahun 2019 Nomor "
        "320) sebagaimana telah beberapa kali diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 12 Tahun "
        "2023 tentang Perubahan Kelima atas Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja "
        "Komisi Pemilihan Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota "
        "(Berita Negara "
        "Republik Indonesia Tahun 2023 Nomor 377);",
        PKPU_8,
        "Tata Kerja Komisi Pemilihan Umum",
        "BN 2019 (320)",
        ["PKPU||12|2023"],
    ),
    ("PKPU Nomor 8 Tahun 2019", PKPU_8, None, None, []),
    ("Peraturan KPU No. 8 Tahun 2019", PKPU_8, None, None, []),
    ("PKPU 8/2019", PKPU_8, None, None, []),
    (
        "Peraturan Komisi Pemilihan Umum Nomor 3 tahun 2020 tentang Perubahan Atas Peraturan Nomor 8 tahun 2019",
        "PKPU||3|2020",
        "Perubahan Atas Peraturan Nomor 8 tahun 2019",
        None,
        [],
    ),
    ("Peraturan Komisi Pemilihan Umum Republik Indonesia Nomor 3 Tahun 2020", "PKPU||3|2020", None, None, []),
    (
        "Peraturan Badan Pengawas Pemilihan Umum Nomor 7 Tahun 2022 tentang Penanganan Temuan dan Laporan Pelanggaran "
        "Pemilihan Umum",
        "PERBAWASLU||7|2022",
        "Penanganan Temuan dan Laporan Pelanggaran Pemilihan Umum",
        None,
        [],
    ),
    ("Perbawaslu No. 7 Tahun 2022", "PERBAWASLU||7|2022", None, None, []),
    (
        "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik",
        "PERKI||1|2021",
        "Standar Layanan Informasi Publik",
        None,
        [],
    ),
    (
        "Keputusan Komisi Pemilihan Umum Nomor 10/HK.04/08/2022 tentang Pedoman Teknis Pengelolaan Jaringan "
        "Dokumentasi dan Informasi Hukum di Lingkungan KPU, KPU Provinsi dan KPU Kabupaten/Kota.",
        "KEPKPU||10/hk.04/08/2022|2022",
        "Pedoman Teknis Pengelolaan",
        None,
        [],
    ),
    ("Keputusan KPU Nomor 10/HK.04/08/2022", "KEPKPU||10/hk.04/08/2022|2022", None, None, []),
    (
        "Keputusan Komisi Pemilihan Umum Nomor 134/Kpts/KPU/Tahun 2016 tentang Pedoman Teknis",
        "KEPKPU||134/kpts/kpu/tahun2016|2016",
        "Pedoman Teknis",
        None,
        [],
    ),
    (
        "Keputusan Komisi Pemilihan Umum Provinsi Kalimantan Tengah Nomor 1176 Tahun 2022",
        "KEPKPU-WIL|provinsi kalimantan tengah|1176|2022",
        None,
        None,
        [],
    ),
    (
        "Keputusan Komisi Pemilihan Umum Kabupaten Agam Nomor 167 Tahun 2023 tentang Perubahan Atas Keputusan Komisi "
        "Pemilihan Umum Kabupaten Agam Nomor 24 Tahun 2023",
        "KEPKPU-WIL|kabupaten agam|167|2023",
        "Perubahan Atas Keputusan",
        None,
        [],
    ),
    ("Keputusan KPU Kab. Agam Nomor 167 Tahun 2023", "KEPKPU-WIL|kabupaten agam|167|2023", None, None, []),
    (
        "Keputusan Komisi Pemilihan Umum Kabupaten Agam Nomor 13/PP.07.1/1306/2021 tentang Penetapan Akun Media Sosial "
        "Resmi Komisi Pemilihan Umum Kabupaten Agam",
        "KEPKPU-WIL|kabupaten agam|13/pp.07.1/1306/2021|2021",
        "Penetapan Akun Media Sosial Resmi",
        None,
        [],
    ),
    ("Keputusan Presiden Nomor 120/P Tahun 2022", "KEPPRES||120/p|2022", None, None, []),
    ("Peraturan Daerah Provinsi Jawa Tengah Nomor 5 Tahun 2019", "PERDA|provinsi jawa tengah|5|2019", None, None, []),
    (
        "Peraturan Bupati Agam Nomor 12 Tahun 2020 tentang Pedoman Pengelolaan Media Sosial",
        "PERBUP|agam|12|2020",
        "Pedoman Pengelolaan Media Sosial",
        None,
        [],
    ),
    ("Peraturan Wali Kota Palangka Raya Nomor 3 Tahun 2021", "PERWALI|palangka raya|3|2021", None, None, []),
]


def test_the_table_is_large_enough() -> None:
    assert len(SPELLINGS) >= 40


@pytest.mark.parametrize("text, key, tentang, sumber, amended", SPELLINGS)
def test_real_world_spellings(text: str, key: str, tentang: str | None, sumber: str | None, amended: list[str]) -> None:
    citation = parse_citation(text)
    assert citation is not None, text
    assert citation.key == key
    if tentang is None:
        assert citation.tentang is None
    else:
        assert citation.tentang is not None and citation.tentang.startswith(tentang)
        assert not citation.tentang.endswith((";", ".", " dan"))
    assert citation.sumber == sumber
    assert [other.key for other in citation.amended_by] == amended


@pytest.mark.parametrize(
    "text",
    [
        "Surat Edaran Menteri PANRB Nomor 1 Tahun 2022",
        "Undang-Undang Tahun 2017",
        "Peraturan Menteri Nomor 5 Tahun 2020",
        "Peraturan yang berlaku",
        "",
        "   ;  ",
    ],
)
def test_lines_that_name_no_regulation_are_not_guessed(text: str) -> None:
    assert parse_citation(text) is None


def test_canonical_names() -> None:
    assert parse_citation("UU No. 7 Tahun 2017").name == "Undang-Undang Nomor 7 Tahun 2017"
    assert parse_citation("Permenkumham 8/2019").name == (
        "Peraturan Menteri Hukum dan Hak Asasi Manusia Nomor 8 Tahun 2019"
    )
    assert parse_citation("Keputusan KPU Nomor 10/HK.04/08/2022").name == (
        "Keputusan Komisi Pemilihan Umum Nomor 10/HK.04/08/2022"
    )  # the year is in the number already
    assert parse_citation("UUD 1945").name == "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"


def seed_lines() -> list[str]:
    return [
        line
        for file in sorted((REPO / "sops").glob("*.yaml"))
        for line in yaml.safe_load(file.read_text(encoding="utf-8"))["dasar_hukum"]
    ]


def test_every_dasar_hukum_line_of_the_seed_sops_parses() -> None:
    lines = seed_lines()
    assert len(lines) == 23
    keys = [parse_citation(line).key for line in lines]  # raises on None: every line must parse
    assert keys.count(UU_7) == 3  # "Undang-Undang 7 Tahun 2017 …" and "Undang-Undang Nomor 7 Tahun 2017 …"
    assert keys.count(KUMHAM_8) == 2
    assert "KEPKPU-WIL|kabupaten agam|13/pp.07.1/1306/2021|2021" in keys
    banjarnegara = parse_citation(lines[2])
    assert banjarnegara.key == PKPU_8 and [a.key for a in banjarnegara.amended_by] == ["PKPU||4|2021"]


def test_spellings_of_one_regulation_share_one_identity() -> None:
    spellings = [
        "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
        "Undang-Undang 7 Tahun 2017",
        "UU No. 7 Tahun 2017",
        "uu nomor 7 tahun 2017;",
        "UNDANG-UNDANG NOMOR 7 TAHUN 2017 TENTANG PEMILU",
    ]
    assert {parse_citation(text).key for text in spellings} == {UU_7}
    assert parse_citation("Undang-Undang Nomor 7 Tahun 2023").key != UU_7


def test_clean_removes_markup_numbering_and_list_punctuation() -> None:
    assert clean("<li>3. Undang-Undang &amp; lainnya; dan</li>") == "Undang-Undang & lainnya"


@settings(max_examples=400, deadline=500)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    parse_citation(text)


keywords = st.sampled_from(
    [
        "Undang-Undang",
        "UU",
        "Peraturan",
        "Menteri",
        "Nomor",
        "No.",
        "Tahun",
        "tentang",
        "sebagaimana telah diubah dengan",
        "(Lembaran Negara",
        ")",
        "/",
        "Kabupaten",
        "Pasal 5",
        "2019",
        "8",
        "HK.04",
        ";",
        " dan ",
        "Keputusan KPU",
        "PKPU",
    ]
)


@settings(max_examples=400, deadline=500)
@given(st.lists(keywords | st.text(max_size=8), max_size=30).map(" ".join))
def test_never_raises_on_citation_like_text(text: str) -> None:
    citation = parse_citation(text)
    if citation is not None:
        assert citation.key and citation.name
