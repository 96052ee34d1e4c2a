"""The JDIH archive models, declared once: produk hukum and published social-media content.

Metadata follows Permenkumham 8/2019 as JDIH apps implement it; field names are the Indonesian terms
editors know. Relations are declared on one side only (mencabut, mengubah, melaksanakan): the other
side is derived when the archive is loaded. Each field's Indonesian `description` is the editors' help: the
schema's hover text and the comment `sop-jdih new` writes above the field.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from ..source.model_base import (
    HTTPS_URL,
    PLAIN_LABEL,
    SLUG,
    Date,
    LongText,
    NonEmptyTextList,
    Strict,
    Text,
    TextList,
    Year,
)

ItemId = Annotated[str, Field(pattern=SLUG)]


class Status(StrEnum):
    berlaku = "Berlaku"
    tidak_berlaku = "Tidak Berlaku"

    @property
    def badge(self) -> str:
        """Its badge's kind on every page (sop-jdih.css `.jdih-badge--berlaku`, `--tidak-berlaku`)."""
        return self.name.replace("_", "-")


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

    dokumen: Text | None = Field(
        None, description="Naskah lengkap PDF: berkas di folder arsip, mis. lampiran/pkpu-8-2019.pdf, atau https://."
    )
    abstrak: Text | None = Field(None, description="Berkas abstrak PDF: berkas di folder arsip atau https://.")


class Abstrak(Strict):
    """JDIH-style abstract: ABSTRAK points (considerations, basis, content) and CATATAN points."""

    abstrak: NonEmptyTextList = Field(description="Butir ABSTRAK: latar belakang, dasar hukum dan isi pokok.")
    catatan: TextList = Field([], description="Butir CATATAN: mulai berlaku, jumlah halaman, perubahan.")


class Relasi(Strict):
    """Declared on the acting item only; the archive derives dicabut/diubah/dilaksanakan."""

    mencabut: list[ItemId] = Field([], description="Id produk hukum yang dicabut; statusnya menjadi Tidak Berlaku.")
    mengubah: list[ItemId] = Field([], description="Id produk hukum yang diubah.")
    melaksanakan: list[ItemId] = Field([], description="Id produk hukum yang dilaksanakan.")


class ProdukHukum(Strict):
    """A peraturan or keputusan with its JDIH metadata."""

    id: ItemId = Field(
        description="Huruf kecil, angka dan '-', mis. pkpu-8-2019. Menjadi alamat halaman dan rujukan relasi "
        "serta konten."
    )
    tipe_dokumen: Text = Field(
        "Peraturan Perundang-undangan", description="Tipe dokumen JDIH (bawaan: Peraturan Perundang-undangan)."
    )
    jenis: Text = Field(
        pattern=PLAIN_LABEL,
        description="Jenis lengkap, mis. Peraturan Komisi Pemilihan Umum atau Keputusan KPU Kabupaten.",
    )
    singkatan_jenis: Text = Field(description="Singkatan jenis, mis. PKPU, UU atau KEPKAB.")
    nomor: Text = Field(
        description='Nomor seperti tercetak, selalu di antara tanda kutip, mis. "8" atau "10/HK.04/08/2022".'
    )
    tahun: Year = Field(description="Tahun produk hukum, mis. 2019.")
    judul: Text = Field(description="Judul seperti tercetak.")
    teu_badan: Text = Field(description="Tajuk entri utama (badan pembuat), mis. Indonesia. Komisi Pemilihan Umum.")
    tempat_penetapan: Text = Field(description="Kota tempat produk hukum ditetapkan.")
    tanggal_penetapan: Date | None = Field(None, description="Tanggal ditetapkan (TTTT-BB-HH); tulis hanya bila pasti.")
    tanggal_pengundangan: Date | None = Field(
        None, description="Tanggal diundangkan (TTTT-BB-HH); tulis hanya bila pasti."
    )
    sumber: Text | None = Field(None, description="Sumber pengundangan (LN, BN, BD), mis. BN 2019 (692).")
    subjek: NonEmptyTextList = Field(description="Kata kunci subjek, huruf kapital.")
    status: Status = Field(
        Status.berlaku,
        description="Berlaku atau Tidak Berlaku; produk hukum yang dicabut produk hukum lain otomatis Tidak Berlaku.",
    )
    keterangan_status: Text | None = Field(None, description="Penjelasan status, bila perlu.")
    bahasa: Text = Field("Indonesia", description="Bahasa naskah (bawaan: Indonesia).")
    bidang_hukum: BidangHukum = Field(description=f"Salah satu dari: {', '.join(BidangHukum)}.")
    lokasi: Text | None = Field(None, description="Tempat naskah asli disimpan.")
    pemrakarsa: Text | None = Field(None, description="Unit pemrakarsa, mis. Subbagian Hukum dan SDM.")
    penandatangan: Text | None = Field(None, description="Pejabat penandatangan.")
    mengingat: TextList = Field(
        [], description='Peraturan di bagian "Mengingat", lengkap dengan jenis, nomor, tahun dan "tentang".'
    )
    lampiran: Lampiran = Field(Lampiran(), description="Naskah lengkap dan berkas abstrak.")
    abstrak: Abstrak | None = Field(
        None, description="Abstrak gaya JDIH: butir pertimbangan, dasar hukum dan isi; lalu butir catatan."
    )
    relasi: Relasi = Field(
        Relasi(),
        description="Ditulis hanya di produk hukum yang bertindak, dengan id produk hukum lain; halaman yang "
        "dikenai menampilkan sisi sebaliknya.",
    )
    uraian: LongText | None = Field(None, description="Teks panjang; dalam berkas .md, isi di bawah front matter.")


