"""What a save in the web editor (/admin/, Sveltia CMS) changes in each example file: the round trip of issue 17.

For every SOP and archive file (YAML, and Markdown with front matter) the built site's editor opens the file in local
mode (a copy of sops/ and content_archive/, see tests/cms_support.py), appends " (uji)" to the collection's
identifier field (nama_sop, judul: the one harmless edit every file can take), saves, and compares what Sveltia wrote
with the original: is it the same document apart from that edit as the models read it (and where the data as written
differs), were keys reordered, quoting changed, comments dropped, how many lines changed. A file Sveltia refuses to
save is listed with the fields it names.

Run after a build, from the repository: `.venv/bin/python scripts/cms_round_trip.py [--site site]`.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the browser bridge lives with the tests

from generator.archive.kinds import KINDS  # noqa: E402
from generator.sop.model import SopDocument  # noqa: E402
from generator.source.yaml_source import parse_yaml  # noqa: E402
from tests.browser_support import Problems, launch, serve  # noqa: E402
from tests.cms_support import (  # noqa: E402
    COPIED,
    copy_back,
    field,
    fill,
    local_cms,
    open_entry,
    sign_in_again,
    try_save,
)

EDIT = " (uji)"


@dataclass(frozen=True)
class Target:
    path: str  # relative to the repository
    collection: str  # its collection's name in config.yml
    edited: str  # the field the edit appends to
    model: type[BaseModel]
    body_field: str  # what a .md file's body is in the model


def targets(config: dict[str, Any], repo: Path) -> list[Target]:
    models = {"sops": (SopDocument, "")} | {kind.key: (kind.model, kind.body_field) for kind in KINDS}
    found = []
    for collection in config["collections"]:
        folder = repo / collection["folder"]
        model, body_field = models[folder.name]
        for file in sorted(folder.glob(f"*.{collection.get('extension', 'md')}")):
            path = file.relative_to(repo).as_posix()
            found.append(Target(path, collection["name"], collection["identifier_field"], model, body_field))
    return found


def split(text: str, markdown: bool) -> tuple[str, str]:
    """YAML text and Markdown body (empty for a .yaml file)."""
    if not markdown:
        return text, ""
    _, front, body = text.split("---\n", 2)
    return front, body.strip()


def data_of(front: str) -> Any:
    source, problems = parse_yaml(front, "x")
    return source.data if source is not None and not problems else None


def mappings(node: yaml.Node, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], list[str]]]:
    """Every mapping's path and its keys in written order."""
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value]
        yield path, keys
        for key, value in node.value:
            yield from mappings(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from mappings(item, (*path, str(index)))


def scalars(node: yaml.Node, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every scalar value's path and its quoting: '' plain, "'" single, '"' double, '|' or '>' block."""
    if isinstance(node, yaml.ScalarNode):
        yield path, node.style or ""
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from scalars(value, (*path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from scalars(item, (*path, str(index)))


def reordered(before: str, after: str) -> int:
    """Mappings whose keys (those in both versions) are written in another order."""
    old = dict(mappings(yaml.compose(before, Loader=yaml.SafeLoader)))
    count = 0
    for path, keys in mappings(yaml.compose(after, Loader=yaml.SafeLoader)):
        shared = [key for key in old.get(path, []) if key in keys]
        count += shared != [key for key in keys if key in shared]
    return count


def requoted(before: str, after: str) -> list[str]:
    old = dict(scalars(yaml.compose(before, Loader=yaml.SafeLoader)))
    new = dict(scalars(yaml.compose(after, Loader=yaml.SafeLoader)))
    return [
        f"{'.'.join(path)} {old[path] or 'plain'}→{new[path] or 'plain'}"
        for path in old
        if path in new and old[path] != new[path]
    ]


def comment_lines(text: str) -> int:
    """Lines that are YAML comments: starting with '#' outside any value (a caption's "#hashtag" line is text)."""
    inside = set()
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        if isinstance(token, yaml.ScalarToken):
            end = token.end_mark.line + (token.end_mark.column > 0)  # a block value ends at the next line's start
            inside.update(range(token.start_mark.line + 1, end))
    return sum(line.lstrip().startswith("#") and number not in inside for number, line in enumerate(text.splitlines()))


def differences(before: Any, after: Any, path: str = "") -> Iterator[str]:
    """Where two values differ: `path: before → after`, at the deepest place."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(key for key in after if key not in before)]:
            yield from differences(before.get(key), after.get(key), f"{path}.{key}".lstrip("."))
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            yield from differences(old, new, f"{path}.{index}")
    elif before != after:
        yield f"{path}: {before!r} → {after!r}"


def with_edit(data: Any, name: str) -> Any:
    edited = dict(data)
    edited[name] = f"{data[name]}{EDIT}"
    return edited


def document(target: Target, data: dict[str, Any], body: str) -> BaseModel:
    """The item as the models read it (a .md file's body is one of its fields)."""
    return target.model.model_validate({**data, target.body_field: body} if body else data)


def report(target: Target, before_text: str, after_text: str) -> str:
    markdown = target.path.endswith(".md")
    before_front, before_body = split(before_text, markdown)
    after_front, after_body = split(after_text, markdown)
    before, after = data_of(before_front), data_of(after_front)
    expected = with_edit(before, target.edited)
    changes = list(differences(expected, after)) + (["Markdown body"] if before_body != after_body else [])
    # What the form adds with the model's own default (a yes/no switch's false) leaves the document the same.
    same = document(target, expected, before_body) == document(target, after, after_body)
    diff = list(difflib.ndiff(before_text.splitlines(), after_text.splitlines()))
    changed = sum(line[:2] in ("- ", "+ ") for line in diff)
    quoting = requoted(before_front, after_front)
    return (
        f"{target.path}: document {'same apart from the edit' if same else 'DIFFERENT'}"
        + (f" (as written: {'; '.join(changes)})" if changes else "")
        + f"; keys reordered in {reordered(before_front, after_front)} mapping(s)"
        + f"; quoting changed on {len(quoting)} value(s){': ' + ', '.join(quoting[:4]) if quoting else ''}"
        + f"; comment lines {comment_lines(before_front)}→{comment_lines(after_front)}"
        + f"; lines changed {changed} of {len(before_text.splitlines())}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="the built site (default: site/)")
    arguments = parser.parse_args()
    config_file = arguments.site / "admin" / "config.yml"
    if not config_file.is_file():
        parser.error(f"{config_file} is missing: build the site first (make build)")
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        original, written = Path(scratch) / "original", Path(scratch) / "written"
        for name in COPIED:
            shutil.copytree(REPO / name, original / name)
        files = targets(config, original)
        refused: dict[str, list[str]] = {}
        problems = Problems()
        with serve(arguments.site) as url, launch() as browser:
            with local_cms(browser, url, original, problems, viewport={"width": 1280, "height": 900}) as page:
                for target in files:
                    slug = Path(target.path).stem
                    open_entry(page, target.collection, slug)
                    value = field(page, target.edited).locator("input, textarea").first.input_value()
                    fill(page, target.edited, value + EDIT)
                    errors = try_save(page)
                    if errors:
                        refused[target.path] = errors
                        sign_in_again(page)
                copy_back(page, original, written)
        same = 0
        print(f"Sveltia CMS round trip: {len(files)} files, edit = '{EDIT}' appended to the identifier field\n")
        for target in files:
            if target.path in refused:
                print(
                    f"{target.path}: NOT SAVED, Sveltia names {len(refused[target.path])} field(s): "
                    + "; ".join(refused[target.path])
                )
                continue
            after = written / target.path
            if not after.is_file():
                print(f"{target.path}: nothing written")
                continue
            before_text = (original / target.path).read_text(encoding="utf-8")
            line = report(target, before_text, after.read_text(encoding="utf-8"))
            same += "document same apart from the edit" in line
            print(line)
        print(f"\n{same} of {len(files)} files are the same document apart from the edit; {len(refused)} not saved.")
    return 0 if same == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
