"""The web editor at /admin/ end to end, in real Chromium with no network (issue 17).

The example project is copied to tmp_path and built with the real plugin; its site is served on 127.0.0.1 and /admin/
is opened in Sveltia's local-repository mode against the copy's own sops/ and content_archive/ (see cms_support: the
folder picker is answered with an Origin Private File System folder). Through the form a staffer adds a step to an
example SOP and creates a new keputusan with its PDF; the files Sveltia wrote are copied back into the project, which
must then pass `sop-jdih check` and build with the new step in the SOP's bagan alur.

The editor is third-party: its own accessibility violations are printed (and listed in the README), not hidden, and
only those in our part of the page (the admin page's document: language, title, viewport) fail the test. Two requests
Sveltia makes on every load are refused by the admin page's policy and left out of the checks, by name
(SVELTIA_PHONES_HOME).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from generator.sop.model import SopDocument
from generator.source.yaml_source import parse_yaml

from . import svg as diagram
from .browser_support import Problems, serve
from .cms_support import (
    add_item,
    choose,
    copy_back,
    enable,
    field,
    fill,
    local_cms,
    new_entry,
    open_entry,
    save,
    upload,
)
from .conftest import REPO, copy_example_project

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}

SOP = "media-sosial-resmi-agam"
# The SOP's last step (4) ends it with `simbol: selesai`: the new step 5 takes that symbol over, as the check asks.
NEW_STEP = {"no": 5, "kegiatan": ["Mengarsipkan bukti unggahan"], "pelaksana": ["operator"], "waktu": "10 menit"}
KEPUTUSAN = {
    "id": "kepkab-contoh-4-2025",
    "jenis": "Keputusan Komisi Pemilihan Umum Kabupaten Contoh",
    "singkatan_jenis": "KEPKAB",
    "nomor": "4",
    "tahun": 2025,
    "judul": "Keputusan Komisi Pemilihan Umum Kabupaten Contoh Nomor 4 Tahun 2025 tentang Tim Pengelola Editor Web",
    "teu_badan": "Komisi Pemilihan Umum Kabupaten Contoh",
}
PDF_NAME = "kepkab-contoh-4-2025.pdf"

# What Sveltia fetches from elsewhere and the admin page's policy refuses; the editor works without each, and the
# console errors they cause are Sveltia's, not the site's: its newest version and GitHub's health, on every load, and
# pdf.js to draw a thumbnail of an uploaded PDF (a package of its own, not among Sveltia's dependencies).
SVELTIA_PHONES_HOME = (
    "https://unpkg.com/@sveltia/cms/package.json",
    "https://www.githubstatus.com/api/v2/status.json",
    "https://unpkg.com/pdfjs-dist@",
)

# Each node axe reports, as written in the page: markup the build wrote into admin/index.html is ours, the rest is
# drawn by Sveltia at run time (it adds its own <meta name=viewport>, for one).
NODE_HTML = """targets => targets.map(target => {
  const element = document.querySelector(target.join(' '));
  return element ? element.outerHTML.replace(/>[^]*$/, '>') : '';
})"""


def keputusan_pdf(target: Path) -> Path:
    """The new keputusan's PDF, drawn as the example archive's own are (scripts/make_example_files.py `make_pdf`)."""
    spec = importlib.util.spec_from_file_location("make_example_files", REPO / "scripts" / "make_example_files.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.make_pdf(KEPUTUSAN, target)
    return target


@dataclass
class Edited:
    """The project after the form was used: what Sveltia wrote, and what the browser saw meanwhile."""

    project: Path
    original: Path  # an untouched copy, to compare with
    changed: list[str]
    problems: Problems
    uploaded: bytes  # the PDF picked in the form


def read(file: Path) -> Any:
    """A YAML file's data as the generator reads it (YAML 1.2 booleans: a step's `no:` stays a key, not false)."""
    source, problems = parse_yaml(file.read_text(encoding="utf-8"), file.name)
    assert source is not None and not problems, problems
    return source.data


def without_written_defaults(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """`after` less the fields it adds with the model's own default (Sveltia writes a yes/no switch's `false`): the
    same document. Printed, so the round trip's additions stay visible."""
    fields = SopDocument.model_fields
    added = {key: value for key, value in after.items() if key not in before and key in fields}
    defaults = {key: value for key, value in added.items() if fields[key].default == value}
    print(f"fields the form added with their default value: {defaults or 'none'}")
    return {key: value for key, value in after.items() if key not in defaults}


