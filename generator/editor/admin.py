"""The web editor at /admin/ of the built site: Sveltia CMS, its generated configuration, and the page that loads it.

Sveltia CMS (npm @sveltia/cms, pinned in package-lock.json, installed by `npm ci`) is a git-based content editor that
runs wholly in the browser: staff sign in to GitHub with a personal access token, or work on a local clone through the
browser's File System Access API, and every save is a commit or, with the editorial workflow, a pull request. Its
script is published from node_modules as it is (like the archive's attachments: never copied to staging) and from the
site itself, never a CDN.

The admin page carries its own Content-Security-Policy, looser than the site's in what the editor needs and nothing
else (`ADMIN_POLICY`, documented in the README). The public pages never load the editor.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..archive.collection import Archive
from ..project import Project
from .config import Repository, cms_config

ADMIN = "admin"
CMS_SCRIPT = "node_modules/@sveltia/cms/dist/sveltia-cms.js"
_GENERATOR_CHECKOUT = Path(__file__).resolve().parents[2]  # the repository the generator runs from

# What the editor needs beyond the site's own policy (hardening.Policy), each seen in Chromium (the browser tests record
# every violation):
# - style-src 'unsafe-inline': Svelte inserts its components' <style> elements as they appear;
# - connect-src https://api.github.com: the GitHub backend reads and commits through GitHub's API; data: and blob:
#   the editor fetch()es its own data: logo, and the blob: of a file picked for upload;
# - img-src data: blob: https://avatars.githubusercontent.com: icons, previews of uploads, the signed-in user's avatar;
# - worker-src blob:: the editor's workers.
# Left out, so refused: the update check (unpkg.com), GitHub's status page, and the code Sveltia loads from unpkg.com
# for widgets this configuration does not use (maps, code, image conversion).
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


def cms_script(project: Project) -> Path:
    """The editor's script: the project's own node_modules, else the generator checkout's (the same in this
    repository). Raises EditorMissing when neither has it."""
    for root in (project.root, _GENERATOR_CHECKOUT):
        script = root / CMS_SCRIPT
        if script.is_file():
            return script
    raise EditorMissing(
        f"editor web /admin/ memerlukan {CMS_SCRIPT}: jalankan 'make setup' (atau 'npm ci') di folder proyek, atau "
        "matikan editor dengan 'editor_web: false' di blok sop-jdih mkdocs.yml"
    )


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
  <title>{title}</title>
  <link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
  <script src="sveltia-cms.js"></script>
</body>
</html>
"""


def config_text(project: Project, repository: Repository, site_url: str, archive: Archive) -> str:
    config = cms_config(project, repository, site_url, markdown_kinds(archive))
    header = "# Dibuat oleh sop-jdih dari model data pada setiap build; jangan diubah dengan tangan.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
