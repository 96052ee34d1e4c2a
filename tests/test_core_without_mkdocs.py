"""The core runs end to end without MkDocs: `generate` stages the pages, another builder writes them, `postbuild`
indexes, hardens and records the site. A move off Material then touches the adapter only."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from generator.publish.hardening import _script_hash

from .archive_fixture import write_archive
from .builder_without_mkdocs import THEME_SCRIPT
from .conftest import REPO, VALID_SOP, make_project

# MkDocs and Material made unimportable (an import of either raises ImportError), then the builder run as a script.
WITHOUT_MKDOCS = (
    "import runpy, sys; sys.modules.update(mkdocs=None, material=None); "
    "runpy.run_module('tests.builder_without_mkdocs', run_name='__main__')"
)
CSP = re.compile(r'<head>\n<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_generate_and_postbuild_build_a_site_without_mkdocs(tmp_path: Path) -> None:
    root = make_project(tmp_path / "proyek", {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(root)
    site = tmp_path / "situs"
    command = [sys.executable, "-c", WITHOUT_MKDOCS, str(root), str(site)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("1 SOP, 3 produk hukum, 2 konten diterbitkan\n")

    manifest = json.loads((site / "sop-jdih-manifest.json").read_text(encoding="utf-8"))
    assert manifest["jumlah"] == {"sop": 1, "produk_hukum": 3, "konten": 2}
    assert manifest["sumber"]["content_archive/konten/tim-jdih-baru.yaml"] == [
        "konten/tim-jdih-baru/",
        "berkas/konten/gambar/tim-jdih-baru.png",
    ]

    pages = sorted(site.rglob("*.html"))
    indexed = [page for page in pages if "data-pagefind-body" in page.read_text(encoding="utf-8")]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] == len(indexed)
    assert {site / "sop/uji-persetujuan/index.html", site / "produk-hukum/uu-7-2017/index.html"} <= set(indexed)

    for page in pages:
        text = page.read_text(encoding="utf-8")
        csp = CSP.search(text)
        assert csp, page
        assert _script_hash(THEME_SCRIPT) in csp.group(1), page
    konten = (site / "konten" / "kenali-uu-pemilu" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r"<a [^>]*https://www\.instagram\.com/p/UJI123/[^>]*>", konten)
    assert links and all('rel="noopener noreferrer"' in link for link in links)
