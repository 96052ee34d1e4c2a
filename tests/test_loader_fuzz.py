"""Whatever an editor's file holds, the loaders answer with located problems, never an exception."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.source.front_matter import load_item
from generator.source.yaml_source import parse_yaml

# Fragments that steer random text into YAML's corners: tags, anchors, flow collections, complex keys, control chars.
FRAGMENTS = st.sampled_from(
    [
        "a: ",
        "- ",
        "? ",
        ": ",
        "&x ",
        "*x ",
        "!!int ",
        "!!timestamp ",
        "!!binary ",
        "!!python/object:os.system ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\n",
        "\n  ",
        "\t",
        "'",
        '"',
        "#",
        "---\n",
        "...\n",
        "no: ",
        "\x00",
        "\x07",
        "\ufeff",
        "2024-02-31",
        "1e9999",
        "~",
        "|\n  ",
        ">\n  ",
        "%YAML 1.1\n",
    ]
)
YAMLISH = st.lists(FRAGMENTS | st.text(max_size=6), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text() | YAMLISH)
def test_parse_yaml_never_raises(text: str) -> None:
    source, problems = parse_yaml(text, "sops/acak.yaml")
    assert source is not None or problems
    assert all(problem.file == "sops/acak.yaml" and problem.line >= 1 for problem in problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=YAMLISH, front=YAMLISH)
def test_markdown_items_never_raise(tmp_path: Path, body: str, front: str) -> None:
    file = tmp_path / "item.md"
    file.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    source, problems = load_item(file, "content_archive/konten/item.md", "caption")
    assert source is not None or problems
