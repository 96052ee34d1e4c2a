"""Legal status by the rules of archive/status.py, over chains of relations, and the same status in every output: the
item page's badge, Keterangan Status and status filter, the listings, the search meta, the JDIHN feed, the dasar
hukum index."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.core import load_content
from generator.project import Project
from generator.source.problems import DataError

from .archive_fixture import putusan, write_archive
from .conftest import VALID_SOP, build_site, make_project

JENIS = "Keputusan Komisi Pemilihan Umum Kabupaten Uji"


def keputusan(item_id: str, nomor: str, tanggal: str, lines: str = "") -> str:
    """A keputusan of the test office; `lines` adds fields (relasi, status, mengingat) as YAML."""
    return f"""\
id: {item_id}
jenis: {JENIS}
singkatan_jenis: KEPKAB
nomor: "{nomor}"
tahun: {tanggal[:4]}
judul: {JENIS} Nomor {nomor} Tahun {tanggal[:4]} tentang Hal {nomor}
teu_badan: Komisi Pemilihan Umum Kabupaten Uji
tempat_penetapan: Kota Uji
tanggal_penetapan: {tanggal}
subjek: [UJI]
bidang_hukum: Hukum Administrasi Negara
{lines}"""


def cites(*items: tuple[str, str]) -> str:
    """mengingat lines citing test keputusan by nomor and year, so the dasar hukum index lists them."""
    return "mengingat:\n" + "".join(
        f"  - {JENIS} Nomor {nomor} Tahun {tahun} tentang Hal {nomor};\n" for nomor, tahun in items
    )


CHAIN = {
    # a base decision, amended twice in a row, then revoked: the amendments end with it (transitively)
    "produk-hukum/kk-1-2020.yaml": keputusan("kk-1-2020", "1", "2020-01-10"),
    "produk-hukum/kk-2-2021.yaml": keputusan("kk-2-2021", "2", "2021-02-10", "relasi:\n  mengubah: [kk-1-2020]\n"),
    "produk-hukum/kk-3-2022.yaml": keputusan("kk-3-2022", "3", "2022-03-10", "relasi:\n  mengubah: [kk-2-2021]\n"),
    "produk-hukum/kk-4-2023.yaml": keputusan(
        "kk-4-2023",
        "4",
        "2023-04-10",
        "relasi:\n  mencabut: [kk-1-2020]\n  terkait: [kk-9-2023]\n"
        + cites(("1", "2020"), ("2", "2021"), ("3", "2022"), ("5", "2020"), ("6", "2021"), ("7", "2022")),
    ),
    # an amendment of two decisions, one of them still in force: it stays in force
    "produk-hukum/kk-5-2020.yaml": keputusan("kk-5-2020", "5", "2020-05-10"),
    "produk-hukum/kk-6-2021.yaml": keputusan(
        "kk-6-2021", "6", "2021-06-10", "relasi:\n  mengubah: [kk-1-2020, kk-5-2020]\n"
    ),
    # partly revoked by a later one
    "produk-hukum/kk-7-2022.yaml": keputusan("kk-7-2022", "7", "2022-07-10"),
    "produk-hukum/kk-8-2024.yaml": keputusan(
        "kk-8-2024",
        "8",
        "2024-08-10",
        "relasi:\n  mencabut_sebagian: [kk-7-2022]\n" + cites(("7", "2022"), ("8", "2024")),
    ),
    # terkait written on both sides: no cycle, shown once
    "produk-hukum/kk-9-2023.yaml": keputusan("kk-9-2023", "9", "2023-09-10", "relasi:\n  terkait: [kk-4-2023]\n"),
    # tested by putusan, one per amar
    "produk-hukum/kk-10-2019.yaml": keputusan("kk-10-2019", "10", "2019-10-10", cites(("10", "2019"))),
    "produk-hukum/kk-11-2019.yaml": keputusan("kk-11-2019", "11", "2019-10-11"),
    "produk-hukum/kk-12-2019.yaml": keputusan("kk-12-2019", "12", "2019-10-12"),
    "produk-hukum/kk-13-2019.yaml": keputusan("kk-13-2019", "13", "2019-10-13"),
    "produk-hukum/kk-14-2019.yaml": keputusan("kk-14-2019", "14", "2019-10-14"),
    "produk-hukum/kk-15-2019.yaml": keputusan("kk-15-2019", "15", "2019-10-15", "relasi:\n  mengubah: [kk-10-2019]\n"),
    # an explicit status with its reason
    "produk-hukum/kk-16-2018.yaml": keputusan(
        "kk-16-2018", "16", "2018-01-16", "status: Tidak Berlaku\nketerangan_status: Kegiatan telah selesai.\n"
    ),
    "putusan/p-dikabulkan.yaml": putusan(
        "p-dikabulkan",
        "1/G/2024/PTUN.UJI",
        "2024-06-01",
        "kk-10-2019",
        "amar: Dikabulkan\nberkekuatan_hukum_tetap: true\n",
    ),
    "putusan/p-sebagian.yaml": putusan(
        "p-sebagian",
        "2/G/2024/PTUN.UJI",
        "2024-06-02",
        "kk-11-2019",
        "amar: Dikabulkan sebagian\nberkekuatan_hukum_tetap: true\n",
    ),
    "putusan/p-ditolak.yaml": putusan(
        "p-ditolak", "3/G/2024/PTUN.UJI", "2024-06-03", "kk-12-2019", "amar: Ditolak\nberkekuatan_hukum_tetap: true\n"
    ),
    "putusan/p-belum-tetap.yaml": putusan(
        "p-belum-tetap",
        "4/G/2024/PTUN.UJI",
        "2024-06-04",
        "kk-13-2019",
        "amar: Dikabulkan\nberkekuatan_hukum_tetap: false\n",
    ),
    "putusan/p-tanpa-amar.yaml": putusan("p-tanpa-amar", "5/G/2024/PTUN.UJI", "2024-06-05", "kk-14-2019", ""),
    "produk-hukum/kk-17-2019.yaml": keputusan("kk-17-2019", "17", "2019-10-17"),
    # revoked by a keputusan diundangkan months after it was ditetapkan: the revocation dates from the later day
    "produk-hukum/kk-18-2020.yaml": keputusan("kk-18-2020", "18", "2020-03-18"),
    "produk-hukum/kk-19-2021.yaml": keputusan(
        "kk-19-2021", "19", "2021-02-19", "tanggal_pengundangan: 2021-11-20\nrelasi:\n  mencabut: [kk-18-2020]\n"
    ),
    "putusan/p-kekuatan-tak-dicatat.yaml": putusan(
        "p-kekuatan-tak-dicatat", "6/G/2024/PTUN.UJI", "2024-06-06", "kk-17-2019", "amar: Dikabulkan\n"
    ),
}

TB, B = "Tidak Berlaku", "Berlaku"
EXPECTED: dict[str, tuple[str, list[str], str]] = {  # id → status, Keterangan Status lines, feed last_updated
    "kk-1-2020": (
        TB,
        [
            "Dicabut dengan KEPKAB 4 Tahun 2023",
            "Diubah dengan KEPKAB 2 Tahun 2021",
            "Diubah dengan KEPKAB 6 Tahun 2021",
        ],
        "2023-04-10",
    ),
    "kk-2-2021": (
        TB,
        [
            "Tidak berlaku: mengubah KEPKAB 1 Tahun 2020 yang telah dicabut dengan KEPKAB 4 Tahun 2023",
            "Diubah dengan KEPKAB 3 Tahun 2022",
        ],
        "2023-04-10",
    ),
    "kk-3-2022": (
        TB,
        [
            "Tidak berlaku: mengubah KEPKAB 2 Tahun 2021 yang mengubah KEPKAB 1 Tahun 2020 yang telah dicabut dengan "
            "KEPKAB 4 Tahun 2023"
        ],
        "2023-04-10",
    ),
    "kk-4-2023": (B, [], "2023-04-10"),
    "kk-5-2020": (B, ["Diubah dengan KEPKAB 6 Tahun 2021"], "2021-06-10"),
    "kk-6-2021": (B, [], "2021-06-10"),
    "kk-7-2022": (B, ["Dicabut sebagian dengan KEPKAB 8 Tahun 2024"], "2024-08-10"),
    "kk-9-2023": (B, [], "2023-09-10"),
    "kk-10-2019": (
        TB,
        ["Dibatalkan dengan Putusan PTUN 1/G/2024/PTUN.UJI", "Diubah dengan KEPKAB 15 Tahun 2019"],
        "2024-06-01",
    ),
    "kk-11-2019": (B, ["Dibatalkan sebagian dengan Putusan PTUN 2/G/2024/PTUN.UJI"], "2024-06-02"),
    "kk-12-2019": (B, ["Diuji dengan Putusan PTUN 3/G/2024/PTUN.UJI (amar Ditolak)"], "2024-06-03"),
    "kk-13-2019": (
        B,
        ["Diuji dengan Putusan PTUN 4/G/2024/PTUN.UJI (amar Dikabulkan, belum berkekuatan hukum tetap)"],
        "2024-06-04",
    ),
    "kk-14-2019": (B, ["Diuji dengan Putusan PTUN 5/G/2024/PTUN.UJI (amar belum dicatat)"], "2024-06-05"),
    "kk-15-2019": (
        TB,
        ["Tidak berlaku: mengubah KEPKAB 10 Tahun 2019 yang telah dibatalkan dengan Putusan PTUN 1/G/2024/PTUN.UJI"],
        "2024-06-01",
    ),
    "kk-16-2018": (TB, ["Kegiatan telah selesai."], "2018-01-16"),
    "kk-18-2020": (TB, ["Dicabut dengan KEPKAB 19 Tahun 2021"], "2021-11-20"),
    "kk-19-2021": (B, [], "2021-11-20"),
    "kk-17-2019": (
        B,
        ["Diuji dengan Putusan PTUN 6/G/2024/PTUN.UJI (amar Dikabulkan, kekuatan hukum tetapnya belum dicatat)"],
        "2024-06-06",
    ),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("status") / "proyek", {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(root, CHAIN)
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return build_site(project)


def test_the_rules_derive_every_status_and_note(project: Path) -> None:
    archive = load_content(Project(project)).archive
    for item_id, (status, notes, changed) in EXPECTED.items():
        item = archive.by_id[item_id]
        assert (str(archive.status(item)), list(archive.notes(item))) == (status, notes), item_id
        assert archive.changed(item).isoformat() == changed, item_id


def test_page_listing_search_feed_and_dasar_hukum_index_agree(project: Path, site: Path) -> None:
    content = load_content(Project(project))
    feed = {record["idData"]: record for record in json.loads((site / "integrasi/jdihn.json").read_text("utf-8"))}
    listed = {
        status: set(re.findall(r'href="\.\./\.\./\.\./produk-hukum/([^/"]+)/"', _read(site / "arsip/status" / slug)))
        for status, slug in ((B, "berlaku"), (TB, "tidak-berlaku"))
    }
    index = _read(site / "dasar-hukum")
    for item_id, (status, notes, changed) in EXPECTED.items():
        page = _read(site / "produk-hukum" / item_id)
        badge = "tidak-berlaku" if status == TB else "berlaku"
        assert f'<span class="jdih-badge jdih-badge--{badge}">{status}</span>' in page, item_id
        assert f'<td data-pagefind-filter="status">{status}</td>' in page, item_id  # the /arsip/ status filter
        assert f'data-pagefind-meta="status:{status}"' in page, item_id  # the search result's badge
        shown = re.search(r"<th scope=\"row\">Keterangan Status</th><td>(.*?)</td>", page, re.DOTALL)
        assert shown and html.unescape(shown.group(1)).split("<br>") == (notes or ["–"]), item_id
        assert item_id in listed[status] and item_id not in listed[B if status == TB else TB], item_id
        assert (feed[item_id]["status"], feed[item_id]["last_updated"]) == (status, f"{changed} 00:00:00"), item_id
        (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.DOTALL)
        partly = any(" sebagian dengan " in note for note in notes)
        force = "NotInForce" if status == TB else "PartiallyInForce" if partly else "InForce"
        assert json.loads(ld)["legislationLegalForce"] == force, item_id
        regulation = content.dasar_hukum.for_archive_item(item_id)
        if regulation and regulation.cited_by:
            row = re.search(rf'<a href="{regulation.slug}/">.*?</tr>', index)
            assert row and f'jdih-badge--{badge}">{status}</span>' in row.group(), item_id
            entry = _read(site / "dasar-hukum" / regulation.slug)
            assert f'jdih-badge--{badge}">{status}</span>' in entry, item_id
            shown = re.search(r"<th scope=\"row\">Keterangan Status</th><td>(.*?)</td>", entry)
            assert (html.unescape(shown.group(1)).split("<br>") if shown else []) == notes, item_id
    assert feed["p-sebagian"]["status"] == "Berkekuatan Hukum Tetap"
    assert feed["p-belum-tetap"]["status"] == "Belum Berkekuatan Hukum Tetap"
    assert feed["p-tanpa-amar"]["status"] == ""


def test_each_relation_is_shown_with_its_inverse_and_terkait_once(project: Path, site: Path) -> None:
    def links(item_id: str, folder: str = "produk-hukum") -> list[str]:
        page = _read(site / folder / item_id)
        return [
            f"{label}{citation}" for label, citation in re.findall(r"<li>([^<]+)<a href=[^>]+>([^<]+)</a></li>", page)
        ]

    assert links("kk-4-2023") == ["Mencabut KEPKAB 1 Tahun 2020", "Terkait KEPKAB 9 Tahun 2023"]
    assert links("kk-9-2023") == ["Terkait KEPKAB 4 Tahun 2023"]
    assert links("kk-7-2022") == ["Dicabut sebagian dengan KEPKAB 8 Tahun 2024"]
    assert links("kk-8-2024") == ["Mencabut sebagian KEPKAB 7 Tahun 2022"]
    assert links("kk-11-2019") == ["Dibatalkan sebagian dengan Putusan PTUN 2/G/2024/PTUN.UJI"]
    assert links("kk-12-2019") == ["Diuji dengan Putusan PTUN 3/G/2024/PTUN.UJI"]  # ditolak: only tested
    assert links("p-sebagian", "putusan") == ["Menguji KEPKAB 11 Tahun 2019"]

    # beside the badge, what no link says: why an amendment ended, the file's own reason; nothing for the others
    def beside_badge(item_id: str) -> list[str]:
        top = _read(site / "produk-hukum" / item_id).split('<p class="jdih-status">', 1)[1].split("</p>", 1)[0]
        return [html.unescape(note) for note in re.findall(r'<span class="jdih-status__catatan">([^<]*)</span>', top)]

    assert beside_badge("kk-2-2021") == [EXPECTED["kk-2-2021"][1][0]]
    assert beside_badge("kk-16-2018") == ["Kegiatan telah selesai."]
    assert beside_badge("kk-1-2020") == beside_badge("kk-11-2019") == []

    # the dasar hukum index's "Perubahan" section, on both sides of a partial revocation
    index = load_content(Project(project)).dasar_hukum

    def changes(item_id: str) -> str:
        regulation = index.for_archive_item(item_id)
        assert regulation is not None
        section = _read(site / "dasar-hukum" / regulation.slug).split('id="perubahan"', 1)[1].split("<h2", 1)[0]
        return re.sub(r"<[^>]+>", "", section)

    assert f"Dicabut sebagian dengan {JENIS} Nomor 8 Tahun 2024" in changes("kk-7-2022")
    assert f"Mencabut sebagian {JENIS} Nomor 7 Tahun 2022" in changes("kk-8-2024")


def _read(folder: Path) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            "status: Berlaku\n",
            "status: Berlaku bertentangan dengan relasinya (telah dicabut dengan KEPKAB 2 Tahun 2024): statusnya Tidak "
            "Berlaku; hapus baris status, yang dihitung dari relasi",
        ),
        ("status: Tidak Berlaku\n", None),  # revoked, so it gives its reason: nothing to report
    ],
)
def test_an_explicit_status_that_contradicts_the_relations_is_a_located_problem(
    tmp_path: Path, lines: str, message: str | None
) -> None:
    root = make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(
        root,
        {
            "produk-hukum/lama.yaml": keputusan("lama", "1", "2020-01-01", lines),
            "produk-hukum/baru.yaml": keputusan("baru", "2", "2024-01-01", "relasi:\n  mencabut: [lama]\n"),
        },
    )
    if message is None:
        load_content(Project(root))
        return
    with pytest.raises(DataError) as raised:
        load_content(Project(root))
    assert f"content_archive/produk-hukum/lama.yaml:12: {message}" in str(raised.value)
