"""`sop-jdih rapikan`: files in the web editor's spelling, saying the same, their comments kept as notes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.editor.form_spelling import Refused, comments, dump, rewritten
from generator.schema import json_schema
from generator.sop.model import SopDocument
from generator.source.yaml_source import _Loader

from .conftest import REPO, VALID_SOP, build_site, make_project
from .pagefind_contents import contents

SHORT_FORMS = """\
# yaml-language-server: $schema=schema.json
# Sumber: lembar uji # dengan pagar di dalam komentar
id: uji-singkat
instansi: Komisi Pemilihan Umum Kabupaten Uji
nomor_sop: "007"
nama_sop: 'Uji # bukan komentar'
tanggal_revisi: '-'
disahkan_oleh:
  jabatan: Sekretaris
  nama: Siti
  nip: "19800101 200501 2 001"  # sebagaimana tercetak
dasar_hukum: Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum
keterkaitan:
  - SOP Penyusunan Keputusan
  - sop: uji-lain
tanda_tangan: false
gaya_daftar: strip
prosedur:
  - judul: Uji
    pelaksana:
      - id: kasubag
        nama: Kasubag
    langkah:
      # Simbol disimpulkan: mulai.
      - no: 1
        kegiatan: Menerima surat
        pelaksana: kasubag
        simbol: mulai
        keterangan: >-
          Baris pertama # tanpa komentar
      - no: 2
        kegiatan: [Memeriksa, Mengarsipkan]
        pelaksana: kasubag
        simbol: selesai
        mutu_baku: {kelengkapan: Surat, waktu: 10 menit}
"""


def load(text: str) -> object:
    return yaml.load(text, Loader=_Loader)


def test_every_short_form_takes_the_forms_spelling_and_every_comment_becomes_a_note() -> None:
    schema = json_schema(SopDocument)
    new = rewritten(SHORT_FORMS, "sops/uji-singkat.yaml", SopDocument, schema)
    assert new is not None and new.startswith("# yaml-language-server: $schema=schema.json\nid: uji-singkat\n")
    data = load(new)
    assert data["dasar_hukum"] == ["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"]
    assert data["keterkaitan"] == [{"judul": "SOP Penyusunan Keputusan"}, {"sop": "uji-lain"}]
    assert data["tanda_tangan"] == {"tanpa_blok": True} and data["gaya_daftar"] == {"kotak": "strip"}
    first, second = data["prosedur"][0]["langkah"]
    assert (first["kegiatan"], first["pelaksana"]) == (["Menerima surat"], ["kasubag"])
    assert second["mutu_baku"] == {"kelengkapan": ["Surat"], "waktu": "10 menit"}
    assert (data["nomor_sop"], data["nama_sop"], data["tanggal_revisi"]) == ("007", "Uji # bukan komentar", "-")
    assert first["keterangan"] == "Baris pertama # tanpa komentar"
    assert data["catatan_transkripsi"] == [
        "Sumber: lembar uji # dengan pagar di dalam komentar",
        "disahkan_oleh.nip: sebagaimana tercetak",
        "langkah no 1: Simbol disimpulkan: mulai.",
    ]
    # the same document, and nothing left to rewrite
    before, after = SopDocument.model_validate(load(SHORT_FORMS)), SopDocument.model_validate(data)
    assert before.model_dump(exclude={"catatan_transkripsi"}) == after.model_dump(exclude={"catatan_transkripsi"})
    assert rewritten(new, "sops/uji-singkat.yaml", SopDocument, schema) is None


def test_a_hash_inside_text_is_never_a_comment() -> None:
    found = comments('a: "x # y"\nb: |\n  z # w\nc: 1  # nyata\n')
    assert [(c.line, c.text, c.inline) for c in found] == [(4, "nyata", True)]


def test_a_file_that_does_not_validate_is_refused() -> None:
    with pytest.raises(Refused):
        rewritten("id: uji\n", "sops/uji.yaml", SopDocument, json_schema(SopDocument))


def test_rapikan_leaves_the_built_site_as_it_was(tmp_path: Path) -> None:
    """On a project with short forms and comments: the site built after `rapikan` is the site built before."""
    project = make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": VALID_SOP, "uji-singkat.yaml": SHORT_FORMS})
    (project / "sops" / "uji-singkat.yaml").write_text(
        SHORT_FORMS.replace("  - sop: uji-lain\n", "  - sop: uji-persetujuan\n"), encoding="utf-8"
    )
    before = build_site(project)
    kept = tmp_path / "sebelum"
    shutil.copytree(before, kept)
    command = [sys.executable, "-m", "generator.cli", "--root", str(project), "rapikan"]
    tidied = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
    assert tidied.returncode == 0, tidied.stderr
    assert "ditulis ulang" in tidied.stdout and "uji-singkat.yaml" in tidied.stdout
    after = build_site(project)
    differing = [
        path.relative_to(after).as_posix()
        for path in sorted(after.rglob("*"))
        if path.is_file()
        and "pagefind" not in path.parts
        and path.relative_to(after).as_posix() != "admin/config.yml"
        and path.read_bytes() != (kept / path.relative_to(after)).read_bytes()
    ]
    assert differing == []
    again = subprocess.run([*command, "--periksa"], capture_output=True, text=True, cwd=REPO, check=False)
    assert (again.returncode, again.stdout) == (0, "")


def test_the_example_files_are_in_the_forms_spelling() -> None:
    """The repository's own SOPs and archive open in the web editor without losing anything."""
    checked = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(REPO), "rapikan", "--periksa"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert (checked.returncode, checked.stdout, checked.stderr) == (0, "", "")


