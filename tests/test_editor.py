"""The web editor at /admin/: its configuration follows the models, and the build publishes it with its own policy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from playwright.sync_api import Browser, expect
from pydantic import BaseModel

from generator.archive import kinds
from generator.editor.admin import (
    ADMIN_POLICY,
    CMS_FONTS,
    FontMissing,
    admin_page,
    font_files,
    fontsource_font,
    self_hosted,
)
from generator.editor.config import Repository, cms_config, github_repository
from generator.editor.fields import label
from generator.project import read_project
from generator.schema import json_schema
from generator.sop.model import SopDocument

from .browser_support import Problems, open_page
from .conftest import REPO

SVELTIA_SCHEMA = REPO / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
MODELS: dict[str, type[BaseModel]] = {"sop": SopDocument, **{k.key.replace("-", "_"): k.model for k in kinds.KINDS}}


def example_config(markdown_kinds: frozenset[str] = frozenset({"produk-hukum"})) -> dict[str, Any]:
    project = read_project(REPO / "mkdocs.yml")
    return cms_config(project, Repository("kpu-uji/situs"), "https://contoh.example/", set(markdown_kinds))


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
    bundle = (REPO / "node_modules/@sveltia/cms/dist/sveltia-cms.js").read_text(encoding="utf-8")
    assert (admin / "sveltia-cms.js").read_text(encoding="utf-8") == self_hosted(bundle)  # fonts: see below
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "example/sop-jdih", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    assert [c["name"] for c in config["collections"]][:2] == ["sop", "produk_hukum"]


def test_ids_of_other_items_are_chosen_from_their_collection() -> None:
    """Every reference and relation the kinds declare (`ArchiveKind.references`, `relations.RELATIONS`), and an SOP's
    keterkaitan, is a choice among that collection's items by title, writing the item's id (its file name)."""
    config = example_config(frozenset())
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


def test_ids_of_a_kind_with_markdown_files_stay_typed() -> None:
    """A relation reads one collection; a kind whose items are partly .md files has two, so its ids are typed (the
    build checks them) rather than offered from half of its items."""
    config = example_config(frozenset({"produk-hukum"}))
    konten = fields_of(config, "konten")
    assert konten["produk_hukum"]["widget"] == "list" and konten["produk_hukum"]["field"]["widget"] == "string"
    assert konten["sop"]["widget"] == "relation"
    relasi = {f["name"]: f for f in fields_of(config, "produk_hukum")["relasi"]["fields"]}
    assert {f["widget"] for f in relasi.values()} == {"list"}


# --- the editor's fonts, published with it instead of fetched from fontsource's CDN --------------------------------

NODE_MODULES = REPO / "node_modules"
FONT_FACE_SOURCE = re.compile(r"@font-face\s*\{[^}]*?\bsrc:\s*url\(([^)]*)\)")


def test_the_published_script_names_only_fonts_the_site_publishes_from_npm(example_site: Path) -> None:
    """Every @font-face of the script the site publishes points into admin/fonts/, at the npm package's file."""
    admin = example_site / "admin"
    script = (admin / "sveltia-cms.js").read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in script and "fonts.googleapis" not in script and "fonts.gstatic" not in script
    sources = FONT_FACE_SOURCE.findall(script)
    assert sorted(sources) == sorted(font.uri for font in CMS_FONTS)
    for source in sources:
        # The CSS is injected into the page, so a relative url() resolves against the page's address, /admin/.
        assert source.startswith("fonts/") and "//" not in source
    for font in CMS_FONTS:
        package = NODE_MODULES / font.package
        assert json.loads((package / "package.json").read_text(encoding="utf-8"))["version"] == font.version
        assert (admin / font.uri).read_bytes() == (package / "files" / font.file).read_bytes(), font.uri
    assert sorted(path.name for path in (admin / "fonts").iterdir()) == sorted(font.file for font in CMS_FONTS)


def test_the_fonts_come_from_the_cdn_addresses_themselves() -> None:
    font = fontsource_font(
        "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2"
    )
    assert (font.package, font.version, font.file) == (
        "@fontsource-variable/material-symbols-outlined",
        "5.3.7",
        "material-symbols-outlined-latin-wght-normal.woff2",
    )
    mono = fontsource_font("https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2")
    assert (mono.package, mono.file, mono.uri) == (
        "@fontsource/noto-mono",
        "noto-mono-latin-400-normal.woff2",
        "fonts/noto-mono-latin-400-normal.woff2",
    )
    packages = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert {font.package: font.version for font in CMS_FONTS}.items() <= packages.items(), "pinned as the script names"


SANS = fontsource_font("https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2")
MONO = fontsource_font("https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2")


def face(font_url: str) -> str:
    return f"@font-face{{font-family:X;src:url({font_url}) format('woff2')}}"


def test_each_font_address_is_replaced_by_its_address_on_the_site() -> None:
    bundle = f"const css = `{face(SANS.url)} {face(MONO.url)}`;"
    assert self_hosted(bundle, (SANS, MONO)) == f"const css = `{face(SANS.uri)} {face(MONO.uri)}`;"


