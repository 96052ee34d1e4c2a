"""Validate an editor's file against its model, turning pydantic errors into located problems."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .guess import did_you_mean, near_miss
from .model_base import ACTOR_ID, DOCS_IMAGE, EMAIL, HTTPS_URL, ISBN, PLAIN_LABEL, SLUG
from .problems import Problem
from .yaml_source import GLUED_COLON, Location, SourceFile, glued_colon

_MESSAGES = {
    "missing": "wajib diisi",
    "string_type": "harus berupa teks",
    "int_type": "harus berupa bilangan bulat",
    "int_parsing": "harus berupa bilangan bulat",
    "int_from_float": "harus berupa bilangan bulat",
    "finite_number": "harus berupa bilangan bulat",
    "bool_type": "harus true atau false (true untuk ya, false untuk tidak)",
    "bool_parsing": "harus true atau false (true untuk ya, false untuk tidak)",
    "list_type": "harus berupa daftar (baris-baris yang diawali '- ')",
    "text_or_list_type": "harus berupa teks, atau daftar teks (baris-baris yang diawali '- ')",
    "model_type": "harus berupa kumpulan kunci: nilai",
    "dict_type": "harus berupa kumpulan kunci: nilai",
    "string_too_short": "tidak boleh kosong",
    "too_short": "tidak boleh kosong",
    "greater_than_equal": "harus {ge} atau lebih",
    "less_than_equal": "paling besar {le}",
    "date_type": "harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23",
    "date_parsing": "harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23",
    "date_from_datetime_parsing": "harus berupa tanggal TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23",
}


M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated document and the file it came from (for locating later problems and edit links)."""

    document: M
    source: SourceFile

    @property
    def path(self) -> str:
        """The file relative to the project root, e.g. `sops/media-sosial.yaml`."""
        return self.source.path


def validate_source(source: SourceFile, model: type[M]) -> tuple[Loaded[M] | None, list[Problem]]:
    """The file's data as a model, or the located problems that stop it; never half a document."""
    if not isinstance(source.data, dict):
        return None, [Problem(source.path, 1, "", "isi berkas harus berupa kumpulan kunci: nilai (mis. id: …)")]
    try:
        return Loaded(model.model_validate(source.data), source), []
    except ValidationError as error:
        return None, model_problems(error, source, model)


