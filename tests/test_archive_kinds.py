"""A collection is its description: a made-up one, registered here only, gets every stage of a real build."""

from __future__ import annotations

import datetime
import json
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.archive import kinds
from generator.archive.kind import DOCUMENT_SUFFIXES, ArchiveKind, Attachment, Cell, Column, Facet, Reference
from generator.archive.model import ItemId, Relasi
from generator.archive.produk_hukum import PRODUK_HUKUM
from generator.archive.relations import RELATIONS, declared_by
from generator.cli import main
from generator.core import load_content
from generator.project import Project
from generator.publish.manifest import MANIFEST_FILE, content_epoch
from generator.source.model_base import Date, LongText, Strict, Text
from generator.source.problems import DataError

from .archive_fixture import PDF, write_archive
from .conftest import VALID_SOP, build_site, make_project


class Pengumuman(Strict):
    """An office announcement: the smallest collection worth the name."""

    id: ItemId
    judul: Text
    tanggal: Date
    isi: LongText
    lampiran: str | None = None
    produk_hukum: list[ItemId] = []


PAGE_TEMPLATE = """\
---
title: {{ item.judul | tojson }}
---

<h1 id="{{ title_id }}">{{ item.judul }}</h1>
<p class="tanggal-pengumuman">{{ item.tanggal | tanggal }}</p>
{% for paragraph in paragraphs -%}
<p>{{ paragraph | br }}</p>
{% endfor -%}
{% if files.lampiran %}<p><a href="{{ files.lampiran.html | u }}">Unduh lampiran</a></p>{% endif %}
{% for other in references.produk_hukum -%}
<p>Tentang <a href="{{ other.href }}">{{ other.title }}</a></p>
{% endfor -%}
"""

STARTER_TEMPLATE = """\
{{ modeline }}
id: {{ id }}
judul: Pengumuman Baru
tanggal: {{ today.isoformat() }}
isi: Tulis isi pengumuman di sini.
produk_hukum: [{{ produk_hukum or "" }}]
"""

RAPAT = """\
id: rapat-pleno-2025
judul: Rapat Pleno Terbuka
tanggal: 2025-06-02
isi: Rapat pleno terbuka digelar di aula kantor.
lampiran: lampiran/undangan-pleno.pdf
produk_hukum: [uu-7-2017]
"""

LIBUR_MD = """\
---
id: libur-2024
judul: Pelayanan Libur Akhir Tahun
tanggal: 2024-12-20
---
Pelayanan informasi tutup pada 25 Desember.

Permohonan tetap dapat dikirim melalui laman JDIH.
"""


