"""The JDIH archive models, declared once: the four JDIHN collections (produk hukum, monografi hukum, artikel hukum,
putusan) and published social-media content.

Metadata follows Permenkumham 8/2019 as JDIH apps implement it (GUIDE.md §2, §6); field names are the Indonesian terms
editors know. Relations are declared on one side only (mencabut, mengubah, menguji, …): the other
side is derived when the archive is loaded. Each field's Indonesian `description` is the editors' help: the
schema's hover text and the comment `sop-jdih new` writes above the field.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from ..source.model_base import (
    CATATAN_TRANSKRIPSI,
    HTTPS_URL,
    PLAIN_LABEL,
    SLUG,
    ArchiveFile,
    Code,
    Date,
    Isbn,
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


# Optional, because many items an office moves from its old JDIH application have none; a new item should have both.
SUBJEK_HELP = "Kata kunci subjek, huruf kapital; isi selalu untuk item baru (membantu pencarian dan portal JDIHN)."
BIDANG_HUKUM_HELP = f"Salah satu dari: {', '.join(BidangHukum)}; isi selalu untuk item baru."


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

    dokumen: ArchiveFile | None = Field(
        None, description="Naskah lengkap PDF: berkas di folder arsip, mis. lampiran/pkpu-8-2019.pdf, atau https://."
    )
    abstrak: ArchiveFile | None = Field(None, description="Berkas abstrak PDF: berkas di folder arsip atau https://.")


class Abstrak(Strict):
    """JDIH-style abstract: ABSTRAK points (considerations, basis, content) and CATATAN points."""

    abstrak: NonEmptyTextList = Field(description="Butir ABSTRAK: latar belakang, dasar hukum dan isi pokok.")
    catatan: TextList = Field([], description="Butir CATATAN: mulai berlaku, jumlah halaman, perubahan.")


class Relasi(Strict):
    """Declared on the acting item only; the archive derives dicabut/diubah/dilaksanakan and the status in force."""

    mencabut: list[ItemId] = Field(
        [], description="Id produk hukum yang dicabut seluruhnya; statusnya menjadi Tidak Berlaku."
    )
    mencabut_sebagian: list[ItemId] = Field(
        [],
        description="Id produk hukum yang dicabut sebagian (sebagian pasal atau lampirannya); tetap Berlaku dengan "
        "catatan.",
    )
    mengubah: list[ItemId] = Field([], description="Id produk hukum yang diubah; tetap Berlaku dengan catatan.")
    melaksanakan: list[ItemId] = Field([], description="Id produk hukum yang dilaksanakan.")
    terkait: list[ItemId] = Field(
        [], description="Id produk hukum terkait (peraturan terkait); ditampilkan di kedua halaman."
    )


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
    nomor: Code = Field(
        description='Nomor seperti tercetak, mis. 8 atau 10/HK.04/08/2022; di YAML selalu di antara tanda kutip: "8".'
    )
    tahun: Year = Field(description="Tahun produk hukum, mis. 2019.")
    judul: Text = Field(description="Judul seperti tercetak.")
    teu_badan: Text = Field(description="Tajuk entri utama (badan pembuat), mis. Indonesia. Komisi Pemilihan Umum.")
    tempat_penetapan: Text | None = Field(None, description="Kota tempat produk hukum ditetapkan.")
    tanggal_penetapan: Date | None = Field(None, description="Tanggal ditetapkan (TTTT-BB-HH); tulis hanya bila pasti.")
    tanggal_pengundangan: Date | None = Field(
        None, description="Tanggal diundangkan (TTTT-BB-HH); tulis hanya bila pasti."
    )
    sumber: Text | None = Field(None, description="Sumber pengundangan (LN, BN, BD), mis. BN 2019 (692).")
    subjek: TextList = Field([], description=SUBJEK_HELP)
    # Absent: derived from the relations (archive/status.py), which is what nearly every item needs.
    status: Status | None = Field(
        None,
        description="Biasanya tidak ditulis: status dihitung dari relasi (dicabut, diubah, diuji). Tulis Tidak Berlaku "
        "hanya untuk alasan di luar arsip, bersama keterangan_status.",
    )
    keterangan_status: Text | None = Field(
        None, description="Penjelasan status, mis. alasan Tidak Berlaku; catatan dari relasi ditambahkan otomatis."
    )
    bahasa: Text = Field("Indonesia", description="Bahasa naskah (bawaan: Indonesia).")
    bidang_hukum: BidangHukum | None = Field(None, description=BIDANG_HUKUM_HELP)
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
    catatan_transkripsi: TextList = Field([], description=CATATAN_TRANSKRIPSI)


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
        description="Caption seperti diterbitkan. Di YAML ditulis di bawah 'caption: |-', setiap baris diawali dua "
        "spasi (indentasi); di berkas .md, isi di bawah front matter. Baris kosong memisahkan paragraf."
    )
    unggahan: list[Unggahan] = Field(
        min_length=1, description="Setiap platform tempat konten diterbitkan, dengan tautan unggahannya."
    )
    gambar: ArchiveFile = Field(description="Salinan desainnya: berkas PNG, JPG atau WEBP di folder arsip.")
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
    catatan_transkripsi: TextList = Field([], description=CATATAN_TRANSKRIPSI)


class Amar(StrEnum):
    """What a putusan decided (amar putusan), as courts and Bawaslu write it."""

    dikabulkan = "Dikabulkan"
    dikabulkan_sebagian = "Dikabulkan sebagian"
    ditolak = "Ditolak"
    tidak_dapat_diterima = "Tidak dapat diterima"
    gugur = "Gugur"


class Monografi(Strict):
    """A monografi hukum (law book, report, proceedings) in the office's library, catalogued as JDIH apps do."""

    id: ItemId = Field(description="Huruf kecil, angka dan '-', mis. buku-hukum-pemilu-2019. Menjadi alamat halaman.")
    judul: Text = Field(description="Judul seperti tercetak di halaman judul, dengan anak judulnya.")
    jenis: Text = Field(
        "Monografi Hukum",
        pattern=PLAIN_LABEL,
        description="Jenis monografi seperti di umpan JDIHN, mis. Monografi Hukum, Buku Hukum, Laporan, Prosiding.",
    )
    pengarang: NonEmptyTextList = Field(
        description="T.E.U. orang/badan: pengarang atau badan, mis. 'Hidayat, Arif' atau 'Indonesia. Komisi "
        "Pemilihan Umum'."
    )
    cetakan: Text | None = Field(None, description="Cetakan atau edisi, mis. Cet. 2 (boleh dihapus).")
    tempat_terbit: Text | None = Field(None, description="Kota tempat terbit, mis. Jakarta; hapus bila tak tercantum.")
    penerbit: Text | None = Field(None, description="Penerbit, mis. Rajawali Pers; hapus bila tak tercantum.")
    tahun_terbit: Year = Field(description="Tahun terbit, mis. 2019.")
    deskripsi_fisik: Text | None = Field(None, description="Deskripsi fisik, mis. xii, 240 hlm ; 21 cm.")
    isbn: Isbn | None = Field(
        None,
        description="ISBN seperti tercetak, 10 atau 13 angka, boleh dengan '-' (dan awalan 'ISBN'), mis. "
        "978-602-425-123-9; angka terakhirnya diperiksa.",
    )
    nomor_panggil: Text | None = Field(None, description="Nomor panggil di rak, mis. 342.07 HID h.")
    nomor_induk_buku: Text | None = Field(None, description="Nomor induk buku/eksemplar di perpustakaan kantor.")
    subjek: TextList = Field([], description=SUBJEK_HELP)
    bahasa: Text = Field("Indonesia", description="Bahasa buku (bawaan: Indonesia).")
    bidang_hukum: BidangHukum | None = Field(None, description=BIDANG_HUKUM_HELP)
    lokasi: Text | None = Field(None, description="Tempat buku disimpan, mis. Perpustakaan KPU Kabupaten Contoh.")
    sampul: ArchiveFile | None = Field(None, description="Gambar sampul: berkas PNG, JPG atau WEBP di folder arsip.")
    lampiran: ArchiveFile | None = Field(
        None, description="Berkas PDF (naskah atau cuplikan) di folder arsip, atau https://."
    )
    abstrak: LongText | None = Field(
        None, description="Abstrak atau sinopsis; dalam berkas .md, isi di bawah front matter."
    )
    catatan_transkripsi: TextList = Field([], description=CATATAN_TRANSKRIPSI)


