"""The JDIH archive end to end: validation, relations both ways, item pages, listings, feeds, search index."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from generator.archive.model import ProdukHukum
from generator.archive.produk_hukum import citation, short_citation
from generator.core import load_content
from generator.project import Project
from generator.source.problems import DataError

from .archive_fixture import KEPUTUSAN_BARU, KONTEN_MD, KONTEN_YAML, UU, write_archive
from .conftest import REPO, VALID_SOP, build_site, make_project


@pytest.fixture
def archive_project(tmp_path: Path) -> Path:
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(tmp_path)
    return tmp_path


@pytest.fixture
def site(archive_project: Path) -> Path:
    return build_site(archive_project)


def html(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


def problems(tmp_path: Path, extra: dict[str, str]) -> list[str]:
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(tmp_path, extra)
    with pytest.raises(DataError) as raised:
        load_content(Project(tmp_path))
    return [str(problem) for problem in raised.value.problems]


# --- validation -------------------------------------------------------------------------------


def test_relation_to_unknown_item_is_an_error(tmp_path: Path) -> None:
    broken = KEPUTUSAN_BARU.replace("melaksanakan: [uu-7-2017]", "melaksanakan: [uu-8-2017]")
    line = broken.splitlines().index("  melaksanakan: [uu-8-2017]") + 1
    assert problems(tmp_path, {"produk-hukum/kepkab-5-2024.yaml": broken}) == [
        f"content_archive/produk-hukum/kepkab-5-2024.yaml:{line}: relasi.melaksanakan butir 1: "
        "tidak ada produk hukum dengan id 'uu-8-2017' di content_archive/"
    ]


def test_unknown_field_in_front_matter_is_located_in_the_md_file(tmp_path: Path) -> None:
    broken = KONTEN_MD.replace("teks_alternatif:", "teks_alternatip:")
    line = broken.splitlines().index("teks_alternatip: Poster biru bertuliskan Kenali UU Pemilu") + 1
    assert problems(tmp_path, {"konten/kenali-uu-pemilu.md": broken}) == [
        "content_archive/konten/kenali-uu-pemilu.md:2: teks_alternatif: wajib diisi",  # where the front matter starts
        f"content_archive/konten/kenali-uu-pemilu.md:{line}: teks_alternatip: "
        "kolom tidak dikenal; maksud Anda 'teks_alternatif'?",
    ]


def test_missing_required_metadata_and_wrong_enum(tmp_path: Path) -> None:
    broken = UU.replace("bidang_hukum: Hukum Tata Negara", "bidang_hukum: Hukum Pemilu").replace("tahun: 2017\n", "")
    found = problems(tmp_path, {"produk-hukum/uu-7-2017.yaml": broken})
    assert len(found) == 2  # the konten that cites uu-7-2017 is not blamed for it
    assert found[0] == "content_archive/produk-hukum/uu-7-2017.yaml:2: tahun: wajib diisi"
    assert found[1].startswith("content_archive/produk-hukum/uu-7-2017.yaml:13: bidang_hukum: nilai 'Hukum Pemilu'")
    assert found[1].endswith("'Hukum Pada Umumnya' atau 'Umum'")


@pytest.mark.parametrize(
    "value, message",
    [
        ("../../etc/passwd.pdf", "harus di dalam content_archive/"),
        # a leading '/' is the archive's root, as the web editor writes an upload: still never outside it
        ("/etc/x.pdf", "berkas content_archive/etc/x.pdf tidak ada"),
        ("/../etc/x.pdf", "harus di dalam content_archive/"),
        ("//etc/x.pdf", "harus di dalam content_archive/"),
        ("javascript:alert(1)", "tulis alamat https://"),
        ("http://contoh.go.id/a.pdf", "tulis alamat https://"),
        ("lampiran/tidak-ada.pdf", "berkas content_archive/lampiran/tidak-ada.pdf tidak ada"),
        ("lampiran/kepkab-5-2024.exe", "harus berjenis .pdf"),
    ],
)
def test_attachment_paths_cannot_leave_the_archive(tmp_path: Path, value: str, message: str) -> None:
    broken = KEPUTUSAN_BARU.replace("dokumen: lampiran/kepkab-5-2024.pdf", f"dokumen: {value}")
    (found,) = problems(tmp_path, {"produk-hukum/kepkab-5-2024.yaml": broken})
    assert found.startswith("content_archive/produk-hukum/kepkab-5-2024.yaml:13: lampiran.dokumen: ")
    assert message in found


def test_attachment_through_a_symlink_is_an_error(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    archive = write_archive(tmp_path)
    (tmp_path / "outside.pdf").write_bytes(b"%PDF-1.4\n")
    (archive / "lampiran" / "tautan.pdf").symlink_to(tmp_path / "outside.pdf")
    text = KEPUTUSAN_BARU.replace("lampiran/kepkab-5-2024.pdf", "lampiran/tautan.pdf")
    (archive / "produk-hukum" / "kepkab-5-2024.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="melewati tautan simbolik"):
        load_content(Project(tmp_path))


def test_konten_must_point_at_existing_sop_and_produk(tmp_path: Path) -> None:
    broken = KONTEN_YAML.replace("produk_hukum: [kepkab-5-2024]", "produk_hukum: [kepkab-9-2024]\nsop: tidak-ada")
    assert problems(tmp_path, {"konten/tim-jdih-baru.yaml": broken}) == [
        "content_archive/konten/tim-jdih-baru.yaml:10: produk_hukum butir 1: "
        "tidak ada produk hukum dengan id 'kepkab-9-2024' di content_archive/",
        "content_archive/konten/tim-jdih-baru.yaml:11: sop: tidak ada SOP dengan id 'tidak-ada' di sops/",
    ]


@pytest.mark.parametrize(
    ("nomor", "tahun", "full", "short"),
    [
        ("8", 2019, "PKPU 8 Tahun 2019", "PKPU 8/2019"),
        ("27/HK.03.1-Kpt/3300/2022", 2022, "PKPU 27/HK.03.1-Kpt/3300/2022", "PKPU 27/HK.03.1-Kpt/3300/2022"),
        ("12/HK.03.1-Kpt/3300/KPU-Kab/III/2019", 2019, None, None),
        ("12019", 2019, "PKPU 12019 Tahun 2019", "PKPU 12019/2019"),  # the year is not a number's last digits
        ("5/2023", 2024, "PKPU 5/2023 Tahun 2024", "PKPU 5/2023/2024"),  # another year is not its year
    ],
)
def test_a_nomor_that_ends_with_its_year_is_cited_with_it_once(
    nomor: str, tahun: int, full: str | None, short: str | None
) -> None:
    item = ProdukHukum.model_construct(singkatan_jenis="PKPU", nomor=nomor, tahun=tahun)
    assert citation(item) == (full or f"PKPU {nomor}")
    assert short_citation(item) == (short or f"PKPU {nomor}")


# --- pages ------------------------------------------------------------------------------------


def test_revoked_item_is_tidak_berlaku_with_links_both_ways(site: Path) -> None:
    old = html(site, "produk-hukum/kepkab-12-2022")
    assert 'jdih-badge--tidak-berlaku">Tidak Berlaku<' in old
    assert (
        'Dicabut dengan <a href="../kepkab-5-2024/" title="Penetapan Tim Pengelola JDIH Tahun 2024">'
        "KEPKAB 5/HK.03.1-Kpt/3300/2024</a>" in old
    )
    assert "Dicabut dengan KEPKAB 5/HK.03.1-Kpt/3300/2024<" in old  # its year once, not again as "Tahun 2024"
    new = html(site, "produk-hukum/kepkab-5-2024")
    assert 'jdih-badge--berlaku">Berlaku<' in new
    assert 'Mencabut <a href="../kepkab-12-2022/" title="Penetapan Tim Pengelola JDIH Tahun 2022">' in new
    assert new.index("Melaksanakan <a") < new.index("Mencabut <a")  # oldest related item first: UU 7/2017
    assert 'Dilaksanakan dengan <a href="../kepkab-5-2024/"' in html(site, "produk-hukum/uu-7-2017")


def test_produk_page_metadata_abstrak_pdf_and_json_ld(site: Path) -> None:
    page = html(site, "produk-hukum/uu-7-2017")
    for expected in ["LN 2017 (182)", "15 Agustus 2017", "Indonesia. Pemerintah Pusat", "PEMILIHAN UMUM"]:
        assert expected in page
    assert 'data-pagefind-filter="jenis">Undang-Undang<' in page
    assert 'data-pagefind-filter="tahun">2017<' in page
    assert "ABSTRAK:" in page and "mulai berlaku pada tanggal diundangkan" in page
    assert 'href="../kenali-uu-pemilu/"' not in page and 'href="../../konten/kenali-uu-pemilu/"' in page
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.DOTALL)
    data = json.loads(ld)
    assert data["@type"] == "Legislation" and data["legislationLegalForce"] == "InForce"
    assert data["url"] == "https://contoh.example/produk-hukum/uu-7-2017/"
    assert data["legislationDate"] == "2017-08-15"

    with_pdf = html(site, "produk-hukum/kepkab-5-2024")
    assert '<object class="jdih-pdf" data="../../berkas/lampiran/kepkab-5-2024.pdf" type="application/pdf"' in with_pdf
    assert 'href="../../berkas/lampiran/kepkab-5-2024.pdf"' in with_pdf and "download" in with_pdf
    assert (site / "berkas" / "lampiran" / "kepkab-5-2024.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads(re.findall(r"ld\+json\">(.*?)</script>", with_pdf)[0])["legislationLegalForce"] == "InForce"


def test_konten_page_shows_image_caption_platforms_and_workflow(site: Path) -> None:
    page = html(site, "konten/kenali-uu-pemilu")
    assert 'src="../../berkas/konten/gambar/kenali-uu-pemilu.png"' in page
    assert 'alt="Poster biru bertuliskan Kenali UU Pemilu"' in page
    # A line break in the caption stays a line break; a blank line starts a new paragraph.
    caption = "<p>Sahabat pemilih, kenali dasar penyelenggaraan pemilihan umum.<br>Baca selengkapnya di laman JDIH.</p>"
    assert caption + "\n<p>#JDIHKPU #KPUMelayani</p>" in page
    assert 'href="https://www.instagram.com/p/UJI123/"' in page
    assert 'data-pagefind-filter="platform">Instagram<' in page
    assert '<a href="../../produk-hukum/uu-7-2017/">Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum</a>' in page
    assert '<a href="../../sop/uji-persetujuan/">Persetujuan Konten Uji</a>' in page
    # The workflow record shows steps and dates; who did them only when the office turns it on (below).
    assert "<td>Disposisi</td><td>29 April 2024</td>" in page
    assert "Siti" not in page and "<th>Oleh</th>" not in page and "<th>Catatan</th>" not in page
    # Published once in the date; the year still feeds the search's year filter.
    assert re.search(r'<p class="jdih-konten-tanggal">Terbit <time datetime="2024-05-02">2 Mei 2024</time></p>', page)
    assert '<div data-pagefind-filter="tahun:2024"></div>' in page


def test_the_office_can_show_who_did_each_workflow_step(archive_project: Path) -> None:
    config = archive_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  - sop-jdih\n", "  - sop-jdih:\n      tampilkan_nama_staf: true\n"
    )
    config.write_text(text, encoding="utf-8")
    page = html(build_site(archive_project), "konten/kenali-uu-pemilu")
    assert "<th>Tahap</th><th>Oleh</th><th>Tanggal</th><th>Catatan</th>" in page
    assert "<td>Disposisi</td><td>Sekretaris (Siti)</td><td>29 April 2024</td>" in page


def test_the_edit_button_is_on_sop_pages_only(site: Path) -> None:
    """Staff change an SOP from its page (cara-mengubah-sop); the public's pages go without the button."""
    assert 'href="https://github.com/kpu-uji/situs/edit/main/sops/uji-persetujuan.yaml"' in html(
        site, "sop/uji-persetujuan"
    )
    for uri in ("produk-hukum/uu-7-2017", "konten/kenali-uu-pemilu", "arsip", "arsip/tahun/2024", "sop", "."):
        assert 'rel="edit' not in html(site, uri), uri


