"""One configuration: `sop-jdih check`, `new`, `schema` and the build all read the `sop-jdih` block of mkdocs.yml."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from generator.project import Project, Settings, project_from_options, read_project
from generator.source.problems import DataError

from .archive_fixture import write_archive
from .conftest import MKDOCS_YML, REPO, VALID_SOP, build_strict_with_cli, fill_starter, make_project

OTHER_FOLDERS = MKDOCS_YML.replace(
    "  - sop-jdih\n", "  - sop-jdih:\n      sops_dir: prosedur\n      archive_dir: arsip\n"
)
MISTYPED_YML = MKDOCS_YML.replace("  - sop-jdih\n", "  - sop-jdih:\n      sops_dir: prosedr\n")


def sop_jdih(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, run in the project folder as an editor or pre-commit runs it."""
    command = [sys.executable, "-m", "generator.cli", *args]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=120)


def project_in_other_folders(root: Path) -> Path:
    make_project(root, {"uji-persetujuan.yaml": VALID_SOP}, OTHER_FOLDERS)
    (root / "sops").rename(root / "prosedur")
    write_archive(root).rename(root / "arsip")
    return root


def test_check_new_schema_and_build_agree_on_the_folders_of_mkdocs_yml(tmp_path: Path) -> None:
    root = project_in_other_folders(tmp_path / "proyek")
    checked = sop_jdih(root, "check")
    assert (checked.returncode, checked.stdout) == (0, "OK: 1 SOP, 3 produk hukum, 2 konten valid.\n"), checked.stderr

    new_sop = sop_jdih(root, "new", "sop", "baru")
    assert new_sop.stdout.startswith("ditulis: prosedur/baru.yaml\n"), new_sop.stderr
    new_produk = sop_jdih(root, "new", "produk-hukum", "produk-baru")
    assert "simpan PDF-nya di arsip/lampiran/" in new_produk.stdout
    new_konten = sop_jdih(root, "new", "konten", "konten-baru")
    assert new_konten.stdout.splitlines()[:2] == [
        "ditulis: arsip/konten/konten-baru.yaml",
        "ditulis: arsip/konten/gambar/konten-baru.png (gambar pengganti; timpa dengan desain aslinya)",
    ]
    written = sop_jdih(root, "schema")
    assert written.stdout.splitlines() == [
        "ditulis: prosedur/schema.json",
        "ditulis: arsip/schema/produk-hukum.json",
        "ditulis: arsip/schema/monografi.json",
        "ditulis: arsip/schema/artikel.json",
        "ditulis: arsip/schema/putusan.json",
        "ditulis: arsip/schema/konten.json",
        "ditulis: kantor.schema.json",
    ]
    assert sop_jdih(root, "schema", "--check").returncode == 0
    checked = sop_jdih(root, "check")
    assert checked.returncode == 0 and checked.stdout.startswith("OK: 2 SOP, 4 produk hukum, 3 konten valid.\n")
    assert "peringatan: arsip/konten/konten-baru.yaml:" in checked.stdout  # the starters' placeholders, located
    assert not (root / "sops").exists() and not (root / "content_archive").exists()
    for written_file in ("prosedur/baru.yaml", "arsip/produk-hukum/produk-baru.yaml", "arsip/konten/konten-baru.yaml"):
        fill_starter(root / written_file)

    site = tmp_path / "site"
    built = build_strict_with_cli(root, site)
    assert built.returncode == 0, built.stderr
    manifest = json.loads((site / "sop-jdih-manifest.json").read_text(encoding="utf-8"))
    assert manifest["jumlah"] == {"sop": 2, "produk_hukum": 4, "konten": 3}
    assert {source.split("/")[0] for source in manifest["sumber"]} == {"prosedur", "arsip"}
    page = (site / "sop" / "baru" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/kpu-uji/situs/edit/main/prosedur/baru.yaml"' in page
    assert (site / "berkas" / "konten" / "gambar" / "konten-baru.png").is_file()


def test_messages_name_the_folders_the_project_uses(tmp_path: Path) -> None:
    root = project_in_other_folders(tmp_path / "proyek")
    konten = root / "arsip" / "konten" / "tim-jdih-baru.yaml"
    text = konten.read_text(encoding="utf-8").replace("gambar/tim-jdih-baru.png", "gambar/hilang.png")
    konten.write_text(text + "sop: tidak-ada\n", encoding="utf-8")
    expected = [
        "arsip/konten/tim-jdih-baru.yaml:8: gambar: berkas arsip/konten/gambar/hilang.png tidak ada",
        "arsip/konten/tim-jdih-baru.yaml:11: sop: tidak ada SOP dengan id 'tidak-ada' di prosedur/",
        "2 masalah ditemukan; perbaiki lalu jalankan lagi.",
    ]
    checked = sop_jdih(root, "check")
    assert (checked.returncode, checked.stderr.splitlines()) == (1, expected)
    built = build_strict_with_cli(root, tmp_path / "site")
    assert built.returncode != 0 and "\n".join(expected) in built.stderr


MISTYPED = "mkdocs.yml: plugins.sop-jdih.sops_dir: folder 'prosedr' tidak ada"


@pytest.mark.parametrize("command", [["check"], ["new", "sop", "x"], ["schema", "--check"], ["schema"]])
def test_a_mistyped_folder_is_one_clear_error_for_every_command(tmp_path: Path, command: list[str]) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP}, MISTYPED_YML)
    result = sop_jdih(root, *command)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"{MISTYPED}\n1 masalah ditemukan; perbaiki lalu jalankan lagi.\n"
    assert sorted(path.name for path in root.iterdir()) == ["docs", "mkdocs.yml", "sops"]  # nothing written


