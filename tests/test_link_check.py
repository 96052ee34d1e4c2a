"""Link integrity of built sites: a tiny hand-written one, the repository's example site, and the CLI."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish.link_check import BrokenLink, broken_links

from .conftest import REPO, copy_example_project

# Page path → body. Every link marked "baik" must pass; the others are exactly the BROKEN list below.
TINY_SITE = {
    "index.html": """
        <h1 id="atas">Beranda</h1>
        <a href="sop/">baik: folder</a> <a href="sop">baik: folder tanpa garis miring</a>
        <a href="sop/a/#langkah-1">baik: jangkar</a> <a href="sop/a/#hilang">jangkar rusak</a>
        <a href="/sop/a/?cetak=1#langkah-1">baik: path absolut, query</a> <a href="/tidak/ada/">path absolut rusak</a>
        <a href="#atas">baik: jangkar di halaman ini</a> <a href="#bawah">jangkar rusak di halaman ini</a>
        <a href="sop/b.html#lama">baik: a name</a> <a href="berkas/laporan%202024.pdf#page=2">baik: %20</a>
        <a href="sop/a/#langkah%2D1">baik: jangkar %-encoded</a>
        <a href="belum-ada/">halaman rusak</a> <a href="kosong/">folder tanpa index.html</a>
        <img src="gambar/ada.png"> <img src="gambar/hilang.png"> <img src="data:image/png;base64,AAAA">
        <a href="https://contoh.example/tidak-ada/">luar</a> <a href="mailto:jdih@contoh.example">surel</a>
        <a href="tel:+62211234">telepon</a> <a href="javascript:void(0)">js</a>
        <a href="#">atas</a> <a href="">kosong</a> <a href=" ">spasi</a>
        <script src="//cdn.contoh.example/x.js"></script> <script src="pagefind/pagefind-ui.js"></script>
        <link rel="stylesheet" href="gaya.css"> <a href="#top">baik: #top (standar HTML)</a>
        <a href="../luar/">di luar situs</a> <a href="http://[::1">alamat rusak</a>
    """,
    "sop/index.html": '<a href="a/">baik</a> <a href="../">baik</a> <a href="/">baik</a> <a href="b.html">baik</a>',
    "sop/a/index.html": """
        <h2 id="langkah-1">Langkah 1</h2>
        <a href="../../index.html#atas">baik</a> <a href="../../#atas">baik</a> <a href="../b.html">baik</a>
        <iframe src="../../berkas/laporan 2024.pdf"></iframe> <object data="../../gaya.css"></object>
    """,
    # Served as sop/b.html: its links resolve against sop/, not sop/b/.
    "sop/b.html": '<a name="lama"></a> <a href="a/#langkah-1">baik</a> <a href="index.html">baik</a>',
    "pagefind/ui.html": '<a href="tidak-dicek/">Pagefind sendiri, tidak dicek</a>',
}
OTHER_FILES = ["gambar/ada.png", "berkas/laporan 2024.pdf", "pagefind/pagefind-ui.js", "gaya.css", "kosong/.keep"]
BROKEN = [
    BrokenLink("index.html", "#bawah", "jangkar #bawah tidak ada di halaman ini"),
    BrokenLink("index.html", "../luar/", "menunjuk ke luar folder situs"),
    BrokenLink("index.html", "/tidak/ada/", "halaman tidak ada"),
    BrokenLink("index.html", "belum-ada/", "halaman tidak ada"),
    BrokenLink("index.html", "gambar/hilang.png", "berkas tidak ada"),
    BrokenLink("index.html", "http://[::1", "alamat tidak dapat dibaca"),
    BrokenLink("index.html", "kosong/", "folder tanpa index.html"),
    BrokenLink("index.html", "sop/a/#hilang", "jangkar #hilang tidak ada di halaman tujuan"),
]


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for relative, body in {**pages, **dict.fromkeys(OTHER_FILES, "")}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"<!doctype html><html><body>{body}</body></html>" if relative.endswith(".html") else body
        path.write_text(text, encoding="utf-8")
    return root


def run_check(site: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator.cli", "check", "--site", str(site)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True)


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", TINY_SITE)


def test_reports_exactly_the_broken_links(tiny_site: Path) -> None:
    assert broken_links(tiny_site) == BROKEN


def test_broken_link_reads_as_page_target_reason() -> None:
    link = BrokenLink("sop/x/index.html", "../y/#z", "jangkar #z tidak ada di halaman tujuan")
    assert str(link) == "sop/x/index.html: ../y/#z: jangkar #z tidak ada di halaman tujuan"


def test_repeated_link_on_a_page_is_reported_once(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": '<a href="x/">1</a> <a href="x/">2</a>'})
    assert broken_links(site) == [BrokenLink("index.html", "x/", "halaman tidak ada")]


def test_example_site_has_no_broken_links(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(build, cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    broken = broken_links(site)
    # A failure here is a product bug (a link the generator or theme writes wrongly), not a test to relax.
    assert broken == [], "tautan rusak di situs contoh:\n" + "\n".join(map(str, broken))


def test_cli_passes_a_good_site(tmp_path: Path) -> None:
    good = write_site(tmp_path / "site", {**TINY_SITE, "index.html": '<h1 id="atas">Beranda</h1> <a href="sop/">'})
    result = run_check(good)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"OK: semua tautan internal dan #jangkar di {good} utuh (4 halaman)\n"


def test_cli_fails_on_one_broken_link(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", {"index.html": '<a href="sop/">', "sop/index.html": '<a href="../x/">'})
    result = run_check(site)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["sop/index.html: ../x/: halaman tidak ada", "1 tautan rusak"]


@pytest.mark.parametrize("name", ["tidak-ada", "berkas.txt"])
def test_cli_rejects_a_folder_that_is_not_a_site(tmp_path: Path, name: str) -> None:
    (tmp_path / "berkas.txt").write_text("", encoding="utf-8")
    result = run_check(tmp_path / name)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{tmp_path / name}: ")
    assert result.stdout == ""


def test_a_site_served_under_a_path_is_checked_at_that_path(tmp_path: Path) -> None:
    """A GitHub project site lives at https://akun.github.io/<repo>/: its own links start with /<repo>/."""
    site = write_site(
        tmp_path / "site",
        {
            "index.html": '<h1 id="atas">Beranda</h1>'
            '<a href="/jdih-kpu/sop/">ok</a> <a href="/jdih-kpu/">ok</a> <a href="/jdih-kpu">ok</a>'
            '<a href="https://example.github.io/jdih-kpu/sop/#langkah">ok</a>'
            '<a href="https://example.github.io/jdih-kpu/tidak-ada/">rusak</a>'
            '<a href="/jdih-kpu/tidak-ada.pdf">rusak</a> <a href="/lain/">rusak</a>'
            '<a href="https://example.github.io/proyek-lain/">luar</a> <a href="https://kpu.go.id/x/">luar</a>',
            "sop/index.html": '<h2 id="langkah">Langkah</h2>',
        },
    )
    assert broken_links(site, "https://example.github.io/jdih-kpu/") == [
        BrokenLink("index.html", "/jdih-kpu/tidak-ada.pdf", "berkas tidak ada"),
        BrokenLink("index.html", "/lain/", "di luar alamat situs (/jdih-kpu/)"),
        BrokenLink("index.html", "https://example.github.io/jdih-kpu/tidak-ada/", "halaman tidak ada"),
    ]