def test_the_download_is_beside_the_status(site: Path) -> None:
    page = html(site, "produk-hukum/kepkab-5-2024")
    status = re.search(r'<p class="jdih-status">.*?</p>', page, flags=re.DOTALL).group(0)
    assert 'download href="../../berkas/lampiran/kepkab-5-2024.pdf">Unduh PDF</a>' in status
    assert "Unduh PDF" not in re.search(r'<p class="jdih-status">.*?</p>', html(site, "produk-hukum/uu-7-2017")).group(
        0
    )


def test_items_stay_out_of_the_navigation(site: Path) -> None:
    search = html(site, "cari")  # the home page links the newest items in its body (pages/beranda.py)
    assert "produk-hukum/" not in search and "konten/" not in search
    assert 'href="../arsip/"' in search


def test_listings_by_jenis_tahun_status_and_platform(site: Path) -> None:
    index = html(site, "arsip")
    for link in ("jenis/undang-undang/", "tahun/2024/", "status/tidak-berlaku/", "platform/instagram/"):
        assert f'href="{link}"' in index
    status = html(site, "arsip/status/tidak-berlaku")
    assert "Penetapan Tim Pengelola JDIH Tahun 2022" in status and "Tahun 2024" not in status
    header = re.search(r"<thead>.*?</thead>", status, flags=re.DOTALL).group(0)
    assert [cell for cell in re.findall(r"<th[^>]*>(.*?)</th>", header)] == [
        "Judul",
        "Jenis",
        "Nomor",
        "Tahun",
        "Status",
        "Dokumen",
    ]
    # The title is the link to the item; the status a badge, as on the item's page.
    assert re.search(r'<td class="jdih-daftar__judul"><a href="../../../produk-hukum/kepkab-12-2022/">', status)
    assert '<td data-label="Status"><span class="jdih-badge jdih-badge--tidak-berlaku">Tidak Berlaku</span>' in status
    jenis = html(site, "arsip/jenis/keputusan-komisi-pemilihan-umum-kabupaten-uji")
    assert jenis.index("Tahun 2024") < jenis.index("Tahun 2022")  # newest first
    assert 'href="../../../berkas/lampiran/kepkab-5-2024.pdf"' in jenis
    platform = html(site, "arsip/platform/instagram")
    assert "Kenali UU Pemilu" in platform and "Tim JDIH yang baru" not in platform


