"""A site builder that is not MkDocs: what a move off Material would write around the core, in miniature.

`build` reads the project, lets `core.generate` stage the pages, turns each into an HTML file of a bare page
template (Python-Markdown for Markdown pages, the finished HTML as it is otherwise), copies feeds and attachments, and
hands the folder to `publish.postbuild`. The test runs it in a process where MkDocs and Material cannot be imported.
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

import markdown
import yaml

from generator.core import SiteFile, generate, load_content
from generator.pages.urls import SiteUrls
from generator.project import read_project
from generator.publish.hardening import Policy
from generator.publish.manifest import built_file
from generator.publish.postbuild import postbuild

SITE_URL = "https://contoh.example/"
# The builder's own inline script: outside the body, so the page's CSP must allow it by its hash.
THEME_SCRIPT = "document.documentElement.dataset.tema = 'uji';"
PAGE = """\
<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{title}</title>
<script>{script}</script>
</head>
<body>
{body}
</body>
</html>
"""


def build(root: Path, site: Path) -> str:
    """Build the project at `root` into `site`; return the log lines postbuild's results give."""
    project = read_project(root / "mkdocs.yml")
    content = load_content(project)
    urls = SiteUrls(SITE_URL)
    generation = generate(content, project, urls, "Uji tanpa MkDocs")
    pages: dict[str, str] = {}
    for site_file in generation.files:
        if site_file.uri.endswith(".md"):
            page, body = _page(site_file)
            target = built_file(urls.path(site_file.uri))
            (site / target).parent.mkdir(parents=True, exist_ok=True)
            (site / target).write_bytes(page.encode("utf-8"))
            pages[target] = body
        else:
            (site / site_file.uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site_file.path, site / site_file.uri)
    published = postbuild(content, generation, project, site, urls, Policy(), pages)
    return f"{published.search}\n{published.manifest.summary()}"


def _page(site_file: SiteFile) -> tuple[str, str]:
    """The page's HTML and its body (the part made from the data)."""
    _, front_matter, text = site_file.path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front_matter) or {}
    body = text if site_file.html else markdown.markdown(text, extensions=["tables", "attr_list"])
    wrapped = body if meta.get("pagefind") is False else f"<div data-pagefind-body>{body}</div>"
    return PAGE.format(title=html.escape(str(meta.get("title", ""))), script=THEME_SCRIPT, body=wrapped), body


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2])))
