"""No field an editor writes can stall `check` or CI: every parser of input text stays linear in its length.

The one timed test the project allows, because it guards against a denial of service, not for speed: each parser is
fed 1 MB lines built from the repeating atoms of its own patterns (the shapes that make a backtracking regex or a
rescanning loop quadratic: "; " after a citation took minutes at 10 KB). Measured on the 2-core development machine
while other test suites ran: at most 1.1 s for one 1 MB line (a long amendment chain), most under 0.3 s; a quadratic
parser takes hours at this size. Each case runs in its own process so a regression fails at the bound, not never.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

MB = 1_000_000
BOUND_SECONDS = 5.0
REPO = Path(__file__).resolve().parents[1]


def citation(text: str) -> None:
    from generator.dasar_hukum.citations import parse_citation

    parse_citation(text)


def duration(text: str) -> None:
    from generator.sop.durations import DurationError, parse_duration

    try:
        parse_duration(text)
    except DurationError:
        pass


def yaml_text(text: str) -> None:
    from generator.source.yaml_source import parse_yaml

    parse_yaml(text, "sops/uji.yaml")


def front_matter(text: str) -> None:
    import tempfile

    from generator.source.front_matter import load_item

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "uji.md"
        path.write_text(text, encoding="utf-8")
        load_item(path, "content_archive/produk-hukum/uji.md", "uraian")


def hardening(text: str) -> None:
    from generator.publish.hardening import Policy, harden

    harden(
        f"<!doctype html><html><head><meta charset='utf-8'></head><body>{text}</body></html>", "https://x.id/", Policy()
    )


def bagan_text(text: str) -> None:
    """Text of a bagan alur cell wrapped to its column: a word longer than a line is cut into lines."""
    from generator.sop.bagan.measure import wrap

    wrap(text, 190.0)


PARSERS: dict[str, Callable[[str], None]] = {
    "citation": citation,
    "duration": duration,
    "yaml": yaml_text,
    "front_matter": front_matter,
    "hardening": hardening,
    "bagan": bagan_text,
}


def repeat(atom: str, prefix: str = "", suffix: str = "x") -> str:
    """`prefix` + `atom` repeated to about 1 MB + `suffix` (a last character that makes an anchored match fail)."""
    return prefix + atom * (MB // len(atom)) + suffix


UU = "UU 1 Tahun 2000 "
CASES: dict[str, tuple[str, str]] = {
    # dasar_hukum and mengingat lines: trailing punctuation, tags, sources, amendment chains, qualifiers, numbers.
    "citation: '; ' after a citation": ("citation", repeat("; ", UU)),
    "citation: ' dan' after a citation": ("citation", repeat(" dan", UU)),
    "citation: unclosed '('": ("citation", repeat("(", UU)),
    "citation: unclosed '<'": ("citation", repeat("<", UU)),
    "citation: '<' tags": ("citation", repeat("<b>", UU)),
    "citation: sources without a number": ("citation", repeat("lembaran negara tahun 2017 ", UU + "(", ")")),
    "citation: amendment words": ("citation", repeat("sebagaimana telah diubah dengan ", UU)),
    "citation: amendment chain": ("citation", repeat("UU 2 Tahun 2001 dan ", UU + "sebagaimana diubah dengan ")),
    "citation: a long qualifier word": ("citation", repeat("a", "Peraturan Menteri ")),
    "citation: many qualifier words": ("citation", repeat("ab ", "Peraturan Menteri ")),
    "citation: slashed number": ("citation", repeat("1/", "UU ")),
    "citation: spaced slashes": ("citation", repeat(" / a", "UU 1")),
    "citation: Pasal": ("citation", repeat("1", "Pasal ")),
    "citation: list numbering": ("citation", repeat("1. ")),
    "citation: tahun words": ("citation", repeat("tahun ", "UU 1 ")),
    # waktu: digits, digits and units, blanks.
    "duration: digits": ("duration", repeat("9")),
    "duration: number and unit": ("duration", repeat("1 menit ")),
    "duration: blanks": ("duration", repeat(" ", "1")),
    "duration: commas": ("duration", repeat(", ", "1 jam")),
    "duration: ranges": ("duration", repeat("1-")),
    "duration: fractions": ("duration", repeat("1/2 jam ")),
    "duration: number words": ("duration", repeat("dua puluh ")),
    "duration: brackets": ("duration", repeat("(a")),
    # A whole YAML file: nesting, quotes, comments (the depth scan runs when the parser fails).
    "yaml: flow nesting": ("yaml", repeat("[", "a: ")),
    "yaml: quotes": ("yaml", repeat("'", "a: ")),
    "yaml: brackets in a comment": ("yaml", repeat("[", "a: 1 #", "\nb: [")),
    "yaml: mixed indicators": ("yaml", repeat("[{'\"#", "a: ")),
    "yaml: a long plain value": ("yaml", repeat("a ", "a: ", "")),
    "yaml: dashes standing alone": ("yaml", repeat("- -" + " " * 50 + "\n", "a:\n", "")),
    "yaml: blanks around dashes": ("yaml", repeat("- " + " " * 1000 + "x\n", "a: -" + " " * 1000 + "\n", "")),
    "yaml: a long quoted value with escapes": ("yaml", repeat('\\"', 'a: "', '"')),
    # The slips explained from the text: a dashless list, a quote left open, a field indented too deep.
    "yaml: plain text running on over dashed lines": ("yaml", repeat("  - b\n", "a:\n  x\n", "")),
    "yaml: plain text running on without dashes": ("yaml", repeat("  b\n", "a: x\n", "")),
    "yaml: a quote left open over many fields": ("yaml", repeat("k: v\n", 'a: "x\n', 'b: "y" z\n')),
    "yaml: a field indented too deep under running text": ("yaml", repeat("  teks\n", "a: x\n", "  b: 1\n")),
    "yaml: many fields, the last indented too deep": ("yaml", repeat("a: 1\n", "", "  b: 2\n")),
    # Markdown with front matter: fences and lines.
    "front matter: no closing fence": ("front_matter", repeat("a: 1\n", "---\n", "")),
    "front matter: fence-like lines": ("front_matter", repeat("--\n", "---\na: 1\n---\n", "")),
    # The bagan alur's cells: one long word, many short ones, italic spans.
    "bagan: one long word": ("bagan", repeat("a")),
    "bagan: short words": ("bagan", repeat("ab ")),
    "bagan: italic spans": ("bagan", repeat("\ue000a\ue001 ")),
    # Page hardening: unclosed tags, attributes, comments.
    "hardening: unclosed '<a'": ("hardening", repeat("<a ")),
    "hardening: attributes": ("hardening", repeat(" x=", "<a")),
    "hardening: comments": ("hardening", repeat("<!--")),
    "hardening: quotes": ("hardening", repeat("<a href='")),
}


def run_case(name: str) -> float:
    """Seconds the parser took on the case, measured in this process (the child's entry point)."""
    import time

    parser, text = CASES[name]
    started = time.perf_counter()
    PARSERS[parser](text)
    return time.perf_counter() - started


@pytest.mark.parametrize("name", list(CASES))
def test_every_parser_stays_linear_on_a_1_mb_line(name: str) -> None:
    child = f"import json, sys; from tests.test_linear_time import run_case; print(json.dumps(run_case({name!r})))"
    try:
        result = subprocess.run(
            [sys.executable, "-c", child], cwd=REPO, capture_output=True, text=True, timeout=BOUND_SECONDS * 6
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: still running after {BOUND_SECONDS * 6:.0f} s on 1 MB (not linear)")
    assert result.returncode == 0, result.stderr
    seconds = json.loads(result.stdout)
    assert seconds < BOUND_SECONDS, f"{name}: {seconds:.1f} s on 1 MB (bound {BOUND_SECONDS} s)"
