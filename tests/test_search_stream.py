"""The index built through Pagefind's service (search_stream.py) finds what the Pagefind CLI's finds, and a serve
rebuild's index follows in the background (search_later.py)."""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from generator.publish.pagefind_order import ENTRY
from generator.publish.search_index import OUTPUT, SearchIndexError, index_site
from generator.publish.search_later import SearchLater
from generator.publish.search_stream import SearchIndexer

from .conftest import VALID_SOP, build_site, build_strict_with_cli, copy_example_project, files_of, make_project
from .pagefind_contents import contents, decode
from .test_serve import Preview

# HTML that MkDocs copies as it is (no on_post_page): the CLI indexes it, so the stream must too.
STATIC_PAGE = """<!doctype html><html lang="id"><head><title>Lampiran statis</title></head>
<body><main data-pagefind-body><h1>Lampiran statis</h1><p>Daftar arsip inaktif kecamatan.</p></main></body></html>
"""
_SORT = re.compile(r'data-pagefind-sort="([^":]+):([^"]*)"')


def sort_values(site: Path, url: str) -> dict[str, str]:
    page = site / url.lstrip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")
    return dict(_SORT.findall(page.read_text(encoding="utf-8")))


def same_search(ours: dict[str, Any], by_cli: dict[str, Any], site: Path) -> None:
    """Equal contents; a sort may order pages with equal keys differently (Pagefind keeps the order they were
    indexed in: the CLI's is the order it walked the folder, the service's the order they were handed over)."""
    assert ours.keys() == by_cli.keys()
    for language in by_cli:
        for part in ("pages", "words", "filters", "meta"):
            assert ours[language][part] == by_cli[language][part], part
        assert ours[language]["sorts"].keys() == by_cli[language]["sorts"].keys()
        for key, urls in by_cli[language]["sorts"].items():
            order = ours[language]["sorts"][key]
            assert sorted(order) == sorted(urls)
            assert [sort_values(site, url)[key] for url in order] == [sort_values(site, url)[key] for url in urls], key


def test_the_service_index_finds_what_the_cli_finds(tmp_path: Path) -> None:
    project = copy_example_project(tmp_path / "proyek")
    (project / "docs" / "lampiran.html").write_text(STATIC_PAGE, encoding="utf-8")
    site = project / "situs"
    build = build_strict_with_cli(project, site)
    assert build.returncode == 0, build.stderr
    by_service = tmp_path / "oleh-layanan"
    shutil.copytree(site, by_service, ignore=shutil.ignore_patterns(OUTPUT))
    indexer = SearchIndexer.start()
    pages = sorted(path.relative_to(by_service).as_posix() for path in by_service.rglob("index.html"))
    for page in reversed(pages):  # handed over in another order than the CLI reads them; the rest from the folder
        indexer.add(page, (by_service / page).read_text(encoding="utf-8"))
    summary = indexer.finish(by_service)
    assert summary.endswith(" halaman diindeks") and "berkas HTML dibaca" in summary
    ours = contents(by_service / OUTPUT)
    same_search(ours, contents(site / OUTPUT), site)
    assert "/lampiran.html" in ours["id"]["pages"]
    assert "/404.html" not in ours["id"]["pages"]  # read, like every HTML file, but without data-pagefind-body
    assert len(ours["id"]["pages"]) > 90


def test_a_page_indexed_twice_keeps_its_place_and_its_last_text(tmp_path: Path) -> None:
    site = tmp_path / "situs"
    site.mkdir()
    indexer = SearchIndexer.start()
    page = '<html lang="id"><body data-pagefind-body><h1>{}</h1></body></html>'
    indexer.add("a/index.html", page.format("Pertama"))
    indexer.add("b/index.html", page.format("Kedua"))
    indexer.add("a/index.html", page.format("Diganti"))
    assert indexer.added == ["b/index.html", "a/index.html"]
    indexer.finish(site)
    pages = contents(site / OUTPUT)["id"]["pages"]
    assert sorted(pages) == ["/a/", "/b/"] and pages["/a/"]["meta"]["title"] == "Diganti"


