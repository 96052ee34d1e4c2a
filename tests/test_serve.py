"""`mkdocs serve` with broken data: the browser gets pages that show the problems, and the fix, without waiting.

A real `mkdocs serve` process on a free loopback port: the editor's preview must never hang on a data error (the
build used to stop in on_config and every request then waited for a build that never came).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import VALID_SOP, make_project

BROKEN = VALID_SOP.replace("        simbol: mulai\n", "        simbul: mulai\n", 1)
# What `sop-jdih check` prints for BROKEN, HTML-escaped.
PROBLEM = "sops/uji-persetujuan.yaml:30: langkah no 1, simbul: kolom tidak dikenal; maksud Anda &#x27;simbol&#x27;?"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    def __init__(self, root: Path, *options: str) -> None:
        self.root = root
        self.port = free_port()
        self.log = (root / "serve.log").open("w")
        # as `make serve` runs it
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload"]
        command += ["--dev-addr", f"127.0.0.1:{self.port}", *options]
        self.process = subprocess.Popen(command, cwd=root, stdout=self.log, stderr=subprocess.STDOUT)

    def get(self, path: str) -> str | None:
        """The page's HTML, or None when the server does not answer it (yet) within 10 s."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return None

    def wait_for(self, path: str, wanted: Callable[[str], bool], seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.root / "serve.log").read_text()
            page = self.get(path)
            if page is not None and wanted(page):
                return page
            time.sleep(0.5)
        raise AssertionError(f"/{path} never showed what was expected:\n{(self.root / 'serve.log').read_text()}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture
def preview(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Preview]:
    root = make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": request.param})
    started = Preview(root)
    yield started
    started.stop()


def banner(page: str) -> bool:
    return 'class="sop-jdih-masalah"' in page


@pytest.mark.parametrize("preview", [VALID_SOP], indirect=True)
def test_a_broken_edit_shows_its_problem_over_the_last_good_site_then_the_fix(preview: Preview) -> None:
    sop_page = "sop/uji-persetujuan/"
    preview.wait_for(sop_page, lambda page: "Persetujuan Konten Uji" in page and not banner(page))
    (preview.root / "sops" / "uji-persetujuan.yaml").write_text(BROKEN, encoding="utf-8")
    broken = preview.wait_for(sop_page, banner)
    assert PROBLEM in broken
    assert "versi terakhir yang berhasil dibangun" in broken and "Persetujuan Konten Uji" in broken
    assert banner(preview.wait_for("", banner))  # every page, not only the one edited
    (preview.root / "sops" / "uji-persetujuan.yaml").write_text(VALID_SOP, encoding="utf-8")
    preview.wait_for(sop_page, lambda page: not banner(page))


@pytest.mark.parametrize("preview", [BROKEN], indirect=True)
def test_a_preview_started_on_broken_data_answers_with_the_problems(preview: Preview) -> None:
    home = preview.wait_for("", banner)
    assert PROBLEM in home and "Halaman SOP dan arsip belum dapat ditampilkan" in home
    (preview.root / "sops" / "uji-persetujuan.yaml").write_text(VALID_SOP, encoding="utf-8")
    assert "Persetujuan Konten Uji" in preview.wait_for("sop/uji-persetujuan/", lambda page: not banner(page))
