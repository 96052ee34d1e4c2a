"""Machine-readable outputs: the JDIHN integration feed and an Atom feed of the newest items.

Both are static files with absolute URLs built from site_url, and carry no build timestamp: every
date in them is the content's own, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime
import functools
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib.resources import files

import jsonschema

from ..archive.collection import Archive
from ..archive.kind import ArchiveKind
from .archive import SiteAddresses
from .memo import Memo
from .urls import SiteUrls

FEED_SIZE = 20
ATOM = "http://www.w3.org/2005/Atom"


class FeedInvalid(RuntimeError):
    """The generated JDIHN feed does not match its schema: a bug in sop-jdih, never the editor's data."""


def jdihn_feed(archive: Archive, urls: SiteUrls, memo: Memo | None = None) -> str:
    """The flat array the national portal harvests, from the collections that map to it; each record checked against
    its schema. Written like `json.dumps(records, indent=1)`, one record at a time: `memo` keeps the records of items
    whose data did not change (memo.py)."""
    memo = memo or Memo(kept=False)
    addresses = SiteAddresses(archive, urls)
    records = [
        memo.value(("jdihn", document.id), functools.partial(_record, kind, document.id, archive, addresses))
        for kind in archive.kinds
        if kind.jdihn
        for document in archive.documents(kind)
    ]
    for position, record in enumerate(records):
        if record.error:
            message, path = record.error
            raise FeedInvalid(f"umpan JDIHN tidak sesuai skema: {message} di {[position, *path]}")
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(record.text for record in records) + "\n]\n"


@dataclass(frozen=True)
class _Record:
    text: str  # indented one level, as inside the feed's array
    error: tuple[str, list[str | int]] | None  # the first schema violation: message and path in the record


def _record(kind: ArchiveKind, item_id: str, archive: Archive, addresses: SiteAddresses) -> _Record:
    assert kind.jdihn
    record = kind.jdihn(archive.by_id[item_id], archive, addresses)
    error = jsonschema.exceptions.best_match(_record_validator().iter_errors(record))
    text = json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n ")
    return _Record(" " + text, (error.message, list(error.absolute_path)) if error else None)


@functools.cache
def _record_validator() -> jsonschema.protocols.Validator:
    """The schema's `items`: what each record must be (the feed is an array of them, nothing more)."""
    schema = json.loads(files("generator").joinpath("schemas/jdihn.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    return validator({**schema["items"], "$schema": schema["$schema"]})  # type: ignore[no-any-return]


def atom_feed(archive: Archive, urls: SiteUrls, site_name: str) -> str:
    """The newest items of every collection, for feed readers; the category names the collection."""
    entries = [
        (kind.date(document), kind.uri(document.id), kind.title_of(document), kind.name.capitalize())
        for kind in archive.kinds
        for document in archive.documents(kind)
    ]
    entries = sorted(entries, key=lambda entry: (entry[0], entry[1]), reverse=True)[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "id"})
    _text(feed, "title", f"{site_name}: terbaru")
    _text(feed, "id", urls.absolute("feed.xml"))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urls.absolute("feed.xml")})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": urls.absolute("index.md")})
    _text(feed, "updated", _timestamp(entries[0][0] if entries else datetime.date(2000, 1, 1)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    for date, uri, title, kind in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", title)
        _text(entry, "id", urls.absolute(uri))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": urls.absolute(uri)})
        _text(entry, "updated", _timestamp(date))
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": kind})
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _timestamp(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"
