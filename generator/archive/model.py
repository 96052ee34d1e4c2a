"""The JDIH archive models, declared once: produk hukum and published social-media content.

Metadata follows Permenkumham 8/2019 as JDIH apps implement it; field names are the Indonesian terms
editors know. Relations are declared on one side only (mencabut, mengubah, melaksanakan): the other
side is derived when the archive is loaded.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from ..source.model_base import HTTPS_URL, PLAIN_LABEL, SLUG, Date, NonEmptyTextList, Strict, Text, TextList

ItemId = Annotated[str, Field(pattern=SLUG)]


class Status(StrEnum):
    berlaku = "Berlaku"
    tidak_berlaku = "Tidak Berlaku"


class BidangHukum(StrEnum):
    """The national list of fields of law used by JDIHN members."""

    hukum_tata_negara = "Hukum Tata Negara"
    hukum_administrasi_negara = "Hukum Administrasi Negara"
    hukum_pidana = "Hukum Pidana"
    hukum_perdata = "Hukum Perdata"
    hukum_acara = "Hukum Acara"
    hukum_internasional = "Hukum Internasional"
    hukum_pada_umumnya = "Hukum Pada Umumnya"
    umum = "Umum"


class Platform(StrEnum):
    instagram = "Instagram"
    facebook = "Facebook"
    x = "X"
    youtube = "YouTube"
    tiktok = "TikTok"
    threads = "Threads"
    website = "Website"


class Lampiran(Strict):
    """The full text and other files: a path inside content_archive/ or an https URL."""

    dokumen: str | None = Field(None, description="Full-text PDF, e.g. 'lampiran/pkpu-8-2019.pdf' or an https URL.")
    abstrak: str | None = Field(None, description="Abstract file (PDF), path or https URL.")


class Abstrak(Strict):
    """JDIH-style abstract: ABSTRAK points (considerations, basis, content) and CATATAN points."""

    abstrak: NonEmptyTextList
    catatan: TextList = []


class Relasi(Strict):
    """Declared on the acting item only; the archive derives dicabut/diubah/dilaksanakan."""

    mencabut: list[ItemId] = []
    mengubah: list[ItemId] = []
    melaksanakan: list[ItemId] = []


class ProdukHukum(Strict):
    """A peraturan or keputusan with its JDIH metadata."""

    id: ItemId = Field(description="Unique id, used in the page address, e.g. 'pkpu-8-2019'.")
    tipe_dokumen: Text = "Peraturan Perundang-undangan"
    jenis: Text = Field(
        pattern=PLAIN_LABEL, description="E.g. 'Peraturan Komisi Pemilihan Umum', 'Keputusan KPU Kabupaten'."
    )
    singkatan_jenis: Text = Field(description="E.g. 'PKPU', 'UU', 'Kepkab'.")
    nomor: Text = Field(description="As printed, e.g. '8' or '10/HK.04/08/2022'.")
    tahun: int = Field(ge=1945, le=2100)
    judul: Text
    teu_badan: Text = Field(description="Tajuk entri utama, e.g. 'Indonesia. Komisi Pemilihan Umum'.")
    tempat_penetapan: Text
    tanggal_penetapan: Date | None = Field(None, description="Leave out when not known for certain.")
    tanggal_pengundangan: Date | None = None
    sumber: str | None = Field(None, description="Publication, e.g. 'BN 2019 (692)'.")
    subjek: NonEmptyTextList = Field(description="Subject keywords.")
    status: Status = Field(Status.berlaku, description="As declared; an item another one revokes is Tidak Berlaku.")
    keterangan_status: str | None = None
    bahasa: Text = "Indonesia"
    bidang_hukum: BidangHukum
    lokasi: str | None = Field(None, description="Where the paper copy is kept.")
    pemrakarsa: str | None = None
    penandatangan: str | None = None
    mengingat: TextList = Field([], description="The regulations this one rests on, as its 'Mengingat' lists them.")
    lampiran: Lampiran = Lampiran()
    abstrak: Abstrak | None = None
    relasi: Relasi = Relasi()
    uraian: str | None = Field(None, description="Longer free text; in a .md file, the body below the front matter.")


class Unggahan(Strict):
    """One publication of the content on one platform."""

    platform: Platform
    tautan: str = Field(pattern=HTTPS_URL, description="Permalink of the post.")


class Tahap(StrEnum):
    """Steps of the JDIH social-media SOPs, in order."""

    disposisi = "disposisi"
    konsep = "konsep"
    koreksi = "koreksi"
    persetujuan = "persetujuan"
    unggah = "unggah"
    tautan_dibagikan = "tautan dibagikan"
    evaluasi = "evaluasi"


class CatatanAlur(Strict):
    """Who did which step of the governing SOP, and when."""

    tahap: Tahap
    oleh: Text = Field(description="Name and/or jabatan, e.g. 'Kasubbag Hukum (Rina)'.")
    tanggal: Date
    catatan: str | None = None


class Konten(Strict):
    """A piece of content the JDIH team published on social media, archived locally."""

    id: ItemId
    judul: Text = Field(description="Judul or tema of the post.")
    tanggal_terbit: Date
    caption: Text = Field(description="The published caption; in a .md file, the body below the front matter.")
    unggahan: list[Unggahan] = Field(min_length=1)
    gambar: Text = Field(description="Local copy of the design, a path inside content_archive/.")
    teks_alternatif: Text = Field(description="What the image shows, for screen readers.")
    produk_hukum: list[ItemId] = Field([], description="Ids of the produk hukum the content explains.")
    sop: str | None = Field(None, pattern=SLUG, description="Id of the SOP that governs this content.")
    alur_kerja: list[CatatanAlur] = []