def pengumuman_kind(templates: Path) -> ArchiveKind:
    return ArchiveKind(
        key="pengumuman",
        name="pengumuman",
        plural="pengumuman",
        full_name="pengumuman kantor",
        model=Pengumuman,
        body_field="isi",
        address="pengumuman/{id}.md",
        date=lambda item: item.tanggal,
        dates=lambda item: [item.tanggal],
        page_template="pengumuman.html.j2",
        sections=(),
        starter="new_pengumuman.yaml.j2",
        next_steps="Berikutnya: tulis isi pengumuman, lalu jalankan: {check}",
        schema="schema/pengumuman.json",
        attachments=(Attachment("lampiran", ("lampiran",), DOCUMENT_SUFFIXES),),
        references=(Reference("produk_hukum", PRODUK_HUKUM.key, "Pengumuman tentang produk hukum ini"),),
        facets=(
            Facet(
                "pengumuman-tahun",
                "Pengumuman menurut tahun",
                lambda item, archive: [str(item.tanggal.year)],
                newest_label_first=True,
            ),
        ),
        columns=(
            Column("Judul", lambda item, archive: Cell(item.judul, page=True)),
            Column("Tanggal", lambda item, archive: item.tanggal),
        ),
        templates=templates,
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The archive fixture plus two pengumuman, with the collection registered through its description alone."""
    templates = tmp_path / "templat"
    templates.mkdir()
    (templates / "pengumuman.html.j2").write_text(PAGE_TEMPLATE, encoding="utf-8")
    (templates / "new_pengumuman.yaml.j2").write_text(STARTER_TEMPLATE, encoding="utf-8")
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, pengumuman_kind(templates)))
    root = make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": VALID_SOP})
    archive = write_archive(root, {"pengumuman/rapat-pleno-2025.yaml": RAPAT, "pengumuman/libur-2024.md": LIBUR_MD})
    (archive / "lampiran" / "undangan-pleno.pdf").write_bytes(PDF)
    return root


def test_a_new_collection_gets_pages_listings_feeds_and_manifest(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.sop-jdih")
    site = build_site(project)

    page = (site / "pengumuman" / "rapat-pleno-2025" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="rapat-pleno-terbuka">Rapat Pleno Terbuka</h1>' in page
    assert '<p class="tanggal-pengumuman">2 Juni 2025</p>' in page
    assert '<a href="../../berkas/lampiran/undangan-pleno.pdf">Unduh lampiran</a>' in page
    assert (site / "berkas" / "lampiran" / "undangan-pleno.pdf").read_bytes() == PDF
    assert 'Tentang <a href="../../produk-hukum/uu-7-2017/">Undang-Undang Nomor 7 Tahun 2017' in page
    body = (site / "pengumuman" / "libur-2024" / "index.html").read_text(encoding="utf-8")
    assert "<p>Pelayanan informasi tutup pada 25 Desember.</p>" in body  # the .md body became `isi`

    # The produk hukum it names lists it, under the heading its reference declares.
    produk = (site / "produk-hukum" / "uu-7-2017" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="pengumuman-tentang-produk-hukum-ini">Pengumuman tentang produk hukum ini</h2>' in produk
    assert '<a href="../../pengumuman/rapat-pleno-2025/">Rapat Pleno Terbuka</a> (2 Juni 2025)' in produk

    listing = (site / "arsip" / "pengumuman-tahun" / "2025" / "index.html").read_text(encoding="utf-8")
    assert '<tr><th scope="col">Judul</th><th scope="col">Tanggal</th></tr>' in listing
    assert (
        '<tr><td class="jdih-daftar__judul"><a href="../../../pengumuman/rapat-pleno-2025/">Rapat Pleno Terbuka</a>'
        '</td><td data-label="Tanggal">2 Juni 2025</td></tr>' in listing
    )
    assert (site / "arsip" / "pengumuman-tahun" / "2024" / "index.html").is_file()
    index = (site / "arsip" / "index.html").read_text(encoding="utf-8")
    assert "3 produk hukum, 2 konten media sosial dan 2 pengumuman kantor." in index
    assert 'href="pengumuman-tahun/2025/">2025</a> (1)' in index

    jdihn = json.loads((site / "integrasi" / "jdihn.json").read_text(encoding="utf-8"))
    assert {record["idData"] for record in jdihn} == {"uu-7-2017", "kepkab-12-2022", "kepkab-5-2024"}  # not in it
    atom = ET.fromstring((site / "feed.xml").read_bytes())
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    newest = entries[0]
    assert newest.findtext("{http://www.w3.org/2005/Atom}title") == "Rapat Pleno Terbuka"
    assert newest.find("{http://www.w3.org/2005/Atom}category").get("term") == "Pengumuman"

    manifest = json.loads((site / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["jumlah"] == {"sop": 1, "produk_hukum": 3, "konten": 2, "pengumuman": 2}
    assert manifest["sumber"]["content_archive/pengumuman/rapat-pleno-2025.yaml"] == [
        "pengumuman/rapat-pleno-2025/",
        "berkas/lampiran/undangan-pleno.pdf",
    ]
    assert manifest["sumber"]["content_archive/pengumuman/libur-2024.md"] == ["pengumuman/libur-2024/"]
    last = [record.getMessage() for record in caplog.records if record.name == "mkdocs.plugins.sop-jdih"][-1]
    assert last == "sop-jdih: 1 SOP, 3 produk hukum, 2 konten, 2 pengumuman diterbitkan"

    epoch = content_epoch(load_content(Project(project)))  # the newest date is now a pengumuman's
    assert datetime.datetime.fromtimestamp(epoch, datetime.UTC) == datetime.datetime(2025, 6, 2, tzinfo=datetime.UTC)


def test_a_new_collection_is_checked_like_the_others(project: Path) -> None:
    """Its references, attachments and ids go through the same checks, with its own name in the messages."""
    archive = project / "content_archive"
    broken = RAPAT.replace("[uu-7-2017]", "[uu-8-2017]").replace("undangan-pleno.pdf", "hilang.pdf")
    (archive / "pengumuman" / "rapat-pleno-2025.yaml").write_text(broken, encoding="utf-8")
    copy = RAPAT.replace("id: rapat-pleno-2025", "id: uu-7-2017")  # an id the produk hukum already owns
    (archive / "pengumuman" / "kembar.yaml").write_text(copy, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_content(Project(project))
    assert [str(problem) for problem in raised.value.problems] == [
        "content_archive/pengumuman/kembar.yaml:1: id: id 'uu-7-2017' sudah dipakai oleh "
        "content_archive/produk-hukum/uu-7-2017.yaml",
        "content_archive/pengumuman/rapat-pleno-2025.yaml:5: lampiran: berkas content_archive/lampiran/hilang.pdf "
        "tidak ada",
        "content_archive/pengumuman/rapat-pleno-2025.yaml:6: produk_hukum butir 1: tidak ada produk hukum dengan id "
        "'uu-8-2017' di content_archive/",
    ]


def test_cli_starts_checks_and_exports_the_schema_of_a_new_collection(
    project: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["--root", str(project), "new", "pengumuman", "rapat-baru"]) == 0
    out = capsys.readouterr().out
    assert "Berikutnya: tulis isi pengumuman, lalu jalankan: sop-jdih --root" in out
    written = (project / "content_archive" / "pengumuman" / "rapat-baru.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[:2] == ["# yaml-language-server: $schema=../schema/pengumuman.json", "id: rapat-baru"]
    assert "produk_hukum: [kepkab-12-2022]" in written  # the first produk hukum in file order

    assert main(["--root", str(project), "check"]) == 0
    assert capsys.readouterr().out == "OK: 1 SOP, 3 produk hukum, 2 konten, 3 pengumuman valid.\n"

    assert main(["--root", str(project), "schema"]) == 0
    schema = json.loads((project / "content_archive" / "schema" / "pengumuman.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Pengumuman" and {"judul", "tanggal", "isi"} <= set(schema["properties"])


def test_registered_collections_do_not_collide() -> None:
    """Folders, page addresses, listing addresses and reference targets: what a new description must not reuse."""
    keys = [kind.key for kind in kinds.KINDS]
    assert len(set(keys)) == len(keys)
    folders = [kind.uri("x").rsplit("/", 1)[0] for kind in kinds.KINDS]
    assert len(set(folders)) == len(folders) and not {"sop", "arsip", "berkas", "dasar-hukum"} & set(folders)
    facets = [facet.key for kind in kinds.KINDS for facet in kind.facets]
    assert len(set(facets)) == len(facets)
    assert {reference.target for kind in kinds.KINDS for reference in kind.references} <= {"sop", *keys}


def test_relations_table_names_every_relasi_field() -> None:
    """Editors write the fields of a collection's `relasi`; every stage reads the table: the two name the same
    relations, each declared by the collection whose items write it."""
    declared = {}
    for kind in kinds.KINDS:
        field = kind.model.model_fields.get("relasi")
        names = list(field.annotation.model_fields) if field else []  # type: ignore[union-attr]
        assert [relation.name for relation in declared_by(kind.key)] == names, kind.key
        declared |= dict.fromkeys(names)
    assert list(Relasi.model_fields) == [relation.name for relation in declared_by("produk-hukum")]
    assert list(declared) == [relation.name for relation in RELATIONS]
