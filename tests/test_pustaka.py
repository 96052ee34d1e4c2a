"""The monografi hukum and artikel hukum collections in a real build: item pages, listings, the JDIHN feed, JSON-LD,
search blocks and `sop-jdih new` (generator/archive/monografi.py, artikel.py). Search in a browser is in
tests/test_search_quality.py."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from generator.archive.model import Monografi
from generator.archive.monografi import author_year
from generator.cli import main

from .archive_fixture import PDF, png, write_archive
from .conftest import VALID_SOP, build_site, make_project

BUKU_MD = """\
---
id: hukum-pemilu-daerah-2019
judul: "Hukum Pemilu di Daerah: Penyelenggaraan dan Sengketa"
pengarang:
  - Hidayat, Arif
cetakan: Cet. 2
tempat_terbit: Kota Contoh
penerbit: Penerbit Nusantara Contoh
tahun_terbit: 2019
deskripsi_fisik: xii, 240 hlm ; 21 cm.
isbn: 978-602-0000-01-5
nomor_panggil: 342.07 HID h
nomor_induk_buku: "001/PERP/2019"
subjek: [PEMILIHAN UMUM, SENGKETA PEMILU]
bidang_hukum: Hukum Tata Negara
lokasi: Perpustakaan KPU Kabupaten Contoh
sampul: sampul/hukum-pemilu.png
lampiran: lampiran/cuplikan-buku.pdf
---
Buku ini menguraikan penyelenggaraan pemilihan umum
di tingkat kabupaten.

Bab terakhir membahas sengketa proses.
"""

LAPORAN = """\
id: laporan-pemilu-2024
judul: Laporan Penyelenggaraan Pemilu 2024
jenis: Laporan
pengarang:
  - Komisi Pemilihan Umum Kabupaten Contoh
tahun_terbit: 2024
subjek: [PEMILIHAN UMUM]
bidang_hukum: Hukum Tata Negara
"""

ARTIKEL_MD = """\
---
id: integritas-daftar-pemilih-2023
judul: Menjaga Integritas Daftar Pemilih
pengarang: ["Lestari, Dewi"]
sumber:
  nama: Jurnal Tata Kelola Pemilu Contoh
  volume: "5"
  nomor: "2"
  halaman: "101-120"
tempat_terbit: Kota Contoh
tahun: 2023
subjek: [DAFTAR PEMILIH]
bidang_hukum: Hukum Tata Negara
lampiran: lampiran/integritas.pdf
---
Artikel ini menelaah pemutakhiran data pemilih berkelanjutan.
"""

BULETIN = """\
id: sengketa-proses-2024
judul: Sengketa Proses Pemilu di Kabupaten
jenis: Majalah Hukum
pengarang: ["Hidayat, Arif", "Lestari, Dewi", "Nugroho, Adi"]
sumber:
  nama: Buletin JDIH Contoh
  nomor: "1"
tahun: 2024
subjek: [SENGKETA PEMILU]
bidang_hukum: Hukum Acara
tautan: https://jurnal.example.org/buletin/1
abstrak: Tiga putusan sengketa proses dibandingkan.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("pustaka"), {"uji-persetujuan.yaml": VALID_SOP})
    archive = write_archive(
        root,
        {
            "monografi/hukum-pemilu-daerah-2019.md": BUKU_MD,
            "monografi/laporan-pemilu-2024.yaml": LAPORAN,
            "artikel/integritas-daftar-pemilih-2023.md": ARTIKEL_MD,
            "artikel/sengketa-proses-2024.yaml": BULETIN,
        },
    )
    (archive / "sampul").mkdir()
    (archive / "sampul" / "hukum-pemilu.png").write_bytes(png(6, 9))
    (archive / "lampiran" / "cuplikan-buku.pdf").write_bytes(PDF)
    (archive / "lampiran" / "integritas.pdf").write_bytes(PDF)
    return build_site(root)


def read(site: Path, uri: str) -> str:
    return (site / uri).read_text(encoding="utf-8")


def rows(html: str) -> dict[str, str]:
    """The item page's metadata table: label → cell HTML."""
    return dict(re.findall(r'<tr><th scope="row">([^<]*)</th><td[^>]*>(.*?)</td></tr>', html))


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))


