"""Data that contradicts itself is named: warnings that `--strict` honours and a setting lowers, plausible dates, and
hand-written pages at generated addresses. The corpus (tests/bad_inputs/65-70) holds the exact messages."""

from __future__ import annotations

import datetime
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from generator.core import Project, findings, generate, generated_uris, load_content
from generator.editor.config import Repository
from generator.pages import archive as archive_pages
from generator.pages.urls import SiteUrls
from generator.source.problems import DataError

from .archive_fixture import KEPUTUSAN_LAMA, write_archive
from .conftest import MKDOCS_YML, REPO, VALID_SOP, build_site, build_strict_with_cli, make_project

# Ditetapkan in December 2021, numbered as of 2022: a real signed keputusan may say exactly this.
TAHUN_BEDA = (
    KEPUTUSAN_LAMA.replace("id: kepkab-12-2022", "id: tahun-beda")
    .replace("nomor: 12/HK.03.1-Kpt/3300/2022", "nomor: 1/HK.03.1-Kpt/3300/2022")
    .replace("tanggal_penetapan: 2022-02-01", "tanggal_penetapan: 2021-12-30")
)
WARNING = (
    "content_archive/produk-hukum/tahun-beda.yaml:5: tahun: 2022 berbeda dengan tahun tanggal_penetapan 2021-12-30 "
    "(peringatan; bila naskah bertanda tangan memang begitu, setel 'tanggal_tidak_cocok: info' pada plugin sop-jdih "
    "di mkdocs.yml)"
)


def archive_project(root: Path, extra: dict[str, str], mkdocs_yml: str = MKDOCS_YML) -> Path:
    make_project(root, {"uji-persetujuan.yaml": VALID_SOP}, mkdocs_yml)
    write_archive(root, extra)
    return root


def messages(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno == level]


def test_a_tahun_that_disagrees_with_its_date_fails_strict_as_a_located_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = archive_project(tmp_path, {"produk-hukum/tahun-beda.yaml": TAHUN_BEDA})
    found = findings(load_content(Project(project)), Project(project))
    assert ([str(problem) for problem in found.warnings], found.notes) == ([WARNING], [])
    with pytest.raises(Abort):
        build_site(project, strict=True)
    assert f"sop-jdih: {WARNING}" in messages(caplog, logging.WARNING)