def test_every_item_on_exactly_one_page_of_each_listing(tmp_path: Path) -> None:
    extra = {
        f"produk-hukum/kepkab-{n}-2023.yaml": KEPUTUSAN_BARU.replace("id: kepkab-5-2024", f"id: kepkab-{n}-2023")
        .replace("nomor: 5/HK.03.1-Kpt/3300/2024", f"nomor: {n}/HK.03.1-Kpt/3300/2023")
        .replace("tahun: 2024", "tahun: 2023")
        .replace("2024-03-04", f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}")
        .replace("relasi:\n  mencabut: [kepkab-12-2022]\n  melaksanakan: [uu-7-2017]\n", "")
        for n in range(100, 220)
    }
    make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(tmp_path, extra)
    site = build_site(tmp_path)
    folder = site / "arsip" / "jenis" / "keputusan-komisi-pemilihan-umum-kabupaten-uji"
    pages = sorted(folder.glob("**/index.html"), key=lambda page: len(page.parts))
    pages = pages[:1] + sorted(pages[1:])
    assert [p.parent.name for p in pages] == [folder.name, "halaman-2", "halaman-3"]  # 122 items, 50 a page
    seen: list[str] = []
    for page in pages:
        rows = re.findall(r'href="(?:\.\./)+produk-hukum/([^/"]+)/"', page.read_text(encoding="utf-8"))
        assert len(rows) <= 50
        seen += rows
    assert sorted(seen) == sorted([f"kepkab-{n}-2023" for n in range(100, 220)] + ["kepkab-5-2024", "kepkab-12-2022"])
    second = (site / "arsip" / "tahun" / "2023" / "halaman-2" / "index.html").read_text(encoding="utf-8")
    assert 'href="../halaman-3/"' in second and 'href="../"' in second  # pagination links to pages 1 and 3
    assert not (site / "arsip" / "tahun" / "2023" / "halaman-4").exists()


