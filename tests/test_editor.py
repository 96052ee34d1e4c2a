"""The web editor at /admin/: its configuration follows the models, and the build publishes it with its own policy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.archive import kinds
from generator.editor.admin import ADMIN_POLICY
from generator.editor.config import Repository, cms_config, github_repository
from generator.editor.fields import label
from generator.project import read_project
from generator.schema import json_schema
from generator.sop.model import SopDocument

from .conftest import REPO

SVELTIA_SCHEMA = REPO / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
MODELS: dict[str, type[BaseModel]] = {"sop": SopDocument, **{k.key.replace("-", "_"): k.model for k in kinds.KINDS}}


def example_config() -> dict[str, Any]:
    project = read_project(REPO / "mkdocs.yml")
    return cms_config(project, Repository("kpu-uji/situs"), "https://contoh.example/", {"produk-hukum"})


def walk(schema: dict[str, Any], node: dict[str, Any], fields: list[dict[str, Any]], where: str) -> int:
    """Assert that `fields` has every property of the object `node`, in order, with its help and required flag;
    recurse into objects and lists of objects. Returns how many fields were compared."""
    node = resolve(schema, node)
    names = list(node.get("properties", {}))
    assert [field["name"] for field in fields] == names, where
    compared = 0
    for field, (name, prop) in zip(fields, node["properties"].items(), strict=True):
        assert field["label"] == label(name)
        assert field.get("hint") == prop.get("description"), f"{where}.{name}"
        assert field["required"] == (name in node.get("required", [])), f"{where}.{name}"
        compared += 1
        inner = object_schema(schema, prop)
        if inner is not None:
            assert "fields" in field, f"{where}.{name}: an object or a list of objects has fields"
            compared += walk(schema, inner, field["fields"], f"{where}.{name}")
    return compared


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def object_schema(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    """The object a property holds (itself, a list's item, or a union's object branch); None for text and numbers."""
    node = resolve(schema, node)
    if "properties" in node:
        return node
    if "items" in node:
        return object_schema(schema, node["items"])
    for branch in node.get("anyOf", node.get("oneOf", [])):
        found = object_schema(schema, branch)
        if found is not None:
            return found
    return None


@pytest.mark.parametrize("collection", MODELS)
def test_every_field_of_every_model_is_in_the_form_with_its_help(collection: str) -> None:
    config = example_config()
    form = next(c for c in config["collections"] if c["name"] == collection)
    schema = json_schema(MODELS[collection])
    assert walk(schema, schema, form["fields"], collection) >= len(schema["properties"])


def test_the_configuration_is_valid_for_sveltia_cms() -> None:
    """Sveltia CMS's own schema of its configuration (shipped in the npm package) accepts what we generate."""
    if not SVELTIA_SCHEMA.is_file():
        pytest.fail(f"{SVELTIA_SCHEMA.relative_to(REPO)} is missing: run `make setup` (npm ci)", pytrace=False)
    jsonschema.validate(example_config(), json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8")))


def fields_of(config: dict[str, Any], collection: str) -> dict[str, dict[str, Any]]:
    form = next(c for c in config["collections"] if c["name"] == collection)
    return {field["name"]: field for field in form["fields"]}


def test_widgets_follow_the_shape_of_each_field() -> None:
    config = example_config()
    sop = fields_of(config, "sop")
    assert sop["dasar_hukum"]["widget"] == "list" and sop["dasar_hukum"]["field"]["widget"] == "string"
    assert sop["tanggal_pengesahan"]["widget"] == "string"  # a date or "-", as the sheet prints it
    assert sop["tanggal_pengesahan"]["pattern"][0] == r"^(\d{4}-\d{2}-\d{2}|-)$"
    # absent means "as the steps need": a checkbox would write false when an editor leaves it alone
    yes_no = [{"label": "Ya", "value": True}, {"label": "Tidak", "value": False}]
    assert sop["kolom_keterangan"] | {"widget": "select", "options": yes_no} == sop["kolom_keterangan"]
    assert fields_of(config, "putusan")["berkekuatan_hukum_tetap"]["options"] == yes_no
    assert sop["nomor_kolom"]["widget"] == "boolean"  # false is its default: a checkbox left alone says the same
    procedure = {field["name"]: field for field in sop["prosedur"]["fields"]}
    assert sop["prosedur"]["min"] == 1 and procedure["langkah"]["min"] == 1
    step = {field["name"]: field for field in procedure["langkah"]["fields"]}
    assert step["no"] == {**step["no"], "widget": "number", "value_type": "int", "min": 1}
    assert step["simbol"]["options"] == ["mulai", "selesai", "proses", "keputusan", "penghubung"]
    assert step["kegiatan"]["widget"] == "list" and step["kegiatan"]["min"] == 1
    assert {field["name"] for field in step["mutu_baku"]["fields"]} == {"kelengkapan", "waktu", "output"}
    produk = fields_of(config, "produk_hukum")
    assert produk["tanggal_penetapan"] | {"widget": "datetime", "type": "date"} == produk["tanggal_penetapan"]
    assert produk["bidang_hukum"]["widget"] == "select"
    assert produk["uraian"]["widget"] == "text"  # paragraphs
    assert produk["judul"]["widget"] == "string"  # one line


def test_uploads_go_where_the_models_expect_them() -> None:
    config = example_config()
    document = {f["name"]: f for f in fields_of(config, "produk_hukum")["lampiran"]["fields"]}["dokumen"]
    assert document | {"widget": "file", "media_folder": "/content_archive/lampiran", "public_folder": "lampiran"} == (
        document
    )
    image = fields_of(config, "konten")["gambar"]
    assert image | {"widget": "image", "media_folder": "/content_archive/konten/gambar"} == image
    assert image["public_folder"] == "konten/gambar" and image["choose_url"] is False
    cover = fields_of(config, "monografi")["sampul"]
    assert (cover["media_folder"], cover["public_folder"]) == ("/content_archive/sampul", "sampul")


def test_markdown_items_get_a_collection_whose_body_is_the_body_field() -> None:
    config = example_config()
    names = [collection["name"] for collection in config["collections"]]
    assert "produk_hukum_md" in names and "konten_md" not in names
    form = next(c for c in config["collections"] if c["name"] == "produk_hukum_md")
    assert (form["extension"], form["format"]) == ("md", "frontmatter")
    body = form["fields"][-1]
    assert body["name"] == "body" and body["label"] == "Uraian" and body["widget"] == "markdown"
    assert "uraian" not in [field["name"] for field in form["fields"]]


@pytest.mark.parametrize(
    ("repo_url", "edit_base", "expected"),
    [
        ("https://github.com/kpu-x/situs", "https://github.com/kpu-x/situs/edit/main/", Repository("kpu-x/situs")),
        (
            "https://github.com/kpu-x/situs.git",
            "https://github.com/kpu-x/situs/edit/terbit/",
            Repository("kpu-x/situs", "terbit"),
        ),
        ("https://github.com/kpu-x/situs/", None, Repository("kpu-x/situs")),
        ("https://gitlab.com/kpu-x/situs", None, None),
        (None, None, None),
    ],
)
def test_the_repository_and_branch_come_from_repo_url_and_the_edit_address(
    repo_url: str | None, edit_base: str | None, expected: Repository | None
) -> None:
    assert github_repository(repo_url, edit_base) == expected


def test_the_build_publishes_the_editor_with_its_own_policy(example_site: Path) -> None:
    admin = example_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert f'content="{ADMIN_POLICY}"' in page
    assert '<script src="sveltia-cms.js"></script>' in page and "https://" not in page.split("<body>")[1]
    assert (admin / "sveltia-cms.js").read_bytes() == (
        REPO / "node_modules/@sveltia/cms/dist/sveltia-cms.js"
    ).read_bytes()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "example/sop-jdih", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    assert [c["name"] for c in config["collections"]][:2] == ["sop", "produk_hukum"]


def test_ids_of_other_items_are_chosen_from_their_collection() -> None:
    """Every reference and relation the kinds declare (`ArchiveKind.references`, `relations.RELATIONS`), and an SOP's
    keterkaitan, is a choice among that collection's items by title, writing the item's id (its file name)."""
    config = example_config()
    konten = fields_of(config, "konten")
    assert (
        konten["produk_hukum"] | {"widget": "relation", "collection": "produk_hukum", "multiple": True}
        == (konten["produk_hukum"])
    )
    assert konten["sop"] | {"widget": "relation", "collection": "sop", "multiple": False} == konten["sop"]
    assert konten["sop"]["display_fields"] == ["{{fields.nama_sop}}"] and konten["sop"]["value_field"] == "{{slug}}"
    relasi = {f["name"]: f for f in fields_of(config, "produk_hukum")["relasi"]["fields"]}
    assert {name: (f["widget"], f["collection"]) for name, f in relasi.items()} == dict.fromkeys(
        ["mencabut", "mencabut_sebagian", "mengubah", "melaksanakan", "terkait"], ("relation", "produk_hukum")
    )
    menguji = fields_of(config, "putusan")["relasi"]["fields"][0]
    assert (menguji["name"], menguji["collection"], menguji["multiple"]) == ("menguji", "produk_hukum", True)
    related = {f["name"]: f for f in fields_of(config, "sop")["keterkaitan"]["fields"]}
    assert (related["sop"]["widget"], related["sop"]["collection"]) == ("relation", "sop")
    assert related["judul"]["widget"] == "string"
