"""A small JDIH archive written into a tmp project: three produk hukum with relations, two konten; putusan to add."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

UU = """\
# yaml-language-server: $schema=../schema/produk-hukum.json
id: uu-7-2017
jenis: Undang-Undang
singkatan_jenis: UU
nomor: "7"
tahun: 2017
judul: Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum
teu_badan: Indonesia. Pemerintah Pusat
tempat_penetapan: Jakarta
tanggal_penetapan: 2017-08-15
tanggal_pengundangan: 2017-08-16
sumber: LN 2017 (182)
subjek: [PEMILIHAN UMUM, PENYELENGGARA PEMILU]
bidang_hukum: Hukum Tata Negara
abstrak:
  abstrak:
    - Bahwa pemilihan umum diselenggarakan secara langsung, umum, bebas, rahasia, jujur dan adil.
  catatan:
    - Undang-Undang ini mulai berlaku pada tanggal diundangkan.
"""

KEPUTUSAN_LAMA = """\
id: kepkab-12-2022
jenis: Keputusan Komisi Pemilihan Umum Kabupaten Uji
singkatan_jenis: KEPKAB
nomor: 12/HK.03.1-Kpt/3300/2022
tahun: 2022
judul: Penetapan Tim Pengelola JDIH Tahun 2022
teu_badan: Komisi Pemilihan Umum Kabupaten Uji
tempat_penetapan: Kota Uji
tanggal_penetapan: 2022-02-01
subjek: [JDIH]
bidang_hukum: Hukum Administrasi Negara
"""

KEPUTUSAN_BARU = """\
id: kepkab-5-2024
jenis: Keputusan Komisi Pemilihan Umum Kabupaten Uji
singkatan_jenis: KEPKAB
nomor: 5/HK.03.1-Kpt/3300/2024
tahun: 2024
judul: Penetapan Tim Pengelola JDIH Tahun 2024
teu_badan: Komisi Pemilihan Umum Kabupaten Uji
tempat_penetapan: Kota Uji
tanggal_penetapan: 2024-03-04
subjek: [JDIH]
bidang_hukum: Hukum Administrasi Negara
lampiran:
  dokumen: lampiran/kepkab-5-2024.pdf
relasi:
  mencabut: [kepkab-12-2022]
  melaksanakan: [uu-7-2017]
"""

KONTEN_MD = """\
---
id: kenali-uu-pemilu
judul: Kenali UU Pemilu
tanggal_terbit: 2024-05-02
unggahan:
  - platform: Instagram
    tautan: https://www.instagram.com/p/UJI123/
  - platform: Facebook
    tautan: https://www.facebook.com/kpuuji/posts/1
gambar: konten/gambar/kenali-uu-pemilu.png
teks_alternatif: Poster biru bertuliskan Kenali UU Pemilu
produk_hukum: [uu-7-2017]
sop: uji-persetujuan
alur_kerja:
  - {tahap: disposisi, oleh: Sekretaris (Siti), tanggal: 2024-04-29}
  - {tahap: unggah, oleh: Pengelola JDIH (Rina), tanggal: 2024-05-02}
---
Sahabat pemilih, kenali dasar penyelenggaraan pemilihan umum.
Baca selengkapnya di laman JDIH.

#JDIHKPU #KPUMelayani
"""

KONTEN_YAML = """\
id: tim-jdih-baru
judul: Tim JDIH yang baru
tanggal_terbit: 2024-03-10
caption: Tim pengelola JDIH tahun 2024 telah ditetapkan.
unggahan:
  - platform: X
    tautan: https://x.com/kpuuji/status/2
gambar: konten/gambar/tim-jdih-baru.png
teks_alternatif: Foto tim pengelola JDIH
produk_hukum: [kepkab-5-2024]
"""

# The smallest valid one-page PDF: enough for a browser to open and for the site to publish.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (30, 80, 160)) -> bytes:
    """A solid-colour PNG, written by hand so the tests need no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write_archive(root: Path, extra: dict[str, str] | None = None) -> Path:
    archive = root / "content_archive"
    files = {
        "produk-hukum/uu-7-2017.yaml": UU,
        "produk-hukum/kepkab-12-2022.yaml": KEPUTUSAN_LAMA,
        "produk-hukum/kepkab-5-2024.yaml": KEPUTUSAN_BARU,
        "konten/kenali-uu-pemilu.md": KONTEN_MD,
        "konten/tim-jdih-baru.yaml": KONTEN_YAML,
        **(extra or {}),
    }
    for relative, text in files.items():
        (archive / relative).parent.mkdir(parents=True, exist_ok=True)
        (archive / relative).write_text(text, encoding="utf-8")
    (archive / "lampiran").mkdir(exist_ok=True)
    (archive / "lampiran" / "kepkab-5-2024.pdf").write_bytes(PDF)
    (archive / "konten" / "gambar").mkdir(exist_ok=True)
    for name in ("kenali-uu-pemilu", "tim-jdih-baru"):
        (archive / "konten" / "gambar" / f"{name}.png").write_bytes(png())
    return archive


def putusan(item_id: str, nomor: str, tanggal: str, tested: str, lines: str) -> str:
    """A putusan of the test court that tests (`menguji`) item `tested`; `lines` adds fields (amar, lampiran)."""
    return f"""\
id: {item_id}
judul: Putusan Perkara {nomor}
jenis_peradilan: Pengadilan Tata Usaha Negara
singkatan_jenis: PTUN
teu_badan: Pengadilan Tata Usaha Negara Uji
nomor: "{nomor}"
tahun: {tanggal[:4]}
tempat_peradilan: Kota Uji
tanggal_dibacakan: {tanggal}
subjek: [SENGKETA]
bidang_hukum: Hukum Administrasi Negara
relasi:
  menguji: [{tested}]
{lines}"""
