"""Archive pages written as HTML skip Markdown: their links, headings and table of contents must still be right."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator.pages.html_body import toc_tokens
from generator.pages.page_source import heading_id

from .archive_fixture import KEPUTUSAN_LAMA, UU, write_archive
from .conftest import MKDOCS_YML, VALID_SOP, build_site, build_strict_with_cli, make_project

# Enough keputusan of one year for a listing of two pages (50 a page), so pagination links are followed too.
EXTRA_KEPUTUSAN = {
    f"produk-hukum/kepkab-{n}-2022.yaml": KEPUTUSAN_LAMA.replace("kepkab-12-2022", f"kepkab-{n}-2022")
    .replace("nomor: 12/", f"nomor: {n}/")
    .replace("Tahun 2022", f"Nomor {n} Tahun 2022")
    for n in range(100, 152)
}
LOCAL_LINK = re.compile(r'\s(?:href|src|data)="(?![a-z]+:|#|//)([^"#?]*)')
ARCHIVE_PAGES = ("produk-hukum", "konten", "arsip")


def archive_site(root: Path, directory_urls: bool, extra: dict[str, str] | None = None) -> Path:
    make_project(root, {"uji-persetujuan.yaml": VALID_SOP}, MKDOCS_YML + f"use_directory_urls: {directory_urls}\n")
    write_archive(root, {**EXTRA_KEPUTUSAN, **(extra or {})})
    return build_site(root)


def target_of(site: Path, page: Path, link: str) -> Path:
    """The file a browser asks for when `link` is followed on `page` (a folder address serves its index.html)."""
    target = site / posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), link))
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-file-urls"])
def test_every_link_on_an_archive_page_leads_to_a_file(tmp_path: Path, directory_urls: bool) -> None:
    site = archive_site(tmp_path, directory_urls)
    pages = [page for folder in ARCHIVE_PAGES for page in sorted((site / folder).rglob("*.html"))]
    followed, broken = 0, []
    for page in pages:
        for link in LOCAL_LINK.findall(page.read_text(encoding="utf-8")):
            followed += 1
            if not target_of(site, page, link).is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    assert not broken, "\n".join(broken)
    second_page = "halaman-2/index.html" if directory_urls else "halaman-2.html"
    assert (site / "arsip" / "tahun" / "2022" / second_page).is_file()  # pagination was among the links followed
    assert followed > 10 * len(pages)  # every page has its navigation, tables and relation links checked


def test_item_page_lists_its_sections_in_the_table_of_contents(tmp_path: Path) -> None:
    site = archive_site(tmp_path, directory_urls=True)
    page = (site / "produk-hukum" / "kepkab-5-2024" / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('class="md-nav md-nav--secondary"') :]
    toc = toc[: toc.index("</nav>")]
    assert re.findall(r'href="#([^"]+)"', toc) == ["dokumen", "konten-media-sosial-tentang-produk-hukum-ini"]
    assert '<h2 id="dokumen">Dokumen</h2>' in page


def test_a_title_taking_a_section_name_keeps_anchors_unique(tmp_path: Path) -> None:
    abstrak = UU.replace("judul: Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum", "judul: Abstrak")
    site = archive_site(tmp_path, True, {"produk-hukum/uu-7-2017.yaml": abstrak})
    page = (site / "produk-hukum" / "uu-7-2017" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h[12] id="([^"]+)"', page)
    assert ids[:2] == ["abstrak_1", "abstrak"] and len(ids) == len(set(ids))


def test_links_to_sections_of_an_html_page_are_checked(tmp_path: Path) -> None:
    """MkDocs checks `page.md#anchor` against the anchors a page has: those of an HTML page must be known too."""
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP}, MKDOCS_YML + "validation:\n  anchors: warn\n")
    write_archive(tmp_path)
    docs = tmp_path / "docs"
    (docs / "panduan.md").write_text("# Panduan\n\n[Abstrak UU](produk-hukum/uu-7-2017.md#abstrak)\n", "utf-8")
    found = build_strict_with_cli(tmp_path, tmp_path / "site")
    assert found.returncode == 0, found.stderr  # the anchor is there: no warning
    (docs / "panduan.md").write_text("# Panduan\n\n[Abstrak UU](produk-hukum/uu-7-2017.md#tidak-ada)\n", "utf-8")
    missing = build_strict_with_cli(tmp_path, tmp_path / "site")
    assert missing.returncode != 0 and "#tidak-ada" in missing.stderr


def test_toc_tokens_nest_headings_by_level() -> None:
    body = '<h1 id="a">A &amp; B</h1><p>x</p><h2 id="b">B</h2><h3 id="c">C</h3><h2 id="d">D</h2>'
    (root,) = toc_tokens(body)
    assert (root["id"], root["name"], root["level"]) == ("a", "A &amp; B", 1)
    assert [child["id"] for child in root["children"]] == ["b", "d"]
    assert [grandchild["id"] for grandchild in root["children"][0]["children"]] == ["c"]


def test_heading_id_is_markdowns_slug_made_unique() -> None:
    assert heading_id("Undang-Undang Nomor 7 Tahun 2017") == "undang-undang-nomor-7-tahun-2017"
    assert heading_id("Abstrak", ("abstrak",)) == "abstrak_1"
    assert heading_id("“…”") == "_1"
