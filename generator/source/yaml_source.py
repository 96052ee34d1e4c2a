"""Read an editor's YAML file into plain data plus the line of every key and item.

PyYAML's parser events know where each value starts; we build the data from them ourselves so that
every later problem (a pydantic error, a dangling step reference) can name its line, and so that
nothing an editor writes (aliases, merges, deep nesting) can exhaust memory or crash. Every key and string is read in
Unicode NFC (`normal_text`). Dates are left as strings on purpose: the model parses them, so a date that does not
exist (2024-02-31) is a located validation error instead of a crash inside the YAML constructor. A `-` standing
alone as a value (`peringatan: -`, `- -`, `[ - ]`), which a sheet prints in a box it leaves empty, is read as the
text "-" (`mark_dashes`).
"""

from __future__ import annotations

import errno
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model_base import DASH
from .places import Location, place
from .problems import Problem

_BASE_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # libyaml parses ~8x faster


class _Loader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """Safe loading with YAML 1.2 booleans and no implicit timestamps.

    YAML 1.1 reads the sheet's own column `no:` as the boolean false; only true/false are booleans here.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# The implicit types this module reads: a writer that quotes by them (editor/form_spelling.py) writes text that reads
# back as the same text, and leaves unquoted what needs no quotes here (`no:`, dates).
IMPLICIT_RESOLVERS = _Loader.yaml_implicit_resolvers


@dataclass
class SourceFile:
    """A loaded YAML document: its data and where each part of it stands."""

    path: str  # as shown to editors, relative to the project root
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """Line of the deepest known part of `location` (a missing field points at its parent)."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line:
                return line
        return 1

    def where(self, location: Location) -> str:
        """The location as the editor reads the sheet: `prosedur b, langkah no 3, simbol` (`places.place`)."""
        return place(self.data, location)

    def problem(self, location: Location, message: str, line: int | None = None) -> Problem:
        return Problem(self.path, line or self.line_of(location), self.where(location), message)


def normal_text(text: str) -> str:
    """Unicode NFC: one spelling of every text, whatever the editor's keyboard or the PDF it was copied from wrote.

    "é" typed as one character or as "e" plus a combining accent looks the same and must be the same: one `jenis`
    written both ways made two look-alike listing groups at two addresses. Every key and string value is read
    through here, so no later stage compares two spellings of one text.
    """
    return unicodedata.normalize("NFC", text)


MAX_BYTES = 1_000_000  # an SOP or archive item is a few KB; anything near this is a mistake, not content
BOM = b"\xef\xbb\xbf"
_UNREADABLE = {
    errno.ENOENT: "tautan simbolik ke berkas yang tidak ada",  # the name is listed, so only a dangling link is missing
    errno.ELOOP: "tautan simbolik yang melingkar",
    errno.EISDIR: "ini folder, bukan berkas; beri nama lain tanpa akhiran .yaml, .yml atau .md",
    errno.EACCES: "tidak ada izin membaca berkas ini",
}
FILE_STEM = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # the id rule: lowercase letters, digits and '-'
MAX_STEM = 100  # like an id: items are named after their ids


def file_name_problems(file: Path, shown_as: str) -> list[Problem]:
    """A name with spaces, capitals or accents breaks edit links and shell commands, and differs on Windows and macOS.

    The page address comes from the id, so this is hygiene rather than correctness; it is still an error, because a
    clean name costs one rename now and a messy one costs every later link, script and git log.
    """
    if len(file.stem) > MAX_STEM:
        return [Problem(shown_as, 1, "", f"nama berkas {len(file.stem)} huruf; paling banyak {MAX_STEM} huruf")]
    if FILE_STEM.fullmatch(file.stem):
        return []
    suggestion = f"{_slug(file.stem) or 'nama-berkas'}{file.suffix.lower()}"
    message = (
        f"nama berkas '{file.name}' hanya boleh berisi huruf kecil, angka dan '-'; ganti namanya, mis. '{suggestion}'"
    )
    return [Problem(shown_as, 1, "", message)]


def declared_id(source: SourceFile | None, file: Path) -> str:
    """The id a file claims, or for a file that could not be read its name (items are named after their ids).

    Counted as existing either way, so what refers to a broken file is not blamed for its mistake.
    """
    if source is not None and isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
        return source.data["id"]
    return file.stem


