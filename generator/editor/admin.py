"""The web editor at /admin/ of the built site: Sveltia CMS, its generated configuration, and the page that loads it.

Sveltia CMS (npm @sveltia/cms, pinned in package-lock.json, installed by `npm ci`) is a git-based content editor that
runs wholly in the browser: staff sign in to GitHub with a personal access token, or work on a local clone through the
browser's File System Access API, and every save is a commit or, with the editorial workflow, a pull request. Its
script comes from node_modules and is published from the site itself, never a CDN; so are the three fonts its bundle
would fetch from fontsource's CDN (`CMS_FONTS`: npm @fontsource packages pinned beside it), whose addresses the
published copy of the script names on the site instead.

The admin page carries its own Content-Security-Policy, looser than the site's in what the editor needs and nothing
else (`ADMIN_POLICY`, documented in the README). The public pages never load the editor.
"""

from __future__ import annotations

import functools
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..archive.collection import Archive
from ..project import Project
from .config import Repository, cms_config

ADMIN = "admin"
NODE_MODULES = "node_modules"
CMS_SCRIPT = f"{NODE_MODULES}/@sveltia/cms/dist/sveltia-cms.js"
_GENERATOR_CHECKOUT = Path(__file__).resolve().parents[2]  # the repository the generator runs from

# What the editor needs beyond the site's own policy (hardening.Policy), each seen in Chromium (the browser tests record
# every violation):
# - style-src 'unsafe-inline': Svelte inserts its components' <style> elements as they appear;
# - connect-src https://api.github.com: the GitHub backend reads and commits through GitHub's API; data: and blob:
#   the editor fetch()es its own data: logo, and the blob: of a file picked for upload;
# - img-src data: blob: https://avatars.githubusercontent.com: icons, previews of uploads, the signed-in user's avatar;
# - worker-src blob:: the editor's workers.
# Left out, so refused: the update check (unpkg.com), GitHub's status page, pdf.js from unpkg.com for the thumbnail of
# an uploaded PDF (the upload itself works), and the code Sveltia loads from unpkg.com for widgets this configuration
# does not use (maps, code, image conversion).
ADMIN_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com",
        "font-src 'self'",
        "connect-src 'self' data: blob: https://api.github.com",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


class EditorMissing(Exception):
    """Sveltia CMS is not installed (`npm ci` was not run): the message says what to run."""


class FontMissing(EditorMissing):
    """The editor's script does not name a font as `CMS_FONTS` expects (Sveltia CMS was upgraded), or its package is
    not installed at that version: published as it is, the editor would fetch the font from a CDN."""


@dataclass(frozen=True)
class Font:
    """A font the editor's script loads: its address on fontsource's CDN, and the npm package with the same file."""

    url: str
    package: str
    version: str
    file: str  # in the package's files/ folder

    @property
    def uri(self) -> str:
        """Where the site publishes it, relative to admin/ (the page's address, which the script's injected
        @font-face rules resolve against)."""
        return f"fonts/{self.file}"


# https://cdn.jsdelivr.net/fontsource/fonts/<font>[:vf]@<version>/<subset-weight-style>.woff2, where ":vf" marks the
# variable font: npm @fontsource-variable/<font> (else @fontsource/<font>) has it as files/<font>-<subset-...>.woff2.
_FONTSOURCE_CDN = re.compile(
    r"https://cdn\.jsdelivr\.net/fontsource/fonts/(?P<font>[a-z0-9-]+)(?P<variable>:vf)?@(?P<version>[0-9.]+)/"
    r"(?P<file>[a-z0-9-]+\.woff2)"
)


def fontsource_font(url: str) -> Font:
    """The font at a fontsource CDN address: package, version and file follow from the address, written once."""
    found = _FONTSOURCE_CDN.fullmatch(url)
    if found is None:
        raise ValueError(f"not a fontsource CDN address: {url}")
    scope = "@fontsource-variable" if found["variable"] else "@fontsource"
    font = found["font"]
    return Font(url, f"{scope}/{font}", found["version"], f"{font}-{found['file']}")


# The @font-face sources in the CSS that Sveltia CMS 0.221.1's script injects; package.json pins these packages at
# these versions. Without Material Symbols every icon shows as its ligature's word ("photo_library").
CMS_FONTS = tuple(
    fontsource_font(url)
    for url in (
        "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2",
        "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2",
        "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
    )
)
_REINSTALL = "jalankan 'make setup' (atau 'npm ci') di folder proyek"


