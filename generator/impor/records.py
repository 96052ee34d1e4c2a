"""One feed record → the fields of an archive file of its collection: the inverse of each collection's JDIHN mapping.

The collection follows the agreed rule (i14 mapping, GUIDE.md §6): `jenis` words first (putusan → putusan;
buku/monografi → monografi; artikel/majalah/jurnal → artikel), then book-only keys being filled (a catalogue entry
whose jenis says nothing); everything else is produk hukum. A value that has to change on the way (an `http://`
address, a status word that is a relation here, a date that is no date) is kept or dropped with a note; whether the
result is a valid file is decided by the model itself (run.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..archive.model import BidangHukum, Status
from ..source.model_base import Isbn
from .feed import Record
from .jenis import court, regulation
from .text import is_file_name, iso_date, label_case, one_line, status_of, web_address, year

PRODUK_HUKUM, MONOGRAFI, ARTIKEL, PUTUSAN = "produk-hukum", "monografi", "artikel", "putusan"
BOOK_KEYS = ("noPanggil", "isbn", "nomorIndukBuku", "deskripsiFisik")  # filled only for books
MAX_ID = 90  # a file name has 100 at most (items are named after their ids): room for "-2" and the like
_SUMBER = re.compile(
    r"^(?P<nama>.+?)"
    r"(?:[,;]?\s+Vol(?:ume)?\.?\s*(?P<volume>[^,;\s]+))?"
    r"(?:[,;]?\s+No(?:mor)?\.?\s*(?P<nomor>[^,;\s]+))?"
    r"(?:[,;]?\s+(?:hlm|hal|halaman|pp)\.?\s*(?P<halaman>[^,;\s]+))?\.?$",
    re.IGNORECASE,
)

# Which feed key each field comes from, so a report line names what the old application should have filled.
SOURCE_KEYS = {
    "jenis": "jenis",
    "jenis_peradilan": "jenis",
    "singkatan_jenis": "singkatanJenis",
    "nomor": "noPeraturan",
    "tahun": "tahun_pengundangan",
    "tahun_terbit": "tahun_pengundangan",
    "judul": "judul",
    "teu_badan": "teuBadan",
    "pengarang": "teuBadan",
    "tempat_penetapan": "tempatTerbit",
    "tempat_terbit": "tempatTerbit",
    "tempat_peradilan": "tempatTerbit",
    "tanggal_penetapan": "tanggal_penetapan",
    "tanggal_dibacakan": "tanggal_penetapan",
    "tanggal_pengundangan": "tanggal_pengundangan",
    "subjek": "subjek",
    "bidang_hukum": "bidangHukum",
    "isbn": "isbn",
    "sumber": "sumber",
}


# The fields an old application often left empty, by collection, with the feed key each comes from: optional in the
# models, so such a record is written without them and one note names what to complete.
LEFT_EMPTY = {
    PRODUK_HUKUM: (("tempat_penetapan", "tempatTerbit"), ("subjek", "subjek"), ("bidang_hukum", "bidangHukum")),
    MONOGRAFI: (("subjek", "subjek"), ("bidang_hukum", "bidangHukum")),
    ARTIKEL: (("subjek", "subjek"), ("bidang_hukum", "bidangHukum")),
    PUTUSAN: (("tempat_peradilan", "tempatTerbit"), ("subjek", "subjek"), ("bidang_hukum", "bidangHukum")),
}


@dataclass(frozen=True)
class RemoteFile:
    """A file the record links to: where it goes in the item, the address as the feed wrote it (what `--unduh`
    fetches) and as the file keeps it (https, encoded), and what to say when the file keeps that address."""

    where: tuple[str, ...]
    original: str
    url: str
    note: str | None


@dataclass
class Draft:
    """A record mapped to a collection: the file's fields (without `id`) and its id's base."""

    collection: str
    data: dict[str, Any]
    id_base: str
    notes: list[str] = field(default_factory=list)
    files: list[RemoteFile] = field(default_factory=list)
    # Spellings of the whole feed written in the archive's words ("jenis 'PERATURAN KPU' ditulis …"): said once per
    # feed with a count, not on every record that has them.
    renamed: list[str] = field(default_factory=list)


def collection_of(record: Record) -> str:
    words = set(re.findall(r"[a-z]+", (record.get("jenis") or "").casefold()))
    if "putusan" in words:
        return PUTUSAN
    if words & {"buku", "monografi"}:
        return MONOGRAFI
    if words & {"artikel", "majalah", "jurnal"}:
        return ARTIKEL
    if any(record.get(key) for key in BOOK_KEYS):
        return MONOGRAFI
    return PRODUK_HUKUM


def draft(record: Record) -> Draft | str:
    """The record as a file of its collection, or why it cannot be one (a record without judul)."""
    if not record.get("judul"):
        return "judul kosong"
    collection = collection_of(record)
    mapper = {PRODUK_HUKUM: _produk_hukum, MONOGRAFI: _monografi, ARTIKEL: _artikel, PUTUSAN: _putusan}[collection]
    mapped = mapper(record)
    if isinstance(mapped, Draft):
        empty = [key for field_name, key in LEFT_EMPTY[collection] if not mapped.data.get(field_name)]
        if empty:
            mapped.notes.append(f"{_joined(empty)} kosong di umpan: lengkapi di berkasnya")
    return mapped


def _joined(words: list[str]) -> str:
    """ "a", "a dan b", "a, b dan c"."""
    return " dan ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]


def _produk_hukum(record: Record) -> Draft | str:
    notes: list[str] = []
    dates = _dates(record, notes)
    tahun = _year(record, dates, notes)
    found = status_of(record.get("status"))
    if found is None:
        return (
            f"status '{record.get('status')}' tidak dikenal (yang dikenal: Berlaku, Tidak Berlaku, Dicabut, Diubah, "
            "Dicabut sebagian)"
        )
    status, status_note = found
    notes.extend(filter(None, [status_note]))
    renamed: list[str] = []
    jenis, singkatan = _regulation(record, renamed)
    nomor = _nomor(record, tahun, notes)
    data: dict[str, Any] = {
        "jenis": jenis,
        "singkatan_jenis": singkatan,
        "nomor": nomor,
        "tahun": tahun,
        "judul": _line(record, "judul"),
        "teu_badan": _line(record, "teuBadan"),
        "tempat_penetapan": _label(record, "tempatTerbit"),
        "tanggal_penetapan": dates.get("tanggal_penetapan"),
        "tanggal_pengundangan": dates.get("tanggal_pengundangan"),
        "sumber": _line(record, "sumber"),
        "subjek": _subjek(record),
    }
    if status is not Status.berlaku:
        word = label_case(record.get("status") or status.value)
        data["status"] = status.value
        data["keterangan_status"] = f"{word}, menurut umpan JDIHN aplikasi JDIH sebelumnya"
    data |= {"bahasa": _label(record, "bahasa"), "bidang_hukum": _bidang_hukum(record)}
    files = _files(record, notes, ("lampiran", "dokumen"), ("lampiran", "abstrak"))
    data["lampiran"] = {remote.where[-1]: remote.url for remote in files} or None
    text = _abstract(record, notes)
    data["abstrak"] = {"abstrak": text} if text else None
    base = _id_base([singkatan, nomor], tahun)
    return Draft(PRODUK_HUKUM, data, base, notes, files, renamed)


def _monografi(record: Record) -> Draft:
    notes: list[str] = []
    dates = _dates(record, notes)
    tahun = _year(record, dates, notes)
    isbn = _isbn(_line(record, "isbn"), notes)
    data: dict[str, Any] = {
        "judul": _line(record, "judul"),
        "jenis": _label(record, "jenis"),
        "pengarang": _people(record),
        "tempat_terbit": _label(record, "tempatTerbit"),
        "penerbit": _line(record, "penerbit"),
        "tahun_terbit": tahun,
        "deskripsi_fisik": _line(record, "deskripsiFisik"),
        "isbn": isbn,
        "nomor_panggil": _line(record, "noPanggil"),
        "nomor_induk_buku": _line(record, "nomorIndukBuku"),
        "subjek": _subjek(record),
        "bahasa": _label(record, "bahasa"),
        "bidang_hukum": _bidang_hukum(record),
    }
    files = _files(record, notes, ("lampiran",))
    data["lampiran"] = files[0].url if files else None
    data["abstrak"] = "\n\n".join(_abstract(record, notes)) or None
    return Draft(MONOGRAFI, data, _id_base(["monografi", data["judul"]], tahun), notes, files)


def _artikel(record: Record) -> Draft:
    notes: list[str] = []
    dates = _dates(record, notes)
    tahun = _year(record, dates, notes)
    data: dict[str, Any] = {
        "judul": _line(record, "judul"),
        "jenis": _label(record, "jenis"),
        "pengarang": _people(record),
        "sumber": _sumber(record),
        "tempat_terbit": _label(record, "tempatTerbit"),
        "tahun": tahun,
        "subjek": _subjek(record),
        "bahasa": _label(record, "bahasa"),
        "bidang_hukum": _bidang_hukum(record),
    }
    files = _files(record, notes, ("lampiran",))
    if files and _is_pdf(files[0].url):
        data["lampiran"] = files[0].url
    elif files:
        data["tautan"] = files[0].url  # the article's page at its publisher: a link, never a file to download
        notes.extend(filter(None, [files[0].note]))
        files = []
    data["abstrak"] = "\n\n".join(_abstract(record, notes)) or None
    return Draft(ARTIKEL, data, _id_base(["artikel", data["judul"]], tahun), notes, files)


def _putusan(record: Record) -> Draft:
    notes: list[str] = []
    dates = _dates(record, notes)
    tahun = _year(record, dates, notes)
    jenis = _label(record, "jenis") or ""
    peradilan = re.sub(r"^putusan\b\s*", "", jenis, flags=re.IGNORECASE) or None
    if peradilan is None and record.get("teuBadan"):
        peradilan = _line(record, "teuBadan")
        notes.append(
            f"jenis '{record.get('jenis')}' tidak menyebut peradilannya: jenis_peradilan diambil dari teuBadan"
        )
    nomor = _nomor(record, tahun, notes)
    singkatan = _line(record, "singkatanJenis")
    renamed: list[str] = []
    expanded = court(peradilan) if peradilan else None
    if expanded is not None:
        peradilan, short = expanded
        singkatan = singkatan or short
        renamed.append(f"jenis '{record.get('jenis')}' ditulis jenis_peradilan '{peradilan}', singkatan {singkatan}")
    data: dict[str, Any] = {
        "judul": _line(record, "judul"),
        "jenis_peradilan": peradilan,
        "singkatan_jenis": singkatan,
        "teu_badan": _line(record, "teuBadan"),
        "nomor": nomor,
        "tahun": tahun,
        "tempat_peradilan": _label(record, "tempatTerbit"),
        "tanggal_dibacakan": dates.get("tanggal_penetapan"),
        "berkekuatan_hukum_tetap": _final(record.get("status")),
        "sumber": _line(record, "sumber"),
        "subjek": _subjek(record),
        "bahasa": _label(record, "bahasa"),
        "bidang_hukum": _bidang_hukum(record),
    }
    files = _files(record, notes, ("lampiran",))
    data["lampiran"] = files[0].url if files else None
    data["abstrak"] = "\n\n".join(_abstract(record, notes)) or None
    base = _id_base(["putusan", singkatan, nomor], None)
    return Draft(PUTUSAN, data, base, notes, files, renamed)


def _regulation(record: Record, renamed: list[str]) -> tuple[str | None, str | None]:
    """Jenis and singkatan: the citation parser's canonical jenis where it knows the feed's ("PERATURAN KPU" →
    Peraturan Komisi Pemilihan Umum, PKPU), so one jenis is not listed under two names; else as written."""
    jenis, singkatan = _label(record, "jenis"), _line(record, "singkatanJenis")
    known = regulation(jenis) if jenis else None
    if known is None:
        return jenis, singkatan
    name, short = known
    singkatan = singkatan or short
    if name != jenis:
        short_note = f", singkatan {singkatan}" if singkatan else ""
        renamed.append(f"jenis '{record.get('jenis')}' ditulis '{name}'{short_note}")
    return name, singkatan


def _nomor(record: Record, tahun: int | None, notes: list[str]) -> str | None:
    """noPeraturan without the words around the number that some applications keep ("Nomor 12 Tahun 2018" → "12")."""
    written = _line(record, "noPeraturan")
    if written is None:
        return None
    nomor = re.sub(r"^(?:nomor|no)\b\.?\s*", "", written, flags=re.IGNORECASE)
    if tahun is not None:
        nomor = re.sub(rf"\s+tahun\s+{tahun}$", "", nomor, flags=re.IGNORECASE)
    if not nomor or nomor == written:
        return written
    notes.append(f"noPeraturan '{written}' ditulis '{nomor}'")
    return nomor


def _final(status: str | None) -> bool | None:
    """A putusan's feed status says whether it is final ("Berkekuatan Hukum Tetap", "Belum Berkekuatan Hukum Tetap",
    "Inkracht", as the built feed writes it); any other word (a regulation's "Berlaku") leaves it unrecorded."""
    words = " ".join((status or "").split()).casefold()
    if "hukum tetap" not in words and words != "inkracht":
        return None
    return not words.startswith(("belum", "tidak"))


def _isbn(written: str | None, notes: list[str]) -> str | None:
    """The ISBN as the model reads it ("ISBN " dropped); one it refuses (letters, a wrong check digit) is left out
    with a note rather than losing the book."""
    if written is None:
        return None
    try:
        return _ISBN.validate_python(written)
    except ValidationError:
        notes.append(f"isbn '{written}' bukan ISBN yang sah (10 atau 13 angka, angka terakhirnya cocok): dikosongkan")
        return None


_ISBN = TypeAdapter(Isbn)


def _line(record: Record, key: str) -> str | None:
    value = record.get(key)
    return one_line(value) if value else None


def _label(record: Record, key: str) -> str | None:
    value = record.get(key)
    return label_case(value) if value else None


def _subjek(record: Record) -> list[str] | None:
    """Keywords in capitals, as JDIH writes them, split at commas or semicolons; each once."""
    words = [one_line(word).upper() for word in re.split(r"[,;]", record.get("subjek") or "")]
    return list(dict.fromkeys(word for word in words if word)) or None


def _people(record: Record) -> list[str] | None:
    """Pengarang: the feed's teuBadan, where several authors are joined with "; "."""
    names = [one_line(name) for name in (record.get("teuBadan") or "").split(";")]
    return [name for name in names if name] or None


def _bidang_hukum(record: Record) -> str | None:
    """One of the national list, whatever its casing in the feed; anything else as written (the model reports it)."""
    value = record.get("bidangHukum")
    if value is None:
        return None
    known = {bidang.value.casefold(): bidang.value for bidang in BidangHukum}
    return known.get(one_line(value).casefold(), one_line(value))


def _sumber(record: Record) -> dict[str, str] | None:
    """ "Jurnal Pemilu Vol. 5 No. 2 hlm. 101-120" → its name, volume, nomor and halaman (only the parts present)."""
    value = _line(record, "sumber")
    found = _SUMBER.fullmatch(value) if value else None
    if found is None:
        return None
    return {key: part for key, part in found.groupdict().items() if part}


def _dates(record: Record, notes: list[str]) -> dict[str, str]:
    """The record's dates as YYYY-MM-DD; a value that is no date is dropped with a note ("0000-00-00" is no value)."""
    dates = {}
    for key in ("tanggal_penetapan", "tanggal_pengundangan"):
        value = record.get(key)
        date = iso_date(value)
        if date is not None:
            dates[key] = date.isoformat()
        elif value is not None:
            notes.append(f"{key} '{value}' bukan tanggal TTTT-BB-HH: dikosongkan")
    return dates


def _year(record: Record, dates: dict[str, str], notes: list[str]) -> int | None:
    """The year of the document: of its penetapan when known (a keputusan of December is often diundangkan in
    January), else the feed's tahun_pengundangan, else of its pengundangan."""
    written = record.get("tahun_pengundangan")
    if written is not None and year(written) is None:
        notes.append(f"tahun_pengundangan '{written}' bukan tahun empat angka: diabaikan")
    if "tanggal_penetapan" in dates:
        return int(dates["tanggal_penetapan"][:4])
    if year(written) is not None:
        return year(written)
    return int(dates["tanggal_pengundangan"][:4]) if "tanggal_pengundangan" in dates else None


def _files(
    record: Record, notes: list[str], document_at: tuple[str, ...], abstract_at: tuple[str, ...] | None = None
) -> list[RemoteFile]:
    """The full text (urlDownload, or fileDownload when that holds an address) and, where the collection has a place
    for it (`abstract_at`), the abstract's PDF (urlAbstrak, or an address written in abstrak), as addresses the
    archive accepts, each with its place in the item."""
    files = []
    document = record.get("urlDownload")
    name = record.get("fileDownload")
    if document is None and name is not None and name.startswith(("https://", "http://")):
        document = name
    elif document is None and name is not None:
        notes.append(f"fileDownload '{name}' tanpa urlDownload: berkasnya tidak dapat diambil; simpan sendiri di arsip")
    files.extend(filter(None, [_remote(document_at, "urlDownload", document, notes)]))
    if abstract_at is not None:
        url = record.get("urlAbstrak")
        written = record.get("abstrak")
        if url is None and written is not None and written.startswith(("https://", "http://")):
            url = written
        if url is not None and _is_pdf(url):
            files.extend(filter(None, [_remote(abstract_at, "urlAbstrak", url, notes)]))
    return files


def _is_pdf(url: str) -> bool:
    return url.split("?")[0].split("#")[0].lower().endswith(".pdf")


def _remote(where: tuple[str, ...], key: str, value: str | None, notes: list[str]) -> RemoteFile | None:
    if value is None:
        return None
    if value.startswith("https://"):
        return RemoteFile(where, value, web_address(value), None)
    if value.startswith("http://"):
        url = web_address("https://" + value.removeprefix("http://"))
        note = f"{key} memakai http://: ditulis {url}; pastikan alamat itu terbuka"
        return RemoteFile(where, value, url, note)
    notes.append(f"{key} '{value}' bukan alamat web lengkap: tidak diimpor; simpan berkasnya sendiri di arsip")
    return None


def _abstract(record: Record, notes: list[str]) -> list[str]:
    """Abstrak as its paragraphs (the feed reader made them plain text); a file name or address there is no abstract
    text (its PDF: see `_files`)."""
    value = record.get("abstrak")
    if value is None:
        return []
    if is_file_name(value):
        notes.append(f"abstrak berisi nama berkas atau alamat '{value}', bukan teks: diabaikan")
        return []
    return value.split("\n")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _id_base(parts: list[str | None], tahun: int | None) -> str:
    """An id from what cites the item and its year ("pkpu-8-2019"), the year once ("kepkab-10-hk-04-08-2022"), cut
    at a '-' to fit a file name, the year kept."""
    slug = "-".join(filter(None, (_slug(part or "") for part in parts)))
    if tahun is None or slug == str(tahun) or slug.endswith(f"-{tahun}"):
        return _cut(slug, "")
    return _cut(slug, f"-{tahun}") if slug else str(tahun)


def _cut(slug: str, tail: str) -> str:
    if len(slug) + len(tail) > MAX_ID:
        slug = slug[: MAX_ID - len(tail)].rsplit("-", 1)[0]
    return slug + tail
