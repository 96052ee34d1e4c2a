"""Nothing lost, reproducible, and a failed build never touches the published site/."""

from __future__ import annotations

import datetime
import gzip
import json
import logging
import shutil
from pathlib import Path

import mkdocs.utils
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.core import Generation, SiteFile, generate, load_content
from generator.pages.urls import SiteUrls
from generator.project import Project
from generator.publish.manifest import MANIFEST_FILE, ManifestError, content_epoch, publish_manifest
from generator.publish.site_swap import NEW_SUFFIX, SiteSwap

from .archive_fixture import write_archive
from .conftest import MKDOCS_YML, VALID_SOP, build_site, files_of, make_project

# Pagefind 1.5 writes its filter indexes (and so the meta index naming them, and the entry file naming that) from
# a Rust HashMap in per-process random order; the content is the same, only the order differs. Compared decoded.
DROP_PAGE_HOOK = """\
from mkdocs.plugins import event_priority


@event_priority(-50)  # after sop-jdih has added its pages: a plugin that loses one
def on_files(files, config):
    files.remove(files.get_file_from_path("konten/tim-jdih-baru.md"))
    return files
"""


@pytest.fixture
def archive_project(tmp_path: Path) -> Path:
    make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(tmp_path / "proyek")
    return tmp_path / "proyek"


@pytest.fixture
def own_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """No SOURCE_DATE_EPOCH from outside (so the plugin sets it), restored after the test."""
    for name in ("SOURCE_DATE_EPOCH", "SOP_JDIH_SOURCE_DATE_EPOCH"):
        monkeypatch.setenv(name, "0")  # records the original value, so teardown restores it
        monkeypatch.delenv(name)


