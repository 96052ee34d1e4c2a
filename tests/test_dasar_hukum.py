"""The dasar hukum index end to end: one entry per regulation, links both ways, the revoked-basis warning."""

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .archive_fixture import write_archive
from .conftest import MKDOCS_YML, VALID_SOP, build_site, make_project

REVOKED = "Keputusan Komisi Pemilihan Umum Kabupaten Uji Nomor 12/HK.03.1-Kpt/3300/2022"
REPLACEMENT = "Keputusan Komisi Pemilihan Umum Kabupaten Uji Nomor 5/HK.03.1-Kpt/3300/2024"

# A second SOP: the same UU in another spelling, a revoked keputusan, a line no parser can read.
OTHER_SOP = (
    VALID_SOP.replace("id: uji-persetujuan", "id: uji-arsip")
    .replace("nama_sop: Persetujuan Konten Uji", "nama_sop: Pengarsipan Uji")
    .replace(
        "  - Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja\n",
        f"  - {REVOKED} tentang Penetapan Tim Pengelola JDIH Tahun 2022\n"
        "  - Surat Edaran Sekretaris tentang Tata Naskah\n",
    )
    .replace("  - Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum\n", "  - UU No. 7 Tahun 2017;\n")
    .replace("prosedur:\n", "keterkaitan:\n  - sop: uji-persetujuan\nprosedur:\n", 1)
)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Path:
    make_project(tmp_path, {"a.yaml": VALID_SOP, "b.yaml": OTHER_SOP})
    write_archive(tmp_path)
    return tmp_path