class SumberArtikel(Strict):
    """Where an artikel hukum was published."""

    nama: Text = Field(description="Nama jurnal, majalah atau buletin, mis. Jurnal Tata Kelola Pemilu Indonesia.")
    volume: Code | None = Field(None, description='Volume, mis. 5; di YAML selalu di antara tanda kutip: "5".')
    nomor: Code | None = Field(None, description='Nomor terbitan, mis. 2; di YAML selalu di antara tanda kutip: "2".')
    halaman: Text | None = Field(None, description='Halaman, mis. "101-120".')


class Artikel(Strict):
    """An artikel hukum from a journal, magazine or bulletin, catalogued as JDIH apps do."""

    id: ItemId = Field(description="Huruf kecil, angka dan '-'. Menjadi alamat halaman.")
    judul: Text = Field(description="Judul artikel seperti tercetak.")
    jenis: Text = Field(
        "Artikel Hukum",
        pattern=PLAIN_LABEL,
        description="Jenis artikel seperti di umpan JDIHN, mis. Artikel Hukum, Majalah Hukum, Artikel Jurnal.",
    )
    pengarang: NonEmptyTextList = Field(description="T.E.U. orang/badan: pengarang, mis. 'Lestari, Dewi'.")
    sumber: SumberArtikel = Field(description="Terbitan yang memuatnya: nama, volume, nomor, halaman.")
    tempat_terbit: Text | None = Field(None, description="Kota tempat terbit (boleh dihapus).")
    tahun: Year = Field(description="Tahun terbit, mis. 2023.")
    subjek: TextList = Field([], description=SUBJEK_HELP)
    bahasa: Text = Field("Indonesia", description="Bahasa artikel (bawaan: Indonesia).")
    bidang_hukum: BidangHukum | None = Field(None, description=BIDANG_HUKUM_HELP)
    lokasi: Text | None = Field(None, description="Tempat terbitan cetaknya disimpan (boleh dihapus).")
    lampiran: ArchiveFile | None = Field(None, description="Berkas PDF artikel di folder arsip, atau https://.")
    tautan: Text | None = Field(None, pattern=HTTPS_URL, description="Alamat artikel di situs penerbit, https://.")
    abstrak: LongText | None = Field(None, description="Abstrak artikel; dalam berkas .md, isi di bawah front matter.")
    catatan_transkripsi: TextList = Field([], description=CATATAN_TRANSKRIPSI)


