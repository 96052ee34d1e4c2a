"""Benchmark: a sop-jdih site with a large synthetic JDIH archive against a bare Material site.

Not a test: nothing here asserts on time. One run:

1. writes N synthetic archive items (fixed seed) into a fresh sop-jdih project, with the repo's SOPs;
2. builds it with the real CLI (`python -m mkdocs build -q`) in a subprocess: wall-clock and peak RSS;
3. builds a BASELINE: bare Material (`plugins: []`), N plain pages of comparable length out of the nav;
4. builds the sop-jdih site a second time unchanged, logging, and reads "N bagan alur digambar";
5. serves the built site, opens /cari/?q=<word> in Debian's Chromium and sums what the browser downloads;
6. times the content-only CI job's commands (check, strict build, link check), cold and warm .cache/, on the
   synthetic project and on a clone of this repository;
7. runs `mkdocs serve --dirty --livereload` (as `make serve`), edits files and times until the served page shows it;
8. prints one table, with the targets next to the figures.

    .venv/bin/python benchmarks/archive_benchmark.py [--items 10000] [--workdir DIR] [--profile]
    .venv/bin/python benchmarks/archive_benchmark.py --workdir DIR (--serve-only | --ci-only)   # an earlier run's DIR
    .venv/bin/python benchmarks/archive_benchmark.py --items 50000 --memory-only   # peak RSS and site size only

MkDocs' own output goes to <workdir>/mkdocs.log. Peak RSS is ru_maxrss from os.wait4() on the build's child
process (on Linux: the largest of that process and its waited-for descendants, e.g. the Pagefind binary).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import http.server
import os
import pstats
import random
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from stdnum import ean

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script from anywhere: reuse the package and the test fixture's file writers

from generator.pages.text import tanggal  # noqa: E402
from generator.publish.hardening import Policy, harden  # noqa: E402
from tests.archive_fixture import PDF, png  # noqa: E402

SEED = 20250101
KB = 1000
MB = 1000 * 1000
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Like the example site's mkdocs.yml (fixed here, so concurrent edits of the repo's file do not move the figures).
SOP_JDIH_YML = """\
site_name: SOP dan JDIH KPU Kabupaten Contoh
site_description: Standar Operasional Prosedur dan arsip Jaringan Dokumentasi dan Informasi Hukum.
site_url: https://sop-jdih.example.org/
repo_url: https://github.com/example/sop-jdih
edit_uri: edit/main/docs/
docs_dir: docs
theme:
  name: material
  language: id
  custom_dir: site_theme
  font: false
  features:
    - content.action.edit
    - navigation.indexes
    - navigation.sections
    - navigation.top
extra_css:
  - assets/stylesheets/kantor.css
plugins:
  - sop-jdih
nav:
  - Beranda: index.md
  - SOP: sop/index.md
  - Arsip JDIH: arsip/index.md
  - Pencarian: cari/index.md
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
"""

BASELINE_YML = """\
site_name: Baseline Material
site_url: https://sop-jdih.example.org/
theme:
  name: material
  language: id
