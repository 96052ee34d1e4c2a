"""Where each generated file lives in the site's docs: one place, so page writers can link to each other.

An archive item's page is where its collection's description puts it (`ArchiveKind.uri`).
"""

from __future__ import annotations

SOP_INDEX = "sop/index.md"
ARCHIVE_INDEX = "arsip/index.md"
DASAR_HUKUM_INDEX = "dasar-hukum/index.md"
SEARCH_PAGE = "cari/index.md"
JDIHN_FILE = "integrasi/jdihn.json"
FEED_FILE = "feed.xml"


def sop_uri(sop_id: str) -> str:
    return f"sop/{sop_id}.md"


def sop_pdf_uri(sop_id: str) -> str:
    """The printed sheet of an SOP (the plugin's opt-in `pdf: true`), next to its page."""
    return f"sop/{sop_id}.pdf"


def regulation_uri(slug: str) -> str:
    return f"dasar-hukum/{slug}.md"


def attachment_uri(path: str) -> str:
    """Where a file inside content_archive/ is published."""
    return f"berkas/{path}"