def test_on_disk_a_link_must_name_a_file(tmp_path: Path) -> None:
    """Opened from disk (file://) nothing turns a folder into its index.html, and "/…" is the disk's root."""
    site = write_site(
        tmp_path / "site",
        {
            "index.html": '<a href="sop/index.html">ok</a> <a href="sop/">folder</a> <a href="sop">folder</a>'
            '<a href="/jdih-kpu/sop/index.html">mutlak</a>'
            '<form action="cari/index.html"></form> <form action="cari/"></form>'
            '<a href="https://example.github.io/jdih-kpu/sop/">di web, bukan dari disk</a>',
            "sop/index.html": '<a href="../index.html">ok</a> <a href="../">folder</a>',
            "cari/index.html": "",
            # Shown by a web server only, for any address: its links start at the site's root.
            "404.html": '<a href="/jdih-kpu/">ok</a>',
        },
    )
    folder = "menunjuk folder: dari disk yang terbuka daftar isi folder, bukan index.html"
    assert broken_links(site, "https://example.github.io/jdih-kpu/", on_disk=True) == [
        BrokenLink("index.html", "/jdih-kpu/sop/index.html", "alamat mutlak: dari disk menunjuk ke akar sistem berkas"),
        BrokenLink("index.html", "cari/", folder),
        BrokenLink("index.html", "https://example.github.io/jdih-kpu/sop/", folder),
        BrokenLink("index.html", "sop", folder),
        BrokenLink("index.html", "sop/", folder),
        BrokenLink("sop/index.html", "../", folder),
    ]
    assert broken_links(site, "https://example.github.io/jdih-kpu/") == []  # served, every one of them works


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-file-urls"])
def test_the_example_site_under_a_project_path_has_no_broken_links(tmp_path: Path, directory_urls: bool) -> None:
    """Served from a sub-path and, without directory URLs, also opened from disk: every href, src and form works."""
    project = copy_example_project(tmp_path / "proyek")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = "https://example.github.io/jdih-kpu/"
    config = re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", config)
    config += f"use_directory_urls: {str(directory_urls).lower()}\n"
    (project / "mkdocs.yml").write_text(config, "utf-8")
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(build, cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert broken_links(tmp_path / "site", site_url, on_disk=not directory_urls) == []
    if not directory_urls:  # what used to open a folder listing from disk now names its page
        listing = (tmp_path / "site" / "arsip" / "tahun" / "2023" / "index.html").read_text(encoding="utf-8")
        assert 'href="../../index.html">Kembali ke arsip</a>' in listing
        assert 'action="../../../cari/index.html"' in listing
    # The command reads site_url from the project's mkdocs.yml, as `make build` runs it.
    command = [sys.executable, "-m", "generator.cli", "--root", str(project), "check", "--site", str(tmp_path / "site")]
    checked = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
