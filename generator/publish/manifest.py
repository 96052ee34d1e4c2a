"""The build's record of what it published: every editor's file and the pages it became, checked on the built site.

A page that silently fails to appear (a generator bug, an `exclude_docs` pattern, a plugin that drops files) would
otherwise go unnoticed until someone looks for it. Independent of MkDocs: it reads the validated content, the
generation (which page came from which file) and the built site folder.
"""

from __future__ import annotations

import calendar
import datetime
import json
import os
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..archive.kind import is_url
from ..core import Content, Generation
from ..pages.addresses import attachment_uri, sop_pdf_uri, sop_uri
from ..pages.urls import SiteUrls

MANIFEST_FILE = "sop-jdih-manifest.json"
# The build date when the content has no date at all: any fixed day keeps two builds identical.
UNDATED = datetime.date(2000, 1, 1)


class ManifestError(RuntimeError):
    """A source without a built page, or an item page without a source; the message lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"sop-jdih: situs tidak lengkap, {len(problems)} masalah:\n{lines}")


@dataclass(frozen=True)
class Count:
    key: str  # in the manifest's JSON: "sop", "produk_hukum"
    name: str  # in the build's summary: "SOP", "produk hukum"
    number: int


@dataclass(frozen=True)
class Manifest:
    sources: dict[str, list[str]]  # editor's file (relative to the project root) → its site paths, page first
    counts: list[Count]  # SOPs, then each archive collection

    def summary(self) -> str:
        """E.g. "3 SOP, 32 produk hukum, 23 konten diterbitkan"."""
        return ", ".join(f"{count.number} {count.name}" for count in self.counts) + " diterbitkan"

    def to_json(self) -> str:
        """Sorted keys and no timestamp: two builds of one commit write the same bytes."""
        counts = {count.key: count.number for count in self.counts}
        record = {"jumlah": counts, "sumber": self.sources}
        return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def publish_manifest(
    content: Content, generation: Generation, urls: SiteUrls, site_dir: Path, with_pdf: bool
) -> Manifest:
    """Check the built site against the sources, then write the manifest into it; raise ManifestError if incomplete."""
    manifest = expected(content, generation, urls, with_pdf)
    problems = [*orphan_pages(content, generation), *missing_files(manifest, site_dir)]
    if problems:
        raise ManifestError(problems)
    (site_dir / MANIFEST_FILE).write_text(manifest.to_json(), encoding="utf-8")
    return manifest


def expected(content: Content, generation: Generation, urls: SiteUrls, with_pdf: bool) -> Manifest:
    """Every editor's file and the site paths it must have: its generated page(s), PDF and local attachments."""
    pages: dict[str, list[str]] = {}
    for site_file in generation.files:
        if site_file.source and site_file.uri.endswith(".md"):
            pages.setdefault(site_file.source, []).append(urls.path(site_file.uri))
    sources: dict[str, list[str]] = {}
    for sop in content.sops:
        pdf = [urls.path(sop_pdf_uri(sop.document.id))] if with_pdf else []
        sources[sop.path] = pages.get(sop.path, []) + pdf
    archive = content.archive
    counts = [Count("sop", "SOP", len(content.sops))]
    for kind in archive.kinds:
        for item in archive.items(kind):
            files = [value for _, value in kind.files(item.document)]
            sources[item.path] = pages.get(item.path, []) + _attachments(files, urls)
    counts += [Count(kind.count_key, kind.plural, len(archive.items(kind))) for kind in archive.shown_kinds()]
    return Manifest(sources, counts)


def _attachments(paths: list[str], urls: SiteUrls) -> list[str]:
    """Files published from content_archive/ as they are; https addresses live elsewhere."""
    return sorted({urls.path(attachment_uri(path)) for path in paths if not is_url(path)})


def orphan_pages(content: Content, generation: Generation) -> Iterator[str]:
    """Item pages generated from no loaded file, and loaded files no page was generated from."""
    archive = content.archive
    known = {item.path for item in [*content.sops, *(item for kind in archive.kinds for item in archive.items(kind))]}
    # Folders of item pages, one page per editor's file: a page there without a source came from nowhere.
    folders = {posixpath.dirname(uri) for uri in [sop_uri("x"), *(kind.uri("x") for kind in archive.kinds)]}
    generated = set()
    for site_file in generation.files:
        if not _is_item_page(site_file.uri, folders):
            continue
        if site_file.source in known:
            generated.add(site_file.source)
        else:
            yield f"{site_file.uri}: halaman dibuat tanpa berkas sumber ({site_file.source or 'tidak ada'})"
    for path in sorted(known - generated):
        yield f"{path}: tidak ada halaman yang dibuat untuknya"


def _is_item_page(uri: str, folders: set[str]) -> bool:
    folder, name = posixpath.split(uri)
    return folder in folders and name.endswith(".md") and name != "index.md"


def missing_files(manifest: Manifest, site_dir: Path) -> Iterator[str]:
    """Site paths of the manifest with no file in the built site."""
    site = str(site_dir)
    for source, paths in sorted(manifest.sources.items()):
        for path in paths:
            built = built_file(path)
            if not os.path.isfile(os.path.join(site, built)):  # 10,000 times: no Path objects
                yield f"{source}: {built} tidak ada di situs hasil build"


def built_file(path: str) -> str:
    """The file a site path is served from: `sop/x/` → `sop/x/index.html`."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def content_epoch(content: Content) -> int:
    """Seconds since 1970 at the newest date the content itself carries (UTC midnight), for SOURCE_DATE_EPOCH."""
    dates = [UNDATED]
    for sop in content.sops:
        document = sop.document
        dates += [document.tanggal_pembuatan, document.tanggal_revisi, document.tanggal_pengesahan]
    for kind in content.archive.kinds:
        for document in content.archive.documents(kind):
            dates += kind.dates(document)
    # An SOP date written "-" is no date.
    return calendar.timegm(max(date for date in dates if isinstance(date, datetime.date)).timetuple())
