"""`sop-jdih --help`, every command's help and argparse's error lines are Indonesian, argparse's own words too."""

from __future__ import annotations

import argparse
import re

import pytest

from generator.cli import main

ENGLISH = re.compile(r"\b(usage|positional arguments|options|show this help|error|invalid choice|required|arguments)\b")


@pytest.mark.parametrize("command", [[], ["check"], ["schema"], ["new"], ["impor"]])
def test_every_help_is_indonesian(command: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"penggunaan: sop-jdih {' '.join(command)}".rstrip() + " [-h]")
    assert "  -h, --help            tampilkan bantuan ini lalu keluar\n" in out
    assert not ENGLISH.search(out), out


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        ([], "sop-jdih: kesalahan: wajib ditulis: PERINTAH"),
        (["check", "--bogus"], "sop-jdih: kesalahan: argumen tidak dikenal: --bogus"),
        (["new"], "sop-jdih new: kesalahan: wajib ditulis: JENIS, ID"),
        (
            ["new", "buku", "x"],
            "sop-jdih new: kesalahan: JENIS: 'buku' tidak dikenal; pilih salah satu: 'sop', 'produk-hukum', "
            "'monografi', 'artikel', 'putusan', 'konten'",
        ),
        (["--root"], "sop-jdih: kesalahan: --root: perlu satu nilai"),
    ],
)
def test_usage_errors_are_indonesian(argv: list[str], line: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: sop-jdih") and err.endswith(f"\n{line}\n"), err


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture) -> None:
    """Other users of argparse in the same process (pytest itself) keep their words."""
    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def test_check_outside_a_project_says_so(tmp_path, capsys: pytest.CaptureFixture) -> None:
    """No mkdocs.yml and no sops/ folder: "OK: 0 SOP" would tell the editor that their files were checked."""
    assert main(["--root", str(tmp_path), "check"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"sop-jdih: {tmp_path / 'mkdocs.yml'} tidak ada dan folder sops/ juga tidak: ini bukan folder proyek; "
        "jalankan di folder proyek, atau sebut foldernya: sop-jdih --root <folder proyek> check\n"
    )
