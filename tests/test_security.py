"""Issue 6, security: safe external links, a Content-Security-Policy that still lets the site work, and no way for
the data (SOPs, produk hukum, konten) to run a script in a reader's browser.

The escaping audit writes the classic payloads of tests/xss_payloads.py into every text and URL field of a real
project, builds it, and opens every page in Chromium twice: once with the CSP switched off (bypass_csp), which tests
the escaping alone, and once with it, which tests the CSP as the second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser, Page, expect

from generator import plugin
from generator.core import load_content
from generator.plugin import site_policy
from generator.project import Project
from generator.publish import hardening
from generator.publish.hardening import Policy, external, harden, tokens
from generator.source.problems import DataError

from . import xss_payloads
from .archive_fixture import KEPUTUSAN_BARU, KONTEN_YAML, UU, png, write_archive
from .browser_support import Problems, Visits, open_page, serve
from .conftest import MKDOCS_YML, VALID_SOP, build_site, make_project

SITE = "https://contoh.example/"
NOOPENER = 'rel="noopener noreferrer"'

# --- rel="noopener noreferrer" on links to other hosts ------------------------------------------------------------

REL_CASES = {
    "other host": ('<a href="https://lain.example/x">', f'<a {NOOPENER} href="https://lain.example/x">'),
    "http": ("<a class=x href=http://lain.example>", f"<a {NOOPENER} class=x href=http://lain.example>"),
    "scheme in capitals": ('<A HREF="HTTPS://Lain.Example/">', f'<A {NOOPENER} HREF="HTTPS://Lain.Example/">'),
    "protocol-relative": ('<a href="//lain.example/">', f'<a {NOOPENER} href="//lain.example/">'),
    "encoded colon": ('<a href="https&#58;//lain.example/">', f'<a {NOOPENER} href="https&#58;//lain.example/">'),
    "keeps rel": (
        '<a rel="edit" href="https://g.example/">',
        '<a rel="edit noopener noreferrer" href="https://g.example/">',
    ),
    "adds the missing token": (
        "<a href='https://g.example/' rel='noopener'>",
        "<a href='https://g.example/' rel=\"noopener noreferrer\">",
    ),
    "unquoted rel": (
        "<a rel=nofollow href=https://g.example/>",
        '<a rel="nofollow noopener noreferrer" href=https://g.example/>',
    ),
    "bare rel": ("<a rel href=https://g.example/>", '<a rel="noopener noreferrer" href=https://g.example/>'),
    "'>' inside a value": (
        '<a title="a>b" href="https://g.example/">',
        f'<a {NOOPENER} title="a>b" href="https://g.example/">',
    ),
    "first href wins": ('<a href="/x/" href="https://g.example/">', None),
    "complete already": ('<a href="https://g.example/" rel="NoOpener noreferrer">', None),
    "same host": ('<a href="https://contoh.example/sop/">', None),
    "same host, other port": ('<a href="https://contoh.example:8443/">', None),
    "relative": ('<a href="../sop/x/">', None),
    "fragment": ('<a href="#langkah-1">', None),
    "mailto": ('<a href="mailto:jdih@lain.example">', None),
    "javascript": ('<a href="javascript:alert(1)">', None),
    "no href": ('<a id="x">', None),
    "area is not a": ('<area href="https://g.example/">', None),
    "abbr is not a": ('<abbr title="https://g.example/">', None),
    "inside a comment": ('<!-- <a href="https://g.example/"> -->', None),
    "inside a script": ("<script>x = '<a href=\"https://g.example/\">'</script>", None),
    "inside JSON": ('<script type="application/ld+json">{"x": "<a href=\\"https://g.example/\\">"}</script>', None),
    "inside a title": ('<title><a href="https://g.example/"></title>', None),
    "inside a textarea": ('<textarea><a href="https://g.example/"></textarea>', None),
    "inside an attribute": ("<p title='<a href=\"https://g.example/\">'>", None),
    "a quote never closed": ('<a href="https://g.example/" title="x', None),  # the rest of the page is its value
    "attribute run into text": ('<a href="https://g.example/" teks', f'<a {NOOPENER} href="https://g.example/" teks'),
}


@pytest.mark.parametrize(("before", "after"), REL_CASES.values(), ids=REL_CASES.keys())
def test_external_links_get_noopener_noreferrer(before: str, after: str | None) -> None:
    page = f"<p>Teks {before} teks</p>"
    expected = page if after is None else f"<p>Teks {after} teks</p>"
    assert harden(page, SITE, Policy()) == expected


ADDED = re.compile(
    r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">'
    r'|(?<=<a) rel="noopener noreferrer"| noopener noreferrer(?=")| noreferrer(?=")'
)


def test_hardening_only_adds_rel_and_the_csp(clean_site: Path, raw_site: Path) -> None:
    """Against the same project built without the hook, the only differences are added rel tokens and the CSP."""
    changed = 0
    for path, file in html_pages(clean_site).items():
        raw = (raw_site / file.relative_to(clean_site)).read_text(encoding="utf-8")
        hardened = file.read_text(encoding="utf-8")
        assert ADDED.sub("", hardened) == raw, path
        changed += hardened != raw
    assert changed == len(html_pages(clean_site))  # 404.html too: a theme template, noted by on_post_template


def test_external_understands_addresses_as_a_browser_does() -> None:
    assert external(" https://lain.example/", "contoh.example")
    assert external("ht\ntps://lain.example/", "contoh.example")
    assert external("https:\\\\lain.example\\", "contoh.example")
    assert external("https://contoh.example@lain.example/", "contoh.example")
    assert not external("https://CONTOH.example/x", "contoh.example")
    assert not external("https://[::1", "contoh.example")  # not a URL at all: left alone


# Pieces of markup that matter to the tokenizer, in any order: tags it reads and tags it skips, quotes, comments,
# raw text, end tags, broken tags.
MARKUP_PIECES = [
    "<a",
    "<A",
    "<abbr",
    "<p",
    "<head",
    "<meta",
    "<script",
    "<style",
    "<title",
    "<textarea",
    "<svg",
    "<xmp",
    "</a>",
    "</script>",
    "</title>",
    "</",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!x>",
    "<?x>",
    ">",
    "/>",
    " ",
    "\t",
    '"',
    "'",
    "=",
    ' href="https://g.example/"',
    " href=https://g.example/",
    ' rel="noopener"',
    " charset=utf-8",
    ' type="module"',
    "teks",
    "&amp;",
    "<",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40))
def test_skipping_uninteresting_markup_changes_no_token(pieces: list[str]) -> None:
    """The one-match skip over text and ordinary tags is only a shortcut: token by token, the same as without it."""
    page = "".join(pieces)
    with_skip = list(tokens(page))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hardening, "_SKIP", re.compile(""))  # matches nothing: every '<' goes through the loop
        without_skip = list(tokens(page))
    assert with_skip == without_skip


# --- the Content-Security-Policy ----------------------------------------------------------------------------------


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


class InlineScripts(HTMLParser):
    """The inline scripts a browser runs, found by the standard library's parser (an independent reading)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            attributes = dict(attrs)
            runs = (attributes.get("type") or "text/javascript").lower() in ("text/javascript", "module")
            self.current = [] if runs and "src" not in attributes else None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.current is not None:
            self.found.append("".join(self.current))
            self.current = None


