"""Tiny real projects in tmp_path and real MkDocs builds of them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser

from .browser_support import launch, serve

REPO = Path(__file__).resolve().parents[1]

MKDOCS_YML = """\
site_name: Uji SOP
site_url: https://contoh.example/
repo_url: https://github.com/kpu-uji/situs
edit_uri: edit/main/docs/
theme:
  name: material
  language: id
  features:
    - content.action.edit
plugins:
  - sop-jdih
"""

# A small but complete SOP: three lanes, a decision with a loop back, a shared step.
VALID_SOP = """\
# yaml-language-server: $schema=schema.json
id: uji-persetujuan
instansi: Komisi Pemilihan Umum Kabupaten Uji
satuan_kerja: Sekretariat
nomor_sop: 7 Tahun 2025
nama_sop: Persetujuan Konten Uji
tanggal_pembuatan: 2025-01-02
tanggal_pengesahan: 2025-01-15
disahkan_oleh:
  jabatan: Sekretaris
  nama: Siti Penguji
  nip: "19800101 200501 2 001"
dasar_hukum:
  - Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum
  - Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja
prosedur:
  - judul: Persetujuan konten
    pelaksana:
      - id: sekretaris
        nama: Sekretaris
      - id: kasubag
        nama: Kasubbag Hukum
      - id: staf
        nama: Staf Pengelola
    langkah:
      - no: 1
        kegiatan: Memberi disposisi pembuatan konten
        ringkasan: Beri disposisi
        pelaksana: sekretaris
        simbol: mulai
        mutu_baku:
          kelengkapan: Nota dinas
          waktu: 10 Menit
          output: Disposisi
      - no: 2
        kegiatan: Menyusun konsep konten
        ringkasan: Susun konsep
        pelaksana: staf
        mutu_baku:
          waktu: 1 hari
          output: Konsep
      - no: 3
        kegiatan: Memeriksa konsep dan memutuskan
        ringkasan: Konsep layak?
        pelaksana: kasubag
        simbol: keputusan
        ya: 4
        tidak: 2
        mutu_baku:
          waktu: 50 menit
      - no: 4
        kegiatan:
          - Mengunggah konten
          - Membagikan tautan
        ringkasan: Unggah konten
        pelaksana: [staf, kasubag]
        simbol: selesai
        mutu_baku:
          waktu: 15 menit
        keterangan: Tautan dibagikan ke grup
"""


# What the example site is made of: a copy of these builds the same site elsewhere (under another path, other options).
EXAMPLE_PROJECT = ("docs", "sops", "content_archive", "site_theme", "kantor.yaml", "mkdocs.yml")


def copy_example_project(destination: Path) -> Path:
    """A copy of the example site's sources in `destination` (created), to build with changed options; returns it."""
    destination.mkdir(parents=True)
    for name in EXAMPLE_PROJECT:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, destination / name)
        else:
            shutil.copy(REPO / name, destination / name)
    return destination


def make_project(root: Path, sops: dict[str, str], mkdocs_yml: str = MKDOCS_YML) -> Path:
    """Write mkdocs.yml, a home page and the given sops/ files; return the project folder."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Beranda\n", encoding="utf-8")
    (root / "sops").mkdir(exist_ok=True)
    for name, text in sops.items():
        (root / "sops" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return root


def build_site(project: Path, strict: bool = True) -> Path:
    """A real MkDocs build, as `mkdocs build [--strict]` runs it; returns the site folder."""
    config = load_config(str(project / "mkdocs.yml"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def build_strict_with_cli(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in its own process, as an editor or CI runs it in `root`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
    )


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path: two folders are equal when these are."""
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's example site, built once for every test that only reads it (browser, search, phones)."""
    site = tmp_path_factory.mktemp("example-site") / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=REPO, check=True)
    return site


@pytest.fixture(scope="session")
def example_site_url(example_site: Path) -> Iterator[str]:
    with serve(example_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium via Playwright, one per test module (see browser_support.launch)."""
    with launch() as browser:
        yield browser


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})


# What an editor writes over each starter placeholder (generator/unfilled.py).
FILLED = {
    "Judul Produk Hukum Baru": "Penetapan Tim Baru",
    "Nama Prosedur Baru": "Pengelolaan Arsip",
    "KATA KUNCI": "JDIH",
    "Nama Pejabat": "Siti Penguji",
    "Pengarang, Nama": "Lestari, Dewi",
    "Nama Jurnal": "Jurnal Pemilu",
    "Nama Penerbit": "Pustaka Uji",
    "Nama Pemohon": "Partai Uji",
    "Bahwa untuk ... perlu": "Bahwa untuk tertib administrasi perlu",
    "Tulis abstrak": "Abstrak",
    "Tulis caption di sini": "Caption",
    "Ringkasan perkara: apa yang dimohonkan": "Ringkasan perkara",
    "ganti-dengan-kode-unggahan": "abc123",
    "pengganti desain konten": "desain konten",
    " (boleh dihapus)": "",
    " (judul sementara)": " Asli",
}


def fill_starter(path: Path) -> None:
    """Replace what `sop-jdih new` left to replace, as an editor does."""
    text = path.read_text(encoding="utf-8")
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