def _slug(text: str) -> str:
    """`SOP Baru (Revisi)` → `sop-baru-revisi`, `Pengumuman Pemilu Ñ` → `pengumuman-pemilu-n`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def read_bytes(file: Path, shown_as: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or why they cannot be read: oversized files are refused before reading a byte of them."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            problem = f"berkas terlalu besar ({size:,} byte; paling besar {MAX_BYTES:,})"
            return None, [Problem(shown_as, 1, "", problem)]
        return file.read_bytes(), []
    except OSError as error:
        reason = _UNREADABLE.get(error.errno or 0, error.strerror)
        return None, [Problem(shown_as, 1, "", f"berkas tidak dapat dibaca: {reason}")]


def decode_text(data: bytes, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The bytes as UTF-8 text.

    A leading UTF-8 byte order mark is refused, with how to save without one: it is invisible in an editor, and not
    every tool that reads these files (scripts, other YAML readers, `grep '^id:'`) skips it.
    """
    if data.startswith(BOM):
        message = (
            'berkas diawali tanda BOM tak terlihat (byte EF BB BF); simpan ulang sebagai "UTF-8", '
            'bukan "UTF-8 with BOM" (Notepad: Save As → Encoding; VS Code: klik "UTF-8 with BOM" di bilah bawah)'
        )
        return None, [Problem(shown_as, 1, "", message)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, line_start) + 1
        column = len(data[line_start : error.start].decode("utf-8")) + 1  # the bytes before the first bad one are UTF-8
        return None, [
            Problem(
                shown_as,
                line,
                "",
                f"berkas bukan teks UTF-8 (byte 0x{data[error.start]:02x} di kolom {column}); "
                "simpan ulang berkas dengan encoding UTF-8",
            )
        ]