def test_a_monografi_page_is_its_catalogue_record_with_its_sampul(site: Path) -> None:
    page = read(site, "monografi/hukum-pemilu-daerah-2019/index.html")
    assert '<h1 id="hukum-pemilu-di-daerah-penyelenggaraan-dan-sengketa">' in page
    record = rows(page)
    assert record["Pengarang / T.E.U. Badan"] == "Hidayat, Arif"
    assert record["Tempat Terbit : Penerbit"] == "Kota Contoh : Penerbit Nusantara Contoh"
    assert record["Tahun Terbit"] == "2019" and record["Cetakan / Edisi"] == "Cet. 2"
    assert record["Deskripsi Fisik"] == "xii, 240 hlm ; 21 cm."
    assert record["ISBN"] == "978-602-0000-01-5" and record["Nomor Panggil"] == "342.07 HID h"
    assert record["Nomor Induk Buku"] == "001/PERP/2019"
    assert record["Subjek"] == "PEMILIHAN UMUM<br>SENGKETA PEMILU"
    # The sampul is published with the site (the CSP allows images from 'self' only) and named for a screen reader.
    assert (
        '<img alt="Sampul buku Hukum Pemilu di Daerah: Penyelenggaraan dan Sengketa" class="jdih-sampul" '
        'src="../../berkas/sampul/hukum-pemilu.png">' in page
    )
    assert (site / "berkas" / "sampul" / "hukum-pemilu.png").read_bytes() == png(6, 9)
    assert 'download href="../../berkas/lampiran/cuplikan-buku.pdf">Unduh PDF</a>' in page
    # The .md body is the abstrak: paragraphs, a wrapped line joined.
    assert '<h2 id="abstrak">Abstrak</h2>' in page
    assert "<p>Buku ini menguraikan penyelenggaraan pemilihan umum\ndi tingkat kabupaten.</p>" in page
    assert '<div data-pagefind-filter="tipe:Monografi hukum"></div>' in page
    assert '<td data-pagefind-filter="tahun">2019</td>' in page

    laporan = rows(read(site, "monografi/laporan-pemilu-2024/index.html"))
    assert laporan["Jenis"] == "Laporan" and laporan["ISBN"] == "–" and laporan["Tempat Terbit : Penerbit"] == "–"


def test_a_monografi_is_a_schema_org_book(site: Path) -> None:
    data = json_ld(read(site, "monografi/hukum-pemilu-daerah-2019/index.html"))
    assert data["@type"] == "Book" and data["isbn"] == "978-602-0000-01-5"
    assert data["author"] == [{"@type": "Person", "name": "Arif Hidayat"}]
    assert data["publisher"] == {"@type": "Organization", "name": "Penerbit Nusantara Contoh"}
    assert data["datePublished"] == "2019" and data["bookEdition"] == "Cet. 2"
    assert data["image"] == "https://contoh.example/berkas/sampul/hukum-pemilu.png"
    assert data["encoding"]["contentUrl"] == "https://contoh.example/berkas/lampiran/cuplikan-buku.pdf"
    assert data["abstract"].startswith("Buku ini menguraikan penyelenggaraan pemilihan umum di tingkat kabupaten.")
    laporan = json_ld(read(site, "monografi/laporan-pemilu-2024/index.html"))
    assert laporan["author"] == [{"@type": "Organization", "name": "Komisi Pemilihan Umum Kabupaten Contoh"}]
    assert "isbn" not in laporan and "publisher" not in laporan and "image" not in laporan


def test_an_artikel_page_names_its_source_and_is_a_scholarly_article(site: Path) -> None:
    page = read(site, "artikel/integritas-daftar-pemilih-2023/index.html")
    record = rows(page)
    assert record["Sumber"] == "Jurnal Tata Kelola Pemilu Contoh Vol. 5 No. 2 hlm. 101-120"
    assert record["Pengarang"] == "Lestari, Dewi" and record["Tahun"] == "2023"
    assert '<div data-pagefind-filter="tipe:Artikel hukum"></div>' in page
    assert "<p>Artikel ini menelaah pemutakhiran data pemilih berkelanjutan.</p>" in page
    data = json_ld(page)
    assert data["@type"] == "ScholarlyArticle" and data["pagination"] == "101-120"
    assert data["isPartOf"] == {
        "@type": "PublicationIssue",
        "issueNumber": "2",
        "isPartOf": {
            "@type": "PublicationVolume",
            "volumeNumber": "5",
            "isPartOf": {"@type": "Periodical", "name": "Jurnal Tata Kelola Pemilu Contoh"},
        },
    }
    buletin = read(site, "artikel/sengketa-proses-2024/index.html")
    assert rows(buletin)["Sumber"] == "Buletin JDIH Contoh No. 1"  # only the parts written
    assert 'href="https://jurnal.example.org/buletin/1">Baca artikel di situs penerbitnya</a>' in buletin
    assert json_ld(buletin)["sameAs"] == "https://jurnal.example.org/buletin/1"