def node_modules(project: Project) -> Path:
    """Where the editor's script and fonts are installed: the project's own node_modules, else the generator
    checkout's (the same in this repository). Raises EditorMissing when neither has the script."""
    for root in (project.root, _GENERATOR_CHECKOUT):
        if (root / CMS_SCRIPT).is_file():
            return root / NODE_MODULES
    raise EditorMissing(
        f"editor web /admin/ memerlukan {CMS_SCRIPT}: {_REINSTALL}, atau "
        "matikan editor dengan 'editor_web: false' di blok sop-jdih mkdocs.yml"
    )


def self_hosted(script: str, fonts: tuple[Font, ...] = CMS_FONTS) -> str:
    """The script with each font's CDN address replaced by its address on the site. Raises FontMissing when an
    address is not in the script exactly once, or the script names another font on fontsource's CDN."""
    for font in fonts:
        count = script.count(font.url)
        if count != 1:
            raise FontMissing(
                f"{CMS_SCRIPT}: alamat font {font.url} ditemukan {count} kali, bukan tepat sekali: versi Sveltia CMS "
                "di package-lock.json tidak cocok dengan CMS_FONTS di generator/editor/admin.py; sesuaikan paket "
                "@fontsource di package.json dan CMS_FONTS dengan alamat font dalam skrip itu"
            )
    uris = {font.url: font.uri for font in fonts}
    for found in _FONTSOURCE_CDN.finditer(script):
        if found[0] not in uris:
            raise FontMissing(
                f"{CMS_SCRIPT}: font {found[0]} akan dimuat dari CDN: tambahkan paketnya ke package.json dan "
                "alamatnya ke CMS_FONTS di generator/editor/admin.py"
            )
    return _FONTSOURCE_CDN.sub(lambda found: uris[found[0]], script)  # one pass over the 2 MB script


def font_files(installed: Path, fonts: tuple[Font, ...] = CMS_FONTS) -> dict[str, Path]:
    """Each font's address relative to admin/ → its file in node_modules (`installed`). Raises FontMissing when a
    package is not installed at the version the script names."""
    files = {}
    for font in fonts:
        package = installed / font.package
        manifest = package / "package.json"
        version = json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.is_file() else None
        path = package / "files" / font.file
        if version != font.version:
            found = f"yang terpasang versi {version}" if version else "paket itu tidak terpasang"
            raise FontMissing(
                f"editor web /admin/ memerlukan font {font.package}@{font.version}, {found} di {installed}: "
                f"{_REINSTALL}"
            )
        if not path.is_file():
            raise FontMissing(f"editor web /admin/ memerlukan {path}, yang tidak ada di {font.package}@{version}")
        files[font.uri] = path
    return files


def editor_script(project: Project) -> tuple[str, dict[str, Path]]:
    """The text of the editor's script as the site publishes it, and its fonts (address relative to admin/ → file),
    from the same node_modules. Raises EditorMissing (or FontMissing) as node_modules, self_hosted and font_files."""
    installed = node_modules(project)
    written = (installed.parent / CMS_SCRIPT).stat()
    return _published_script(installed, written.st_mtime_ns, written.st_size), font_files(installed)


@functools.lru_cache(maxsize=2)
def _published_script(installed: Path, mtime_ns: int, size: int) -> str:
    """Read and rewritten once per installed script, not on every `make serve` rebuild (2 MB, ~18 ms)."""
    return self_hosted((installed.parent / CMS_SCRIPT).read_text(encoding="utf-8"))


def markdown_kinds(archive: Archive) -> set[str]:
    """Keys of the kinds some of whose items are Markdown files: the editor shows those in a collection of their own."""
    return {kind.key for kind in archive.kinds if any(item.path.endswith(".md") for item in archive.items(kind))}


def admin_page(title: str) -> str:
    """The page at /admin/: the policy, the configuration's address and the script, nothing inline."""
    return f"""<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{ADMIN_POLICY}">
  <meta name="robots" content="noindex, nofollow">
  <meta name="referrer" content="same-origin">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(title)}</title>
  <link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
  <script src="sveltia-cms.js"></script>
</body>
</html>
"""


def config_text(project: Project, repository: Repository, site_url: str, archive: Archive) -> str:
    return _config_text(project, repository, site_url, frozenset(markdown_kinds(archive)))


@functools.lru_cache(maxsize=4)
def _config_text(project: Project, repository: Repository, site_url: str, markdown: frozenset[str]) -> str:
    """Made once per set of inputs, not on every `make serve` rebuild (the schemas and the dump take ~75 ms)."""
    config = cms_config(project, repository, site_url, set(markdown))
    header = "# Dibuat oleh sop-jdih dari model data pada setiap build; jangan diubah dengan tangan.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