def load_yaml(file: Path, shown_as: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse one YAML file; a syntax error is a problem at its line, never an exception."""
    data, problems = read_bytes(file, shown_as)
    return yaml_from_bytes(data, shown_as) if data is not None else (None, problems)


def yaml_from_bytes(data: bytes, shown_as: str) -> tuple[SourceFile | None, list[Problem]]:
    """`load_yaml` for bytes already read (the load cache hashes them first)."""
    text, problems = decode_text(data, shown_as)
    return parse_yaml(text, shown_as) if text is not None else (None, problems)


# A `-` standing alone as a value: after `key:` or another `- ` and a blank, or in flow after '[', '{' or ',', with
# nothing after it but blanks up to the line's end, a comment, or (in flow) the next ',', ']' or '}'.
_BARE_DASH = re.compile(r"([:-][ \t]++|[\[{,][ \t]*+)-(?=[ \t]*+(?:[,\]}]|\r?$)|[ \t]++#)", re.MULTILINE)
_STAND_IN = "\ue000"  # a private-use character: no editor types it, and YAML reads it as plain text


def mark_dashes(text: str) -> str:
    """The text with every `-` that may stand alone as a value replaced by `_STAND_IN`, which reads back as "-".

    A sheet prints "-" in a box it leaves empty, and editors copy it: `peringatan: -` is a YAML syntax error ("block
    sequence entries are not allowed"), `- -` a list holding an empty list, `[ - ]` and `{waktu: - }` errors again.
    One character for one keeps every line and column; a dash replaced inside a quoted or block text is put back by
    `_Builder._scalar` like any other, so the text reads as written. A file that already holds the stand-in (none
    does) is read unchanged.
    """
    return text if _STAND_IN in text else _BARE_DASH.sub(lambda match: match.group(1) + _STAND_IN, text)


def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> tuple[SourceFile | None, list[Problem]]:
    """Parse YAML text that starts at `first_line` of its file (front matter starts at line 2)."""
    marked = mark_dashes(text)
    loader = _Loader(marked)
    try:
        builder = _Builder(loader, SourceFile(shown_as, None), first_line, marked is not text, yaml_lines(marked))
        return builder.document()
    except yaml.MarkedYAMLError as error:
        too_deep = _flow_too_deep(text)
        mark = error.problem_mark or error.context_mark
        if too_deep is not None and (mark is None or too_deep <= mark.line):
            # The scanner reads ahead of our depth count; libyaml ≥ 0.2.5 (PyYAML 6.0.4) stops there in its own words.
            return None, [Problem(shown_as, too_deep + first_line, "", _TooDeep.MESSAGE)]
        line, reason = syntax_problem(error, text, first_line)
        return None, [Problem(shown_as, line + first_line, "", f"sintaks YAML salah: {reason}")]
    except yaml.reader.ReaderError as error:  # control characters, invalid code points
        line, column = _line_and_column(marked, error.position)
        message = (
            f"karakter tak terlihat #x{error.character:04x} di kolom {column} tidak boleh ada di berkas teks; "
            "hapus karakter itu (sering ikut tersalin dari Word atau PDF)"
        )
        return None, [Problem(shown_as, line + first_line, "", message)]
    finally:
        loader.dispose()


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    """The 0-based line and 1-based column of a reader error's position."""
    before = text[:position]
    if _BASE_LOADER is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8, the pure-Python reader characters
        before = text.encode("utf-8")[:position].decode("utf-8", errors="replace")
    return before.count("\n"), len(before) - before.rfind("\n")


ALIAS = "alias YAML (&nama / *nama) tidak didukung; tulis isinya langsung"
MERGE = "kunci gabungan YAML '<<' tidak didukung; tulis isinya langsung"
SECOND_DOCUMENT = "berkas hanya boleh berisi satu dokumen; hapus baris '---' ini"
LIST_ON_KEY_LINE = (
    "daftar tidak dapat dimulai di baris kolomnya: tulis setiap butir '- ' di baris sendiri di bawah kolom itu, "
    "dengan indentasi, atau apit seluruh nilainya dengan tanda kutip"
)
TAB = "tab tidak boleh dipakai untuk indentasi YAML; ganti tab di baris ini dengan spasi"


@dataclass(frozen=True)
class _Syntax:
    """One kind of YAML syntax error, as both libyaml and pure-Python PyYAML report it, and what to tell editors."""

    context: str  # part of the error's context ("while parsing a flow sequence"); "" matches any
    problem: str  # part of the error's problem; "" matches any
    message: str  # may name {char}, the character where the scanner stopped, and {opening}, where the context began
    at_opening: bool = False  # report at the line where the construct began: an unclosed quote or bracket


_SYNTAX = (
    _Syntax(
        "", "cannot start any token", "nilai tidak boleh diawali '{char}'; apit seluruh nilainya dengan tanda kutip"
    ),
    _Syntax("quoted scalar", "end of stream", "{unclosed}", at_opening=True),
    _Syntax(
        "", "escape", "garis miring terbalik di dalam kutip ganda ditulis dua kali ('\\\\'), atau pakai kutip tunggal"
    ),
    _Syntax(
        "flow sequence", "", "'[' di baris ini tidak ditutup dengan ']' (atau ada ',' yang hilang)", at_opening=True
    ),
    _Syntax(
        "flow mapping", "", "'{{' di baris ini tidak ditutup dengan '}}' (atau ada ',' yang hilang)", at_opening=True
    ),
    _Syntax(
        "",
        "mapping values are not allowed",
        "tanda ':' tidak boleh di sini; bila teksnya memuat ': ', apit seluruh nilainya dengan tanda kutip",
    ),
    _Syntax("simple key", "", "baris ini harus berbentuk 'kolom: nilai', tetapi tanda ':' tidak ditemukan", True),
    _Syntax(
        "block mapping",
        "",
        "baris ini tidak sejajar dengan kolom di atasnya, atau ada teks setelah tanda kutip "
        "penutup; periksa jumlah spasi di awal baris",
    ),
    _Syntax(
        "block collection",
        "",
        "baris ini berada di dalam daftar: awali dengan '- ', atau sejajarkan dengan isi butir di atasnya",
    ),
    _Syntax("", "sequence entries are not allowed", LIST_ON_KEY_LINE),
    _Syntax("", "another document", SECOND_DOCUMENT),
    _Syntax("", "document start", "berkas hanya boleh berisi satu dokumen; hapus baris '...' di atas baris ini"),
    _Syntax("", "alias", ALIAS),
    _Syntax("alias", "", ALIAS),
    _Syntax("anchor", "", ALIAS),
)


def syntax_problem(error: yaml.MarkedYAMLError, text: str, first_line: int = 1) -> tuple[int, str]:
    """The 0-based line and an Indonesian reason for a YAML syntax error (`first_line`: where `text` starts).

    Kinds are recognised by parts of PyYAML's context and problem; a kind we do not know (or a library release that
    rewords one) gets a general Indonesian reason at the same line, never the library's English. Two slips are told
    apart from the kind the library names, because its words point elsewhere: a quote left open swallows the lines
    after it up to the next quote (`_swallowing_quote`), and a line indented too deep reads as text with ': '
    (`_indented_too_deep`).
    """
    mark = error.problem_mark or error.context_mark
    opening_mark = error.context_mark or mark
    context, problem = error.context or "", error.problem or ""
    if mark is None or opening_mark is None:
        return 0, "YAML tidak dapat dibaca"
    char = _char_at(text, mark.line, mark.column)
    if char == "\t" or "tab character" in problem:
        return mark.line, TAB
    for line in dict.fromkeys((opening_mark.line, mark.line, max(mark.line - 1, 0))):
        glued = GLUED_COLON.match(_line_text(text, line))
        if glued:
            return line, glued_colon(glued)
    swallowed = _swallowing_quote(text, mark.line)
    if swallowed is not None:
        return swallowed[0], unclosed_quote(swallowed[1], swallowed[0] + first_line)
    if "mapping values" in problem:
        above = _indented_too_deep(text, mark.line, mark.column)
        if above is not None:
            return mark.line, (
                f"baris ini menjorok lebih dalam daripada baris {above + first_line} di atasnya; samakan "
                "indentasinya (jumlah spasi di awal baris) dengan kolom lain"
            )
    for kind in _SYNTAX:
        if kind.context in context and kind.problem in problem:
            line = opening_mark.line if kind.at_opening else mark.line
            opening = _char_at(text, opening_mark.line, opening_mark.column) or ""
            unclosed = unclosed_quote(opening, opening_mark.line + first_line)
            return line, kind.message.format(char=char or "", opening=opening, unclosed=unclosed)
    column = f" di kolom {mark.column + 1}" if char is not None else ""
    return mark.line, (
        f"YAML tidak dapat dibaca{column}; periksa tanda kutip, tanda ':' dan '- ', "
        "serta jumlah spasi di awal baris ini dan baris di atasnya"
    )


def unclosed_quote(quote: str, line: int) -> str:
    """The advice for a quote opened at `line` (1-based) and never closed."""
    shown = f'"{quote}"' if quote == "'" else f"'{quote}'"
    return f"tanda kutip {shown} di baris {line} tidak ditutup; tutup dengan {shown} di akhir teksnya"


# A line that starts a field: `kolom:` or `- kolom:` followed by a blank or the line's end.
KEY_LINE = re.compile(r"^([ ]*(?:-[ ]+)?)[A-Za-z_][\w-]*:(?=[ \t]|$)")


def _swallowing_quote(text: str, error_line: int) -> tuple[int, str] | None:
    """The 0-based line and character of a quote opened above `error_line` whose text runs on to it, or None.

    `nama_sop: "Media Sosial` without its closing quote takes every line up to the next '"' (maybe 80 lines on), where
    the parser fails with words about that far line. A quoted text spanning lines of which one starts a field is that
    slip; a quoted text that truly spans lines holds prose. The file is scanned again, token by token, up to the
    error: linear, and by the very scanner that failed.
    """
    scanner = _Loader(text)
    try:
        while True:
            token = scanner.get_token()
            if token is None or token.start_mark.line > error_line:
                return None
            start, end = token.start_mark.line, token.end_mark.line
            if getattr(token, "style", None) in ("'", '"') and start < error_line <= end + 1:
                lines = yaml_lines(text)[start + 1 : end + 1]
                if any(KEY_LINE.match(line) for line in lines):
                    return start, token.style
    except yaml.YAMLError:
        return None
    finally:
        scanner.dispose()


def _indented_too_deep(text: str, line: int, column: int) -> int | None:
    """The 0-based line of the field above when `line` is a field indented deeper than it, or None.

    `tahun: 2020` then `  bulan: 5`: YAML reads "2020 bulan" as one text and then fails on the ':' after it, which
    the editor wrote to start a field. Only when the ':' that failed ends the line's first key, and the field above
    holds a value on its line (a bare `kolom:` rightly opens a deeper block).
    """
    own = KEY_LINE.match(_line_text(text, line))
    if own is None or own.end() - 1 != column:
        return None
    lines = yaml_lines(text)[:line]
    for above in range(line - 1, -1, -1):
        found = KEY_LINE.match(lines[above])
        if found is not None:
            rest = lines[above][found.end() :].split(" #", 1)[0].strip()
            return above if rest and len(own.group(1)) > len(found.group(1)) else None
    return None


# `nama_sop:Persetujuan`: without a space after ':' YAML reads the whole line as one text, not as a field.
GLUED_COLON = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):([^\s:/][^\n]*)$")


def glued_colon(found: re.Match[str]) -> str:
    """The advice for a `kolom:nilai` written without a space."""
    return f"setelah '{found.group(1)}:' harus ada spasi; tulis '{found.group(1)}: {found.group(2).strip()}'"


# What YAML counts as a line break: the marks of its errors and events count lines by these.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """The text's lines as YAML counts them (a lone CR, NEL and the Unicode separators end a line too)."""
    return _YAML_BREAK.split(text)


def _line_text(text: str, line: int) -> str:
    lines = yaml_lines(text)
    return lines[line] if line < len(lines) else ""


def _char_at(text: str, line: int, column: int) -> str | None:
    lines = yaml_lines(text)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return None


MERGE_TAG = "tag:yaml.org,2002:merge"
TAG_PREFIX = "tag:yaml.org,2002:"
MAP_TAG, SEQ_TAG = f"{TAG_PREFIX}map", f"{TAG_PREFIX}seq"
MAX_DEPTH = 50  # an SOP nests 6 levels deep; libyaml's own composer crashes the process near 30,000
_DISCARD = object()  # the key of a value that is read but not kept (a repeated or refused key)
_MERGED = object()  # the same, for the value of `<<`: the aliases in it are the same mistake, reported once
_NO_KEY = object()  # a mapping waiting for its next key
_MERGE = object()  # what a `<<` key reads as


@dataclass
class _Open:
    """A mapping or list being built; a mapping also holds the key whose value comes next."""

    at: Location
    line: int
    value: dict[Any, Any] | list[Any]
    key: Any = _NO_KEY
    flow: bool = False  # written `{…}` or `[…]` on one line, where a comma separates items
    key_end: int = -1  # where the text of the key whose value comes next ends


class _TooDeep(Exception):
    """The document cannot be read on: it nests deeper than any real file."""

    MESSAGE = f"isi berkas bertingkat terlalu dalam (lebih dari {MAX_DEPTH} tingkat)"

    def __init__(self, line: int) -> None:
        super().__init__(self.MESSAGE)
        self.line = line


# After these (and blanks) a '[', '{' or quote begins a value: in block context, and inside a flow collection.
_OPENS_BLOCK_VALUE, _OPENS_FLOW_VALUE = frozenset("\n:-?"), frozenset("\n:-?[{,")


def _flow_too_deep(text: str) -> int | None:
    """The 0-based line where '[' and '{' first nest deeper than MAX_DEPTH, or None; one pass, linear in the text.

    Asked only once the parser has failed: quoted text and comments are skipped, and a bracket counts where YAML
    starts a flow collection (at the start of a value, or inside another one), so a '[' inside plain text does not.
    """
    depth, line, previous, index = 0, 0, "\n", 0
    while index < len(text):
        char = text[index]
        starts_value = previous in (_OPENS_FLOW_VALUE if depth else _OPENS_BLOCK_VALUE)
        if char == "\n":
            line += 1
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            index = _line_end(text, index)
            continue
        elif char in "'\"" and starts_value:
            end = _quote_end(text, index)
            line += text.count("\n", index, end)
            index, previous = end, char
            continue
        elif char in "[{" and (depth or starts_value):
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}" and depth:
            depth -= 1
        if char not in " \t":
            previous = char
        index += 1
    return None


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _quote_end(text: str, start: int) -> int:
    """The index just past the quoted scalar opening at `start` ('' and backslash escapes), or the text's end."""
    quote, index = text[start], start + 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text.startswith("'", index + 1):
                index += 2
                continue
            return index + 1
        index += 1
    return len(text)