def own_problems(problems: Problems) -> list[str]:
    return [problem for problem in problems.on_site() if not any(url in problem for url in SVELTIA_PHONES_HOME)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example project copied and built: (project, site)."""
    project = copy_example_project(tmp_path_factory.mktemp("cms") / "project")
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (site / "admin" / "index.html").is_file(), "the build published no /admin/"
    return project, site


@pytest.fixture(scope="module")
def site_url(built: tuple[Path, Path]) -> Iterator[str]:
    with serve(built[1]) as url:
        yield url


def add_step(page: Page) -> None:
    """(a) A new last step in the SOP's first procedure: its kegiatan, pelaksana and waktu; it now ends the SOP."""
    open_entry(page, "sop", SOP)
    choose(page, "prosedur.0.langkah.3.simbol", "proses")
    step = add_item(page, "prosedur.0.langkah")
    fill(page, f"{step}.no", str(NEW_STEP["no"]))
    for text in NEW_STEP["kegiatan"]:
        fill(page, add_item(page, f"{step}.kegiatan"), text)
    for actor in NEW_STEP["pelaksana"]:
        fill(page, add_item(page, f"{step}.pelaksana"), actor)
    choose(page, f"{step}.simbol", "selesai")
    enable(page, f"{step}.mutu_baku")
    fill(page, f"{step}.mutu_baku.waktu", NEW_STEP["waktu"])
    field(page, f"{step}.no").evaluate("element => element.scrollIntoView({block: 'start'})")
    page.screenshot(path="/tmp/cms-sop-langkah.png")
    save(page)


def add_keputusan(page: Page, pdf: Path) -> None:
    """(b) A new keputusan with its required fields and its PDF."""
    new_entry(page, "produk_hukum")
    for name, value in KEPUTUSAN.items():
        fill(page, name, str(value))
    enable(page, "lampiran")
    upload(page, "lampiran.dokumen", pdf)
    field(page, "lampiran.dokumen").evaluate("element => element.scrollIntoView({block: 'end'})")
    page.screenshot(path="/tmp/cms-produk-hukum-baru.png")
    save(page)


@pytest.fixture(scope="module")
def edited(
    browser: Browser, built: tuple[Path, Path], site_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Edited:
    project, _ = built
    original = tmp_path_factory.mktemp("cms-original")
    for name in ("sops", "content_archive"):
        shutil.copytree(project / name, original / name)
    pdf = keputusan_pdf(tmp_path_factory.mktemp("cms-upload") / PDF_NAME)
    problems = Problems()
    with local_cms(browser, site_url, project, problems, viewport=DESKTOP) as page:
        page.screenshot(path="/tmp/cms-koleksi.png")
        add_step(page)
        add_keputusan(page, pdf)
        changed = copy_back(page, original, project)
    return Edited(project, original, changed, problems, pdf.read_bytes())


def test_form_writes_only_the_intended_files(edited: Edited) -> None:
    assert edited.changed == [
        f"content_archive/lampiran/{PDF_NAME}",
        f"content_archive/produk-hukum/{KEPUTUSAN['id']}.yaml",
        f"sops/{SOP}.yaml",
    ]
    assert own_problems(edited.problems) == [], "\n".join(own_problems(edited.problems))
    assert [url for url in edited.problems.external_requests if not url.startswith(SVELTIA_PHONES_HOME)] == []


def test_new_step_and_nothing_else_changed(edited: Edited) -> None:
    before = read(edited.original / "sops" / f"{SOP}.yaml")
    after = read(edited.project / "sops" / f"{SOP}.yaml")
    *kept, new = after["prosedur"][0]["langkah"]
    assert new == {
        "no": NEW_STEP["no"],
        "kegiatan": NEW_STEP["kegiatan"],
        "pelaksana": NEW_STEP["pelaksana"],
        "simbol": "selesai",
        "mutu_baku": {"waktu": NEW_STEP["waktu"]},
    }
    assert before["prosedur"][0]["langkah"][3]["simbol"] == "selesai"
    before["prosedur"][0]["langkah"][3]["simbol"] = "proses"
    after["prosedur"][0]["langkah"] = kept
    assert without_written_defaults(before, after) == before


def test_new_keputusan_with_its_pdf(edited: Edited) -> None:
    written = edited.project / "content_archive" / "produk-hukum" / f"{KEPUTUSAN['id']}.yaml"
    data = read(written)
    dokumen = data.pop("lampiran")["dokumen"]
    assert data == KEPUTUSAN
    assert dokumen.lstrip("./") == f"lampiran/{PDF_NAME}", dokumen
    assert (edited.project / "content_archive" / "lampiran" / PDF_NAME).read_bytes() == edited.uploaded


def test_edited_project_checks_and_shows_the_step(edited: Edited, tmp_path: Path) -> None:
    check = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(edited.project), "check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=edited.project,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    (svg,) = diagram.diagrams((site / "sop" / SOP / "index.html").read_text(encoding="utf-8"))
    step = diagram.group(svg, f"langkah-p1-{NEW_STEP['no']}")
    assert " ".join(diagram.texts(step)).startswith("Mengarsipkan"), diagram.texts(step)
    assert (site / "produk-hukum" / KEPUTUSAN["id"] / "index.html").is_file()


def axe_lines(violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): {violation['help']}")
        lines += [f"    {' '.join(str(part) for part in node['target'])}" for node in violation["nodes"][:5]]
    return lines


def split_ours(page: Page, violations: list[dict[str, Any]], admin_html: str) -> tuple[list[Any], list[Any]]:
    """The violations on markup of admin/index.html (ours), and those on the editor's own (Sveltia's)."""
    ours, theirs = [], []
    for violation in violations:
        tags = page.evaluate(NODE_HTML, [node["target"] for node in violation["nodes"]])
        mine = [node for node, tag in zip(violation["nodes"], tags, strict=True) if tag and tag in admin_html]
        others = [node for node in violation["nodes"] if node not in mine]
        if mine:
            ours.append({**violation, "nodes": mine})
        if others:
            theirs.append({**violation, "nodes": others})
    return ours, theirs


def test_admin_accessibility_outside_the_editor(browser: Browser, built: tuple[Path, Path], site_url: str) -> None:
    """axe-core on /admin/ (collection list, SOP editor): Sveltia's own violations are listed, ours fail."""
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: install it with `make browser` (npm ci)", pytrace=False)
    admin_html = (built[1] / "admin" / "index.html").read_text(encoding="utf-8")
    problems = Problems()
    ours = []
    with local_cms(browser, site_url, built[0], problems, viewport=DESKTOP) as page:
        page.evaluate(AXE.read_text(encoding="utf-8"))
        for view in ("daftar koleksi", "editor SOP"):
            if view == "editor SOP":
                open_entry(page, "sop", SOP)
                field(page, "prosedur.0.langkah.0.kegiatan")
            result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
            mine, theirs = split_ours(page, result["violations"], admin_html)
            print(f"axe /admin/ ({view}), in Sveltia CMS's own markup:\n" + ("\n".join(axe_lines(theirs)) or "  none"))
            ours += mine
    assert ours == [], "\n".join(axe_lines(ours))
    assert own_problems(problems) == [], "\n".join(own_problems(problems))