def test_listings_group_books_by_tahun_terbit_and_subjek_and_articles_by_tahun_and_sumber(site: Path) -> None:
    by_year = read(site, "arsip/monografi-tahun/2019/index.html")
    assert '<th scope="col">Pengarang</th><th scope="col">Penerbit</th>' in by_year
    assert '<a href="../../../monografi/hukum-pemilu-daerah-2019/">Hukum Pemilu di Daerah' in by_year
    assert '<td data-label="Nomor panggil">342.07 HID h</td>' in by_year
    by_subject = read(site, "arsip/monografi-subjek/pemilihan-umum/index.html")
    assert "hukum-pemilu-daerah-2019/" in by_subject and "laporan-pemilu-2024/" in by_subject
    by_source = read(site, "arsip/artikel-sumber/buletin-jdih-contoh/index.html")
    assert "sengketa-proses-2024/" in by_source and "integritas" not in by_source
    assert (site / "arsip" / "artikel-tahun" / "2023" / "index.html").is_file()
    index = read(site, "arsip/index.html")
    assert "3 produk hukum, 2 monografi hukum, 2 artikel hukum dan 2 konten media sosial." in index
    assert "Monografi hukum menurut subjek" in index and "Artikel hukum menurut sumber" in index


def test_the_jdihn_feed_carries_books_with_their_book_keys_and_articles_with_their_source(site: Path) -> None:
    records = {record["idData"]: record for record in json.loads(read(site, "integrasi/jdihn.json"))}
    book = records["hukum-pemilu-daerah-2019"]
    assert {key: book[key] for key in ("jenis", "singkatanJenis", "noPeraturan", "tahun_pengundangan")} == {
        "jenis": "Monografi Hukum",
        "singkatanJenis": "BUKU",
        "noPeraturan": "001/PERP/2019",
        "tahun_pengundangan": "2019",
    }
    assert book["teuBadan"] == "Hidayat, Arif" and book["penerbit"] == "Penerbit Nusantara Contoh"
    assert book["tempatTerbit"] == "Kota Contoh" and book["deskripsiFisik"] == "xii, 240 hlm ; 21 cm."
    assert book["isbn"] == "978-602-0000-01-5" and book["noPanggil"] == "342.07 HID h"
    assert book["nomorIndukBuku"] == "001/PERP/2019" and book["status"] == "Berlaku"
    assert book["subjek"] == "PEMILIHAN UMUM, SENGKETA PEMILU" and book["bidangHukum"] == "Hukum Tata Negara"
    assert book["abstrak"].startswith("Buku ini menguraikan penyelenggaraan pemilihan umum di tingkat kabupaten.")
    assert book["urlAbstrak"] == "https://contoh.example/monografi/hukum-pemilu-daerah-2019/#abstrak"
    assert book["fileDownload"] == "cuplikan-buku.pdf"
    assert book["urlDownload"] == "https://contoh.example/berkas/lampiran/cuplikan-buku.pdf"
    assert book["last_updated"] == "2019-01-01 00:00:00"
    assert records["laporan-pemilu-2024"]["noPeraturan"] == "-"  # no nomor induk: the portal needs a value

    article = records["integritas-daftar-pemilih-2023"]
    assert article["jenis"] == "Artikel Hukum" and article["singkatanJenis"] == "ARTIKEL"
    assert article["sumber"] == "Jurnal Tata Kelola Pemilu Contoh Vol. 5 No. 2 hlm. 101-120"
    assert article["noPeraturan"] == "-" and article["teuBadan"] == "Lestari, Dewi"
    assert article["urlDownload"] == "https://contoh.example/berkas/lampiran/integritas.pdf"
    buletin = records["sengketa-proses-2024"]
    assert buletin["teuBadan"] == "Hidayat, Arif; Lestari, Dewi; Nugroho, Adi" and buletin["jenis"] == "Majalah Hukum"
    assert buletin["urlDownload"] == "https://jurnal.example.org/buletin/1" and buletin["fileDownload"] == ""