class Unggahan(Strict):
    """One publication of the content on one platform."""

    platform: Platform = Field(description=f"Salah satu dari: {', '.join(Platform)}.")
    tautan: Text = Field(pattern=HTTPS_URL, description="Tautan permanen unggahan, selalu https://.")


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

    tahap: Tahap = Field(description=f"Salah satu dari: {', '.join(Tahap)}.")
    oleh: Text = Field(description="Nama dan/atau jabatan, mis. Kasubbag Hukum (Rina).")
    tanggal: Date = Field(description="Tanggal tahap ini (TTTT-BB-HH).")
    catatan: Text | None = Field(None, description="Catatan tahap ini (boleh dihapus).")


class Konten(Strict):
    """A piece of content the JDIH team published on social media, archived locally."""

    id: ItemId = Field(description="Huruf kecil, angka dan '-'. Menjadi alamat halaman; jangan diubah setelah terbit.")
    judul: Text = Field(description="Judul atau tema unggahan.")
    tanggal_terbit: Date = Field(description="Tanggal terbit, ditulis TTTT-BB-HH, mis. 2024-08-23.")
    caption: LongText = Field(
        description="Caption seperti diterbitkan. Di YAML ditulis di bawah 'caption: |-', setiap baris menjorok dua "
        "spasi; di berkas .md, isi di bawah front matter. Baris kosong memisahkan paragraf."
    )
    unggahan: list[Unggahan] = Field(
        min_length=1, description="Setiap platform tempat konten diterbitkan, dengan tautan unggahannya."
    )
    gambar: Text = Field(description="Salinan desainnya: berkas PNG, JPG atau WEBP di folder arsip.")
    teks_alternatif: Text = Field(description="Apa yang tampak pada gambar, untuk pembaca layar (tunanetra).")
    produk_hukum: list[ItemId] = Field(
        [], description="Id produk hukum di arsip yang dijelaskan konten ini, mis. [pkpu-8-2019, uu-7-2017]."
    )
    sop: str | None = Field(
        None, pattern=SLUG, description="Id SOP yang menjadi dasar alur kerja konten ini (boleh dihapus)."
    )
    alur_kerja: list[CatatanAlur] = Field(
        [], description="Catatan alur kerja menurut SOP: tahap, oleh siapa, tanggal dan catatan (boleh dihapus)."
    )
