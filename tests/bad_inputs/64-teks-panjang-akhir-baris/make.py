"""A Markdown item saved with Windows line ends (accepted) whose body holds a raw paragraph separator (U+2029)."""

from pathlib import Path

ITEM = """---
id: uraian-pemisah
jenis: Keputusan Komisi Pemilihan Umum Kabupaten Uji
singkatan_jenis: KEPKAB
nomor: 9/HK.03.1-Kpt/3300/2025
tahun: 2025
judul: Penetapan Pejabat Pengelola Informasi dan Dokumentasi
teu_badan: Komisi Pemilihan Umum Kabupaten Uji
tempat_penetapan: Kota Uji
tanggal_penetapan: 2025-01-06
subjek: [PPID]
bidang_hukum: Hukum Administrasi Negara
---
Paragraf pertama uraian.

Paragraf kedua\u2029paragraf ketiga.
"""


def make(root: Path) -> None:
    path = root / "content_archive" / "produk-hukum" / "uraian-pemisah.md"
    path.write_bytes(ITEM.replace("\n", "\r\n").encode("utf-8"))
