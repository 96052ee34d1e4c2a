"""Hand-written files in docs/ that would be published at the address of a page the generator writes.

MkDocs would build both into one file of the site and keep one of them without a word (or, for the same file name,
fail with a message that names no file), so the office's page or the generated one silently disappears. The build and
`sop-jdih check` ask this one question and report each such file, located at itself.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path

from ..source.problems import Problem

MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")  # MkDocs' own list (mkdocs.utils), case as is


def built_file(uri: str, directory_urls: bool) -> str:
    """The site file MkDocs 1.6 builds from a docs file: `sop/x.md` → `sop/x/index.html`; README.md is an index.

    Shape: a path relative to docs/ in, a path relative to the site out; files that are not Markdown keep theirs.
    """
    if not uri.endswith(MARKDOWN_SUFFIXES):
        return uri
    parent, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if not directory_urls or stem == "index":
        return posixpath.join(parent, f"{stem}.html")
    return posixpath.join(parent, stem, "index.html")


def docs_files(docs_dir: Path) -> list[str]:
    """The files MkDocs publishes from docs/ by default: not hidden ones (`.*`) nor the top-level `templates/`."""
    if not docs_dir.is_dir():
        return []
    files = []
    for path in docs_dir.rglob("*"):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] == "templates" or any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            files.append(relative.as_posix())
    return sorted(files)


def taken_addresses(
    docs_dir: Path, shown_as: str, generated: Mapping[str, str | None], directory_urls: bool
) -> list[Problem]:
    """Each docs file built where a generated one is (`generated`: its docs path → the editor's file it comes from).

    `shown_as` is docs/ as editors know it, e.g. "docs/". A problem reads
    `docs/sop/x/index.md: alamat /sop/x/ sudah dipakai sop-jdih untuk sops/x.yaml; …`.
    """
    taken = {built_file(uri, directory_urls): source for uri, source in generated.items()}
    problems = []
    for relative in docs_files(docs_dir):
        site_file = built_file(relative, directory_urls)
        if site_file not in taken:
            continue
        source = taken[site_file]
        origin = f" untuk {source}" if source else ""
        message = (
            f"alamat {_address(site_file)} sudah dipakai sop-jdih{origin}; pindahkan berkas ini ke alamat lain "
            "atau hapus"
        )
        problems.append(Problem(f"{shown_as}{relative}", 0, "", message))
    return problems


def _address(site_file: str) -> str:
    """How a visitor reaches a site file: `sop/x/index.html` → `/sop/x/`, `feed.xml` → `/feed.xml`."""
    folder, name = posixpath.split(site_file)
    if name != "index.html":
        return f"/{site_file}"
    return f"/{folder}/" if folder else "/"