def test_without_the_pagefind_binary_the_build_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/tidak/ada/pagefind")
    with pytest.raises(SearchIndexError, match="Pagefind tidak dapat dijalankan"):
        SearchIndexer.start()


def test_a_background_index_replaces_the_bundle_whole_and_a_newer_one_supersedes_it(tmp_path: Path) -> None:
    site = tmp_path / "situs"
    for number in range(40):
        (site / f"p{number}").mkdir(parents=True)
        body = f"<h1>Halaman {number}</h1><p>kata{number} pemilihan</p>"
        (site / f"p{number}" / "index.html").write_text(
            f'<html lang="id"><body data-pagefind-body>{body}</body></html>', encoding="utf-8"
        )
    index_site(site)
    reports: list[str] = []
    later = SearchLater(reports.append)
    later.start(site, ["p3/index.html"])
    (site / "p0" / "index.html").write_text(
        '<html lang="id"><body data-pagefind-body><h1>Baru</h1><p>zamrud</p></body></html>', encoding="utf-8"
    )
    later.start(site, ["p3/index.html"])  # a newer rebuild: the first job is stopped or done, never half-written
    later.wait()
    assert sorted(path.name for path in site.iterdir() if path.name.startswith(OUTPUT)) == [OUTPUT]
    assert reports[-1] == "indeks pencarian diperbarui: 40 berkas HTML dibaca, 40 halaman diindeks"
    index = contents(site / OUTPUT)["id"]
    assert list(index["pages"])[0] == "/p3/"  # the order given first, then by path
    assert "zamrud" in index["words"] and "kata0" not in index["words"]
    fresh = tmp_path / "segar"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns(OUTPUT))
    indexer = SearchIndexer.start()
    indexer.finish(fresh, ["p3/index.html"])
    assert files_of(fresh / OUTPUT) == files_of(site / OUTPUT)  # the same bytes as a full index of the same pages


def served_words(preview: Preview) -> set[str]:
    """Every word of the index the preview serves now (empty while it has none)."""

    def fetch(name: str) -> bytes:
        with urllib.request.urlopen(f"http://127.0.0.1:{preview.port}/{OUTPUT}/{name}", timeout=10) as response:
            return response.read()

    try:
        entry = json.loads(fetch(ENTRY))
        words = set()
        for language in entry["languages"].values():
            chunks = decode(fetch(f"pagefind.{language['hash']}.pf_meta"))[2]
            for *_, chunk in chunks:
                words |= {word for word, *_ in decode(fetch(f"index/{chunk}.pf_index"))[0]}
        return words
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return set()


def test_a_serve_dirty_rebuild_indexes_the_site_in_the_background_and_the_search_page_says_so(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": VALID_SOP})
    preview = Preview(project)  # mkdocs serve --dirty, as make serve
    try:
        search_page = preview.wait_for("cari/", lambda page: "sj-cari-pratinjau" in page)
        assert "Indeks pencarian diperbarui beberapa detik setelah berkas disimpan" in search_page
        preview.wait_for(OUTPUT + "/pagefind-entry.json", lambda entry: '"languages"' in entry)
        assert "zamrud" not in served_words(preview)
        sop = project / "sops" / "uji-persetujuan.yaml"
        sop.write_text(VALID_SOP.replace("Persetujuan Konten Uji", "Persetujuan Konten Zamrud"), encoding="utf-8")
        preview.wait_for("sop/uji-persetujuan/", lambda page: "Persetujuan Konten Zamrud" in page)
        deadline = time.monotonic() + 90  # a bound against hanging, not a timed assertion
        while "zamrud" not in served_words(preview):
            assert time.monotonic() < deadline, (project / "serve.log").read_text()
            time.sleep(0.5)
        log = (project / "serve.log").read_text()
        assert "indeks pencarian Pagefind: diperbarui di latar belakang" in log
        assert "sop-jdih: indeks pencarian diperbarui: " in log
    finally:
        preview.stop()
    built = build_site(project)  # not a preview: no word about it on the search page
    assert "sj-cari-pratinjau" not in (built / "cari" / "index.html").read_text(encoding="utf-8")
