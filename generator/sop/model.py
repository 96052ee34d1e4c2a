"""The SOP document model, declared once: it validates YAML and exports `sops/schema.json`.

Field names are the official sheet's terms (Permenpan RB 35/2012), so editors recognise them. Each field's
`description` is the editors' help, in Indonesian: the schema's hover text and the comment `sop-jdih new` writes
above the field (see `schema.field_help`). Keep it short, and start it with a capital letter.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..source.model_base import (
    ACTOR_ID,
    CATATAN_TRANSKRIPSI,
    SLUG,
    Code,
    DateOrDash,
    LineOrEmpty,
    NonEmptyTextList,
    Strict,
    Text,
    TextList,
)
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


class Gaya(StrEnum):
    """How a list is marked, as the office prints it."""

    angka = "angka"  # 1., 2., 3.
    huruf = "huruf"  # a., b., c.
    strip = "strip"  # - at each item
    polos = "polos"  # one item a line, unmarked


class GayaDaftar(Strict):
    """List styles per kind of box; one style (`gaya_daftar: strip`) sets the header boxes."""

    kotak: Gaya = Field(Gaya.angka, description="Kotak Dasar Hukum sampai Pencatatan dan Pendataan (bawaan angka).")
    kegiatan: Gaya = Field(Gaya.huruf, description="Butir kegiatan satu langkah (bawaan huruf: a., b.).")
    kelengkapan: Gaya = Field(Gaya.polos, description="Butir kelengkapan satu langkah (bawaan polos: satu per baris).")


def _one_style(value: Any) -> Any:
    """`gaya_daftar: strip` is short for the header boxes' style."""
    return {"kotak": value} if isinstance(value, str) else value


class JudulKolom(Strict):
    """The bagan alur's column headings as the office prints them."""

    no: Text = Field("No", description="Judul kolom No (bawaan No).")
    kegiatan: Text = Field("Kegiatan", description="Judul kolom Kegiatan (bawaan Kegiatan).")
    pelaksana: Text = Field("Pelaksana", description="Judul kolom Pelaksana (bawaan Pelaksana).")
    mutu_baku: Text = Field("Mutu Baku", description="Judul kolom Mutu Baku (bawaan Mutu Baku).")
    kelengkapan: Text = Field("Kelengkapan", description="Judul kolom Kelengkapan (bawaan Kelengkapan).")
    waktu: Text = Field("Waktu", description="Judul kolom Waktu (bawaan Waktu).")
    output: Text = Field("Output", description="Judul kolom Output (bawaan Output).")
    keterangan: Text = Field("Keterangan", description="Judul kolom Keterangan (bawaan Keterangan).")


class TandaTangan(Strict):
    """The closing signature block as printed under PENGESAHAN."""

    baris: TextList = Field(
        [], description="Baris di atas nama seperti tercetak, mis. [Sekretaris Komisi Pemilihan Umum, Provinsi …,]."
    )
    nama: Text | None = Field(None, description="Nama penanda tangan seperti tercetak.")
    nip: Code | None = Field(
        None,
        description="NIP seperti tercetak, mis. 19710805 199603 1 002; di YAML di antara tanda kutip (boleh dihapus).",
    )
    tanpa_blok: bool = Field(
        False,
        description="Isi true bila lembar tanpa blok tanda tangan penutup, hanya ditandatangani di kotak identitas "
        "(sama dengan tanda_tangan: false).",
    )


def _as_count(value: Any) -> Any:
    """`jumlah_pelaksana: 3` is written as a number; it is shown as written. Anything else but text is refused in the
    words of this field ("harus berupa teks" would hide that a number is welcome)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None or isinstance(value, str):
        return value
    raise PydanticCustomError("jumlah_pelaksana", "harus berupa angka atau teks, mis. 3 atau 3 orang")


class Pejabat(Strict):
    """Who signed the SOP (Disahkan Oleh)."""

    jabatan: Text = Field(description="Jabatan pejabat, mis. Sekretaris.")
    nama: Text = Field(description="Nama pejabat seperti tercetak.")
    nip: Code | None = Field(
        None,
        description="NIP dengan spasi seperti tercetak, mis. 19710805 199603 1 002; di YAML di antara tanda kutip.",
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
    ringkasan: LineOrEmpty | None = Field(
        None,
        description='Teks pendek di dalam simbol; bila tidak ada, awal kegiatan yang dipakai; "" untuk simbol kosong.',
    )
    pelaksana: NonEmptyTextList = Field(
        description="Id pelaksana langkah ini; bila dikerjakan bersama, mis. [kasubag, staf]."
    )
    simbol: Simbol = Field(
        Simbol.proses, description="Simbol bagan alur: mulai, proses (bawaan), keputusan, penghubung atau selesai."
    )
    mutu_baku: MutuBaku = Field(MutuBaku(), description="Mutu baku langkah ini: kelengkapan, waktu dan output.")
    keterangan: Text | None = Field(None, description="Isi kolom Keterangan (boleh dihapus).")
    mulai_di: str | None = Field(
        None,
        pattern=ACTOR_ID,
        description="Id pelaksana yang kolomnya memuat simbol Mulai tersendiri, berpanah ke langkah ini.",
    )
    selesai_di: str | None = Field(
        None,
        pattern=ACTOR_ID,
        description="Id pelaksana yang kolomnya memuat simbol Selesai tersendiri; langkah ini berpanah ke sana.",
    )
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


class KeterkaitanIsian(Strict):
    """A related SOP as a form writes it: its title, or the id of an SOP in this repository (the web editor cannot
    write a list mixing text and objects). Read as the title's text or as `KeterkaitanSop`."""

    judul: Text | None = Field(None, description="Judul SOP terkait seperti tercetak (SOP di luar repositori ini).")
    sop: str | None = Field(None, pattern=SLUG, description="Id SOP lain di repositori ini; halamannya ditautkan.")

    @model_validator(mode="after")
    def _one_of_them(self) -> KeterkaitanIsian:
        if (self.judul is None) == (self.sop is None):
            raise PydanticCustomError("keterkaitan", "isi salah satu: judul SOP terkait, atau sop: <id>")
        return self