def model_problems(error: ValidationError, source: SourceFile, model: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, at the line of the YAML key it concerns."""
    problems = []
    for item in error.errors():
        location = _data_location(source.data, item["loc"], item["type"] in _KEY_ERRORS)
        problems.append(source.problem(location, _message(item, location, model)))
    return problems


# Errors whose location ends with a key the data lacks (or should lack): the key is named. Any other error's location
# may end with a union's tag (`keterkaitan.0.isian`), which is not in the data.
_KEY_ERRORS = frozenset({"missing", "extra_forbidden"})


def _data_location(data: Any, loc: tuple[Any, ...], names_key: bool = True) -> Location:
    """Keep the parts of a pydantic location that exist in the data (drops union tag names)."""
    kept: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif index == len(loc) - 1 and isinstance(part, str) and names_key:
            current = None  # a missing or unknown key: name it
        else:
            continue
        kept.append(part)
    return tuple(kept)


# What a `pattern` asks for, in words; a pattern not listed here is shown as is.
_PATTERNS = {
    SLUG: "hanya huruf kecil, angka dan tanda '-', mis. 'media-sosial-jdih'",
    ACTOR_ID: "hanya huruf kecil, angka dan tanda '-' atau '_', mis. 'kasubag'",
    HTTPS_URL: "harus alamat lengkap yang diawali https://, tanpa spasi, tanda kutip, kurung atau < >",
    EMAIL: "harus alamat surel seperti jdih@kpu-contoh.go.id, tanpa spasi",
    DOCS_IMAGE: "harus berkas gambar (.png, .svg, .jpg, .webp) di folder docs/, ditulis dari sana, "
    "mis. assets/images/logo-kpu.png",
    PLAIN_LABEL: "tidak boleh memuat < > & atau tanda kutip",
    ISBN: "harus ISBN seperti tercetak: 10 atau 13 angka (yang terakhir boleh X), boleh dipisah '-', "
    "mis. 978-602-0000-01-5",
}


def _message(item: Any, location: Location, model: type[BaseModel]) -> str:
    kind = item["type"]
    if item.get("input", "") is None and kind not in ("missing", "extra_forbidden"):
        # `judul:` with nothing after it: the key is there, so "wajib diisi" or "harus berupa teks" would puzzle.
        return (
            "tidak boleh kosong; isi nilainya atau hapus baris ini"
            if _optional(model, location)
            else "tidak boleh kosong"
        )
    if kind == "extra_forbidden":
        known = _fields_at(model, location[:-1])
        # A near miss ("simbul" for "simbol"), or the field the key begins ("tahun" for "tahun_terbit"), or a field
        # written at the wrong level ("waktu" on a step, where it belongs in its mutu_baku).
        hint = (
            did_you_mean(str(location[-1]), known)
            or _elsewhere(model, location)
            or f"; kolom yang dikenal: {', '.join(known)}"
        )
        return f"kolom tidak dikenal{hint}"
    if kind in ("literal_error", "enum"):
        expected = str(item.get("ctx", {}).get("expected", "")).replace(" or ", " atau ")
        guess = near_miss(str(item["input"]), re.findall(r"'([^']*)'", expected))
        if guess:
            return f"nilai '{item['input']}' tidak dikenal; maksud Anda '{guess}'? (pilihan: {expected})"
        return f"nilai '{item['input']}' tidak dikenal; pilih salah satu: {expected}"
    if kind == "date_dash" and _optional(model, location):
        return f"{item['msg']}, atau hapus baris ini bila tanggalnya tidak ada"
    if kind == "date_from_datetime_parsing" and "range" in str(item.get("ctx", {}).get("error", "")):
        return "bukan tanggal yang ada; tulis TTTT-BB-HH (tahun-bulan-hari), mis. 2024-08-23"
    if kind == "string_type" and isinstance(item.get("input"), int | float) and not isinstance(item["input"], bool):
        # An ISBN, a nomor or a volume written without quotes: YAML reads digits as a number.
        return f'harus berupa teks; tulis angkanya di antara tanda kutip, mis. "{item["input"]}"'
    if kind == "string_type" and isinstance(item.get("input"), dict) and len(item["input"]) == 1:
        # `- Undang-Undang Nomor 7: Pemilu`: the ': ' inside the text made it one `kolom: nilai` pair.
        return (
            "harus berupa teks, tetapi tanda ': ' di dalamnya membuatnya dibaca sebagai 'kolom: nilai'; "
            "apit seluruh teksnya dengan tanda kutip"
        )
    if kind in ("model_type", "dict_type") and isinstance(item.get("input"), str):
        glued = GLUED_COLON.match(item["input"])
        if glued:
            return f"harus berupa kumpulan kunci: nilai; {glued_colon(glued)}"
    if kind == "string_pattern_mismatch":
        pattern = str(item.get("ctx", {}).get("pattern", ""))
        return _PATTERNS.get(pattern, f"harus sesuai pola {pattern}")
    template = _MESSAGES.get(kind)  # only our own templates are formatted: pydantic's text may hold the input's braces
    return template.format(**item.get("ctx", {})) if template is not None else item["msg"]


def _elsewhere(model: type[BaseModel], location: Location) -> str:
    """Where a known field written at the wrong level belongs: one level down, in a part of this place
    (`; 'waktu' ditulis di dalam 'mutu_baku:'`), or at a place that contains this one (`keterangan` in a mutu_baku:
    `tulis sejajar dengan 'mutu_baku:'`; `jumlah_pelaksana` in a step: `tulis di bagian atas berkas`); "" when it
    belongs nowhere near."""
    key, parent = str(location[-1]), _model_at(model, location[:-1])
    if parent is not None:
        for name, field in parent.model_fields.items():
            inner = _inner_model(field.annotation)
            if inner is not None and key in inner.model_fields:
                return f"; '{key}' ditulis di dalam '{name}:', berindentasi di bawahnya"
    names = [part for part in location[:-1] if isinstance(part, str)]
    for depth in range(len(names) - 1, -1, -1):
        outer = _model_at(model, _prefix(location, names[:depth]))
        if outer is not None and key in outer.model_fields:
            if depth == len(names) - 1:
                where = f"sejajar dengan '{names[-1]}:', bukan di dalamnya"
            else:
                where = f"di dalam '{names[depth - 1]}:'" if depth else "di bagian atas berkas, tanpa indentasi"
            return f"; '{key}' bukan kolom di sini: tulis {where}"
    return ""


def _prefix(location: Location, names: list[str]) -> Location:
    """The part of `location` up to the named fields `names` (and the list items between them)."""
    if not names:
        return ()
    seen = 0
    for end, part in enumerate(location):
        if isinstance(part, str):
            seen += 1
            if seen == len(names):
                following = location[end + 1 : end + 2]
                return location[: end + 1] + tuple(p for p in following if isinstance(p, int))
    return location


def _fields_at(model: type[BaseModel], location: Location) -> list[str]:
    """Field names of the model found at `location` (for "did you mean")."""
    found = _model_at(model, location)
    return list(found.model_fields) if found is not None else []


def _optional(model: type[BaseModel], location: Location) -> bool:
    """Whether the field at `location` may be left out, so deleting an empty line is a fix."""
    parent = _model_at(model, location[:-1])
    field = parent.model_fields.get(str(location[-1])) if parent is not None and location else None
    return field is not None and not field.is_required()


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if _is_model(current) else None


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """The model inside `list[M]`, `M | None`, `Annotated[...]` and the like."""
    if _is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _inner_model(argument)
            if found is not None:
                return found
    return None