class RelasiPutusan(Strict):
    """The produk hukum a putusan reviews; its amar (and whether it is final) decides the effect."""

    menguji: list[ItemId] = Field(
        [],
        description="Id produk hukum yang diuji atau dibatalkan putusan ini; akibatnya menurut amar dan kekuatan "
        "hukum tetapnya.",
    )


class Putusan(Strict):
    """A court's or Bawaslu's decision that concerns the office (election disputes at PTUN, Bawaslu, MK, MA)."""

    id: ItemId = Field(description="Huruf kecil, angka dan '-', mis. putusan-ptun-12-g-2023. Menjadi alamat halaman.")
    judul: Text = Field(description="Judul, mis. Putusan Sengketa Proses Pemilu antara … dan KPU Kabupaten Contoh.")
    jenis_peradilan: Text = Field(
        pattern=PLAIN_LABEL,
        description="Lembaga peradilan, mis. Pengadilan Tata Usaha Negara, Mahkamah Konstitusi, Badan Pengawas "
        "Pemilihan Umum.",
    )
    singkatan_jenis: Text = Field(description="Singkatannya, mis. PTUN, MK, MA, Bawaslu.")
    teu_badan: Text = Field(description="T.E.U. badan: lembaga yang memutus, mis. Pengadilan Tata Usaha Negara Contoh.")
    nomor: Code = Field(
        description="Nomor putusan seperti tercetak, mis. 12/G/2023/PTUN.CTH; di YAML di antara tanda kutip."
    )
    tahun: Year = Field(description="Tahun putusan, mis. 2023.")
    jenis_perkara: Text | None = Field(
        None, description="Jenis perkara, mis. Sengketa Proses Pemilu, Pengujian Peraturan."
    )
    para_pihak: TextList = Field([], description="Para pihak seperti tercantum di putusan, satu per baris.")
    tempat_peradilan: Text | None = Field(None, description="Kota tempat peradilan.")
    tanggal_dibacakan: Date = Field(description="Tanggal putusan dibacakan (TTTT-BB-HH).")
    # Optional because a JDIHN feed does not carry them: an imported putusan lacks both until an editor adds them.
    amar: Amar | None = Field(None, description=f"Amar putusan, salah satu dari: {', '.join(Amar)}.")
    berkekuatan_hukum_tetap: bool | None = Field(
        None,
        description="Isi true bila putusan telah berkekuatan hukum tetap (inkracht), false bila masih dapat "
        "diupayakan hukum; hapus bila belum diketahui.",
    )
    sumber: Text | None = Field(None, description="Sumber naskah, mis. Direktori Putusan MA (boleh dihapus).")
    subjek: TextList = Field([], description=SUBJEK_HELP)
    bahasa: Text = Field("Indonesia", description="Bahasa putusan (bawaan: Indonesia).")
    bidang_hukum: BidangHukum | None = Field(None, description=BIDANG_HUKUM_HELP)
    lokasi: Text | None = Field(None, description="Tempat salinan putusan disimpan (boleh dihapus).")
    lampiran: ArchiveFile | None = Field(None, description="Salinan putusan PDF di folder arsip, atau https://.")
    relasi: RelasiPutusan = Field(RelasiPutusan(), description="Produk hukum di arsip yang diuji putusan ini.")
    abstrak: LongText | None = Field(
        None, description="Ringkasan perkara dan amar; dalam berkas .md, isi di bawah front matter."
    )
    catatan_transkripsi: TextList = Field([], description=CATATAN_TRANSKRIPSI)