@pytest.mark.parametrize(
    ("bundle", "message"),
    [
        (face(SANS.url), f"alamat font {MONO.url} ditemukan 0 kali, bukan tepat sekali"),  # Sveltia moved to 5.3.1
        (face(SANS.url) + face(MONO.url) * 2, f"alamat font {MONO.url} ditemukan 2 kali, bukan tepat sekali"),
        (
            face(SANS.url) + face(MONO.url) + face(MONO.url.replace("5.3.0", "5.4.0")),
            f"font {MONO.url.replace('5.3.0', '5.4.0')} akan dimuat dari CDN",
        ),
    ],
)
def test_a_script_that_names_other_fonts_fails_the_build(bundle: str, message: str) -> None:
    """After a Sveltia CMS upgrade that changed its fonts the build fails and says so, rather than publish a script
    that fetches them from a CDN (which the admin policy blocks: every icon would show as its word)."""
    with pytest.raises(FontMissing, match=re.escape(message)):
        self_hosted(bundle, (SANS, MONO))


def test_a_font_package_at_another_version_fails_the_build(tmp_path: Path) -> None:
    package = tmp_path / "@fontsource" / "noto-mono"
    (package / "files").mkdir(parents=True)
    (package / "files" / MONO.file).write_bytes(b"wOF2")
    (package / "package.json").write_text('{"version": "5.2.9"}', encoding="utf-8")
    with pytest.raises(
        FontMissing, match=r"memerlukan font @fontsource/noto-mono@5\.3\.0, yang terpasang versi 5\.2\.9"
    ):
        font_files(tmp_path, (MONO,))
    with pytest.raises(FontMissing, match=r"@fontsource-variable/source-sans-3@5\.3\.0, paket itu tidak terpasang"):
        font_files(tmp_path, (SANS,))
    (package / "package.json").write_text('{"version": "5.3.0"}', encoding="utf-8")
    assert font_files(tmp_path, (MONO,)) == {MONO.uri: package / "files" / MONO.file}


# Requests the editor makes to other origins on every load of /admin/, which the admin policy's connect-src blocks:
# the editor works without them.
HARMLESS_REQUESTS = {
    "https://unpkg.com/@sveltia/cms/package.json": "Sveltia's check for a newer release of itself",
    "https://www.githubstatus.com/api/v2/status.json": "the GitHub backend's banner when GitHub is down",
}
RECORD_CSP = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation", event => window.__blocked.push(event.blockedURI));
"""
# Load every font the editor declares (the sign-in screen uses only some), and report each one's family and status.
LOAD_FONTS = """
async () => {
  const faces = [...document.fonts];
  await Promise.allSettled(faces.map(face => face.load()));
  return faces.map(face => [face.family.replaceAll('"', ""), face.status]);
}
"""
# A Material Symbols ligature drawn at 24 px: one glyph 1 em wide when the font works, the word itself otherwise.
ICON_WIDTH = """
() => {
  const icon = document.createElement("span");
  icon.style.font = "24px 'Material Symbols Outlined'";
  icon.textContent = "photo_library";
  document.body.append(icon);
  const width = icon.getBoundingClientRect().width;
  icon.remove();
  return width;
}
"""


def test_the_editor_loads_its_fonts_from_the_site_and_shows_icons(browser: Browser, example_site_url: str) -> None:
    problems = Problems()
    with open_page(browser, example_site_url, problems, viewport={"width": 1280, "height": 800}) as page:
        page.add_init_script(RECORD_CSP)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto("/admin/")
        expect(page.get_by_role("button", name="Work with Local Repository")).to_be_visible()
        faces = page.evaluate(LOAD_FONTS)
        assert sorted(faces) == [
            ["Material Symbols Outlined", "loaded"],
            ["Noto Mono", "loaded"],
            ["Source Sans 3", "loaded"],
        ]
        assert page.evaluate(ICON_WIDTH) == pytest.approx(24, abs=1), "icons show as words: Material Symbols missing"
        page.screenshot(path="/tmp/cms-fonts-signin.png")
        blocked = page.evaluate("window.__blocked")  # what the policy stopped never shows as a request
    fonts = {f"{example_site_url}/admin/{font.uri}" for font in CMS_FONTS}
    assert fonts <= set(requests), "each font from the site's own admin/fonts/"
    web = [url for url in [*requests, *blocked] if url.startswith(("http:", "https:"))]  # not data: or blob:
    elsewhere = {url for url in web if not url.startswith(f"{example_site_url}/")}
    assert elsewhere <= HARMLESS_REQUESTS.keys(), "only the requests known to be harmless leave the site"


def test_the_site_name_in_the_admin_page_title_is_text() -> None:
    """mkdocs.yml's site_name is the office's to write: in the page title it stays text, never markup."""
    page = admin_page("Editor · JDIH <Kab> & Kota")
    assert "<title>Editor · JDIH &lt;Kab&gt; &amp; Kota</title>" in page