@pytest.mark.parametrize("kind", ["sop", "produk-hukum", "konten", "monografi", "artikel", "putusan"])
def test_the_help_sop_jdih_new_writes_is_not_a_note(tmp_path: Path, kind: str) -> None:
    """A starter's comments are the field help the form shows beside each field: rapikan drops them, and the file
    says what it said (the check's findings unchanged)."""
    project = make_project(tmp_path / "proyek", {})
    (project / "content_archive").mkdir()

    def sop_jdih(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "generator.cli", "--root", str(project), *args]
        return subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)

    assert sop_jdih("new", kind, "baru-2025").returncode == 0
    before = sop_jdih("check")
    tidied = sop_jdih("rapikan")
    assert tidied.returncode == 0 and "ditulis ulang" in tidied.stdout, tidied.stderr
    (written,) = [path for path in project.rglob("baru-2025.yaml")]
    assert [comment.text for comment in comments(written.read_text(encoding="utf-8"))][1:] == []  # the modeline
    assert "catatan_transkripsi" not in written.read_text(encoding="utf-8")
    after = sop_jdih("check")
    assert (after.returncode, after.stdout.count("isian contoh")) == (
        before.returncode,
        before.stdout.count("isian contoh"),
    )


def test_transcribers_notes_never_reach_the_site_or_its_search(example_site: Path) -> None:
    """catatan_transkripsi is for editors: no page, feed or search index of the example site carries a note."""
    notes = [
        note
        for file in [*(REPO / "sops").glob("*.yaml"), *(REPO / "content_archive").rglob("*.yaml")]
        for note in (load(file.read_text(encoding="utf-8")) or {}).get("catatan_transkripsi", [])
        if isinstance(note, str)
    ]
    assert len(notes) > 20
    phrases = {note.split(": ", 1)[-1][:60] for note in notes}
    published = [
        path.read_text(encoding="utf-8")
        for path in example_site.rglob("*")
        if path.suffix in (".html", ".json", ".xml", ".txt") and "admin" not in path.parts
    ]
    search = json.dumps(contents(example_site / "pagefind"), ensure_ascii=False)
    leaked = [phrase for phrase in phrases if any(phrase in text for text in [*published, search])]
    assert leaked == []


def test_text_any_reader_takes_for_something_else_stays_quoted() -> None:
    """The generator's reader and the web editor's (YAML 1.2) must both read back the same text."""
    texts = ["1e3", "0o17", "1E5", "007", "True", "-", "8", "2.5"]
    written = dump({"daftar": texts})
    assert load(written) == {"daftar": texts}
    assert all(f"'{text}'" in written for text in texts)
