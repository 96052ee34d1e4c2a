"""Read a JDIHN feed as JDIH applications publish it, and give back its records with the official keys and text values.

Member applications drift from the official template (GUIDE.md §2, §6): the array comes wrapped in
`{"status": …, "data": [...]}`, keys lose or change their casing (`urlabstrak`, `lastUpdated`), numbers stand where
text belongs (`operasi: 4`), lists where one text belongs (`"subjek": ["PEMILU", "KPU"]`), HTML and entities in any
value (`Pemilu &amp; Demokrasi`), and "", null, "-", "0000-00-00" or "Tidak ada" all mean "none". Every record leaves
here with the official key names and a plain string (entities decoded once, here) or None per key, so the mapping to
collections deals with meaning only.
"""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..archive.jdihn import KEYS
from .text import plain

EMPTY = ("", "-", "--", "0000-00-00", "0000-00-00 00:00:00", "null", "n/a", "tidak ada", "belum ada")
LISTS = {"subjek": ", ", "teuBadan": "; "}  # keys whose list values are read as one text, joined as feeds write them
MAX_FEED_BYTES = 100_000_000  # a few thousand records are a few MB; more is not a feed
TIMEOUT = 60  # seconds, for a feed read from its URL


def _squashed(key: str) -> str:
    """How drifted spellings of one key compare equal: `urlabstrak`, `urlAbstrak`, `url_abstrak`, `lastUpdated`."""
    return key.replace("_", "").replace("-", "").replace(" ", "").casefold()


_BY_SQUASHED = {_squashed(key): key for key in KEYS}  # the 28 keys of the official template


@dataclass(frozen=True)
class Record:
    """One record of the feed: its place (1-based), and each official key's text (None: the record has none);
    `problem`: why this entry of the array is no record at all."""

    position: int
    values: dict[str, str | None]
    problem: str | None = None

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    @property
    def where(self) -> str:
        """How report lines name it: `record idData=123`, or its place when it has no idData."""
        id_data = self.get("idData")
        return f"record idData={id_data}" if id_data else f"record ke-{self.position}"


@dataclass
class Feed:
    """The records, or why there are none (`error`), and what was said about the feed as a whole (`notes`)."""

    records: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None


def read_feed(source: str) -> Feed:
    """The feed at `source`: a file, or an http(s) address (read once, as the national portal would)."""
    try:
        raw = _fetch(source) if source.startswith(("https://", "http://")) else _read_file(Path(source))
    except OSError as error:
        return Feed(error=f"umpan tidak dapat dibaca: {getattr(error, 'reason', None) or error.strerror or error}")
    except ValueError as error:
        return Feed(error=str(error))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Feed(error="umpan bukan teks UTF-8")
    except json.JSONDecodeError as error:
        return Feed(error=f"umpan bukan JSON yang sah: {error.msg} (baris {error.lineno}, kolom {error.colno})")
    except RecursionError:
        return Feed(error="umpan bersarang terlalu dalam; umpan JDIHN adalah larik objek datar")
    return _records(data)


def _read_file(path: Path) -> bytes:
    if path.is_file() and path.stat().st_size > MAX_FEED_BYTES:
        raise ValueError(f"umpan terlalu besar (lebih dari {MAX_FEED_BYTES:,} byte)")
    return path.read_bytes()


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 (the scheme is checked by the caller)
        data: bytes = response.read(MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise ValueError(f"umpan terlalu besar (lebih dari {MAX_FEED_BYTES:,} byte)")
    return data


def _records(data: object) -> Feed:
    """The array itself, or the array a `{"data": [...]}` wrapper carries; records as official keys and text."""
    feed = Feed()
    if isinstance(data, dict):
        if not isinstance(data.get("data"), list):
            keys = ", ".join(sorted(map(str, data))) or "kosong"
            feed.error = (
                f"umpan berupa objek (kunci: {keys}), bukan larik record; yang dikenal: larik datar [...] "
                'atau {"status": …, "data": [...]}'
            )
            return feed
        feed.notes.append('umpan dibungkus {"data": [...]}: record dibaca dari "data"')
        data = data["data"]
    if not isinstance(data, list):
        feed.error = "umpan harus berupa larik record [...]"
        return feed
    drifted: dict[str, str] = {}
    for position, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            feed.records.append(Record(position, {}, "bukan objek {…}"))
            continue
        feed.records.append(Record(position, _values(item, drifted)))
    for written, official in sorted(drifted.items()):
        feed.notes.append(f"kunci '{written}' dibaca sebagai '{official}'")
    return feed


def _values(item: dict[object, object], drifted: dict[str, str]) -> dict[str, str | None]:
    values: dict[str, str | None] = {}
    for key, value in item.items():
        official = _BY_SQUASHED.get(_squashed(str(key)))
        if official is None:
            continue  # keys of an application's own (id, slug, views): nothing of JDIHN's
        if official != key:
            drifted[str(key)] = official
        values[official] = _joined(value, LISTS[official]) if official in LISTS else _text(value)
    return values


def _joined(value: object, separator: str) -> str | None:
    """A list of texts (`["PEMILU", "KPU"]`) as one text, each part read as `_text` reads a value."""
    if not isinstance(value, list):
        return _text(value)
    parts = [text for text in map(_text, value) if text is not None]
    return separator.join(parts) or None


def _text(value: object) -> str | None:
    """A value as plain text: numbers as written (`4` → "4"), placeholders and non-scalars as None."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = plain(str(value))
    return None if text.rstrip(".").casefold() in EMPTY else text