def test_a_mistyped_folder_stops_the_build_with_the_same_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP}, MISTYPED_YML)
    built = build_strict_with_cli(root, tmp_path / "site")
    assert built.returncode == 1
    assert built.stderr.count("plugins.sop-jdih") == 1 and f"ERROR   -  {MISTYPED}\n1 masalah" in built.stderr
    assert not (tmp_path / "site").exists()


def test_an_unknown_option_fails_check_and_build_alike(tmp_path: Path) -> None:
    unknown = MISTYPED_YML.replace("sops_dir: prosedr", "sop_dir: sops")
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP}, unknown)
    message = (
        "mkdocs.yml: plugins.sop-jdih.sop_dir: pilihan tidak dikenal; maksud Anda 'sops_dir'? (yang ada: sops_dir, "
        "archive_dir, cache_dir, edit_uri, dasar_hukum_tidak_berlaku, tanggal_tidak_cocok, tampilkan_nama_staf, pdf, "
        "kantor, render_dua_proses, editor_web)"
    )
    checked = sop_jdih(root, "check")
    assert checked.returncode == 2 and checked.stderr.startswith(message + "\n")
    # --strict stops at MkDocs' own warning about the option; without it, the plugin refuses it in the same words.
    strict = build_strict_with_cli(root, tmp_path / "site")
    assert strict.returncode == 1 and "option 'sop_dir': Unrecognised configuration name" in strict.stderr
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")]
    built = subprocess.run(command, cwd=root, capture_output=True, text=True)
    assert built.returncode == 1 and message in built.stderr


def test_options_are_checked_together_in_indonesian(tmp_path: Path) -> None:
    (tmp_path / "berkas.txt").write_text("bukan folder", encoding="utf-8")
    options = {
        "sops_dir": "../luar",
        "archive_dir": "berkas.txt",
        "cache_dir": 7,
        "dasar_hukum_tidak_berlaku": "peringatan",
        "pdf": "ya",
    }
    with pytest.raises(DataError) as raised:
        project_from_options(tmp_path, options)
    assert [str(problem) for problem in raised.value.problems] == [
        "mkdocs.yml: plugins.sop-jdih.archive_dir: 'berkas.txt' bukan folder",
        "mkdocs.yml: plugins.sop-jdih.cache_dir: tulis teks, mis. nama folder",
        "mkdocs.yml: plugins.sop-jdih.dasar_hukum_tidak_berlaku: tulis salah satu dari: warn, info",
        "mkdocs.yml: plugins.sop-jdih.pdf: tulis true atau false",
        "mkdocs.yml: plugins.sop-jdih.sops_dir: folder '../luar' harus di dalam folder proyek "
        "(tanpa '/' di awal, tanpa '..')",
    ]


