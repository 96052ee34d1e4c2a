"""argparse's own words in Indonesian: "usage", "options", "-h", and its error lines, for `sop-jdih` and its commands.

argparse looks every one of its messages up through its module's `_` and `ngettext` (gettext) when it builds a parser
and when it parses; without a compiled catalogue it prints English. `indonesian()` gives it these words for the time of
one `sop-jdih` run and restores argparse afterwards, so another user of argparse in the same process is not changed.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

WORDS = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "the following arguments are required: %s": "wajib ditulis: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r tidak dikenal; pilih salah satu: %(choices)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu sedikitnya satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s tidak jelas: dapat berarti %(matches)s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak dapat dipakai",
    "not allowed with argument %s": "tidak boleh bersama %s",
    "one of the arguments %s is required": "tulis salah satu dari %s",
    "ignored explicit argument %r": "pilihan ini tidak memakai nilai (%r)",
    "unexpected option string: %s": "pilihan tidak terduga: %s",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}


def _word(message: str) -> str:
    return WORDS.get(message, message)


def _words(singular: str, plural: str, count: int) -> str:
    return _word(singular if count == 1 else plural)


@contextmanager
def indonesian() -> Iterator[None]:
    """argparse speaks Indonesian inside this block: build the parser and parse inside it."""
    original = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _word, _words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = original  # type: ignore[attr-defined]