def inline_scripts(page: str) -> list[str]:
    parser = InlineScripts()
    parser.feed(page)
    return parser.found


def csp_of(page: str) -> dict[str, list[str]]:
    (content,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    directives = (part.split() for part in content.replace("&amp;", "&").split(";"))
    return {words[0]: words[1:] for words in directives if words}


PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>var a = 1;</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="bundle.js"></script>
</head><body>
<article>CONTENT</article>
<script>var b = "\r\n";</script>
<script><!--<script>x</script>-->y</script>
</body></html>"""


def test_csp_hashes_exactly_the_inline_scripts_outside_the_content() -> None:
    content = "<p>Judul</p><script>alert(1)</script>"
    page = PAGE.replace("CONTENT", content)
    csp = csp_of(harden(page, SITE, Policy(), content))
    theirs = ["var a = 1;", 'var b = "\n";', "<!--<script>x</script>-->y"]  # line breaks as the browser reads them
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'", *map(sha256, theirs)]
    assert sha256("alert(1)") not in csp["script-src"]


def test_csp_is_first_in_head_after_the_charset() -> None:
    hardened = harden(PAGE, SITE, Policy())
    head = hardened[hardened.index("<head>") :]
    assert re.match(r'<head>\n<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy"', head)
    without_charset = harden(PAGE.replace('<meta charset="utf-8">\n', ""), SITE, Policy())
    assert '<head>\n    <meta http-equiv="Content-Security-Policy"' in without_charset


def test_csp_directives() -> None:
    csp = csp_of(harden(PAGE, SITE, Policy()))
    assert csp == {
        "default-src": ["'self'"],
        "script-src": csp["script-src"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    assert csp["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]


def config_for(tmp_path: Path, mkdocs_yml: str = MKDOCS_YML) -> Any:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_policy_allows_only_what_the_configuration_loads(tmp_path: Path) -> None:
    # The test project keeps Material's Google Fonts and a GitHub repo_url (stars and forks from api.github.com, only
    # when the office shows the repository widget: kantor.yaml's tampilkan_repositori).
    assert site_policy(config_for(tmp_path)).connect == ()
    assert site_policy(config_for(tmp_path), repository_widget=True) == Policy(
        styles=("https://fonts.googleapis.com",),
        fonts=("https://fonts.gstatic.com",),
        connect=("https://api.github.com",),
    )
    offline = MKDOCS_YML.replace("  language: id\n", "  language: id\n  font: false\n").replace(
        "repo_url: https://github.com/kpu-uji/situs", "repo_url: https://gitlab.kpu.example/jdih/situs"
    )
    policy = site_policy(
        config_for(tmp_path, offline + "extra_javascript: [https://cdn.example/x.js, lokal.js]\n"),
        repository_widget=True,
    )
    assert policy == Policy(scripts=("https://cdn.example",), connect=("https://gitlab.kpu.example",))


def test_mkdocs_serve_keeps_its_live_reload(tmp_path: Path) -> None:
    """`mkdocs serve` points site_url at its own address and injects an inline script that changes every request."""
    served = MKDOCS_YML.replace(f"site_url: {SITE}", "site_url: http://127.0.0.1:8000/sub/")
    preview = site_policy(config_for(tmp_path, served))
    assert preview.preview
    assert "'unsafe-inline'" in csp_of(harden(PAGE, SITE, preview))["script-src"]
    assert not site_policy(config_for(tmp_path, served.replace(":8000", ":8001"))).preview


def test_tokenizer_never_stalls_on_broken_markup() -> None:
    for page in ("<", "<a", "<a href=", '<a href="x', "<!--", "<script>", "<![CDATA[", "<a\x00b c=d>", "</", "<!x"):
        list(tokens(page))
        harden(page + "<head>", SITE, Policy())
    assert harden("<a " + "b " * 50_000, SITE, Policy())  # linear time on an attribute list that never ends


# --- built pages ----------------------------------------------------------------------------------------------------


def clean_project(root: Path) -> Path:
    project = make_project(root, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(project)
    return project


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(clean_project(tmp_path_factory.mktemp("clean-site")))


@pytest.fixture(scope="module")
def raw_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same project built with the hardening switched off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "harden", lambda page, *_: page)  # the plugin hardens each page as MkDocs writes it
        return build_site(clean_project(tmp_path_factory.mktemp("raw-site")))


def html_pages(site: Path) -> dict[str, Path]:
    """URL path → file of every page of the site, Pagefind's own files and the web editor's page (admin/: its own
    policy, tests/test_editor.py) left out."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site)
        if relative.parts[0] in ("pagefind", "admin"):
            continue
        path = relative.parent.as_posix() + "/" if relative.name == "index.html" else relative.as_posix()
        pages["/" + path.removeprefix("./")] = file
    return pages


def test_every_built_page_has_a_csp_hashing_each_inline_script(clean_site: Path) -> None:
    pages = html_pages(clean_site)
    assert "/404.html" in pages
    for path, file in pages.items():
        page = file.read_text(encoding="utf-8")
        csp = csp_of(page)
        scripts = inline_scripts(page)
        assert len(scripts) >= 2, f"{path}: Material's inline scripts are missing"
        assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'", *dict.fromkeys(map(sha256, scripts))], path


# --- payloads in every field --------------------------------------------------------------------------------------


def payload_sop(n: int, text: str) -> dict[str, Any]:
    step = {"kegiatan": [text, text], "ringkasan": text, "keterangan": text}
    return {
        "id": f"xss-{n}",
        "instansi": text,
        "satuan_kerja": text,
        "nomor_sop": text,
        "nama_sop": text,
        "tanggal_pengesahan": "2024-01-02",
        "tempat_pengesahan": text,
        "disahkan_oleh": {"jabatan": text, "nama": text, "nip": text},
        # Unparsed, parsed into its own regulation page, and one more spelling of UU 7/2017.
        "dasar_hukum": [text, f"Undang-Undang Nomor {100 + n} Tahun 2017 tentang {text}", f"UU 7/2017 {text}"],
        "kualifikasi_pelaksana": [text],
        "jumlah_pelaksana": text,
        "keterkaitan": [text, {"sop": "uji-persetujuan"}],
        "peralatan_perlengkapan": [text],
        "peringatan": [text],
        "pencatatan_pendataan": [text],
        "ketentuan_pengesahan": [text],
        "judul_kolom": {"no": text, "kegiatan": text, "waktu": text, "keterangan": text},
        "nomor_kolom": True,
        **({"tanda_tangan": {"baris": [text, text], "nama": text, "nip": text}} if n % 2 else {}),
        "prosedur": [
            {
                "judul": text,
                "pelaksana": [{"id": "a", "nama": text}, {"id": "b", "nama": text}],
                "langkah": [
                    {"no": 1, **step, "pelaksana": "a", "mulai_di": "b"}
                    | {"mutu_baku": {"kelengkapan": [text], "waktu": "10 menit", "output": text}},
                    {"no": 2, **step, "pelaksana": "b", "simbol": "keputusan", "ya": 3, "tidak": 1},
                    {"no": 3, **step, "pelaksana": ["a", "b"], "simbol": "selesai"},
                ],
            }
        ],
    }


def payload_produk(n: int, text: str, url: str) -> dict[str, Any]:
    return {
        "id": f"xss-{n}",
        "tipe_dokumen": text,
        "jenis": "Keputusan Uji",  # a facet label: markup in it is refused (test below)
        "singkatan_jenis": text,
        "nomor": text,
        "tahun": 2020,
        "judul": text,
        "teu_badan": text,
        "tempat_penetapan": text,
        "sumber": text,
        "subjek": [text, text],
        "keterangan_status": text,
        "bahasa": text,
        "bidang_hukum": "Umum",
        "lokasi": text,
        "pemrakarsa": text,
        "penandatangan": text,
        "mengingat": [text, f"Undang-Undang Nomor 7 Tahun 2017 tentang {text}"],
        "lampiran": {"dokumen": url, "abstrak": url},
        "abstrak": {"abstrak": [text], "catatan": [text]},
        "relasi": {"melaksanakan": ["uu-7-2017"]},
        "uraian": f"{text}\n{text}\n\n{text}",
    }


def payload_konten(n: int, text: str, url: str) -> dict[str, Any]:
    return {
        "id": f"xss-k-{n}",
        "judul": text,
        "tanggal_terbit": "2024-02-03",
        "caption": f"{text}\n{text}\n\n{text}",
        "unggahan": [{"platform": "Website", "tautan": url}],
        "gambar": f"konten/gambar/xss-{n}.png",
        "teks_alternatif": text,
        "produk_hukum": [f"xss-{n}"],
        "sop": f"xss-{n}",
        "alur_kerja": [{"tahap": "disposisi", "oleh": text, "tanggal": "2024-02-01", "catatan": text}],
    }


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the loaders refuse YAML aliases (billion laughs): write every repeated value out


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Payload n in every text field of SOP xss-n, produk hukum xss-n and konten xss-k-n; URL payloads in turn."""
    sops = {"uji-persetujuan.yaml": VALID_SOP}
    archive = {}
    for n, text in enumerate(xss_payloads.TEXT):
        url = f"https://x.example/kiriman/{n}"  # addresses carrying markup are refused (see REJECTED below)
        sops[f"xss-{n}.yaml"] = dump(payload_sop(n, text))
        archive[f"produk-hukum/xss-{n}.yaml"] = dump(payload_produk(n, text, url))
        archive[f"konten/xss-k-{n}.yaml"] = dump(payload_konten(n, text, url))
    project = make_project(tmp_path_factory.mktemp("payload-site"), {})
    for name, text in sops.items():  # already YAML: make_project would dedent them
        (project / "sops" / name).write_text(text, encoding="utf-8")
    folder = write_archive(project, archive)
    for n in range(len(xss_payloads.TEXT)):
        (folder / "konten" / "gambar" / f"xss-{n}.png").write_bytes(png())
    return build_site(project, strict=False)  # unparsed dasar hukum lines are warnings: --strict would stop there


# Field → the fixture file holding it, that file's text and the valid value the test replaces.
ADDRESS_FIELDS = {
    "tautan": ("konten/tim-jdih-baru.yaml", KONTEN_YAML, "https://x.com/kpuuji/status/2"),
    "dokumen": ("produk-hukum/kepkab-5-2024.yaml", KEPUTUSAN_BARU, "lampiran/kepkab-5-2024.pdf"),
    "gambar": ("konten/tim-jdih-baru.yaml", KONTEN_YAML, "konten/gambar/tim-jdih-baru.png"),
}
REJECTED = [
    (field, value) for field in ("tautan", "dokumen") for value in (*xss_payloads.REJECTED_URLS, *xss_payloads.URLS)
] + [
    ("gambar", "javascript:alert(1)"),
    ("gambar", "data:image/png;base64,iVBORw0KGgo="),
    ("gambar", "https://cdn.kpu-uji.example/poster.png"),  # an image from elsewhere: CSP img-src would block it
]


@pytest.mark.parametrize(("field", "value"), REJECTED, ids=[f"{field} {value!r}" for field, value in REJECTED])
def test_script_and_data_addresses_are_refused_with_a_clear_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, field: str, value: str
) -> None:
    file, text, valid = ADDRESS_FIELDS[field]
    project = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(project, {file: text.replace(valid, json.dumps(value))})  # a JSON string is a YAML string
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project)
    message = "\n".join(record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR)
    assert f"content_archive/{file}:" in message and f"{field}:" in message, message
    assert "Traceback" not in message


def test_markup_in_a_facet_label_is_refused(tmp_path: Path) -> None:
    # Pagefind's filter panel shows facet values as HTML, so `jenis` (the one free-text facet) refuses markup.
    project = make_project(tmp_path, {"uji-persetujuan.yaml": VALID_SOP})
    write_archive(project, {"produk-hukum/uu-7-2017.yaml": UU.replace("jenis: Undang-Undang", 'jenis: "<img src=x>"')})
    with pytest.raises(DataError) as raised:
        load_content(Project(project))
    assert [str(problem) for problem in raised.value.problems] == [
        "content_archive/produk-hukum/uu-7-2017.yaml:3: jenis: tidak boleh memuat < > & atau tanda kutip"
    ]


def test_every_payload_builds(payload_site: Path) -> None:
    pages = html_pages(payload_site)
    for n in range(len(xss_payloads.TEXT)):
        for path in (f"/sop/xss-{n}/", f"/produk-hukum/xss-{n}/", f"/konten/xss-k-{n}/"):
            assert path in pages


def test_no_data_script_gets_a_hash(payload_site: Path) -> None:
    """Whatever reaches a page, the CSP only allows the theme's own inline scripts."""
    for path, file in html_pages(payload_site).items():
        page = file.read_text(encoding="utf-8")
        allowed = set(csp_of(page)["script-src"])
        for script in inline_scripts(page):
            if sha256(script) in allowed:
                assert "alert" not in script, f"{path}: the CSP allows a script from the data: {script[:80]!r}"


# --- in Chromium ----------------------------------------------------------------------------------------------------

# Before any page script: record every alert/confirm/prompt/print and CSP violation.
RECORD = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__ran.push(`${name}(${args.join(", ")})`); };
}
document.addEventListener("securitypolicyviolation", event => window.__ran.push(
  `CSP ${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample || ""}`.trim()));