def snapshot(site: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, and every folder: what "untouched" means."""
    return {
        path.relative_to(site).as_posix(): (path.read_bytes() if path.is_file() else b"/", path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
    }


def test_manifest_maps_every_source_to_its_pages(archive_project: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.sop-jdih")
    site = build_site(archive_project)
    text = (site / MANIFEST_FILE).read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert text == json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    assert manifest == {
        "jumlah": {"sop": 1, "produk_hukum": 3, "konten": 2},
        "sumber": {
            "sops/uji-persetujuan.yaml": ["sop/uji-persetujuan/"],
            "content_archive/produk-hukum/uu-7-2017.yaml": ["produk-hukum/uu-7-2017/"],
            "content_archive/produk-hukum/kepkab-12-2022.yaml": ["produk-hukum/kepkab-12-2022/"],
            "content_archive/produk-hukum/kepkab-5-2024.yaml": [
                "produk-hukum/kepkab-5-2024/",
                "berkas/lampiran/kepkab-5-2024.pdf",
            ],
            "content_archive/konten/kenali-uu-pemilu.md": [
                "konten/kenali-uu-pemilu/",
                "berkas/konten/gambar/kenali-uu-pemilu.png",
            ],
            "content_archive/konten/tim-jdih-baru.yaml": [
                "konten/tim-jdih-baru/",
                "berkas/konten/gambar/tim-jdih-baru.png",
            ],
        },
    }
    last = [record for record in caplog.records if record.name == "mkdocs.plugins.sop-jdih"][-1]
    assert (last.levelno, last.getMessage()) == (
        logging.INFO,
        "sop-jdih: 1 SOP, 3 produk hukum, 2 konten diterbitkan",
    )


def test_manifest_check_names_orphan_pages_and_sources_without_a_page(archive_project: Path, tmp_path: Path) -> None:
    project = Project(archive_project)
    content = load_content(project)
    urls = SiteUrls("https://contoh.example/")
    generation = generate(content, project, urls, "Uji")
    page = next(f for f in generation.files if f.uri == "konten/tim-jdih-baru.md")
    files = [f for f in generation.files if f is not page] + [SiteFile("produk-hukum/hantu.md", page.path, None)]
    site = tmp_path / "situs"
    site.mkdir()
    with pytest.raises(ManifestError) as raised:
        publish_manifest(content, Generation(files, 0, 0), urls, site, with_pdf=False)
    message = str(raised.value)
    assert message.startswith("sop-jdih: situs tidak lengkap")
    assert "produk-hukum/hantu.md: halaman dibuat tanpa berkas sumber" in message
    assert "content_archive/konten/tim-jdih-baru.yaml: tidak ada halaman yang dibuat untuknya" in message
    assert "sops/uji-persetujuan.yaml: sop/uji-persetujuan/index.html tidak ada di situs hasil build" in message
    assert not (site / MANIFEST_FILE).exists()


def test_a_page_lost_during_the_build_fails_it_and_keeps_the_old_site(
    archive_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = build_site(archive_project)
    before = snapshot(site)
    (archive_project / "drop_page.py").write_text(DROP_PAGE_HOOK, encoding="utf-8")
    (archive_project / "mkdocs.yml").write_text(MKDOCS_YML + "hooks:\n  - drop_page.py\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(archive_project, strict=False)
    assert (
        "content_archive/konten/tim-jdih-baru.yaml: konten/tim-jdih-baru/index.html tidak ada di situs hasil build"
        in caplog.text
    )
    assert snapshot(site) == before
    assert not site.with_name(site.name + NEW_SUFFIX).exists()


def test_the_build_is_dated_by_the_newest_date_in_the_content(archive_project: Path) -> None:
    epoch = content_epoch(load_content(Project(archive_project)))
    assert datetime.datetime.fromtimestamp(epoch, datetime.UTC) == datetime.datetime(2025, 1, 15, tzinfo=datetime.UTC)


def test_two_builds_are_byte_identical(
    archive_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_build_date: None
) -> None:
    first = files_of(build_site(archive_project))
    again = files_of(build_site(archive_project))  # warm cache: nothing re-rendered
    elsewhere = tmp_path / "salinan-bersih"  # another folder, no .cache, built on another day
    shutil.copytree(archive_project, elsewhere, ignore=shutil.ignore_patterns("site", ".cache"))
    monkeypatch.setattr(mkdocs.utils, "datetime", _NextYear)
    fresh = files_of(build_site(elsewhere))
    for other in (again, fresh):
        assert first == other, _first_difference(first, other)
    sitemap = gzip.decompress(first["sitemap.xml.gz"]).decode()
    assert "<lastmod>2025-01-15</lastmod>" in sitemap  # the newest date in the content, not the build's


class _NextYear(datetime.datetime):
    @classmethod
    def now(cls, tz: datetime.tzinfo | None = None) -> _NextYear:  # type: ignore[override]
        return cls(2031, 6, 1, tzinfo=tz)


def _first_difference(one: dict[str, bytes], other: dict[str, bytes]) -> str:
    for name in sorted(one.keys() | other.keys()):
        if one.get(name) != other.get(name):
            return f"first differing file: {name}"
    return ""


def test_a_data_error_stops_the_build_before_anything_is_written(archive_project: Path) -> None:
    site = build_site(archive_project)
    (site / ".git").mkdir()  # e.g. a deploy checkout: MkDocs never removes hidden files from site/
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / "usang.html").write_text("dari build lama\n", encoding="utf-8")
    before = snapshot(site)
    sop = archive_project / "sops" / "uji-persetujuan.yaml"
    sop.write_text(VALID_SOP.replace("2025-01-15", "2025-02-30"), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(archive_project)
    assert snapshot(site) == before
    assert not site.with_name(site.name + NEW_SUFFIX).exists()

    sop.write_text(VALID_SOP.replace("Persetujuan Konten Uji", "Persetujuan Konten Baru"), encoding="utf-8")
    assert build_site(archive_project) == site
    assert "Persetujuan Konten Baru" in (site / "sop" / "uji-persetujuan" / "index.html").read_text(encoding="utf-8")
    assert not (site / "usang.html").exists()  # replaced whole: nothing stale from the old build
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert sorted(path.name for path in archive_project.iterdir() if path.name.startswith("site")) == ["site"]


def test_a_strict_build_failing_on_a_warning_keeps_the_old_site(archive_project: Path) -> None:
    site = build_site(archive_project)
    before = snapshot(site)
    (archive_project / "docs" / "index.md").write_text("# Beranda\n\n[hilang](tidak-ada.md)\n", encoding="utf-8")
    with pytest.raises(Abort, match="strict"):
        build_site(archive_project, strict=True)
    assert snapshot(site) == before
    assert not site.with_name(site.name + NEW_SUFFIX).exists()


def dirty_build(project: Path) -> Path:
    """`mkdocs build --dirty` through the API; the folder the build wrote into."""
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def test_a_dirty_build_writes_in_place(archive_project: Path) -> None:
    site = build_site(archive_project)
    folder = site.stat().st_ino
    assert dirty_build(archive_project) == site and site.stat().st_ino == folder
    assert (site / MANIFEST_FILE).exists()
    assert build_site(archive_project).stat().st_ino != folder  # a clean build swaps a new folder in


FAIL_AFTER_PAGES_HOOK = """\
from mkdocs.plugins import event_priority


@event_priority(0)  # before sop-jdih's on_post_build: the build fails with its pages written
def on_post_build(config):
    raise RuntimeError("gagal setelah halaman ditulis")
"""
CSP_META = '<meta http-equiv="Content-Security-Policy"'


def test_pages_a_dirty_build_writes_are_hardened_once_even_when_it_fails(archive_project: Path) -> None:
    """Pages are hardened as they are written; a --dirty build writes into site/ itself, so what it wrote before
    failing is hardened all the same (it would be skipped as unchanged next time), and a page it kept is not
    hardened twice."""
    site = build_site(archive_project)
    (archive_project / "docs" / "index.md").write_text("# Beranda baru\n", encoding="utf-8")
    (archive_project / "gagal.py").write_text(FAIL_AFTER_PAGES_HOOK, encoding="utf-8")
    (archive_project / "mkdocs.yml").write_text(MKDOCS_YML + "hooks:\n  - gagal.py\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="gagal setelah halaman ditulis"):
        dirty_build(archive_project)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Beranda baru" in home and home.count(CSP_META) == 1
    (archive_project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    dirty_build(archive_project)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    assert all(page.read_text(encoding="utf-8").count(CSP_META) == 1 for page in pages if "pagefind" not in page.parts)


def test_a_symlinked_site_keeps_its_link(tmp_path: Path) -> None:
    target = tmp_path / "www"
    target.mkdir()
    (target / "lama.html").write_text("lama", encoding="utf-8")
    (tmp_path / "site").symlink_to(target)
    swap = SiteSwap.prepare(tmp_path / "site")
    swap.new.mkdir()
    (swap.new / "index.html").write_text("baru", encoding="utf-8")
    swap.commit()
    assert (tmp_path / "site").is_symlink()
    assert sorted(path.name for path in target.iterdir()) == ["index.html"]
    assert not swap.new.exists()