def test_search_blocks_name_the_kind_and_carry_isbn_and_nomor_panggil(site: Path) -> None:
    page = read(site, "monografi/hukum-pemilu-daerah-2019/index.html")
    assert '<p data-pagefind-weight="10">978-602-0000-01-5 · 9786020000015 · 342.07 HID h</p>' in page
    assert 'data-pagefind-meta="jenis_hasil:Monografi"' in page and 'data-pagefind-meta="minta:monografi buku"' in page
    assert 'data-pagefind-meta="unduh:berkas/lampiran/cuplikan-buku.pdf"' in page  # the result card's PDF link
    article = read(site, "artikel/sengketa-proses-2024/index.html")
    assert 'data-pagefind-meta="jenis_hasil:Artikel"' in article and 'data-pagefind-meta="tahun:2024"' in article


def test_home_page_atom_feed_and_labels_cite_authors_and_years(site: Path) -> None:
    home = read(site, "index.html")
    assert "Monografi terbaru" in home and "Artikel terbaru" in home
    assert 'Komisi Pemilihan Umum Kabupaten Contoh (2024) · <time datetime="2024">2024</time>' in home
    assert "Hidayat dkk. (2024) · " in home
    assert "Umpan produk hukum, monografi, artikel dan konten terbaru (Atom)" in home
    entries = ET.fromstring((site / "feed.xml").read_bytes()).findall("{http://www.w3.org/2005/Atom}entry")
    terms = {entry.find("{http://www.w3.org/2005/Atom}category").get("term") for entry in entries}
    assert {"Monografi", "Artikel"} <= terms


def test_author_year_cites_one_two_or_many_authors_and_a_badan() -> None:
    assert author_year(["Hidayat, Arif"], 2019) == "Hidayat (2019)"
    assert author_year(["Hidayat, Arif", "Lestari, Dewi"], 2021) == "Hidayat dan Lestari (2021)"
    assert author_year(["Hidayat, Arif", "Lestari, Dewi", "Nugroho, Adi"], 2020) == "Hidayat dkk. (2020)"
    assert author_year(["Indonesia. Komisi Pemilihan Umum"], 2018) == "Komisi Pemilihan Umum (2018)"


@pytest.mark.parametrize("kind", ["monografi", "artikel"])
def test_new_starter_checks_clean_after_the_editors_obvious_edits(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture
) -> None:
    root = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    archive = write_archive(root)
    assert main(["--root", str(root), "new", kind, "baru"]) == 0
    assert "lalu jalankan: sop-jdih --root" in capsys.readouterr().out
    written = archive / kind / "baru.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schema/{kind}.json"
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err  # valid as written
    capsys.readouterr()
    # The editor fills the commented fields by removing their '#', and puts the files where the comments say.
    edited = re.sub(
        r"^# (cetakan|deskripsi_fisik|isbn|nomor_panggil|nomor_induk_buku|sampul|lampiran|tautan|"
        r"tempat_terbit|lokasi): ",
        r"\1: ",
        text,
        flags=re.MULTILINE,
    )
    written.write_text(edited, encoding="utf-8")
    (archive / "lampiran" / "baru.pdf").write_bytes(PDF)
    (archive / "sampul").mkdir(exist_ok=True)
    (archive / "sampul" / "baru.jpg").write_bytes(b"\xff\xd8\xff\xe0 not checked beyond its name")
    data = yaml.safe_load(edited)
    assert data["lampiran"] == "lampiran/baru.pdf"
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("OK: 1 SOP, 3 produk hukum, ")


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("ISBN 978-602-0000-01-5", "978-602-0000-01-5"),
        ("ISBN-13: 9786020000015", "9786020000015"),
        ("0-306-40615-2", None),
    ],
)
def test_an_isbn_is_read_as_printed_and_its_check_digit_checked(written: str, kept: str | None) -> None:
    """The "ISBN" a book prints before the number is not part of it; a valid ISBN-10 stays as written."""
    fields = {"id": "b", "judul": "J", "pengarang": ["P"], "tahun_terbit": 2019, "isbn": written}
    assert Monografi.model_validate(fields).isbn == (kept or written)
    with pytest.raises(ValidationError, match="angka pemeriksa"):
        Monografi.model_validate(fields | {"isbn": written[:-1] + ("1" if written[-1] != "1" else "2")})
