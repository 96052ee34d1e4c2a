"""Data that contradicts itself is named: warnings that `--strict` honours and a setting lowers, and plausible dates.
The corpus (tests/bad_inputs/65-69) holds the exact messages."""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator.core import Project, load_content
from generator.source.problems import DataError

from .archive_fixture import KEPUTUSAN_LAMA, write_archive
from .conftest import MKDOCS_YML, VALID_SOP, build_site, make_project

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
    assert [str(notice.problem) for notice in load_content(Project(project)).notices] == [WARNING]
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
    newest = KEPUTUSAN_LAMA.replace("tahun: 2022", f"tahun: {next_year}").replace(
        "tanggal_penetapan: 2022-02-01", f"tanggal_penetapan: {next_year}-01-02"
    )
    write_archive(tmp_path, {"produk-hukum/kepkab-12-2022.yaml": newest})
    assert load_content(Project(tmp_path)).notices == []
    later = signed.replace(f"{next_year}-12-31", f"{next_year + 1}-01-01")
    (tmp_path / "sops" / "uji-persetujuan.yaml").write_text(later, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_content(Project(tmp_path))
    assert [problem.message for problem in raised.value.problems] == [
        f"tanggal {next_year + 1}-01-01 tidak masuk akal; tulis tanggal dari tahun 1945 sampai tahun depan"
    ]