def test_defaults_when_mkdocs_yml_or_its_block_is_absent(tmp_path: Path) -> None:
    assert read_project(tmp_path / "mkdocs.yml") == Project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nplugins:\n  - search\n  - sop-jdih\n", encoding="utf-8")
    assert read_project(tmp_path / "mkdocs.yml") == Project(tmp_path)
    assert read_project(tmp_path / "mkdocs.yml").sops_label == "sops/"  # a default folder may be missing


# What MkDocs accepts in mkdocs.yml beside the plugin block: tags that name Python objects or the environment,
# a parent file, and plugins written as a mapping.
PARENT = """\
site_name: Uji
site_url: https://contoh.example/
theme: {name: material}
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
plugins:
  sop-jdih:
    archive_dir: !ENV [SOP_JDIH_UJI_ARSIP, arsip]
    pdf: !ENV SOP_JDIH_UJI_PDF
    edit_uri: edit/utama/
"""
CHILD = """\
INHERIT: dasar.yml
site_dir: !ENV [SOP_JDIH_UJI_SITUS, publik]
plugins:
  sop-jdih:
    dasar_hukum_tidak_berlaku: info
"""


def test_mkdocs_yml_is_read_as_mkdocs_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dasar.yml").write_text(PARENT, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CHILD, encoding="utf-8")
    for folder in ("docs", "arsip", "arsip-lain"):
        (tmp_path / folder).mkdir()
    monkeypatch.setenv("SOP_JDIH_UJI_PDF", "true")
    monkeypatch.delenv("SOP_JDIH_UJI_ARSIP", raising=False)
    monkeypatch.delenv("SOP_JDIH_UJI_SITUS", raising=False)
    expected = Project(
        tmp_path,
        Settings(archive_dir="arsip", edit_uri="edit/utama/", dasar_hukum_tidak_berlaku="info", pdf=True),
        "publik",
        "https://contoh.example/",
    )
    assert read_project(tmp_path / "mkdocs.yml") == expected
    monkeypatch.setenv("SOP_JDIH_UJI_ARSIP", "arsip-lain")
    assert read_project(tmp_path / "mkdocs.yml").archive_dir == tmp_path / "arsip-lain"
    # What the plugin is handed by MkDocs, through the same function, gives the same project.
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["sop-jdih"]
    as_built = project_from_options(tmp_path, dict(plugin.config), "mkdocs.yml", config.site_dir, config.site_url)
    assert as_built == read_project(tmp_path / "mkdocs.yml")


def test_a_broken_mkdocs_yml_is_located(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nplugins:\n  - sop-jdih:\n    pdf: [true\n", encoding="utf-8")
    result = sop_jdih(tmp_path, "check")
    assert result.returncode == 2
    assert re.match(r"mkdocs\.yml:\d+: sintaks YAML salah: ", result.stderr), result.stderr


def test_the_project_can_be_named_after_the_command_as_a_pre_commit_hook_does(tmp_path: Path) -> None:
    """pre-commit runs the hook's `entry` with the office's `args` after it."""
    project_in_other_folders(tmp_path / "proyek")
    (tmp_path / "proyek" / "mkdocs.yml").rename(tmp_path / "proyek" / "situs.yml")
    result = sop_jdih(tmp_path, "check", "--config-file", "proyek/situs.yml")
    assert (result.returncode, result.stdout) == (0, "OK: 1 SOP, 3 produk hukum, 2 konten valid.\n"), result.stderr


def test_the_pre_commit_hook_runs_whatever_the_folders_are_called() -> None:
    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert (hook["entry"], hook["pass_filenames"]) == ("sop-jdih check", False)
    runs_for = re.compile(hook["files"])
    for changed in ("prosedur/x.yaml", "arsip/konten/x.md", "sops/x.yml", "content_archive/produk-hukum/x.yaml"):
        assert runs_for.search(changed), changed
    assert runs_for.search("mkdocs.yml")  # a changed setting is checked too
    assert not runs_for.search("arsip/lampiran/x.pdf")


def test_check_site_defaults_to_the_site_dir_of_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Uji\nsite_dir: publik\n", encoding="utf-8")
    result = sop_jdih(tmp_path, "check", "--site")
    assert (result.returncode, result.stderr) == (
        2,
        f"{tmp_path / 'publik'}: folder tidak ada; bangun dulu dengan: mkdocs build\n",
    )
