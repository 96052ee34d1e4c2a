"""Decide what a push or pull request changed: only content (`konten`) or anything else (`kode`).

The workflow (.github/workflows/site.yml) runs the whole test suite for `kode` and only the content checks (check,
strict build, link check) for `konten`, so a staffer's new SOP or archive item goes live without the developer suite.
Anything this script cannot be sure of counts as `kode`: a path outside the content folders, the editors' schemas
(written from the models, checked by the tests), an empty or unreadable diff, a new branch, a force push, any other
event. A push is compared with the newest commit of its branch whose run of this workflow passed (LAST_PASSED, which
the workflow asks GitHub for), not with the commit before it: after a push whose tests failed, a content-only push
would otherwise carry the untested code live. Without such a commit (the branch's first run, or GitHub could not
tell), a push is `kode`. Usage in a GitHub Actions step (reads GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_SHA and
LAST_PASSED):

    python scripts/ci_scope.py >> "$GITHUB_OUTPUT"     # prints `cakupan=konten` or `cakupan=kode`

and `python scripts/ci_scope.py PATH…` classifies the given paths. The reason and the changed paths go to stderr.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

KONTEN = "konten"
KODE = "kode"
# What staff edit: SOPs, archive items and their files, the site's own pages.
CONTENT_FOLDERS = ("sops/", "content_archive/", "docs/")
# Inside those folders but written by `sop-jdih schema` from the models: the tests check they match.
GENERATED = ("sops/schema.json", "content_archive/schema/")
NO_COMMIT = re.compile(r"0*")  # GitHub's `before` of a new branch is forty zeros


def is_content(path: str) -> bool:
    return path.startswith(CONTENT_FOLDERS) and not path.startswith(GENERATED)


def classify(paths: Iterable[str]) -> str:
    """`konten` when there is at least one changed path and every one is content; otherwise `kode`."""
    changed = [path for path in paths if path]
    return KONTEN if changed and all(is_content(path) for path in changed) else KODE


def changed_paths(base: str, head: str, cwd: Path | None = None) -> list[str] | None:
    """The paths that differ between two commits, or None when git cannot tell (a commit not fetched, a bad sha)."""
    if not base or NO_COMMIT.fullmatch(base) or not head:
        return None
    result = subprocess.run(
        ["git", "diff", "--name-only", "--no-renames", "-z", base, head, "--"],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return None
    return [path for path in result.stdout.split("\0") if path]


def commits_to_compare(event_name: str, event: dict, sha: str, last_passed: str) -> tuple[str, str] | None:
    """(base, head) of what this run tests, or None when there is no safe base to compare with."""
    if event_name == "push":
        if event.get("deleted") or not last_passed:
            return None
        return last_passed, sha  # a new branch or a force push too: what differs from the tree that passed
    if event_name in ("pull_request", "pull_request_target"):
        # The checked-out merge commit against the base it merges into: exactly what the pull request adds.
        return (event.get("pull_request") or {}).get("base", {}).get("sha") or "", sha
    return None


def scope_of_run(environ: dict[str, str], cwd: Path | None = None) -> tuple[str, str]:
    """(scope, reason) for the GitHub Actions run described by environ."""
    event_name = environ.get("GITHUB_EVENT_NAME", "")
    try:
        event = json.loads(Path(environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    except (KeyError, OSError, ValueError):
        return KODE, "data peristiwa GitHub tidak terbaca"
    commits = commits_to_compare(event_name, event, environ.get("GITHUB_SHA", ""), environ.get("LAST_PASSED", ""))
    if commits is None:
        return KODE, f"{event_name or 'peristiwa'} tanpa komit pembanding yang sudah lulus uji"
    paths = changed_paths(*commits, cwd=cwd)
    if paths is None:
        return KODE, f"git tidak dapat membandingkan {commits[0] or '(kosong)'} dengan {commits[1]}"
    scope = classify(paths)
    listed = "\n".join(f"  {'konten' if is_content(path) else 'kode  '}  {path}" for path in paths)
    return scope, f"{len(paths)} berkas berubah sejak {commits[0][:12]} (yang terakhir lulus):\n{listed}"


def main(argv: list[str]) -> int:
    if argv:
        print(classify(argv))
        return 0
    scope, reason = scope_of_run(dict(os.environ))
    print(f"cakupan: {scope}; {reason}", file=sys.stderr)
    print(f"cakupan={scope}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
