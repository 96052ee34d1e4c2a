"""Machine-readable outputs: the JDIHN integration feed and an Atom feed of the newest items.

Both are static files with absolute URLs built from site_url, and carry no build timestamp: every
date in them is the content's own, so two builds of one commit are identical.
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema

from ..archive.collection import Archive
from .archive import SiteAddresses
from .urls import SiteUrls

FEED_SIZE = 20
ATOM = "http://www.w3.org/2005/Atom"


class FeedInvalid(RuntimeError):
    """The generated JDIHN feed does not match its schema: a bug in sop-jdih, never the editor's data."""


def jdihn_feed(archive: Archive, urls: SiteUrls) -> str:
    """The flat array the national portal harvests, from the collections that map to it; checked against its schema."""
    addresses = SiteAddresses(archive, urls)
    records = [
        kind.jdihn(document, archive, addresses)
        for kind in archive.kinds
        if kind.jdihn
        for document in archive.documents(kind)
    ]
    schema = json.loads(files("generator").joinpath("schemas/jdihn.schema.json").read_text(encoding="utf-8"))
    try:
        jsonschema.validate(records, schema)
    except jsonschema.ValidationError as error:
        raise FeedInvalid(f"umpan JDIHN tidak sesuai skema: {error.message} di {list(error.absolute_path)}") from None
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


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