def _as_related(value: KeterkaitanIsian) -> KeterkaitanSop | str:
    return KeterkaitanSop(sop=value.sop) if value.sop else str(value.judul)


def _keterkaitan_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "teks-bebas"
    if isinstance(value, KeterkaitanSop):
        return "rujukan-sop"
    if isinstance(value, dict):
        return "isian" if "judul" in value else "rujukan-sop"
    return None


# The form's object first: the web editor's form follows the first object of a union (editor/fields.py).
Keterkaitan = Annotated[
    Annotated[KeterkaitanIsian, AfterValidator(_as_related), Tag("isian")]
    | Annotated[KeterkaitanSop, Tag("rujukan-sop")]
    | Annotated[Text, Tag("teks-bebas")],
    Discriminator(
        _keterkaitan_kind,
        custom_error_type="keterkaitan",
        custom_error_message="tulis judul SOP sebagai teks, atau `sop: <id>` untuk SOP di repositori ini",
    ),
]


def _signature_kind(value: Any) -> str | None:
    if value is False:
        return "tanpa"
    return "blok" if isinstance(value, (dict, TandaTangan)) else None


def _block_or_none(value: TandaTangan) -> TandaTangan | Literal[False]:
    """The form's spelling of `tanda_tangan: false` (it cannot write false where a block may be): `tanpa_blok`."""
    return False if value.tanpa_blok else value


TandaTanganAtauTidak = Annotated[
    Annotated[TandaTangan, AfterValidator(_block_or_none), Tag("blok")] | Annotated[Literal[False], Tag("tanpa")],
    Discriminator(
        _signature_kind,
        custom_error_type="tanda_tangan",
        custom_error_message="tulis false bila lembar tanpa blok tanda tangan, atau blok baris, nama dan nip",
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
    jumlah_pelaksana: Annotated[Text | None, BeforeValidator(_as_count, json_schema_input_type=int | str | None)] = (
        Field(
            None,
            description="Jumlah pelaksana, angka atau teks, mis. 3 atau 3 orang; tampil di kotak samping Kualifikasi "
            "Pelaksana.",
        )
    )
    keterkaitan: list[Keterkaitan] = Field(
        [], description="SOP terkait: judulnya sebagai teks, atau sop: <id> untuk SOP di repositori ini."
    )
    peralatan_perlengkapan: TextList = Field([], description="Peralatan dan perlengkapan yang dipakai.")
    peringatan: TextList = Field([], description="Peringatan bagi pelaksana, mis. akibat bila prosedur tidak diikuti.")
    pencatatan_pendataan: TextList = Field([], description="Catatan dan data yang disimpan, dan bentuknya.")
    ketentuan_pengesahan: TextList = Field([], description="Butir PENGESAHAN bernomor yang dicetak sebagian kantor.")
    tanda_tangan: TandaTanganAtauTidak | None = Field(
        None,
        description="Blok tanda tangan penutup seperti tercetak (baris, nama, nip), atau false bila lembar hanya "
        "ditandatangani di kepala; bila tidak ada, diambil dari disahkan_oleh.",
    )
    judul_kolom: JudulKolom = Field(
        JudulKolom(),
        description="Judul kolom bagan alur seperti tercetak, mis. {keterangan: Ket., waktu: Waktu Pelaksanaan}.",
    )
    kolom_keterangan: bool | None = Field(
        None,
        description="Tampilkan kolom Keterangan: true atau false; bila tidak ada, tampil bila ada langkah yang "
        "mengisi keterangan.",
    )
    nomor_kolom: bool = Field(False, description="Baris nomor kolom (1 2 3 …) di bawah judul kolom: true atau false.")
    gaya_daftar: Annotated[GayaDaftar, BeforeValidator(_one_style, json_schema_input_type=Gaya | GayaDaftar)] = Field(
        GayaDaftar(),
        description="Tanda butir daftar: angka, huruf, strip atau polos; satu gaya untuk kotak, atau "
        "{kotak: …, kegiatan: …, kelengkapan: …}.",
    )
    prosedur: list[Prosedur] = Field(
        min_length=1, description="Satu bagan alur atau lebih (a., b., …), masing-masing diawali '- judul:'."
    )
    catatan_transkripsi: TextList = Field([], description=CATATAN_TRANSKRIPSI)

    def shows_keterangan(self, procedure: Prosedur) -> bool:
        """The sheet's Keterangan column: as the SOP says, else only when a step of the procedure fills it."""
        if self.kolom_keterangan is not None:
            return self.kolom_keterangan
        return any(step.keterangan for step in procedure.langkah)
