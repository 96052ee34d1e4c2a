"""The home page as the JDIH portal and the office's identity (kantor.yaml), in built sites.

Checked on the HTML MkDocs writes: the generated block sits where the office's page asks for it, shows the newest
items and counts that match the archive, draws them as accessible static SVG, leads to /arsip/ and the feeds; the
office's pages, footer and repository widget follow kantor.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.core import load_content
from generator.project import Project, project_from_options
from generator.source.problems import DataError

from .archive_fixture import write_archive
from .conftest import VALID_SOP, build_site, make_project

KANTOR = """\
nama: KPU Kabupaten Uji
profil: |
  Paragraf pertama profil.

  Paragraf kedua profil.
struktur_pengelola:
  - {jabatan: Penanggung jawab, nama: Sekretaris Uji}
kontak: {telepon: (0000) 1, surel: jdih@uji.example}
tautan:
  - {judul: JDIH KPU RI, alamat: "https://jdih.kpu.go.id"}
"""
HOME = "# Beranda Uji\n\nKata-kata kantor di atas.\n\n<!-- sop-jdih: beranda -->\n\nKata-kata kantor di bawah.\n"


def page(site: Path, uri: str = "") -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("portal"), {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(root)
    (root / "kantor.yaml").write_text(KANTOR, encoding="utf-8")
    (root / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build_site(project)


def test_the_block_goes_where_the_office_asks_between_its_own_words(site: Path) -> None:
    home = page(site)
    above, form, below = (
        home.index("Kata-kata kantor di atas"),
        home.index('class="sj-beranda"'),
        home.index("di bawah"),
    )
    assert above < form < below
    assert "<!-- sop-jdih: beranda -->" not in home


def test_the_search_form_offers_the_archives_values_and_lands_on_arsip(site: Path, project: Path) -> None:
    home = page(site)
    start = home.index('<form class="sj-arsip__cari"')
    form = home[start : home.index("</form>", start)]
    assert 'action="arsip/"' in form and 'method="get"' in form
    assert {name for name in re.findall(r'name="([a-z]+)"', form)} == {"tipe", "jenis", "nomor", "tahun", "status", "q"}
    assert '<input type="hidden" name="tipe" value="Produk hukum">' in form  # legal products, not posts
    content = load_content(Project(project))
    produk = [item.document for item in content.archive.items(content.archive.kinds[0])]
    years = re.findall(r"<option>(\d{4})</option>", form)
    assert years == sorted(years, reverse=True) and {str(item.tahun) for item in produk} <= set(years)
    assert {item.jenis for item in produk} <= set(re.findall(r"<option>([^<]+)</option>", form))
    assert "<option>Tidak Berlaku</option>" in form and "<option>Berlaku</option>" in form


def test_newest_items_of_each_collection_come_first(site: Path) -> None:
    home = page(site)
    produk = home[home.index("Produk hukum terbaru") : home.index("Konten terbaru")]
    links = re.findall(r'<a href="(produk-hukum/[^"]+)"', produk)
    assert links == ["produk-hukum/kepkab-5-2024/", "produk-hukum/kepkab-12-2022/", "produk-hukum/uu-7-2017/"]
    assert 'jdih-badge--tidak-berlaku">Tidak Berlaku<' in produk
    konten = home[home.index("Konten terbaru") : home.index("Statistik koleksi")]
    assert re.findall(r'<a href="(konten/[^"]+)"', konten)[0] == "konten/kenali-uu-pemilu/"  # 2024-05-02


def test_statistics_are_accessible_svg_whose_counts_match_the_archive(site: Path, project: Path) -> None:
    home = page(site)
    charts = re.findall(r"<svg class=\"sj-statistik__bagan\"(.*?)</svg>", home, re.DOTALL)
    assert len(charts) == 4  # jenis, tahun, status (produk hukum) and platform (konten)
    content = load_content(Project(project))
    archive = content.archive
    produk = archive.items(archive.kinds[0])
    by_year = Counter(str(item.document.tahun) for item in produk)
    by_status = Counter(str(archive.status(item.document)) for item in produk)
    texts = {}
    for chart in charts:
        assert 'role="img"' in chart
        title = re.search(r'<title id="([^"]+)">([^<]+)</title>', chart)
        desc = re.search(r'<desc id="([^"]+)">([^<]+)</desc>', chart)
        assert title and desc and f'aria-labelledby="{title.group(1)} {desc.group(1)}"' in chart
        texts[title.group(2)] = desc.group(2)
        assert "<script" not in chart and "style=" not in chart
    years = "; ".join(f"{year}: {count}" for year, count in sorted(by_year.items(), reverse=True))
    assert texts["Produk hukum menurut tahun"] == f"Produk hukum menurut tahun. {years}."
    statuses = "; ".join(f"{status}: {count}" for status, count in sorted(by_status.items()))
    assert texts["Produk hukum menurut status"] == f"Produk hukum menurut status. {statuses}."
    # Each bar's count is drawn as text too.
    status_chart = next(chart for chart in charts if "menurut status" in chart)
    assert re.findall(r'class="sj-statistik__jumlah"[^>]*>(\d+)<', status_chart) == [
        str(count) for _, count in sorted(by_status.items())
    ]


def test_feeds_jdihn_and_the_staffs_way_are_linked(site: Path) -> None:
    home = page(site)
    for href in ("feed.xml", "integrasi/jdihn.json", "sop/", "https://jdihn.go.id", "profil/", "kontak/", "panduan/"):
        assert f'href="{href}"' in home, href


def test_the_offices_pages_footer_and_no_repository_widget(site: Path) -> None:
    profil = page(site, "profil")
    assert "<p>Paragraf pertama profil.</p>" in profil and "<p>Paragraf kedua profil.</p>" in profil
    assert "<td>Sekretaris Uji</td>" in profil
    kontak = page(site, "kontak")
    assert "jdih@uji.example" in kontak and 'href="https://jdihn.go.id"' in kontak
    assert 'href="https://jdih.kpu.go.id"' in kontak
    assert "Panduan pengunjung" in page(site, "panduan")
    for html in (page(site), profil, page(site, "arsip"), page(site, "produk-hukum/uu-7-2017")):
        assert "Made with" not in html and "KPU Kabupaten Uji</div>" in html
        assert 'data-md-component="source"' not in html  # the office did not ask for the repository widget
        assert "api.github.com" not in html  # nor does the page's CSP let it ask GitHub


def test_the_repository_widget_is_the_offices_choice(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    (root / "kantor.yaml").write_text("nama: KPU Uji\ntampilkan_repositori: true\n", encoding="utf-8")
    home = page(build_site(root))
    assert 'data-md-component="source"' in home and "https://api.github.com" in home


def test_without_kantor_yaml_the_block_follows_the_page_and_the_footer_names_the_site(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(root)
    site = build_site(root)
    home = page(site)
    assert home.index("Beranda</h1>") < home.index('class="sj-beranda"')
    assert not (site / "profil").exists() and 'href="https://jdihn.go.id"' in home
    assert "Made with" not in home and ">Uji SOP</div>" in home


def test_a_wrong_value_in_kantor_yaml_is_located(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    (root / "kantor.yaml").write_text("nama: KPU Uji\ntampilkan_repositori: ya\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_content(Project(root))
    assert [str(problem) for problem in raised.value.problems] == [
        "kantor.yaml:2: tampilkan_repositori: harus true atau false (true untuk ya, false untuk tidak)"
    ]


def test_a_kantor_file_named_in_mkdocs_yml_must_exist_and_is_read(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    with pytest.raises(DataError) as raised:
        project_from_options(root, {"kantor": "identitas.yaml"})
    assert str(raised.value.problems[0]) == "mkdocs.yml: plugins.sop-jdih.kantor: berkas 'identitas.yaml' tidak ada"
    with pytest.raises(DataError):
        project_from_options(root, {"kantor": "../kantor.yaml"})
    (root / "identitas.yaml").write_text("nama: KPU Uji Lain\n", encoding="utf-8")
    content = load_content(project_from_options(root, {"kantor": "identitas.yaml"}))
    assert content.kantor is not None and content.kantor.nama == "KPU Uji Lain"