# --- machine-readable outputs -----------------------------------------------------------------


MONOGRAPH_ONLY = ("noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku")


def test_jdihn_feed_matches_schema_with_one_string_entry_per_produk(site: Path) -> None:
    records = json.loads((site / "integrasi" / "jdihn.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "generator" / "schemas" / "jdihn.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, schema)
    assert isinstance(records, list) and len(records) == 3
    assert sorted(record["idData"] for record in records) == ["kepkab-12-2022", "kepkab-5-2024", "uu-7-2017"]
    for record in records:
        for key, value in record.items():
            assert isinstance(value, str), (key, value)  # as the README says: every value is text, never null
        assert [record[key] for key in MONOGRAPH_ONLY] == [""] * len(MONOGRAPH_ONLY)
    by_id = {record["idData"]: record for record in records}
    assert by_id["kepkab-12-2022"]["status"] == "Tidak Berlaku"
    assert by_id["kepkab-5-2024"]["urlDownload"] == "https://contoh.example/berkas/lampiran/kepkab-5-2024.pdf"
    assert by_id["uu-7-2017"]["urlDetailPeraturan"] == "https://contoh.example/produk-hukum/uu-7-2017/"
    assert by_id["uu-7-2017"]["tahun_pengundangan"] == "2017"
    assert by_id["uu-7-2017"]["operasi"] == "4" and by_id["uu-7-2017"]["display"] == "1"


@pytest.mark.parametrize("key", MONOGRAPH_ONLY)
def test_the_jdihn_schema_refuses_null_where_the_official_template_allows_it(site: Path, key: str) -> None:
    """The schema the build checks the feed against holds the README's promise, so a null can never slip in."""
    records = json.loads((site / "integrasi" / "jdihn.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "generator" / "schemas" / "jdihn.schema.json").read_text(encoding="utf-8"))
    records[0][key] = None
    with pytest.raises(jsonschema.ValidationError, match="None is not of type 'string'"):
        jsonschema.validate(records, schema)


def test_atom_feed_lists_newest_items_with_absolute_links(site: Path) -> None:
    feed = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    ids = [entry.find("a:id", ns).text for entry in feed.findall("a:entry", ns)]
    assert ids[0] == "https://contoh.example/konten/kenali-uu-pemilu/"  # 2024-05-02, the newest
    assert len(ids) == 5
    assert feed.find("a:updated", ns).text == "2024-05-02T00:00:00Z"


def test_sitemap_lists_item_pages(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://contoh.example/produk-hukum/uu-7-2017/" in sitemap
    assert "https://contoh.example/konten/kenali-uu-pemilu/" in sitemap


def test_pagefind_index_is_built_fresh_with_the_site(site: Path) -> None:
    bundle = site / "pagefind"
    assert (bundle / "pagefind-ui.js").exists() and (bundle / "pagefind-entry.json").exists()
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert "id" in entry["languages"]  # indexed as Indonesian (html lang="id"), so words are stemmed
    assert entry["languages"]["id"]["page_count"] >= 6
    search = html(site, "cari")
    assert '<script src="../assets/sop-jdih/cari.js">' in search and 'id="sj-cari-hasil"' in search
    assert "pagefind-ui" not in search  # the site-wide search is our own light page; facets live on /arsip/
    archive = html(site, "arsip")
    assert '<script type="module" src="../assets/sop-jdih/arsip.js">' in archive and 'id="sj-arsip-hasil"' in archive
    assert "pagefind-ui" not in archive  # the archive browses with our own page too
    item = html(site, "produk-hukum/uu-7-2017")
    assert '<div data-pagefind-filter="arsip:ya"></div>' in item  # what /arsip/ lists ...
    for key in ("tanggal:", "tahun:2017", "nomor:00000007", "judul:undang-undang"):  # ... and sorts by
        assert f'<div data-pagefind-sort="{key}' in item, key
    assert 'action="../cari/"' in html(site, "produk-hukum/uu-7-2017").replace("../../cari/", "../cari/")
