"""The office's identity, written once in kantor.yaml: what a JDIHN member site shows about who runs it.

The home page, the footer and the pages Profil, Kontak and Panduan pengunjung read it; the header shows the source
repository's widget only when the office asks for it (`tampilkan_repositori`). The file is optional: without it the
site is named by mkdocs.yml's `site_name` and those pages are not written. Each field's Indonesian `description` is
the editors' help, like the SOP and archive models (JSON Schema from `sop-jdih schema`).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from .project import Project
from .source.model_base import DOCS_IMAGE, EMAIL, HTTPS_URL, LongText, Strict, Text, TextList
from .source.model_errors import Loaded, validate_source
from .source.problems import Problem
from .source.yaml_source import load_yaml

JDIHN_PORTAL = "https://jdihn.go.id"  # the national JDIH network's portal: every member site links it


class Pengelola(Strict):
    jabatan: Text = Field(description="Kedudukan dalam tim pengelola JDIH, mis. Penanggung jawab atau Anggota.")
    nama: Text = Field(description="Nama pejabat atau unit kerja yang memegang kedudukan itu.")
    unsur: Text | None = Field(None, description="Jabatan dinasnya, mis. Kepala Subbagian Hukum (opsional).")


class Tautan(Strict):
    judul: Text = Field(description="Teks tautan, mis. JDIH KPU RI.")
    alamat: str = Field(pattern=HTTPS_URL, description="Alamat lengkap yang diawali https://.")


class Kontak(Strict):
    alamat: Text | None = Field(None, description="Alamat kantor dalam satu baris.")
    telepon: Text | None = Field(None, description="Nomor telepon layanan, mis. (0286) 123456.")
    surel: Text | None = Field(None, pattern=EMAIL, description="Alamat surel layanan, mis. jdih@kpu-contoh.go.id.")
    jam_layanan: Text | None = Field(None, description="Hari dan jam layanan, mis. Senin–Jumat, 08.00–16.00 WIB.")


class Kantor(Strict):
    nama: Text = Field(description="Nama kantor seperti tampil di kaki setiap halaman dan di halaman Profil.")
    profil: LongText | None = Field(
        None, description="Profil JDIH kantor: dasar pembentukan, tugas, koleksi. Beberapa paragraf boleh."
    )
    struktur_pengelola: list[Pengelola] = Field(
        default_factory=list, description="Susunan tim pengelola JDIH, dari penanggung jawab sampai anggota."
    )
    kontak: Kontak = Field(default_factory=Kontak, description="Cara menghubungi pengelola JDIH.")
    panduan: TextList = Field(
        default_factory=list, description="Panduan pengunjung: langkah-langkah mencari dan mengunduh produk hukum."
    )
    tautan: list[Tautan] = Field(
        default_factory=list, description="Tautan ke situs terkait; portal JDIHN selalu ditautkan."
    )
    logo: str | None = Field(
        None,
        pattern=DOCS_IMAGE,
        description="Logo kantor: berkas gambar di folder docs/, mis. assets/images/logo-kpu.png; tampil di kotak "
        "identitas setiap SOP dan di kepala situs.",
    )
    tampilkan_repositori: bool = Field(
        False, description="Tampilkan tautan repositori (GitHub) di kepala situs: true atau false (bawaan false)."
    )


def kantor_file(project: Project) -> Path:
    return project.root / project.settings.kantor


def kantor_schema(project: Project) -> Path:
    """Beside the file, where its first line points: `# yaml-language-server: $schema=kantor.schema.json`."""
    return kantor_file(project).with_name("kantor.schema.json")


def load_kantor(project: Project) -> tuple[Loaded[Kantor] | None, list[Problem]]:
    """kantor.yaml validated, or its located problems; (None, []) when the project has none."""
    file = kantor_file(project)
    if not file.is_file():
        return None, []
    source, problems = load_yaml(file, file.relative_to(project.root).as_posix())
    if source is None:
        return None, problems
    kantor, found = validate_source(source, Kantor)
    logo = kantor.document.logo if kantor else None
    if kantor and logo and not (project.docs_dir / logo).is_file():
        found.append(source.problem(("logo",), f"berkas {project.docs_label}{logo} tidak ada; simpan logonya di sana"))
    return kantor, problems + found