"""

# After load (and one frame and a task for handlers such as ontoggle): what could run script, and what did.
AUDIT = """
() => new Promise(resolve => requestAnimationFrame(() => setTimeout(() => {
  const found = [];
  const urls = new Set(["href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcdoc", "ping"]);
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith("on") || (urls.has(name) && /^[\\s\\0-\\x1f]*(javascript|data|vbscript):/i.test(value))) {
        found.push(`<${element.localName} ${name}="${value}">`);
      }
    }
  }
  for (const script of document.scripts) {
    const runs = ["", "text/javascript", "module"].includes(script.type.toLowerCase());
    if (runs && !script.src && /alert/.test(script.text)) found.push(`<script>${script.text.slice(0, 60)}`);
  }
  for (const tag of ["iframe", "embed", "base", "meta[http-equiv=refresh]"]) {
    for (const element of document.querySelectorAll(tag)) found.push(element.outerHTML.slice(0, 100));
  }
  resolve({found, ran: window.__ran, material: typeof window.document$ !== "undefined"});
}, 20)))
"""

SEARCHES = ["/cari/?q=alert", "/arsip/?q=script"]
SEARCH_RESULT = ".sj-cari-hasil__butir"  # /cari/ (cari.js) and /arsip/ (arsip.js) show results alike


def payload_of(path: str) -> str:
    """Which payloads a page of one item carries: its text payload and its URL payload."""
    found = re.search(r"/xss-(?:k-)?(\d+)/", path)
    if not found:
        return ""
    n = int(found.group(1))
    return f" (text {xss_payloads.TEXT[n]!r})"


def audit(page: Page, path: str, dialogs: list[str]) -> list[str]:
    """Open `path` and list what the data managed to do there."""
    page.goto(path, wait_until="load")
    if "?q=" in path:
        expect(page.locator(SEARCH_RESULT).first).to_be_visible()
        page.wait_for_load_state("networkidle")
    report: dict[str, Any] = page.evaluate(AUDIT)
    problems = [f"ran: {call}" for call in report["ran"]] + [f"markup: {markup}" for markup in report["found"]]
    problems += [f"dialog: {message}" for message in dialogs]
    dialogs.clear()
    if not report["material"]:
        problems.append("Material's JavaScript did not run: the data broke the page's markup")
    return [f"{path}{payload_of(path)}: {problem}" for problem in problems]


def audit_site(browser: Browser, site: Path, bypass_csp: bool) -> list[str]:
    findings: list[str] = []
    with serve(site) as url, open_page(browser, url, Problems(), bypass_csp=bypass_csp) as page:
        dialogs: list[str] = []
        page.add_init_script(RECORD)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in [*html_pages(site), *SEARCHES]:
            findings += audit(page, path, dialogs)
    return findings


def test_payloads_are_inert_without_the_csp(browser: Browser, payload_site: Path) -> None:
    """Escaping alone: with the CSP off, no payload runs, adds a handler or a script: URL, or breaks the page."""
    findings = audit_site(browser, payload_site, bypass_csp=True)
    assert not findings, f"{len(findings)} findings:\n" + "\n".join(findings)


def test_csp_stops_any_payload_that_gets_through(browser: Browser, payload_site: Path) -> None:
    """With the CSP on, nothing from the data runs, whatever reached the markup."""
    findings = audit_site(browser, payload_site, bypass_csp=False)
    ran = [finding for finding in findings if ": ran: " in finding and ": ran: CSP " not in finding]
    ran += [finding for finding in findings if ": dialog: " in finding]
    blocked = [finding for finding in findings if ": ran: CSP " in finding]
    print(f"the CSP blocked {len(blocked)} attempts:", *blocked, sep="\n  ")
    assert not ran, "\n".join(ran)


def test_payloads_show_as_text(browser: Browser, payload_site: Path) -> None:
    """Each payload is displayed exactly as written: not interpreted, and not escaped twice."""
    mismatches = []
    with serve(payload_site) as url, open_page(browser, url, Problems()) as page:
        for n, text in enumerate(xss_payloads.TEXT):
            for path in (f"/sop/xss-{n}/", f"/produk-hukum/xss-{n}/", f"/konten/xss-k-{n}/"):
                page.goto(path)
                shown = page.evaluate(
                    """() => ({h1: document.querySelector("article h1").textContent,
                               header: document.querySelector("[data-md-component=header-topic]").textContent.trim(),
                               title: document.title})"""
                )
                expected = {"h1": text, "header": text, "title": f"{text} - Uji SOP"}
                if shown != expected:
                    mismatches.append(f"{path}: {shown} != {expected}")
    assert not mismatches, "\n".join(mismatches)


# --- the site still works under its CSP ---------------------------------------------------------------------------


def test_site_works_under_its_csp(browser: Browser, clean_site: Path) -> None:
    """Every page: no CSP violation or console error, Material's JavaScript running; search answers."""
    failures = []
    problems = Problems()
    with serve(clean_site) as url, open_page(browser, url, problems) as page:
        page.add_init_script(RECORD)
        visits = Visits(page, problems)  # waits for each page's own requests: leaving earlier would abort them
        for path in html_pages(clean_site):
            visits.visit(path)
            expect(page.locator(".md-header")).to_be_visible()
            report = page.evaluate(AUDIT)
            if report["ran"] or not report["material"]:
                failures.append(f"{path}: {report}")
        page.goto("/sop/uji-persetujuan/")
        expect(page.locator(".md-typeset__scrollwrap").first).to_be_attached()  # Material wraps the tables
        page.goto("/cari/?q=pemilihan")
        expect(page.locator(SEARCH_RESULT).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        if ran := page.evaluate("() => window.__ran"):
            failures.append(f"/cari/?q=pemilihan: {ran}")
    assert not failures, "\n".join(failures)
    assert problems.on_site() == []