plugins: []
not_in_nav: |
  /items/**
nav:
  - Beranda: index.md
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
"""

HOME = """\
---
title: Beranda
---

# SOP dan JDIH KPU Kabupaten Contoh

Situs uji kinerja: arsip JDIH sintetis yang besar, beserta SOP contoh dari repositori.
"""

# ---------------------------------------------------------------------------------------------------------------
# Synthetic archive: word lists and a seeded generator
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Jenis:
    name: str
    short: str
    teu: str
    place: str
    weight: int
    kind: str  # "peraturan" (title carries the jenis) or "keputusan" (title is the topic only)
    nomor: str  # format; {n} sequence, {y} year
    sumber: str | None = None  # format of the publication


KAB = "Komisi Pemilihan Umum Kabupaten Contoh"
JENIS = [
    Jenis("Undang-Undang", "UU", "Indonesia. Pemerintah Pusat", "Jakarta", 3, "peraturan", "{n}", "LN {y} ({k})"),
    Jenis(
        "Peraturan Pemerintah", "PP", "Indonesia. Pemerintah Pusat", "Jakarta", 3, "peraturan", "{n}", "LN {y} ({k})"
    ),
    Jenis(
        "Peraturan Presiden", "Perpres", "Indonesia. Pemerintah Pusat", "Jakarta", 3, "peraturan", "{n}", "LN {y} ({k})"
    ),
    Jenis(
        "Peraturan Komisi Pemilihan Umum",
        "PKPU",
        "Indonesia. Komisi Pemilihan Umum",
        "Jakarta",
        12,
        "peraturan",
        "{n}",
        "BN {y} ({k})",
    ),
    Jenis(
        "Keputusan Komisi Pemilihan Umum",
        "Kepkpu",
        "Indonesia. Komisi Pemilihan Umum",
        "Jakarta",
        10,
        "keputusan",
        "{n}/PL.01-Kpt/05/{y}",
    ),
    Jenis(
        "Peraturan Menteri Dalam Negeri",
        "Permendagri",
        "Indonesia. Kementerian Dalam Negeri",
        "Jakarta",
        3,
        "peraturan",
        "{n}",
        "BN {y} ({k})",
    ),
    Jenis(
        "Peraturan Badan Pengawas Pemilihan Umum",
        "Perbawaslu",
        "Indonesia. Badan Pengawas Pemilihan Umum",
        "Jakarta",
        3,
        "peraturan",
        "{n}",
        "BN {y} ({k})",
    ),
    Jenis(
        "Surat Edaran Komisi Pemilihan Umum",
        "SE KPU",
        "Indonesia. Komisi Pemilihan Umum",
        "Jakarta",
        7,
        "keputusan",
        "{n}/PL.02-SD/05/{y}",
    ),
    Jenis(
        f"Keputusan {KAB}",
        "Kepkab",
        KAB,
        "Kota Contoh",
        30,
        "keputusan",
        "{n}/HK.03.1-Kpt/3300/{y}",
    ),
    Jenis(
        f"Keputusan Sekretaris {KAB}",
        "Kepsek",
        f"Sekretariat {KAB}",
        "Kota Contoh",
        8,
        "keputusan",
        "{n}/KU.02-Kpt/3300/{y}",
    ),
    Jenis(
        "Peraturan Daerah Kabupaten Contoh",
        "Perda",
        "Kabupaten Contoh",
        "Kota Contoh",
        4,
        "peraturan",
        "{n}",
        "LD Kabupaten Contoh {y} ({k})",
    ),
    Jenis(
        "Peraturan Bupati Contoh",
        "Perbup",
        "Kabupaten Contoh",
        "Kota Contoh",
        4,
        "peraturan",
        "{n}",
        "BD Kabupaten Contoh {y} ({k})",
    ),
]
HIGHER = {"UU", "PP", "Perpres", "PKPU"}  # what lower products "melaksanakan"

# (object of regulation, its subject keywords)
OBJECTS = [
    ("Pemutakhiran Data dan Penyusunan Daftar Pemilih", ["DAFTAR PEMILIH", "PEMUTAKHIRAN DATA"]),
    ("Pencalonan Anggota Dewan Perwakilan Rakyat Daerah", ["PENCALONAN", "DPRD"]),
    ("Kampanye Pemilihan Umum", ["KAMPANYE"]),
    ("Dana Kampanye Peserta Pemilihan Umum", ["DANA KAMPANYE", "KEUANGAN"]),
    ("Pemungutan dan Penghitungan Suara", ["PEMUNGUTAN SUARA", "PENGHITUNGAN SUARA"]),
    ("Rekapitulasi Hasil Penghitungan Suara dan Penetapan Hasil", ["REKAPITULASI", "HASIL PEMILIHAN"]),
    ("Pembentukan dan Tata Kerja Badan Ad Hoc", ["BADAN AD HOC", "PPK", "PPS"]),
    ("Pengelolaan Arsip Dinamis", ["KEARSIPAN"]),
    ("Jaringan Dokumentasi dan Informasi Hukum", ["JDIH", "DOKUMENTASI HUKUM"]),
    ("Pengelolaan dan Pelayanan Informasi Publik", ["INFORMASI PUBLIK", "PPID"]),
    ("Pengadaan Barang/Jasa", ["PENGADAAN BARANG/JASA"]),
    ("Pengelolaan Logistik Pemilihan Umum", ["LOGISTIK"]),
    ("Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat", ["SOSIALISASI", "PARTISIPASI MASYARAKAT"]),
    ("Pendaftaran, Verifikasi dan Penetapan Partai Politik", ["PARTAI POLITIK", "VERIFIKASI"]),
    ("Penataan Daerah Pemilihan dan Alokasi Kursi", ["DAERAH PEMILIHAN", "ALOKASI KURSI"]),
    ("Penggantian Antarwaktu Anggota Dewan Perwakilan Rakyat Daerah", ["PENGGANTIAN ANTARWAKTU", "DPRD"]),
    ("Pemilihan Bupati dan Wakil Bupati", ["PEMILIHAN KEPALA DAERAH"]),
    ("Tahapan, Program dan Jadwal Penyelenggaraan Pemilihan Umum", ["TAHAPAN", "JADWAL"]),
    ("Kode Etik Penyelenggara Pemilihan Umum", ["KODE ETIK"]),
    ("Pengelolaan Keuangan dan Pertanggungjawaban Anggaran", ["KEUANGAN", "ANGGARAN"]),
    ("Penatausahaan Barang Milik Negara", ["BARANG MILIK NEGARA"]),
    ("Manajemen Kepegawaian di Lingkungan Sekretariat", ["KEPEGAWAIAN"]),
    ("Penanganan Pengaduan Masyarakat", ["PENGADUAN"]),
    ("Penggunaan Tanda Tangan Elektronik", ["TANDA TANGAN ELEKTRONIK"]),
    ("Sistem Informasi Rekapitulasi Elektronik", ["SISTEM INFORMASI", "REKAPITULASI"]),
    ("Pengelolaan Media Sosial Resmi", ["MEDIA SOSIAL", "HUMAS"]),
    ("Pengamanan Gudang dan Distribusi Logistik", ["LOGISTIK", "PENGAMANAN"]),
    ("Penyelesaian Sengketa Proses Pemilihan Umum", ["SENGKETA"]),
    ("Pemberian Suara bagi Pemilih Penyandang Disabilitas", ["DISABILITAS", "PEMUNGUTAN SUARA"]),
    ("Pelaporan dan Audit Dana Kampanye", ["DANA KAMPANYE", "AUDIT"]),
]
ACTIONS = [
    "Pedoman Teknis",
    "Tata Cara",
    "Petunjuk Pelaksanaan",
    "Standar",
    "Penyelenggaraan",
    "Pedoman",
    "Perencanaan",
    "Pengawasan",
    "Norma, Standar, Prosedur dan Kebutuhan",
    "Petunjuk Teknis",
]
QUALIFIERS = [
    "",
    "",
    "",
    f"di Lingkungan {KAB}",
    "pada Pemilihan Umum Tahun {e}",
    "Tahun Anggaran {y}",
    "dalam Pemilihan Serentak Tahun {e}",
    "bagi Penyelenggara Pemilihan Umum",
]
TEAMS = [
    "Tim Pengelola Jaringan Dokumentasi dan Informasi Hukum",
    "Pejabat Pengelola Informasi dan Dokumentasi",
    "Anggota Panitia Pemilihan Kecamatan",
    "Anggota Panitia Pemungutan Suara",
    "Daftar Pemilih Tetap",
    "Hasil Rekapitulasi Penghitungan Suara",
    "Calon Terpilih Anggota Dewan Perwakilan Rakyat Daerah",
    "Kelompok Kerja Pemilihan Pengadaan Barang/Jasa",
    "Tim Pengelola Media Sosial Resmi",
    "Lokasi Tempat Pemungutan Suara",
    "Tim Pemeriksa Kesehatan Calon",
    "Daftar Calon Sementara",
]
TEAM_SUBJECTS = ["PENETAPAN", "BADAN AD HOC", "JDIH", "PPID", "DAFTAR PEMILIH", "MEDIA SOSIAL", "PENCALONAN"]
KECAMATAN = [
    "Sukamaju",
    "Karanganyar",
    "Sidomulyo",
    "Tanjungsari",
    "Mekarsari",
    "Sumberrejo",
    "Kedungwaru",
    "Banjarsari",
    "Wonosari",
    "Cibeureum",
    "Sukadana",
    "Margahayu",
    "Pematang Baru",
    "Lubuk Alung",
    "Tebing Tinggi",
]
NAMES = [
    "Siti Rahmawati",
    "Ahmad Fauzi",
    "Dewi Lestari",
    "Budi Santoso",
    "Rina Marlina",
    "Hendra Gunawan",
    "Nur Aisyah",
    "Agus Salim",
    "Yuliana Putri",
    "Rudi Hartono",
    "Sri Wahyuni",
    "Imam Syafii",
    "Okladonis",
]
PURPOSES = [
    "menjamin kepastian hukum dalam penyelenggaraan pemilihan umum",
    "meningkatkan kualitas pelayanan kepada masyarakat",
    "mewujudkan tata kelola yang transparan dan akuntabel",
    "melaksanakan ketentuan peraturan perundang-undangan",
    "mendukung kelancaran tahapan pemilihan",
]
BASES = [
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum",
    "Undang-Undang Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati, dan Wali Kota",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan Informasi Hukum Nasional",
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan Umum",
]
CONTENT_POINTS = [
    "ruang lingkup dan asas",
    "tugas dan wewenang pelaksana",
    "jadwal dan tahapan",
    "tata cara pelaporan",
    "pengawasan dan evaluasi",
    "sanksi administratif",
    "ketentuan peralihan",
    "pembiayaan",
    "hak dan kewajiban peserta",
    "formulir dan dokumen pendukung",
]
KONTEN_TITLES = [
    "Kenali {s}",
    "Yuk Pahami {o}",
    "Infografis: {o}",
    "Tahukah Kamu? {o}",
    "Sosialisasi {s}",
    "Serba-serbi {o}",
    "Mengenal {o} Lebih Dekat",
    "Ringkasan {s}",
]
HASHTAGS = ["#JDIHKPU", "#KPUMelayani", "#TemanPemilih", "#PemiluDamai", "#KPUKabupatenContoh", "#SadarHukum"]
PLATFORM_URLS = {
    "Instagram": "https://www.instagram.com/p/{c}/",
    "Facebook": "https://www.facebook.com/kpukabcontoh/posts/{c}",
    "X": "https://x.com/kpukabcontoh/status/{c}",
    "YouTube": "https://www.youtube.com/watch?v={c}",
    "TikTok": "https://www.tiktok.com/@kpukabcontoh/video/{c}",
    "Threads": "https://www.threads.net/@kpukabcontoh/post/{c}",
    "Website": "https://kab-contoh.kpu.go.id/berita/{c}",
}
OFFICERS = ["Sekretaris", "Kasubbag Hukum", "Staf Pengelola JDIH"]
TAHAP = ["disposisi", "konsep", "koreksi", "persetujuan", "unggah", "tautan dibagikan", "evaluasi"]
ELECTION_YEARS = [1999, 2004, 2009, 2014, 2019, 2024]
PDFS = ["lampiran/dokumen-1.pdf", "lampiran/dokumen-2.pdf", "lampiran/dokumen-3.pdf", "lampiran/dokumen-4.pdf"]
ABSTRAK_PDFS = ["lampiran/abstrak-1.pdf", "lampiran/abstrak-2.pdf"]
PNGS = [
    ("konten/gambar/poster-biru.png", (30, 80, 160)),
    ("konten/gambar/poster-merah.png", (180, 40, 40)),
    ("konten/gambar/poster-hijau.png", (40, 140, 70)),
    ("konten/gambar/poster-kuning.png", (220, 180, 30)),
]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def random_date(rng: random.Random, year: int) -> datetime.date:
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


@dataclass
class Archive:
    produk: list[dict[str, Any]] = field(default_factory=list)
    konten: list[dict[str, Any]] = field(default_factory=list)
    library: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # monografi, artikel, putusan
    titles: list[str] = field(default_factory=list)


# The share of each library collection among N items (issue 14's mix): the rest is ~78% produk hukum, ~20% konten.
LIBRARY_SHARE = {"monografi": 0.03, "artikel": 0.02, "putusan": 0.01}
PUBLISHERS = [("Jakarta", "Pustaka Demokrasi"), ("Yogyakarta", "Penerbit Contoh Ilmu"), ("Bandung", "Rumah Buku Hukum")]
JOURNALS = ["Jurnal Tata Kelola Pemilu Contoh", "Majalah Hukum Kabupaten Contoh", "Buletin JDIH Contoh"]
COURTS = [
    ("Pengadilan Tata Usaha Negara", "PTUN", "Pengadilan Tata Usaha Negara Contoh", "{n}/G/{y}/PTUN.CTH"),
    ("Badan Pengawas Pemilihan Umum", "Bawaslu", "Bawaslu Kabupaten Contoh", "{n}/PS.REG/{y}"),
    ("Mahkamah Agung", "MA", "Mahkamah Agung Republik Indonesia", "{n} P/HUM/{y}"),
]
AMAR = ["Dikabulkan", "Dikabulkan sebagian", "Ditolak", "Tidak dapat diterima"]


def synthesize(n_items: int, sop_ids: list[str], seed: int = SEED) -> Archive:
    """N items, ~80% produk hukum in chronological order (so relations point to earlier items), ~20% konten."""
    rng = random.Random(seed)
    n_library = {key: round(n_items * share) for key, share in LIBRARY_SHARE.items()}
    n_konten = round(n_items * 0.2)
    n_produk = n_items - n_konten - sum(n_library.values())
    years = sorted(rng.randint(1990, 2025) for _ in range(n_produk))
    weights = [jenis.weight for jenis in JENIS]
    sequence: Counter[tuple[str, int]] = Counter()
    by_jenis: dict[str, list[dict[str, Any]]] = {jenis.short: [] for jenis in JENIS}
    revoked: set[str] = set()
    used_ids: set[str] = set()
    archive = Archive()

    for year in years:
        jenis = rng.choices(JENIS, weights)[0]
        sequence[(jenis.short, year)] += 1
        n = sequence[(jenis.short, year)] * rng.randint(1, 9)  # gaps between numbers, as real registers have
        while f"{slugify(jenis.short)}-{n}-{year}" in used_ids:
            n += 1
        nomor = jenis.nomor.format(n=n, y=year)
        item_id = f"{slugify(jenis.short)}-{n}-{year}"
        used_ids.add(item_id)
        earlier = by_jenis[jenis.short]
        election = next((e for e in ELECTION_YEARS if e >= year), 2029)
        obj, subjects = rng.choice(OBJECTS)
        relasi: dict[str, list[str]] = {}
        if jenis.kind == "keputusan" and rng.random() < 0.5:
            topic = f"Penetapan {rng.choice(TEAMS)}"
            topic += rng.choice([f" Tahun {year}", f" Kecamatan {rng.choice(KECAMATAN)}", ""])
            subjects = [rng.choice(TEAM_SUBJECTS)]
        else:
            qualifier = rng.choice(QUALIFIERS).format(e=election, y=year)
            topic = f"{rng.choice(ACTIONS)} {obj}" + (f" {qualifier}" if qualifier else "")
        # relations to earlier items of the same jenis: a change or a replacement on the same subject
        candidates = [p for p in earlier[-60:] if p["id"] not in revoked]
        roll = rng.random()
        if candidates and roll < 0.07:
            target = rng.choice(candidates)
            relasi["mencabut"] = [target["id"]]
            revoked.add(target["id"])
            topic, subjects = target["_topic"], list(target["subjek"])
        elif candidates and roll < 0.09:
            relasi["mencabut_sebagian"] = [rng.choice(candidates)["id"]]
        elif candidates and roll < 0.16:
            target = rng.choice(candidates)
            relasi["mengubah"] = [target["id"]]
            ordinal = rng.choice(["", "Kedua ", "Ketiga "])
            changed = f"{jenis.name} Nomor {target['nomor']} Tahun {target['tahun']}"
            topic = f"Perubahan {ordinal}atas {changed} tentang {target['_topic']}"
            subjects = list(target["subjek"])
        if jenis.short not in HIGHER and rng.random() < 0.25:
            higher = [p for short in HIGHER for p in by_jenis[short][-30:]]
            if higher:
                relasi["melaksanakan"] = sorted({rng.choice(higher)["id"] for _ in range(rng.randint(1, 2))})
        judul = f"{jenis.name} Nomor {nomor} Tahun {year} tentang {topic}" if jenis.kind == "peraturan" else topic
        subjects = list(dict.fromkeys([*subjects, *(["PEMILIHAN UMUM"] if rng.random() < 0.3 else [])]))
        item: dict[str, Any] = {
            "id": item_id,
            "jenis": jenis.name,
            "singkatan_jenis": jenis.short,
            "nomor": nomor,
            "tahun": year,
            "judul": judul,
            "teu_badan": jenis.teu,
            "tempat_penetapan": jenis.place,
        }
        if rng.random() < 0.85:
            ditetapkan = random_date(rng, year)
            item["tanggal_penetapan"] = ditetapkan
            if jenis.kind == "peraturan" and rng.random() < 0.8:
                item["tanggal_pengundangan"] = min(
                    ditetapkan + datetime.timedelta(days=rng.randrange(10)), datetime.date(year, 12, 31)
                )
        if jenis.sumber and rng.random() < 0.8:
            item["sumber"] = jenis.sumber.format(y=year, k=rng.randint(1, 900))
        item["subjek"] = subjects
        if rng.random() < 0.03:
            item["status"] = "Tidak Berlaku"
            item["keterangan_status"] = "Tidak berlaku karena jangka waktunya telah berakhir"
        item["bidang_hukum"] = rng.choices(
            ["Hukum Tata Negara", "Hukum Administrasi Negara", "Hukum Pidana", "Hukum Pada Umumnya", "Umum"],
            [45, 45, 3, 4, 3],
        )[0]
        if rng.random() < 0.3:
            item["lokasi"] = f"Subbagian Hukum {KAB}"
        if rng.random() < 0.3:
            item["pemrakarsa"] = rng.choice(["Subbagian Hukum", "Subbagian Teknis", "Subbagian Umum", "Sekretariat"])
        if rng.random() < 0.6:
            item["penandatangan"] = rng.choice(NAMES)
        lampiran: dict[str, str] = {}
        roll = rng.random()
        if roll < 0.55:
            lampiran["dokumen"] = rng.choice(PDFS)
        elif roll < 0.75:
            lampiran["dokumen"] = f"https://jdih.kpu.go.id/data/{item_id}.pdf"
        if rng.random() < 0.1:
            lampiran["abstrak"] = rng.choice(ABSTRAK_PDFS)
        if lampiran:
            item["lampiran"] = lampiran
        if rng.random() < 0.6:
            points = [
                f"bahwa untuk {rng.choice(PURPOSES)}, perlu menetapkan {jenis.name} tentang {topic};",
                f"Dasar hukum: {'; '.join(rng.sample(BASES, rng.randint(1, 3)))}.",
                f"Mengatur {obj.lower()} yang meliputi {', '.join(rng.sample(CONTENT_POINTS, 3))}.",
            ]
            item["abstrak"] = {"abstrak": points[: rng.randint(2, 3)]}
            if rng.random() < 0.5:
                item["abstrak"]["catatan"] = [f"{jenis.name} ini mulai berlaku pada tanggal ditetapkan."]
        if relasi:
            item["relasi"] = relasi
        uraian = None
        if rng.random() < 0.15:
            uraian = (
                f"{jenis.name} ini disusun untuk {rng.choice(PURPOSES)}. "
                f"Materi pokoknya mengatur {obj.lower()}, termasuk {', '.join(rng.sample(CONTENT_POINTS, 2))}.\n\n"
                f"Salinan resmi tersedia di {item.get('lokasi', 'Subbagian Hukum')}."
            )
        item["_topic"] = topic
        item["_md"] = uraian  # written as a .md file with the uraian as its body
        by_jenis[jenis.short].append(item)
        archive.produk.append(item)
        archive.titles.append(judul)

    recent = [p for p in archive.produk if p["tahun"] >= 2010] or archive.produk
    for index in range(n_konten):
        about = sorted({rng.choice(recent)["id"] for _ in range(rng.randint(1, 2))})
        first = next(p for p in recent if p["id"] == about[0])
        obj = first["_topic"].split(" tentang ")[-1]
        short = f"{first['singkatan_jenis']} {first['nomor']}/{first['tahun']}"
        judul = rng.choice(KONTEN_TITLES).format(s=short, o=obj)
        start = max(first.get("tanggal_penetapan") or datetime.date(first["tahun"], 1, 1), datetime.date(2016, 1, 1))
        terbit = min(start + datetime.timedelta(days=rng.randrange(1, 700)), datetime.date(2025, 12, 31))
        platforms = rng.sample(list(PLATFORM_URLS), rng.randint(1, 3))
        code = f"{rng.getrandbits(40):010x}"
        caption = (
            f"Sahabat pemilih, {judul.lower()}. {first['judul']} mengatur {obj.lower()}.\n"
            f"Baca selengkapnya di laman JDIH {KAB}.\n\n" + " ".join(rng.sample(HASHTAGS, 3))
        )
        gambar, _ = rng.choice(PNGS)
        post: dict[str, Any] = {
            "id": f"konten-{index + 1:05d}-{slugify(judul)[:40].strip('-')}",
            "judul": judul,
            "tanggal_terbit": terbit,
            "unggahan": [{"platform": p, "tautan": PLATFORM_URLS[p].format(c=code)} for p in platforms],
            "gambar": gambar,
            "teks_alternatif": f"Poster bertuliskan {judul}",
            "produk_hukum": about,
        }
        if rng.random() < 0.5:
            post["sop"] = rng.choice(sop_ids)
        if rng.random() < 0.6:
            steps = sorted(rng.sample(range(len(TAHAP) - 1), rng.randint(2, 5)))
            post["alur_kerja"] = [
                {
                    "tahap": TAHAP[step],
                    "oleh": f"{rng.choice(OFFICERS)} ({rng.choice(NAMES).split()[0]})",
                    "tanggal": terbit - datetime.timedelta(days=len(steps) - k),
                }
                for k, step in enumerate(steps)
            ]
        post["_md"] = caption if rng.random() < 0.3 else None
        if post["_md"] is None:
            post["caption"] = caption
        archive.konten.append(post)
        archive.titles.append(judul)
    synthesize_library(rng, archive, n_library)
    return archive


def synthesize_library(rng: random.Random, archive: Archive, counts: dict[str, int]) -> None:
    """Monografi, artikel and putusan: catalogued books and articles on the archive's topics, and putusan that test
    (menguji) produk hukum with every amar."""
    topics = [(p["_topic"], p["subjek"]) for p in archive.produk] or [("Pemilihan Umum", ["PEMILIHAN UMUM"])]
    monografi = []
    for index in range(counts["monografi"]):
        topic, subjects = rng.choice(topics)
        year = rng.randint(1995, 2025)
        place, publisher = rng.choice(PUBLISHERS)
        judul = f"Kajian {topic}"
        book: dict[str, Any] = {
            "id": f"monografi-{index + 1:05d}",
            "judul": judul,
            "pengarang": [rng.choice(NAMES)],
            "tempat_terbit": place,
            "penerbit": publisher,
            "tahun_terbit": year,
            "deskripsi_fisik": f"{rng.choice(['x', 'xii', 'xiv'])}, {rng.randint(80, 400)} hlm ; 21 cm.",
            "nomor_panggil": f"342.07 {rng.choice(NAMES)[:3].upper()} k",
            "subjek": list(subjects),
            "bidang_hukum": "Hukum Tata Negara",
        }
        if rng.random() < 0.6:
            publisher, title = rng.randint(100, 999), rng.randint(100, 999)
            book["isbn"] = f"978-602-{publisher}-{title}-{ean.calc_check_digit(f'978602{publisher}{title}')}"
        if rng.random() < 0.5:
            book["abstrak"] = f"Buku ini membahas {topic.lower()} dari sudut hukum tata negara dan praktik di {KAB}."
        book["_md"] = None
        monografi.append(book)
        archive.titles.append(judul)
    artikel = []
    for index in range(counts["artikel"]):
        topic, subjects = rng.choice(topics)
        judul = f"Catatan atas {topic}"
        article: dict[str, Any] = {
            "id": f"artikel-{index + 1:05d}",
            "judul": judul,
            "pengarang": [rng.choice(NAMES)],
            "sumber": {"nama": rng.choice(JOURNALS), "volume": str(rng.randint(1, 9)), "nomor": str(rng.randint(1, 4))},
            "tahun": rng.randint(2005, 2025),
            "subjek": list(subjects),
            "bidang_hukum": "Hukum Administrasi Negara",
            "_md": f"Artikel ini menelaah {topic.lower()}.\n\nPenulis mengusulkan perbaikan tata kelola.",
        }
        if rng.random() < 0.5:
            article["lampiran"] = rng.choice(PDFS)
        artikel.append(article)
        archive.titles.append(judul)
    putusan = []
    tested = [p for p in archive.produk if p["tahun"] >= 2000] or archive.produk
    for index in range(counts["putusan"]):
        peradilan, singkatan, badan, pattern = rng.choice(COURTS)
        target = rng.choice(tested)
        year = min(max(target["tahun"] + rng.randint(0, 2), 2000), 2025)
        nomor = pattern.format(n=index + 1, y=year)
        judul = f"Putusan {singkatan} Nomor {nomor} tentang Pengujian {target['_topic']}"
        decision: dict[str, Any] = {
            "id": f"putusan-{index + 1:05d}",
            "judul": judul,
            "jenis_peradilan": peradilan,
            "singkatan_jenis": singkatan,
            "teu_badan": badan,
            "nomor": nomor,
            "tahun": year,
            "jenis_perkara": "Sengketa Proses Pemilu",
            "para_pihak": [f"{rng.choice(NAMES)} (Pemohon)", f"{KAB} (Termohon)"],
            "tempat_peradilan": "Contoh",
            "tanggal_dibacakan": random_date(rng, year),
            "amar": rng.choice(AMAR),
            "berkekuatan_hukum_tetap": rng.random() < 0.7,
            "subjek": list(target["subjek"]),
            "bidang_hukum": "Hukum Acara",
            "relasi": {"menguji": [target["id"]]},
            "_md": None,
        }
        putusan.append(decision)
        archive.titles.append(judul)
    archive.library = {"monografi": monografi, "artikel": artikel, "putusan": putusan}
    for items in archive.library.values():
        for item in items:
            item["_library"] = True


def dump(data: dict[str, Any]) -> str:
    public = {key: value for key, value in data.items() if not key.startswith("_")}
    return yaml.safe_dump(public, allow_unicode=True, sort_keys=False, width=10_000)


def write_sop_jdih_project(root: Path, archive: Archive) -> None:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    shutil.copytree(REPO / "site_theme", root / "site_theme")
    (root / "sops").mkdir()
    for sop in sorted((REPO / "sops").glob("*.yaml")):
        shutil.copy2(sop, root / "sops" / sop.name)
    (root / "mkdocs.yml").write_text(SOP_JDIH_YML, encoding="utf-8")
    content = root / "content_archive"
    for folder in ("produk-hukum", "konten/gambar", "lampiran"):
        (content / folder).mkdir(parents=True)
    for path in PDFS + ABSTRAK_PDFS:
        (content / path).write_bytes(PDF)
    for path, rgb in PNGS:
        (content / path).write_bytes(png(rgb=rgb))
    for kind, items in (("produk-hukum", archive.produk), ("konten", archive.konten), *archive.library.items()):
        (content / kind).mkdir(exist_ok=True)
        for item in items:
            if item["_md"]:
                text = f"---\n{dump(item)}---\n{item['_md']}\n"
                (content / kind / f"{item['id']}.md").write_text(text, encoding="utf-8")
            else:
                (content / kind / f"{item['id']}.yaml").write_text(dump(item), encoding="utf-8")


def baseline_page(item: dict[str, Any], context: dict[str, Any]) -> str:
    """Plain Markdown with the same visible text as the item's sop-jdih page (labels, values, abstract, links),
    but none of its HTML, filters or JSON-LD: what a bare Material site would show for the same item."""
    if "_library" in item:
        return library_page(item, context)
    if "jenis" not in item:  # konten
        lines = [
            f"# {item['judul']}",
            "",
            f"Terbit {tanggal(item['tanggal_terbit'])} · {item['tanggal_terbit'].year}",
            "",
            f"![{item['teks_alternatif']}](https://example.invalid/{item['gambar']})",
            "",
            item.get("_md") or item["caption"],
            "",
            "## Diunggah di",
            "",
        ]
        lines += [f"- {u['platform']}: <{u['tautan']}>" for u in item["unggahan"]] + [
            "",
            "## Produk hukum yang dijelaskan",
            "",
        ]
        lines += [f"- [{context['titles'][i]}]({i}.md)" for i in item["produk_hukum"]] + [""]
        if item.get("sop"):
            lines += ["## SOP yang mengatur", "", context["sops"][item["sop"]], ""]
        if item.get("alur_kerja"):
            lines += ["## Catatan alur kerja", "", "| Tahap | Oleh | Tanggal | Catatan |", "|---|---|---|---|"]
            lines += [
                f"| {s['tahap'].capitalize()} | {s['oleh']} | {tanggal(s['tanggal'])} | |" for s in item["alur_kerja"]
            ]
        return "\n".join(lines) + "\n"
    revoked_by = context["revoked_by"].get(item["id"], [])
    status = "Tidak Berlaku" if revoked_by else item.get("status", "Berlaku")
    lines = [f"# {item['judul']}", "", f"**{status}**", ""]
    lines += [
        f"{label} [{context['titles'][target]}]({target}.md)  "
        for label, target in context["links"].get(item["id"], [])
    ]
    keterangan = item.get("keterangan_status") or "; ".join(f"Dicabut dengan {context['short'][i]}" for i in revoked_by)
    rows = [
        ("Tipe Dokumen", "Peraturan Perundang-undangan"),
        ("Judul", item["judul"]),
        ("T.E.U. Badan", item["teu_badan"]),
        ("Nomor", item["nomor"]),
        ("Jenis / Bentuk", item["jenis"]),
        ("Singkatan Jenis", item["singkatan_jenis"]),
        ("Tahun", item["tahun"]),
        ("Tempat Penetapan", item["tempat_penetapan"]),
        ("Tanggal Penetapan", tanggal(item.get("tanggal_penetapan"))),
        ("Tanggal Pengundangan", tanggal(item.get("tanggal_pengundangan"))),
        ("Sumber", item.get("sumber", "–")),
        ("Subjek", "<br>".join(item["subjek"])),
        ("Status", status),
        ("Keterangan Status", keterangan or "–"),
        ("Bahasa", "Indonesia"),
        ("Bidang Hukum", item["bidang_hukum"]),
        ("Lokasi", item.get("lokasi", "–")),
        ("Pemrakarsa", item.get("pemrakarsa", "–")),
        ("Penandatangan", item.get("penandatangan", "–")),
    ]
    lines += ["", "| | |", "|---|---|"] + [f"| {label} | {value} |" for label, value in rows] + [""]
    if "abstrak" in item:
        lines += [
            "## Abstrak",
            "",
            f"{', '.join(item['subjek'])} · {item['tahun']} · {item['singkatan_jenis']} "
            f"{item['nomor']} · {item['judul']}",
            "",
            "**ABSTRAK:**",
            "",
        ]
        lines += [f"- {p}" for p in item["abstrak"]["abstrak"]] + [""]
        if item["abstrak"].get("catatan"):
            lines += ["**CATATAN:**", ""] + [f"- {p}" for p in item["abstrak"]["catatan"]] + [""]
    if item.get("_md"):
        lines += ["## Uraian", "", item["_md"], ""]
    document = item.get("lampiran", {}).get("dokumen")
    if document:
        lines += ["## Dokumen", "", f"[Unduh dokumen (PDF)](https://example.invalid/{document})", ""]
        if not document.startswith("https://"):
            lines += ["Peramban ini tidak dapat menampilkan PDF di halaman; gunakan tautan unduh di atas.", ""]
    about = context["about"].get(item["id"], [])
    if about:
        lines += ["## Konten media sosial tentang produk hukum ini", ""]
        lines += [f"- [{context['titles'][i]}]({i}.md)" for i in about] + [""]
    return "\n".join(lines)


def library_page(item: dict[str, Any], context: dict[str, Any]) -> str:
    """A monografi, artikel or putusan as plain Markdown: its title, a table of its fields, its abstract and links."""
    lines = [f"# {item['judul']}", ""]
    for target in item.get("relasi", {}).get("menguji", []):
        lines += [f"Menguji [{context['titles'][target]}]({target}.md)", ""]
    rows = []
    for key, value in item.items():
        if key.startswith("_") or key in ("id", "relasi", "abstrak"):
            continue
        if isinstance(value, dict):
            value = " ".join(str(part) for part in value.values())
        elif isinstance(value, list):
            value = "<br>".join(value)
        elif isinstance(value, datetime.date):
            value = tanggal(value)
        rows.append((key.replace("_", " ").capitalize(), value))
    lines += ["| | |", "|---|---|"] + [f"| {label} | {value} |" for label, value in rows] + [""]
    abstract = item.get("_md") or item.get("abstrak")
    if abstract:
        lines += ["## Abstrak", "", abstract, ""]
    return "\n".join(lines)


def write_baseline_project(root: Path, archive: Archive, sop_titles: dict[str, str]) -> None:
    (root / "docs" / "items").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(HOME, encoding="utf-8")
    (root / "mkdocs.yml").write_text(BASELINE_YML, encoding="utf-8")
    names = {
        "mencabut": ("Mencabut", "Dicabut dengan"),
        "mengubah": ("Mengubah", "Diubah dengan"),
        "melaksanakan": ("Melaksanakan", "Dilaksanakan dengan"),
        "mencabut_sebagian": ("Mencabut sebagian", "Dicabut sebagian dengan"),
    }
    context: dict[str, Any] = {
        "titles": {item["id"]: item["judul"] for item in everything(archive)},
        "short": {p["id"]: f"{p['singkatan_jenis']} {p['nomor']} Tahun {p['tahun']}" for p in archive.produk},
        "sops": sop_titles,
        "links": {},
        "revoked_by": {},
        "about": {},
    }
    for item in archive.produk:
        for name, targets in item.get("relasi", {}).items():
            for target in targets:
                context["links"].setdefault(item["id"], []).append((names[name][0], target))
                context["links"].setdefault(target, []).append((names[name][1], item["id"]))
                if name == "mencabut":
                    context["revoked_by"].setdefault(target, []).append(item["id"])
    for post in archive.konten:
        for target in post["produk_hukum"]:
            context["about"].setdefault(target, []).append(post["id"])
    for decision in archive.library.get("putusan", []):
        for target in decision["relasi"]["menguji"]:
            context["links"].setdefault(target, []).append(("Diuji dengan", decision["id"]))
    for item in everything(archive):
        (root / "docs" / "items" / f"{item['id']}.md").write_text(baseline_page(item, context), encoding="utf-8")


def everything(archive: Archive) -> list[dict[str, Any]]:
    return archive.produk + archive.konten + [item for items in archive.library.values() for item in items]


def article_text(page: Path) -> int:
    """Characters of visible text in a page's article (what a reader reads), to show the two sites compare."""
    html = page.read_text(encoding="utf-8")
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", found.group(1) if found else html, flags=re.S)
    return len(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip())


# ---------------------------------------------------------------------------------------------------------------
# Running a build: wall clock, peak RSS (os.wait4), timestamped log lines
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Run:
    command: list[str]
    seconds: float
    max_rss_kb: int
    returncode: int
    lines: list[tuple[float, str]]  # (seconds since start, line) of the child's stdout+stderr
    own_rss_kb: int  # VmHWM of the child process alone (Linux /proc), without its children


def run_child(command: list[str], cwd: Path, log_file: Path, title: str) -> Run:
    with open(log_file, "a", encoding="utf-8") as log:
        log.write(f"\n===== {title}\n$ (cd {cwd} && {shlex.join(command)})\n")
        log.flush()
        lines: list[tuple[float, str]] = []
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )

        def pump() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                lines.append((time.perf_counter() - start, line.rstrip("\n")))
                log.write(f"[{lines[-1][0]:8.2f}s] {line}")

        own_peak = [0]  # VmHWM of the child itself (the Python process), sampled until it exits
        done = threading.Event()

        def sample() -> None:
            status_file = f"/proc/{child.pid}/status"
            while not done.is_set():
                try:
                    with open(status_file, encoding="ascii") as status_text:
                        for line in status_text:
                            if line.startswith("VmHWM:"):
                                own_peak[0] = max(own_peak[0], int(line.split()[1]))
                except OSError:
                    break
                done.wait(0.1)

        reader = threading.Thread(target=pump, daemon=True)
        sampler = threading.Thread(target=sample, daemon=True)
        reader.start()
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        child.returncode = os.waitstatus_to_exitcode(status)
        reader.join()
        sampler.join()
        log.write(
            f"===== exit {child.returncode}, {seconds:.2f} s, ru_maxrss {usage.ru_maxrss} KB, "
            f"VmHWM of the process itself {own_peak[0]} KB\n"
        )
    return Run(command, seconds, usage.ru_maxrss, child.returncode, lines, own_peak[0])


def mkdocs_build(project: Path, log_file: Path, title: str, quiet: bool = True, profile: Path | None = None) -> Run:
    command = [sys.executable]
    if profile:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "mkdocs", "build"] + (["-q"] if quiet else [])
    run = run_child(command, project, log_file, title)
    if run.returncode != 0:
        tail = "\n".join(line for _, line in run.lines[-30:])
        sys.exit(f"{title} failed (exit {run.returncode}); see {log_file}\n{tail}")
    return run


def first_line(run: Run, pattern: str) -> tuple[float, re.Match[str]] | None:
    for at, line in run.lines:
        found = re.search(pattern, line)
        if found:
            return at, found
    return None


# ---------------------------------------------------------------------------------------------------------------
# Measuring the output
# ---------------------------------------------------------------------------------------------------------------


def tree_size(folder: Path) -> tuple[int, int, int]:
    """(bytes, files, html files) under folder."""
    total = files = html = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
            files += 1
            html += name.endswith(".html")
    return total, files, html


def common_title_word(titles: list[str]) -> str:
    stop = {"tentang", "nomor", "tahun", "atas", "dalam", "pada", "bagi", "serta"}
    words = Counter(word for title in titles for word in set(re.findall(r"[a-z]+", title.lower())) if len(word) >= 5)
    return next(word for word, _ in words.most_common() if word not in stop)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@dataclass
class SearchDownload:
    url: str
    results: int
    search_bytes: int  # responses under /pagefind/
    search_requests: int
    search_bytes_gzip: int
    page_bytes: int  # everything else from the site (HTML, CSS, JS, fonts, images)
    page_requests: int
    page_bytes_gzip: int  # the same if the server gzipped text (GitHub Pages does)
    blocked: list[str]
    check_body_bytes: int  # sum of len(response.body()) over the same responses, as a cross-check
    parts: Counter[str]  # search-only bytes by kind of Pagefind file


SEARCH_SCRIPTS = ("/assets/sop-jdih/cari.js", "/assets/sop-jdih/pencari.js")  # the search page's own UI
SEARCH_WORDS = "/indeks-cari/"  # roots of typed words and the jenis of citations, which pencari.js reads
RESULT = ".sj-cari-hasil__butir"  # one result on the search page


def search_part(url: str) -> str | None:
    """Which kind of search download a response is (Pagefind's files or the search page's script), or None."""
    path = url.split("?")[0]
    if path.endswith(SEARCH_SCRIPTS):
        return "UI (cari.js, pencari.js)"
    if SEARCH_WORDS in path:
        return "roots+jenis (indeks-cari/)"
    if "/pagefind/" not in path:
        return None
    path = path.split("/pagefind/", 1)[1]
    if path in ("pagefind.js", "pagefind-worker.js") or path.startswith("wasm."):
        return "pagefind.js+worker+wasm"
    for prefix, name in (("fragment/", "fragments"), ("index/", "index chunks"), ("filter/", "filters")):
        if path.startswith(prefix):
            return name
    return "entry+meta" if path.startswith(("pagefind-entry", "pagefind.")) else path


def first_search(site: Path, query: str) -> SearchDownload:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/cari/?q={query}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                    # no network here: fail outside hosts (Google Fonts) at once instead of waiting on DNS
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                ],
            )
            context = browser.new_context()  # fresh profile: empty cache
            page = context.new_page()
            responses: list[Any] = []
            failed: list[str] = []
            page.on("response", lambda response: responses.append(response))
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.goto(url, wait_until="load")
            page.wait_for_selector(RESULT, timeout=60_000)
            seen, quiet_since = -1, time.monotonic()
            while time.monotonic() - quiet_since < 1.5:  # until no new response for 1.5 s
                page.wait_for_timeout(250)
                if len(responses) != seen:
                    seen, quiet_since = len(responses), time.monotonic()
            results = page.locator(RESULT).count()
            search = [0, 0, 0]  # bytes, requests, bytes if text were gzipped
            own = [0, 0, 0]
            check = 0
            parts: Counter[str] = Counter()
            for response in responses:
                if not response.url.startswith("http://127.0.0.1"):
                    continue
                response.finished()
                body = response.body()
                check += len(body)
                # Encoded body size as the network layer saw it; Chromium reports 0 for a worker's script
                # (pagefind-worker.js), so fall back to the body's length there (no compression on this server).
                size = response.request.sizes()["responseBodySize"] or len(body)
                textual = re.search(r"\.(html|css|js|json|svg)$|/$", response.url.split("?")[0])
                zipped = len(gzip.compress(body, 6)) if textual else size
                part = search_part(response.url)
                bucket = own if part is None else search
                if part is not None:
                    parts[part] += size
                bucket[0] += size
                bucket[1] += 1
                bucket[2] += zipped
            browser.close()
    finally:
        server.shutdown()
    return SearchDownload(url, results, search[0], search[1], search[2], own[0], own[1], own[2], failed, check, parts)


def hardening_seconds(site: Path) -> float:
    """harden() (CSP and rel) over every built HTML page, timed alone: its share of the render."""
    pages = [page.read_text(encoding="utf-8") for page in site.rglob("*.html") if "pagefind" not in page.parts]
    policy = Policy()
    start = time.perf_counter()
    for page in pages:
        harden(page, "https://sop-jdih.example.org/", policy)
    return time.perf_counter() - start


def top_profile(profile: Path, limit: int = 25) -> str:
    """The top functions from generator/ and mkdocs/ by cumulative time."""
    stats = pstats.Stats(str(profile))
    rows = []
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        for marker in ("/generator/", "/mkdocs/", "/material/"):
            if marker in filename:
                short = filename[filename.index(marker) + 1 :]
                rows.append((cumulative, calls, f"{short}:{line}({name})"))
                break
    rows.sort(reverse=True)
    out = [f"    {'cumulative s':>12}  {'calls':>9}  function"]
    out += [f"    {cumulative:12.2f}  {calls:9d}  {where}" for cumulative, calls, where in rows[:limit]]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Serve latency: a real `mkdocs serve` (the command `make serve` runs), one edit on disk, the served page polled
# ---------------------------------------------------------------------------------------------------------------

SERVE_POLL = 0.05  # seconds between two requests for the edited page
SERVE_TIMEOUT = 120.0  # an edit not seen by then is reported as a timeout (--serve-timeout)
SERVE_START_TIMEOUT = 1800.0  # the first build of a large archive


@dataclass
class Edit:
    kind: str  # what was edited, as the table names it
    path: Path  # the file written
    text: str  # its new content
    page: str  # the served page that must show the edit
    expect: str  # text that is on that page once the edit is in


@dataclass
class ServeLatency:
    command: list[str]
    startup: float  # from start until the first page was served (the first full build)
    seconds: dict[str, list[float | None]]  # per kind of edit, each repeat (None: not seen within the timeout)
    logs: dict[str, list[str]]  # per kind, the server's log lines of the first repeat, stamped from the write


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    """The page's HTML, or None while the server is not up (MkDocs holds a request until a rebuild is done)."""
    try:
        with urllib.request.urlopen(url, timeout=SERVE_START_TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except (OSError, urllib.error.URLError):
        return None


def rewrite_yaml(path: Path, change: Any) -> str:
    """The file's YAML after change(data), written the way the generator of this benchmark writes items."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    return dump(data)


def serve_edits(project: Path, token: str, repeat: int) -> list[Edit]:
    """One edit of each kind, on the files as they are on disk (so --serve-only works on any earlier workdir):
    an archive item's title, an SOP step's kegiatan, and a new relation (`mengubah`) that the target's page shows."""
    produk = project / "content_archive" / "produk-hukum"
    files = sorted(produk.glob("*.yaml"))
    middle = len(files) // 2
    item = files[middle + repeat]
    marker = f"Latensi{token}r{repeat}"
    title = Edit(
        "judul item arsip",
        item,
        rewrite_yaml(item, lambda data: data.update(judul=f"{data['judul']} {marker}")),
        f"/produk-hukum/{item.stem}/",
        marker,
    )

    sop = sorted((project / "sops").glob("*.yaml"))[0]
    lines = sop.read_text(encoding="utf-8").splitlines(keepends=True)
    step = next(i for i, line in enumerate(lines) if re.fullmatch(r"\s+kegiatan: [^\s'\">|&*!].*\n", line))
    lines[step] = lines[step].rstrip("\n") + f" {marker}\n"
    sop_id = yaml.safe_load(sop.read_text(encoding="utf-8"))["id"]
    kegiatan = Edit("kegiatan langkah SOP", sop, "".join(lines), f"/sop/{sop_id}/", marker)

    # A later item without relations amends an earlier one of the same jenis: the earlier item's page lists it.
    sample = [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in files[:: max(1, len(files) // 500)]]

    def earlier(data: dict[str, Any]) -> dict[str, Any] | None:
        same = data["singkatan_jenis"]
        return next((o for _, o in sample if o["singkatan_jenis"] == same and o["tahun"] < data["tahun"]), None)

    pairs = [(path, data, earlier(data)) for path, data in reversed(sample) if "relasi" not in data]
    source_path, source, target = [pair for pair in pairs if pair[2]][repeat]
    relation = Edit(
        "relasi baru (halaman sasaran)",
        source_path,
        rewrite_yaml(source_path, lambda data: data.update(relasi={"mengubah": [target["id"]]})),
        f"/produk-hukum/{target['id']}/",
        f"/{source['id']}/",
    )
    return [title, kegiatan, relation]


def serve_latency(project: Path, log_file: Path, repeats: int, timeout: float = SERVE_TIMEOUT) -> ServeLatency:
    """Start `mkdocs serve --dirty --livereload` on the project, wait for its first build, then time each edit from
    the write until the served page shows it. Repeats edit other items (and the SOP step again); the edited files
    are put back as they were once the server has stopped."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    base = f"http://127.0.0.1:{port}"
    token = f"{random.Random().getrandbits(32):08x}"
    lines: list[tuple[float, str]] = []
    seconds: dict[str, list[float | None]] = {}
    logs: dict[str, list[str]] = {}
    originals: dict[Path, bytes] = {}
    with open(log_file, "a", encoding="utf-8") as log:
        log.write(f"\n===== mkdocs serve\n$ (cd {project} && {shlex.join(command)})\n")
        log.flush()
        start = time.perf_counter()
        child = subprocess.Popen(
            command, cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )

        def pump() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                lines.append((time.perf_counter(), line.rstrip("\n")))
                log.write(f"[{lines[-1][0] - start:8.2f}s] {line}")
                log.flush()

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        try:
            while fetch(base + "/") is None:
                if child.poll() is not None or time.perf_counter() - start > SERVE_START_TIMEOUT:
                    tail = "\n".join(line for _, line in lines[-30:])
                    sys.exit(f"mkdocs serve did not start (exit {child.poll()}); see {log_file}\n{tail}")
                time.sleep(0.5)
            startup = time.perf_counter() - start
            time.sleep(2)  # let the observer take its first snapshot of the watched folders
            for repeat in range(repeats):
                for edit in serve_edits(project, token, repeat):
                    originals.setdefault(edit.path, edit.path.read_bytes())
                    page = base + edit.page
                    if edit.expect in (fetch(page) or ""):
                        sys.exit(f"{edit.page} already shows {edit.expect!r}: pick another edit")
                    took, written = wait_for(edit.path, edit.text, page, edit.expect, timeout)
                    seconds.setdefault(edit.kind, []).append(took)
                    if took is None:  # still let that rebuild finish: the next edit starts from a quiet server
                        wait_for(None, "", page, edit.expect, SERVE_START_TIMEOUT)
                    # The page is served once the rebuild is done; its last log lines may still be in the pipe.
                    reloaded = time.perf_counter() + 5
                    while time.perf_counter() < reloaded and not any(
                        at >= written and "Reloading browsers" in line for at, line in lines
                    ):
                        time.sleep(SERVE_POLL)
                    if repeat == 0:
                        logs[edit.kind] = [f"+{at - written:6.2f} s  {line}" for at, line in lines if at >= written]
        finally:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            reader.join(timeout=10)
            for path, content in originals.items():  # the project as it was, once the server is gone
                path.write_bytes(content)
    return ServeLatency(command, startup, seconds, logs)


def wait_for(path: Path | None, text: str, page: str, expect: str, timeout: float) -> tuple[float | None, float]:
    """Write text to path (if any), poll page until it contains expect: (seconds, or None after the timeout; the
    write's time)."""
    written = time.perf_counter()
    if path is not None:
        path.write_text(text, encoding="utf-8")
    while time.perf_counter() - written < timeout:
        if expect in (fetch(page) or ""):
            return time.perf_counter() - written, written
        time.sleep(SERVE_POLL)
    return None, written


def serve_rows(serve: ServeLatency) -> list[tuple[str, str, str, str]]:
    rows = [("serve: first build until served", f"{serve.startup:.1f} s", "", "")]
    for kind, times in serve.seconds.items():
        seen = [t for t in times if t is not None]
        each = ", ".join("timeout" if t is None else f"{t:.1f}" for t in times)
        median = f"{statistics.median(seen):.1f} s" if seen else "timeout"
        ok = bool(seen) and len(seen) == len(times) and statistics.median(seen) <= 3
        rows.append(
            (f"  save → page shows it: {kind} (median; each)", f"{median} ({each})", "", f"≤ 3 s  {verdict(ok)}")
        )
    return rows


def print_serve_log(serve: ServeLatency) -> None:
    print(f"mkdocs serve: {shlex.join(serve.command)}; page polled every {SERVE_POLL * 1000:.0f} ms")
    for kind, lines in serve.logs.items():
        print(f"  server log after the first '{kind}' edit (seconds from the write):")
        for line in lines[:12]:
            print(f"    {line}")
        if len(lines) > 12:
            print(f"    … {len(lines) - 12} more lines")


# ---------------------------------------------------------------------------------------------------------------
# Content-only CI: the commands of the workflow's content path, in a fresh copy (cold .cache/) and again (warm)
# ---------------------------------------------------------------------------------------------------------------

SOP_JDIH = Path(sys.executable).with_name("sop-jdih")  # the console script of this venv


@dataclass
class CiRun:
    name: str
    steps: list[tuple[str, Run]]

    @property
    def seconds(self) -> float:
        return sum(run.seconds for _, run in self.steps)

    @property
    def failed(self) -> list[str]:
        return [name for name, run in self.steps if run.returncode != 0]


def content_ci(project: Path, log_file: Path, name: str) -> CiRun:
    """`sop-jdih check`, `mkdocs build --strict`, `sop-jdih check --site`: what a content-only push runs."""
    commands = [
        ("check", [str(SOP_JDIH), "check"]),
        ("build --strict", [sys.executable, "-m", "mkdocs", "build", "--strict"]),
        ("check --site", [str(SOP_JDIH), "check", "--site"]),
    ]
    print(f"content-only CI: {name} …", flush=True)
    return CiRun(
        name, [(label, run_child(command, project, log_file, f"CI {name}: {label}")) for label, command in commands]
    )


def ci_figures(project: Path, workdir: Path, log_file: Path) -> list[CiRun]:
    """The content-only job on the synthetic project and on the repository's own example site: each first in a fresh
    copy without .cache/ (a clone with no Actions cache), then after a content edit with the .cache/ the first run
    left (a clone whose Actions cache was restored)."""
    runs = []
    synthetic = workdir / "ci-sintetis"
    shutil.rmtree(synthetic, ignore_errors=True)
    shutil.copytree(
        project,
        synthetic,
        ignore=lambda folder, names: {"site", ".cache"} & set(names) if folder == str(project) else [],
    )
    runs.append(content_ci(synthetic, log_file, "synthetic archive, cold .cache/"))
    item = sorted((synthetic / "content_archive" / "produk-hukum").glob("*.yaml"))[0]
    item.write_text(rewrite_yaml(item, lambda data: data.update(judul=data["judul"] + " (diubah)")), encoding="utf-8")
    shutil.rmtree(synthetic / "site", ignore_errors=True)  # a strict build that failed left none
    runs.append(content_ci(synthetic, log_file, "synthetic archive, warm .cache/, one title edited"))
    example = workdir / "ci-contoh"
    shutil.rmtree(example, ignore_errors=True)
    subprocess.run(["git", "clone", "-q", str(REPO), str(example)], check=True)
    runs.append(content_ci(example, log_file, "repository's example site, cold .cache/"))
    shutil.rmtree(example / "site", ignore_errors=True)
    runs.append(content_ci(example, log_file, "repository's example site, warm .cache/"))
    return runs


def ci_rows(runs: list[CiRun]) -> list[tuple[str, str, str, str]]:
    rows = [("content-only CI: check + build --strict + check --site", "", "", "")]
    for run in runs:
        parts = " + ".join(f"{step.seconds:.1f}" for _, step in run.steps)
        failed = f"  FAILED: {', '.join(run.failed)}" if run.failed else ""
        rows.append((f"  {run.name}", f"{run.seconds:.1f} s ({parts}){failed}", "", ""))
    return rows


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def pagefind_alone(site: Path, workdir: Path, log_file: Path) -> Run:
    """Pagefind run by itself on a built site, into a folder removed afterwards: its time and peak memory."""
    pf_out = workdir / "pagefind-separate"
    shutil.rmtree(pf_out, ignore_errors=True)
    pagefind = run_child(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(pf_out)],
        workdir,
        log_file,
        "Pagefind alone on the built site",
    )
    shutil.rmtree(pf_out, ignore_errors=True)
    return pagefind


def memory_and_size(sop_dir: Path, workdir: Path, log_file: Path, items: int) -> None:
    """--memory-only: one build, then Pagefind alone on its site; peaks and size, to see how they grow with N."""
    print("building sop-jdih (-q) …", flush=True)
    build = mkdocs_build(sop_dir, log_file, "sop-jdih build (-q)")
    site = sop_dir / "site"
    pagefind = pagefind_alone(site, workdir, log_file)
    site_bytes, files, html = tree_size(site)
    pagefind_bytes = tree_size(site / "pagefind")[0]
    print()
    print(f"items                                {items:,}")
    print(f"build, wall clock (mkdocs build -q)  {build.seconds:.1f} s")
    print(f"peak RSS of the build (ru_maxrss)    {build.max_rss_kb * 1024 / MB:,.1f} MB")
    print(f"  the Python process alone (VmHWM)   {build.own_rss_kb * 1024 / MB:,.1f} MB")
    print(f"  Pagefind alone (ru_maxrss)         {pagefind.max_rss_kb * 1024 / MB:,.1f} MB ({pagefind.seconds:.1f} s)")
    print(f"site size                            {site_bytes / MB:,.1f} MB, {files:,} files ({html:,} HTML)")
    print(f"  of which pagefind/                 {pagefind_bytes / MB:,.1f} MB")
    print()


# ---------------------------------------------------------------------------------------------------------------


def only_serve_or_ci(args: argparse.Namespace) -> int:
    """--serve-only / --ci-only: one part, on the synthetic project an earlier run left in the workdir."""
    if args.workdir is None or not (args.workdir / "sop-jdih" / "mkdocs.yml").is_file():
        sys.exit("--serve-only and --ci-only need --workdir of an earlier run (with its sop-jdih/ project)")
    workdir = args.workdir.resolve()
    sop_dir, log_file = workdir / "sop-jdih", workdir / "mkdocs.log"
    print(f"workdir:  {workdir}  (MkDocs output: {log_file})")
    rows: list[tuple[str, str, str, str]] = [("", "sop-jdih", "", "")]
    serve = None
    if args.ci_only:
        rows += ci_rows(ci_figures(sop_dir, workdir, log_file))
    if args.serve_only:
        print("mkdocs serve: first build, then edits …", flush=True)
        serve = serve_latency(sop_dir, log_file, args.serve_repeats, args.serve_timeout)
        rows += serve_rows(serve)
    print_table(rows)
    if serve:
        print_serve_log(serve)
    return 0


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    print()
    for row in rows:
        print(
            "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)).rstrip()
        )
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000, help="archive items to generate (default 10000)")
    parser.add_argument("--workdir", type=Path, help="where to write the projects (default: a new temp dir, kept)")
    parser.add_argument("--query", help="search word for the browser (default: the commonest title word)")
    parser.add_argument(
        "--profile", action="store_true", help="also run a third sop-jdih build under cProfile and print its top"
    )
    parser.add_argument(
        "--memory-only",
        action="store_true",
        help="only one sop-jdih build, Pagefind alone, peak RSS and site size (no baseline, 2nd build or browser)",
    )
    parser.add_argument(
        "--serve-only",
        action="store_true",
        help="only the serve latency, on the project an earlier run left in --workdir",
    )
    parser.add_argument(
        "--ci-only",
        action="store_true",
        help="only the content-only CI figures, on the project an earlier run left in --workdir",
    )
    parser.add_argument("--serve-repeats", type=int, default=3, help="edits of each kind under serve (default 3)")
    parser.add_argument(
        "--serve-timeout",
        type=float,
        default=SERVE_TIMEOUT,
        help=f"seconds an edit may take under serve before it counts as a timeout (default {SERVE_TIMEOUT:.0f})",
    )
    args = parser.parse_args()
    if args.serve_only or args.ci_only:
        return only_serve_or_ci(args)
    started = time.perf_counter()
    command = shlex.join(
        [os.path.relpath(sys.executable) if sys.executable.startswith(os.getcwd()) else sys.executable, *sys.argv]
    )
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="sop-jdih-bench-"))).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    sop_dir, base_dir, log_file = workdir / "sop-jdih", workdir / "baseline", workdir / "mkdocs.log"
    for old in (sop_dir, base_dir):
        shutil.rmtree(old, ignore_errors=True)
    log_file.write_text("", encoding="utf-8")
    print(f"command:  {command}")
    print(f"workdir:  {workdir}  (MkDocs output: {log_file})")

    # 1. synthetic archive
    t = time.perf_counter()
    sops = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "sops").glob("*.yaml"))]
    archive = synthesize(args.items, [sop["id"] for sop in sops])
    write_sop_jdih_project(sop_dir, archive)
    if not args.memory_only:
        write_baseline_project(base_dir, archive, {sop["id"]: sop["nama_sop"] for sop in sops})
    relations = Counter(k for item in archive.produk for k in item.get("relasi", {}))
    print(
        f"generated {len(archive.produk)} produk hukum + {len(archive.konten)} konten + "
        + " + ".join(f"{len(items)} {key}" for key, items in archive.library.items())
        + f" (seed {SEED}; "
        f"relations {dict(relations)}) in {time.perf_counter() - t:.1f} s"
    )
    query = args.query or common_title_word(archive.titles)
    if args.memory_only:
        memory_and_size(sop_dir, workdir, log_file, args.items)
        print(f"benchmark run time: {time.perf_counter() - started:.0f} s")
        return 0

    # 2-4. builds
    print("building sop-jdih (1st, -q) …", flush=True)
    first = mkdocs_build(sop_dir, log_file, "sop-jdih build 1 (-q)")
    print("building baseline (-q) …", flush=True)
    base = mkdocs_build(base_dir, log_file, "baseline build (-q)")
    print("building sop-jdih (2nd, unchanged, logging) …", flush=True)
    second = mkdocs_build(sop_dir, log_file, "sop-jdih build 2 (unchanged)", quiet=False)
    drawn = first_line(second, r"sop-jdih: .*?(\d+) bagan alur digambar, (\d+) berkas berubah")
    cleaning = first_line(second, r"Cleaning site directory")
    pagefind_line = first_line(second, r"indeks pencarian Pagefind: (.*)")

    site = sop_dir / "site"
    pagefind = pagefind_alone(site, workdir, log_file)
    hardening = hardening_seconds(site)

    profile_text = None
    if args.profile:
        print("building sop-jdih (3rd, under cProfile) …", flush=True)
        profile = workdir / "sop-jdih.prof"
        profiled = mkdocs_build(sop_dir, log_file, "sop-jdih build 3 (cProfile)", profile=profile)
        profile_text = f"cProfile of a sop-jdih build ({profiled.seconds:.1f} s under the profiler; {profile}):\n"
        profile_text += top_profile(profile)

    # 5. outputs
    sop_bytes, sop_files, sop_html = tree_size(site)
    base_bytes, base_files, base_html = tree_size(base_dir / "site")
    sample = archive.produk[len(archive.produk) // 2]["id"]
    sample_page = site / "produk-hukum" / sample / "index.html"
    produk_pages = [(site / "produk-hukum" / p["id"] / "index.html").stat().st_size for p in archive.produk]
    every = archive.produk[:: max(1, len(archive.produk) // 200)]  # ~200 produk pages
    text_sop = statistics.mean(article_text(site / "produk-hukum" / p["id"] / "index.html") for p in every)
    text_base = statistics.mean(article_text(base_dir / "site" / "items" / p["id"] / "index.html") for p in every)
    base_item = (base_dir / "site" / "items" / sample / "index.html").stat().st_size
    print(f"opening {query!r} in Chromium …", flush=True)
    search = first_search(site, query)
    ci = ci_figures(sop_dir, workdir, log_file)
    print("mkdocs serve: first build, then edits …", flush=True)
    serve = serve_latency(sop_dir, log_file, args.serve_repeats, args.serve_timeout)

    # 6. the table
    def kb(n: float) -> str:
        return f"{n / KB:,.1f} KB"

    def mb(n: float) -> str:
        return f"{n / MB:,.1f} MB"

    ratio = first.seconds / base.seconds
    rows: list[tuple[str, str, str, str]] = [
        ("", "sop-jdih", "baseline", "target"),
        ("build, wall clock (mkdocs build -q)", f"{first.seconds:.1f} s", f"{base.seconds:.1f} s", ""),
        ("  ratio sop-jdih / baseline", f"{ratio:.2f}", "", f"≤ 1.3  {verdict(ratio <= 1.3)}"),
        ("  2nd build, unchanged (logging)", f"{second.seconds:.1f} s", "", ""),
    ]
    if cleaning and drawn and pagefind_line:
        rest = pagefind_line[0] - drawn[0]
        rows += [
            ("    start + load/validate archive", f"{cleaning[0]:.1f} s", "", ""),
            ("    collect files + generate pages", f"{drawn[0] - cleaning[0]:.1f} s", "", ""),
            ("    MkDocs render/write + Pagefind", f"{rest:.1f} s", "", ""),
            ("      of which Pagefind (run alone)", f"{pagefind.seconds:.1f} s", "", ""),
            ("      so MkDocs render/write ≈", f"{max(rest - pagefind.seconds, 0):.1f} s", "", ""),
            ("        of which hardening (run alone)", f"{hardening:.1f} s", "", ""),
        ]
    rows += [
        ("peak RSS of the build (ru_maxrss)", mb(first.max_rss_kb * 1024), mb(base.max_rss_kb * 1024), ""),
        ("  the Python process alone (VmHWM)", mb(first.own_rss_kb * 1024), mb(base.own_rss_kb * 1024), ""),
        ("  Pagefind alone", mb(pagefind.max_rss_kb * 1024), "", ""),
        ("site size", mb(sop_bytes), mb(base_bytes), f"≤ 400 MB  {verdict(sop_bytes <= 400 * MB)}"),
        ("  files (HTML pages)", f"{sop_files:,} ({sop_html:,})", f"{base_files:,} ({base_html:,})", ""),
        (
            f"  visible text per produk page, mean of {len(every)}",
            f"{text_sop:,.0f} chars",
            f"{text_base:,.0f} chars",
            "",
        ),
        (
            f"one produk hukum page ({sample})",
            kb(sample_page.stat().st_size),
            kb(base_item),
            f"≤ 25 KB  {verdict(sample_page.stat().st_size <= 25 * KB)}",
        ),
        (
            "  all produk pages: median / max",
            f"{kb(statistics.median(produk_pages))} / {kb(max(produk_pages))}",
            "",
            f"≤ 25 KB  {verdict(max(produk_pages) <= 25 * KB)}",
        ),
        (
            f"first search ?q={query}: search-only bytes",
            f"{kb(search.search_bytes)} ({search.search_requests} req)",
            "",
            f"≤ 300 KB  {verdict(search.search_bytes <= 300 * KB)}",
        ),
        ("  search-only if text were gzipped", kb(search.search_bytes_gzip), "", ""),
        ("  page's own HTML/CSS/JS/images", f"{kb(search.page_bytes)} ({search.page_requests} req)", "", ""),
        ("  page total (as served, no gzip)", kb(search.search_bytes + search.page_bytes), "", ""),
        ("  page total if text were gzipped", kb(search.search_bytes_gzip + search.page_bytes_gzip), "", ""),
        ("  results shown", str(search.results), "", ""),
        ("bagan alur drawn on the 2nd build", drawn[1].group(1) if drawn else "?", "", ""),
        ("  staged files changed on the 2nd build", drawn[1].group(2) if drawn else "?", "", ""),
    ]
    rows += ci_rows(ci)
    rows += serve_rows(serve)
    print_table(rows)
    library = "".join(f", {len(items)} {key}" for key, items in archive.library.items())
    print(f"items: {args.items} ({len(archive.produk)} produk hukum, {len(archive.konten)} konten{library})")
    print(f"sop-jdih build:  (cd {sop_dir} && {shlex.join(first.command)})")
    print(f"baseline build:  (cd {base_dir} && {shlex.join(base.command)})")
    print(f"Pagefind alone:  {shlex.join(pagefind.command)}")
    if pagefind_line:
        print(f"Pagefind (plugin log): {pagefind_line[1].group(1)}")
    print(
        "peak RSS: ru_maxrss from os.wait4() on the build process (largest of it and its waited-for children);"
        " 1 MB = 10^6 bytes, 1 KB = 1000 bytes"
    )
    print(
        f"first search: {search.url} in /usr/bin/chromium (fresh context); bytes = request.sizes()"
        "['responseBodySize'] (encoded body) of every response from the local server (len(response.body()) where "
        "Chromium reports 0: the worker script); gzip figures compress HTML/CSS/JS/JSON at level 6; "
        f"cross-check sum of len(response.body()) = {kb(search.check_body_bytes)}"
    )
    print("  search-only by part: " + ", ".join(f"{name} {kb(n)}" for name, n in search.parts.most_common()))
    if search.blocked:
        hosts = sorted({re.sub(r"^\w+://([^/]+).*", r"\1", u) for u in search.blocked})
        print(f"  {len(search.blocked)} requests failed (not counted): {', '.join(hosts)}")
    print_serve_log(serve)
    if profile_text:
        print()
        print(profile_text)
    print()
    print(f"benchmark run time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
