"""The SOP document model, declared once: it validates YAML and exports `sops/schema.json`.

Field names are the official sheet's terms (Permenpan RB 35/2012), so editors recognise them. Each field's
`description` is the editors' help, in Indonesian: the schema's hover text and the comment `sop-jdih new` writes
above the field (see `schema.field_help`). Keep it short, and start it with a capital letter.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from ..source.model_base import ACTOR_ID, SLUG, DateOrDash, NonEmptyTextList, Strict, Text, TextList
from .durations import Duration, DurationError, parse_duration


def _as_duration(value: Any) -> Any:
    if value is None or isinstance(value, Duration):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # `waktu: 10`: told that the unit is missing, like "10" in quotes
    if not isinstance(value, str):
        raise PydanticCustomError("durasi", "tulis waktu dengan satuannya, mis. '10 menit'")
    if not value.strip():
        return None
    try:
        return parse_duration(value)
    except DurationError as error:
        raise PydanticCustomError("durasi", str(error)) from None


Waktu = Annotated[
    Duration | None,
    BeforeValidator(_as_duration),
    PlainSerializer(lambda d: d.text if d else None),
    WithJsonSchema(
        {
            "type": ["string", "null"],
            "examples": ["10 menit", "1 jam 30 menit", "½ hari", "2-3 hari", "2 hari kerja", "15 detik", "-"],
        }
    ),
]


class Simbol(StrEnum):
    """Symbols of the bagan alur."""

    mulai = "mulai"
    selesai = "selesai"
    proses = "proses"
    keputusan = "keputusan"
    penghubung = "penghubung"


class Pejabat(Strict):
    """Who signed the SOP (Disahkan Oleh)."""

    jabatan: Text = Field(description="Jabatan pejabat, mis. Sekretaris.")
    nama: Text = Field(description="Nama pejabat seperti tercetak.")
    nip: Text | None = Field(
        None, description='NIP di antara tanda kutip, dengan spasi seperti tercetak, mis. "19710805 199603 1 002".'
    )


class Pelaksana(Strict):
    """An actor: one column (lane) of the bagan alur, in declared order."""

    id: str = Field(
        pattern=ACTOR_ID,
        description="Nama pendek yang dipakai langkah: huruf kecil, angka, '-' atau '_', mis. kasubag.",
    )
    nama: Text = Field(description="Judul kolom seperti di lembar SOP, mis. Kasubbag Hukum dan SDM.")


class MutuBaku(Strict):
    kelengkapan: TextList = Field([], description="Bahan atau syarat yang diperlukan.")
    waktu: Waktu = Field(
        None,
        description="Seperti di lembar: angka lalu satuan (detik, menit, jam, hari kerja, minggu, bulan), mis. "
        "10 menit, ½ hari, 2-3 hari; '-' bila lembar menulis '-'. Normal waktu: detik dan menit naik ke jam, "
        "tetapi jam tidak menjadi hari dan hari tidak menjadi bulan; rentang dijumlahkan sebagai rentang.",
    )
    output: Text | None = Field(None, description="Hasil langkah ini.")


class Langkah(Strict):
    """One row of the bagan alur."""

    no: int = Field(ge=1, description="Nomor langkah seperti di lembar SOP; ya, tidak dan ke menyebut nomor ini.")
    kegiatan: NonEmptyTextList = Field(
        description="Kegiatan langkah ini; beberapa butir, mis. [Butir satu, Butir dua], tampil sebagai a., b."
    )
    ringkasan: Text | None = Field(
        None, description="Teks pendek di dalam simbol; bila tidak ada, awal kegiatan yang dipakai."
    )
    pelaksana: NonEmptyTextList = Field(
        description="Id pelaksana langkah ini; bila dikerjakan bersama, mis. [kasubag, staf]."
    )
    simbol: Simbol = Field(
        Simbol.proses, description="Simbol bagan alur: mulai, proses (bawaan), keputusan, penghubung atau selesai."
    )
    mutu_baku: MutuBaku = Field(MutuBaku(), description="Mutu baku langkah ini: kelengkapan, waktu dan output.")
    keterangan: Text | None = Field(None, description="Isi kolom Keterangan (boleh dihapus).")
    ke: int | None = Field(None, description="Nomor langkah tujuan, bila bukan langkah berikutnya.")
    ya: int | None = Field(None, description="Khusus keputusan: nomor langkah tujuan bila Ya.")
    tidak: int | None = Field(
        None, description="Khusus keputusan: nomor langkah tujuan bila Tidak, sering kembali ke langkah sebelumnya."
    )


class Prosedur(Strict):
    """One bagan alur. A document may hold several procedures (a., b., …) under one SOP number."""

    judul: Text = Field(description="Judul bagan alur.")
    pelaksana: list[Pelaksana] = Field(min_length=1, description="Kolom bagan alur, berurutan dari kiri.")
    langkah: list[Langkah] = Field(
        min_length=1,
        description="Satu baris bagan alur per langkah. Langkah mengalir ke langkah berikutnya, kecuali keputusan "
        "(ke ya atau tidak), selesai, atau langkah yang menulis ke: <no>.",
    )


class KeterkaitanSop(Strict):
    """A related SOP that lives in this repository."""

    sop: str = Field(pattern=SLUG, description="Id SOP lain di repositori ini; halamannya ditautkan.")


def _keterkaitan_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "teks-bebas"
    return "rujukan-sop" if isinstance(value, (dict, KeterkaitanSop)) else None


Keterkaitan = Annotated[
    Annotated[KeterkaitanSop, Tag("rujukan-sop")] | Annotated[Text, Tag("teks-bebas")],
    Discriminator(
        _keterkaitan_kind,
        custom_error_type="keterkaitan",
        custom_error_message="tulis judul SOP sebagai teks, atau `sop: <id>` untuk SOP di repositori ini",
    ),
]


class SopDocument(Strict):
    """One SOP document: the identity header, the header boxes and its procedures."""

    id: str = Field(
        pattern=SLUG,
        description="Huruf kecil, angka dan '-'. Menjadi alamat halaman: jangan diubah setelah terbit.",
    )
    instansi: Text = Field(
        description="Nama lengkap kantor seperti tercetak, mis. Komisi Pemilihan Umum Kabupaten Agam."
    )
    satuan_kerja: Text | None = Field(None, description="Unit pemilik SOP, mis. Sekretariat (boleh dihapus).")
    nomor_sop: Text = Field(description="Nomor seperti tercetak, mis. 2 Tahun 2024 atau 175/ORT.06/1306/2023.")
    nama_sop: Text = Field(description="Nama SOP seperti tercetak.")
    tanggal_pembuatan: DateOrDash | None = Field(
        None, description="Tanggal pembuatan, ditulis TTTT-BB-HH, mis. 2024-08-23; '-' bila lembar menulis '-'."
    )
    tanggal_revisi: DateOrDash | None = Field(
        None, description="Tanggal revisi terakhir (TTTT-BB-HH), bila ada; '-' bila lembar menulis '-'."
    )
    tanggal_pengesahan: DateOrDash | None = Field(
        None, description="Tanggal SOP disahkan (TTTT-BB-HH); '-' bila lembar menulis '-'."
    )
    tempat_pengesahan: Text | None = Field(None, description="Kota tempat SOP disahkan.")
    disahkan_oleh: Pejabat | None = Field(None, description="Pejabat yang mengesahkan SOP.")
    dasar_hukum: TextList = Field(
        [],
        description='Peraturan dasar, ditulis lengkap: jenis, nomor, tahun dan "tentang" (ditautkan ke indeks '
        "dasar hukum).",
    )
    kualifikasi_pelaksana: TextList = Field([], description="Kompetensi yang dibutuhkan pelaksana.")
    jumlah_pelaksana: Text | None = Field(None, description="Jumlah pelaksana, bila kantor mencantumkannya.")
    keterkaitan: list[Keterkaitan] = Field(
        [], description="SOP terkait: judulnya sebagai teks, atau sop: <id> untuk SOP di repositori ini."
    )
    peralatan_perlengkapan: TextList = Field([], description="Peralatan dan perlengkapan yang dipakai.")
    peringatan: TextList = Field([], description="Peringatan bagi pelaksana, mis. akibat bila prosedur tidak diikuti.")
    pencatatan_pendataan: TextList = Field([], description="Catatan dan data yang disimpan, dan bentuknya.")
    ketentuan_pengesahan: TextList = Field([], description="Butir PENGESAHAN bernomor yang dicetak sebagian kantor.")
    prosedur: list[Prosedur] = Field(
        min_length=1, description="Satu bagan alur atau lebih (a., b., …), masing-masing diawali '- judul:'."
    )