def test_the_setting_lowers_it_to_information_that_never_fails(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = MKDOCS_YML.replace("  - sop-jdih\n", "  - sop-jdih:\n      tanggal_tidak_cocok: info\n")
    project = archive_project(tmp_path, {"produk-hukum/tahun-beda.yaml": TAHUN_BEDA}, config)
    caplog.set_level(logging.INFO)
    site = build_site(project, strict=True)
    assert (site / "produk-hukum" / "tahun-beda" / "index.html").is_file()
    assert f"sop-jdih: {WARNING}" in messages(caplog, logging.INFO)
    assert not any("tahun-beda" in message for message in messages(caplog, logging.WARNING))


def test_dates_run_up_to_the_end_of_next_year_and_no_further(tmp_path: Path) -> None:
    """The upper end moves with the calendar, so the corpus uses 2099; this pins the edge itself."""
    next_year = datetime.date.today().year + 1
    signed = VALID_SOP.replace("tanggal_pengesahan: 2025-01-15", f"tanggal_pengesahan: {next_year}-12-31")
    make_project(tmp_path, {"uji-persetujuan.yaml": signed})
    # a keputusan of its own (the test archive's kepkab-5-2024 revokes kepkab-12-2022: revoking a newer one warns)
    newest = (
        KEPUTUSAN_LAMA.replace("id: kepkab-12-2022", "id: kepkab-1-terbaru")
        .replace("nomor: 12/HK.03.1-Kpt/3300/2022", f"nomor: 1/HK.03.1-Kpt/3300/{next_year}")
        .replace("tahun: 2022", f"tahun: {next_year}")
        .replace("tanggal_penetapan: 2022-02-01", f"tanggal_penetapan: {next_year}-01-02")
    )
    write_archive(tmp_path, {"produk-hukum/kepkab-1-terbaru.yaml": newest})
    assert findings(load_content(Project(tmp_path)), Project(tmp_path)).warnings == []
    later = signed.replace(f"{next_year}-12-31", f"{next_year + 1}-01-01")
    (tmp_path / "sops" / "uji-persetujuan.yaml").write_text(later, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_content(Project(tmp_path))
    assert [problem.message for problem in raised.value.problems] == [
        f"tanggal {next_year + 1}-01-01 tidak masuk akal; tulis tanggal dari tahun 1945 sampai tahun depan"
    ]


def test_a_hand_written_page_at_a_generated_address_stops_the_build_with_checks_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = archive_project(tmp_path, {})
    (project / "docs" / "sop" / "uji-persetujuan").mkdir(parents=True)
    (project / "docs" / "sop" / "uji-persetujuan" / "index.md").write_text("# Lama\n", encoding="utf-8")
    (project / "docs" / "sop" / "panduan.md").write_text("# Panduan\n", encoding="utf-8")  # its own address
    with pytest.raises(DataError) as raised:
        load_content(Project(project))
    expected = (
        "docs/sop/uji-persetujuan/index.md: alamat /sop/uji-persetujuan/ sudah dipakai sop-jdih untuk "
        "sops/uji-persetujuan.yaml; pindahkan berkas ini ke alamat lain atau hapus"
    )
    assert [str(problem) for problem in raised.value.problems] == [expected]
    with pytest.raises((PluginError, Abort)):
        build_site(project)
    assert expected in caplog.text


def test_the_addresses_check_knows_are_the_files_generate_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`generated_uris` answers without drawing or writing; `generate` must agree, listing pages and the web editor's
    files included (their addresses are kept free whether the editor is on or not)."""
    monkeypatch.setattr(archive_pages, "PER_PAGE", 1)  # every listing group spreads over pages
    content = load_content(Project(archive_project(tmp_path, {})))
    editor = Repository("kpu-uji/situs")
    written = generate(content, Project(tmp_path), SiteUrls("https://contoh.example/"), "Uji", editor=editor)
    uris = generated_uris(content)
    assert uris == {file.uri: file.source for file in written.files}
    assert "arsip/jenis/keputusan-komisi-pemilihan-umum-kabupaten-uji/halaman-2.md" in uris


def test_check_reads_the_docs_folder_and_url_style_of_mkdocs_yml_as_the_build_does(tmp_path: Path) -> None:
    """docs_dir and use_directory_urls decide where MkDocs builds a hand-written page: both commands use them."""
    config = MKDOCS_YML + "docs_dir: halaman\nuse_directory_urls: false\n"
    project = archive_project(tmp_path, {}, config)
    (project / "docs").rename(project / "halaman")
    (project / "halaman" / "sop" / "uji-persetujuan").mkdir(parents=True)
    (project / "halaman" / "sop" / "uji-persetujuan" / "index.md").write_text("# Lain\n", encoding="utf-8")
    (project / "halaman" / "sop" / "uji-persetujuan.md").write_text("# Lama\n", encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(project), "check"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    # Built as sop/uji-persetujuan.html, the generated page's file; the index.md becomes sop/uji-persetujuan/index.html.
    expected = (
        "halaman/sop/uji-persetujuan.md: alamat /sop/uji-persetujuan.html sudah dipakai sop-jdih untuk "
        "sops/uji-persetujuan.yaml; pindahkan berkas ini ke alamat lain atau hapus"
    )
    assert (checked.returncode, checked.stderr.splitlines()[:-1]) == (1, [expected])
    built = build_strict_with_cli(project, tmp_path / "situs")
    assert built.returncode != 0 and expected in built.stderr