@dataclass
class _Builder:
    """Builds plain data straight from the parser's events, recording every line.

    PyYAML's composer is skipped on purpose: it expands aliases and `<<` merges (how "billion laughs" files exhaust
    memory) and recurses once per level, so a 200 KB file of `[[[[…` kills the process. Here aliases and merges are
    refused where they are written, and depth is counted, without ever building a node tree.
    """

    loader: _Loader
    source: SourceFile
    first_line: int
    dashes_marked: bool  # `mark_dashes` changed the text: its stand-ins read as "-"
    text_lines: list[str]  # the text as parsed, to see how a value was written
    problems: list[Problem] = field(default_factory=list)
    # Problems at a place in the data, named once the data is read (a step is named by its `no`, written later).
    placed: list[tuple[Location, str, int | None]] = field(default_factory=list)
    incomplete: bool = False  # something was left out: the data must not be used

    def document(self) -> tuple[SourceFile | None, list[Problem]]:
        self.loader.get_event()  # stream start
        if self.loader.check_event(yaml.StreamEndEvent):
            return None, [Problem(self.source.path, self.first_line, "", "berkas kosong")]
        self.loader.get_event()  # document start
        try:
            self.source.data = self._root()
        except _TooDeep as refusal:
            return None, [*self._problems(), Problem(self.source.path, refusal.line, "", str(refusal))]
        self.loader.get_event()  # document end
        if not self.loader.check_event(yaml.StreamEndEvent):
            line = self._line(self.loader.peek_event())
            self.problems.append(Problem(self.source.path, line, "", f"sintaks YAML salah: {SECOND_DOCUMENT}"))
            self.incomplete = True
        return (None if self.incomplete else self.source), self._problems()

    def _problems(self) -> list[Problem]:
        return [*self.problems, *(self.source.problem(at, message, line) for at, message, line in self.placed)]

    def _root(self) -> Any:
        """The document's single node, read without recursion: `stack` is the path from the root to the event."""
        stack: list[_Open] = []
        while True:
            event = self.loader.get_event()
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                value, line = done.value, done.line
            else:
                at, line = self._where(stack), self._line(event)
                self.source.lines.setdefault(at, line)
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    if len(stack) >= MAX_DEPTH:
                        raise _TooDeep(line)
                    mapping = isinstance(event, yaml.MappingStartEvent)
                    if event.tag not in (None, "!", MAP_TAG if mapping else SEQ_TAG):
                        self._unsupported(at, f"tag YAML '{_short(event.tag)}' tidak didukung; hapus tag itu")
                    stack.append(_Open(at, line, {} if mapping else [], flow=bool(event.flow_style)))
                    continue
                if stack and self._comma_in_value(stack[-1], event, line):
                    continue
                value = self._alias(stack, at) if isinstance(event, yaml.AliasEvent) else self._scalar(event, at)
                if stack and stack[-1].key is _NO_KEY:
                    stack[-1].key_end = event.end_mark.index
            if not stack:
                return "<<" if value is _MERGE else value
            self._place(stack[-1], value, line)

    def _comma_in_value(self, parent: _Open, event: yaml.Event, line: int) -> bool:
        """`{id: umum, nama: Umum, dan Logistik}`: YAML reads the text after the comma as a key without a value.

        The editor meant one name with a comma in it; the "key" is dropped and the slip explained, with the quotes
        that fix it. Recognised by a value that takes no text at all right where its key ends (no ':' between).
        """
        key = parent.key
        if not (parent.flow and isinstance(parent.value, dict) and isinstance(key, str) and parent.value):
            return False
        if not (isinstance(event, yaml.ScalarEvent) and event.value == "" and event.start_mark.index == parent.key_end):
            return False
        previous_key, previous = list(parent.value.items())[-1]
        example = f'{previous_key}: "{previous}, {key}"' if isinstance(previous, str) else f'"…, {key}"'
        message = (
            f"koma di dalam {{ }} memisahkan kolom, jadi '{key}' dibaca sebagai kolom baru; bila itu bagian dari "
            f"nilai sebelumnya, apit nilainya dengan tanda kutip: {example}"
        )
        self.placed.append((parent.at, message, line))
        parent.key = _NO_KEY
        return True

    def _where(self, stack: list[_Open]) -> Location:
        """The location of the next node: a list item, a mapping's value, or a key (located at its mapping)."""
        if not stack:
            return ()
        parent = stack[-1]
        if isinstance(parent.value, list):
            return (*parent.at, len(parent.value))
        return parent.at if parent.key in (_NO_KEY, _DISCARD, _MERGED) else (*parent.at, parent.key)

    def _place(self, parent: _Open, value: Any, line: int) -> None:
        if parent.key is not _NO_KEY or isinstance(parent.value, list):
            value = "<<" if value is _MERGE else value  # only a key merges; elsewhere `<<` is text
        if isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.key is _NO_KEY:
            parent.key = self._key(parent, value, line)
        else:
            if parent.key not in (_DISCARD, _MERGED):
                parent.value[parent.key] = value
            parent.key = _NO_KEY

    def _key(self, parent: _Open, key: Any, line: int) -> Any:
        """The key as written, or _DISCARD when its value must be read and thrown away."""
        if key is _MERGE:
            # `<<: *x` copies x's keys; merges of merges double at every level: a billion laughs of its own.
            self.placed.append(((*parent.at, "<<"), MERGE, line))
            self.incomplete = True
            return _MERGED
        if not isinstance(key, str | int | float | bool | None):
            self.placed.append((parent.at, "kunci harus berupa teks, bukan daftar atau kumpulan", None))
            return _DISCARD
        here = (*parent.at, key)
        if isinstance(parent.value, dict) and key in parent.value:
            self.placed.append((here, "kunci ini ditulis dua kali; hapus salah satunya", line))
            return _DISCARD
        self.source.lines[here] = line
        return key

    def _alias(self, stack: list[_Open], at: Location) -> None:
        """Refused: the document is then unusable, but the other problems are still reported."""
        if not any(parent.key is _MERGED for parent in stack):
            self.placed.append((at, ALIAS, None))
        self.incomplete = True

    def _scalar(self, event: yaml.ScalarEvent, at: Location) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == MERGE_TAG:
            return _MERGE
        if tag not in self.loader.yaml_constructors:
            return self._unsupported(at, f"tag YAML '{_short(tag)}' tidak didukung; hapus tag itu")
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.construct_object(node)
        except Exception:  # PyYAML's constructors raise anything on a value that does not fit its tag (`!!int` alone)
            written = event.value.replace(_STAND_IN, DASH)
            return self._unsupported(at, f"nilai '{written}' tidak sesuai dengan tag '{_short(tag)}'")
        multi_line = event.end_mark.line > event.start_mark.line
        if not event.style and multi_line and not event.value.startswith(_STAND_IN):  # that one: LIST_ON_KEY_LINE
            self._list_without_dash(event, at)
        if not isinstance(value, str):
            return value
        if not self.dashes_marked:
            return normal_text(value)
        if not event.style and value.startswith(_STAND_IN) and value != _STAND_IN:  # plain: None or ""
            # `peringatan: -` with `- butir` below it: a list begun on the key's line, not a dash and more text.
            line = event.start_mark.line + self.first_line
            self.problems.append(Problem(self.source.path, line, "", f"sintaks YAML salah: {LIST_ON_KEY_LINE}"))
            self.incomplete = True
        return normal_text(value).replace(_STAND_IN, DASH)

    def _list_without_dash(self, event: yaml.ScalarEvent, at: Location) -> None:
        """A plain text running on to a line that starts with '-': a list whose first item lost its '- '.

        `dasar_hukum:` with `Undang-Undang 7` then `- Peraturan …` lines, or `-Buku Agenda` without the blank, reads
        as one text holding every item, which the model accepts and the site would publish as one item. Quoted and
        block texts (`|`, `>-`) are written as text on purpose and never come here; each line is looked at once.
        """
        start = event.start_mark.line
        for line in range(start + 1, event.end_mark.line + 1):
            if self.text_lines[line].lstrip(" \t").startswith(("-", _STAND_IN)):
                first = self.text_lines[start][event.start_mark.column :].lstrip("-" + _STAND_IN + " \t").rstrip()
                example = first if len(first) <= _EXAMPLE else first[:_EXAMPLE].rsplit(" ", 1)[0] + "…"
                message = (
                    f"teks ini bersambung ke baris {line + self.first_line} yang diawali '-', jadi semuanya dibaca "
                    "sebagai satu teks; bila ini daftar, awali setiap butirnya dengan '- ' (tanda hubung lalu "
                    f"spasi), mis. '- {example}'"
                )
                self.placed.append((at, message, start + self.first_line))
                return

    def _unsupported(self, at: Location, message: str) -> None:
        """An explicit tag we do not read: the value is left out, so the model must not see the document."""
        self.placed.append((at, message, None))
        self.incomplete = True

    def _line(self, event: yaml.Event) -> int:
        return event.start_mark.line + self.first_line


_EXAMPLE = 40  # characters of an item shown in advice


def _short(tag: str) -> str:
    """`tag:yaml.org,2002:int` → `!!int`, as editors write it."""
    return tag.replace(TAG_PREFIX, "!!")