def html(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


def test_index_lists_each_regulation_once_grouped_by_hierarchy(project: Path) -> None:
    site = build_site(project, strict=False)
    index = html(site, "dasar-hukum")
    assert index.count(">Undang-Undang Nomor 7 Tahun 2017</a>") == 1  # two spellings, one entry
    groups = re.findall(r'<h2 id="[^"]*">(.*?)</h2>', index)
    # Cited regulations only: the 2024 keputusan is in the archive but nothing cites it, so it has no entry here.
    assert groups[:3] == ["Undang-Undang / Perppu (1)", "Peraturan KPU dan lembaga negara (1)", "Keputusan (1)"]
    assert "Surat Edaran Sekretaris tentang Tata Naskah" in index  # listed as unparsed, as written
    # Its entry is a card on a phone (daftar.html.j2): the name links to its page, the status is a badge.
    assert '<td class="jdih-daftar__judul"><a href="uu-7-2017/">Undang-Undang Nomor 7 Tahun 2017</a></td>' in index
    assert '<td data-label="Status"><span class="jdih-badge jdih-badge--berlaku">Berlaku</span></td>' in index


def test_regulation_page_links_archive_citers_and_spellings(project: Path) -> None:
    page = html(build_site(project, strict=False), "dasar-hukum/uu-7-2017")
    assert '<a href="../../produk-hukum/uu-7-2017/">' in page  # the archive holds it
    assert 'SOP <a href="../../sop/uji-persetujuan/">Persetujuan Konten Uji</a>' in page
    assert 'SOP <a href="../../sop/uji-arsip/">Pengarsipan Uji</a>' in page
    assert "UU No. 7 Tahun 2017;" in page and "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum" in page
    assert 'Produk hukum <a href="../../produk-hukum/kepkab-5-2024/">' not in page  # melaksanakan is not citing
    revoked = html(build_site(project, strict=False), "dasar-hukum/kepkpu-kabupaten-uji-12-hk-03-1-kpt-3300-2022")
    assert 'jdih-badge--tidak-berlaku">Tidak Berlaku<' in revoked
    # The replacement is cited by nothing, so the link goes to its archive page rather than an index entry.
    assert f'Dicabut dengan <a href="../../produk-hukum/kepkab-5-2024/">{REPLACEMENT}</a>' in revoked


def test_sop_lines_link_to_their_regulation_and_flag_a_revoked_basis(project: Path) -> None:
    page = html(build_site(project, strict=False), "sop/uji-arsip")
    assert '<a href="../../dasar-hukum/uu-7-2017/">UU No. 7 Tahun 2017;</a>' in page
    assert (
        '<a href="../../dasar-hukum/kepkpu-kabupaten-uji-12-hk-03-1-kpt-3300-2022/">'
        f"{REVOKED} tentang Penetapan Tim Pengelola JDIH Tahun 2022</a> "
        '<span class="jdih-badge jdih-badge--tidak-berlaku">Tidak Berlaku</span>' in page
    )
    assert "<li>Surat Edaran Sekretaris tentang Tata Naskah</li>" in page  # kept verbatim, no link


def test_keterkaitan_both_ways_and_konten_under_the_sop(project: Path) -> None:
    site = build_site(project, strict=False)
    referred = html(site, "sop/uji-persetujuan")
    assert "Dirujuk oleh SOP:" in referred and '<a href="../uji-arsip/">Pengarsipan Uji</a>' in referred
    assert '<a href="../../konten/kenali-uu-pemilu/">Kenali UU Pemilu</a> (2 Mei 2024)' in referred
    assert '<a href="../uji-persetujuan/">Persetujuan Konten Uji</a>' in html(site, "sop/uji-arsip")


def test_revoked_basis_warning_names_file_line_and_replacement(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort):
        build_site(project, strict=True)
    line = line_of(OTHER_SOP, REVOKED)
    expected = (
        f"sops/b.yaml:{line}: dasar_hukum butir 2: SOP ini berdasar pada {REVOKED} yang tidak berlaku lagi "
        f"(dicabut dengan {REPLACEMENT})"
    )
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert f"sop-jdih: {expected}" in warnings
    unparsed = [message for message in warnings if "tidak dapat diuraikan" in message]
    assert unparsed == [
        f"sop-jdih: sops/b.yaml:{line_of(OTHER_SOP, 'Surat Edaran')}: dasar_hukum butir 3: baris dasar hukum "
        "'Surat Edaran Sekretaris tentang Tata Naskah' tidak dapat diuraikan (jenis, nomor dan tahun peraturan); "
        "ditampilkan apa adanya"
    ]
    # sop-jdih check says the same, and fails as the strict build does.
    checked = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(project), "check"], capture_output=True, text=True
    )
    assert checked.returncode == 1 and checked.stdout == ""
    assert checked.stderr.splitlines() == [
        *sorted(message.removeprefix("sop-jdih: ") for message in warnings if message.startswith("sop-jdih: sops/")),
        "2 peringatan; build situs (--strict) gagal karenanya: perbaiki lalu jalankan lagi.",
    ]


def test_revoked_basis_can_be_reported_without_failing_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = MKDOCS_YML.replace("  - sop-jdih\n", "  - sop-jdih:\n      dasar_hukum_tidak_berlaku: info\n")
    make_project(
        tmp_path,
        {"a.yaml": VALID_SOP, "b.yaml": OTHER_SOP.replace("  - Surat Edaran Sekretaris tentang Tata Naskah\n", "")},
        config,
    )
    write_archive(tmp_path)
    caplog.set_level(logging.INFO)
    build_site(tmp_path, strict=True)
    infos = [record.getMessage() for record in caplog.records if record.levelno == logging.INFO]
    assert any("SOP ini berdasar pada" in message and "dicabut dengan" in message for message in infos)


def test_only_cited_regulations_get_a_page(project: Path) -> None:
    site = build_site(project, strict=False)
    pages = sorted(path.parent.name for path in (site / "dasar-hukum").glob("*/index.html"))
    # UU 7/2017, PKPU 8/2019 and the revoked keputusan are cited; the 2024 keputusan is only in the archive.
    assert pages == ["kepkpu-kabupaten-uji-12-hk-03-1-kpt-3300-2022", "pkpu-8-2019", "uu-7-2017"]
