"""The SOP document model, declared once: it validates YAML and exports `sops/schema.json`.

Field names are the official sheet's terms (Permenpan RB 35/2012), so editors recognise them.
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

from ..source.model_base import ACTOR_ID, SLUG, Date, NonEmptyTextList, Strict, Text, TextList
from .durations import Duration, DurationError, parse_duration


def _as_duration(value: Any) -> Any:
    if value is None or isinstance(value, Duration):
        return value
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
            "description": "Mis. '10 menit', '1 jam 30 menit', '1 hari'.",
            "examples": ["10 menit", "1 jam", "1 hari"],
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

    jabatan: Text
    nama: Text
    nip: str | None = Field(None, description="NIP as printed, e.g. '19710805 199603 1 002'.")


class Pelaksana(Strict):
    """An actor: one column (lane) of the bagan alur, in declared order."""

    id: str = Field(pattern=ACTOR_ID, description="Short id steps refer to, e.g. 'kasubag'.")
    nama: Text = Field(description="Column header as on the sheet, e.g. 'Kasubbag Hukum dan SDM'.")


class MutuBaku(Strict):
    kelengkapan: TextList = []
    waktu: Waktu = None
    output: str | None = None


class Langkah(Strict):
    """One row of the bagan alur."""

    no: int = Field(ge=1, description="Step number as on the sheet; targets refer to it.")
    kegiatan: NonEmptyTextList = Field(description="The activity; several items are shown as a., b., c.")
    ringkasan: str | None = Field(
        None, description="Short text inside the flowchart symbol (default: start of kegiatan)."
    )
    pelaksana: NonEmptyTextList = Field(description="Actor id(s) of this procedure who perform the step.")
    simbol: Simbol = Simbol.proses
    mutu_baku: MutuBaku = MutuBaku()
    keterangan: str | None = None
    ke: int | None = Field(None, description="Step no. this step flows to, when it is not the next one.")
    ya: int | None = Field(None, description="Keputusan only: step no. for Ya.")
    tidak: int | None = Field(None, description="Keputusan only: step no. for Tidak.")


class Prosedur(Strict):
    """One bagan alur. A document may hold several procedures (a., b., …) under one SOP number."""

    judul: Text
    pelaksana: list[Pelaksana] = Field(min_length=1)
    langkah: list[Langkah] = Field(min_length=1)


class KeterkaitanSop(Strict):
    """A related SOP that lives in this repository."""

    sop: str = Field(pattern=SLUG, description="The `id` of another SOP in sops/.")


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

    id: str = Field(pattern=SLUG, description="Unique id, used in the page address, e.g. 'media-sosial-jdih'.")
    instansi: Text = Field(description="E.g. 'Komisi Pemilihan Umum Kabupaten Agam'.")
    satuan_kerja: str | None = Field(None, description="E.g. 'Sekretariat', 'Sub Bagian Hukum dan SDM'.")
    nomor_sop: Text
    nama_sop: Text
    tanggal_pembuatan: Date | None = None
    tanggal_revisi: Date | None = None
    tanggal_pengesahan: Date | None = None
    tempat_pengesahan: str | None = None
    disahkan_oleh: Pejabat | None = None
    dasar_hukum: TextList = []
    kualifikasi_pelaksana: TextList = []
    jumlah_pelaksana: str | None = None
    keterkaitan: list[Keterkaitan] = []
    peralatan_perlengkapan: TextList = []
    peringatan: TextList = []
    pencatatan_pendataan: TextList = []
    ketentuan_pengesahan: TextList = Field([], description="The numbered PENGESAHAN points some offices print.")
    prosedur: list[Prosedur] = Field(min_length=1)
