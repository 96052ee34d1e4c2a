"""scripts/ci_scope.py: which pushes and pull requests skip the developer suite (content only) and which run it.

The script runs as the workflow runs it, as a child process with GitHub's variables and an event file, on a real git
repository in tmp_path; anything it cannot be sure of must come out as `kode` (the whole suite).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "ci_scope.py"
sys.path.insert(0, str(SCRIPT.parent))

from ci_scope import classify  # noqa: E402


@pytest.mark.parametrize(
    "paths",
    [
        ["sops/media-sosial-resmi-agam.yaml"],
        ["content_archive/produk-hukum/pkpu-7-2022.yaml", "content_archive/lampiran/pkpu-7-2022.pdf"],
        ["content_archive/konten/gambar/poster.png", "docs/index.md", "docs/assets/images/logo.png"],
        ["sops/baru.yaml", "sops/lama.yaml"],
    ],
)
def test_only_sops_archive_and_docs_is_content(paths: list[str]) -> None:
    assert classify(paths) == "konten"


@pytest.mark.parametrize(
    "paths",
    [
        [],  # nothing to tell by: the suite
        [""],
        ["generator/core.py"],
        ["sops/baru.yaml", "generator/plugin.py"],  # one code file among content is code
        ["docs/index.md", "mkdocs.yml"],
        ["site_theme/main.html"],
        ["tests/test_build.py"],
        ["pyproject.toml"],
        ["uv.lock"],
        ["package-lock.json"],
        ["Makefile"],
        ["scripts/ci_scope.py"],
        [".github/workflows/site.yml"],
        ["kantor.yaml"],
        ["README.md"],
        ["sops/schema.json"],  # written from the models by `sop-jdih schema`, checked by the tests
        ["content_archive/schema/produk-hukum.json"],
        ["sopsx/a.yaml"],  # a look-alike folder is not the content folder
        ["docs"],  # a file named like the folder
        ["newfolder/anything.txt"],  # unknown: code
    ],
)
def test_everything_else_is_code(paths: list[str]) -> None:
    assert classify(paths) == "kode"


def test_paths_on_the_command_line_are_classified() -> None:
    def run(*paths: str) -> str:
        return subprocess.run(
            [sys.executable, str(SCRIPT), *paths], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert run("sops/a.yaml", "docs/b.md") == "konten"
    assert run("sops/a.yaml", "Makefile") == "kode"


# A real repository: a first commit with code and content, then one commit that changes only content and one that
# changes code; the script compares commits as the workflow's event describes them.


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def commit(cwd: Path, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (cwd / name).parent.mkdir(parents=True, exist_ok=True)
        (cwd / name).write_text(text, encoding="utf-8")
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "-m", message)
    return git(cwd, "rev-parse", "HEAD")


@pytest.fixture
def history(tmp_path: Path) -> dict[str, str]:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    first = commit(repo, {"generator/core.py": "x = 1\n", "sops/a.yaml": "id: a\n"}, "first")
    content = commit(repo, {"sops/a.yaml": "id: a\nnama_sop: A\n", "docs/baru.md": "# Baru\n"}, "content")
    code = commit(repo, {"generator/core.py": "x = 2\n"}, "code")
    return {"repo": str(repo), "first": first, "content": content, "code": code}


def scope(
    history: dict[str, str], tmp_path: Path, event_name: str, event: dict, sha: str, last_passed: str = ""
) -> tuple[str, str]:
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event), encoding="utf-8")
    env = {
        "PATH": "/usr/bin:/bin",
        "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": str(event_file),
        "GITHUB_SHA": sha,
        "LAST_PASSED": last_passed,
    }
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=history["repo"], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout, result.stderr


def test_a_push_of_content_only_since_the_last_pass_is_content(history: dict[str, str], tmp_path: Path) -> None:
    out, err = scope(history, tmp_path, "push", {"before": history["first"]}, history["content"], history["first"])
    assert out == "cakupan=konten\n"
    # The log names what changed, so a run can be understood from its output.
    assert "sops/a.yaml" in err and "docs/baru.md" in err


@pytest.mark.parametrize("last_passed", ["first", "content"])
def test_a_push_with_code_since_the_last_pass_is_code(
    history: dict[str, str], tmp_path: Path, last_passed: str
) -> None:
    out, _ = scope(history, tmp_path, "push", {"before": history["content"]}, history["code"], history[last_passed])
    assert out == "cakupan=kode\n"


def test_a_content_push_after_a_failed_code_push_is_code(history: dict[str, str], tmp_path: Path) -> None:
    """The code commit's run failed: the last pass is the first commit, so the code is still untested."""
    content_again = commit(Path(history["repo"]), {"docs/lagi.md": "# Lagi\n"}, "content after failed code")
    out, _ = scope(history, tmp_path, "push", {"before": history["code"]}, content_again, history["first"])
    assert out == "cakupan=kode\n"
    out, _ = scope(history, tmp_path, "push", {"before": history["code"]}, content_again, history["code"])
    assert out == "cakupan=konten\n"


@pytest.mark.parametrize("last_passed", ["", "f" * 40, "not-a-commit"])
def test_a_push_without_a_passed_commit_to_compare_with_is_code(
    history: dict[str, str], tmp_path: Path, last_passed: str
) -> None:
    out, err = scope(history, tmp_path, "push", {"before": history["first"]}, history["content"], last_passed)
    assert out == "cakupan=kode\n"
    assert err.startswith("cakupan: kode; ")


def test_a_deleted_branch_is_code(history: dict[str, str], tmp_path: Path) -> None:
    out, _ = scope(history, tmp_path, "push", {"deleted": True}, history["content"], history["first"])
    assert out == "cakupan=kode\n"


def test_a_pull_request_compares_with_its_base(history: dict[str, str], tmp_path: Path) -> None:
    event = {"pull_request": {"base": {"sha": history["first"]}}}
    assert scope(history, tmp_path, "pull_request", event, history["content"])[0] == "cakupan=konten\n"
    assert scope(history, tmp_path, "pull_request", event, history["code"])[0] == "cakupan=kode\n"
    assert scope(history, tmp_path, "pull_request", {}, history["content"])[0] == "cakupan=kode\n"


@pytest.mark.parametrize("event_name", ["workflow_dispatch", "schedule", ""])
def test_any_other_event_is_code(history: dict[str, str], tmp_path: Path, event_name: str) -> None:
    out, _ = scope(history, tmp_path, event_name, {"before": history["first"]}, history["content"])
    assert out == "cakupan=kode\n"


def test_an_unreadable_event_file_is_code(history: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "event.json").write_text("{", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "GITHUB_EVENT_NAME": "push", "GITHUB_EVENT_PATH": str(tmp_path / "event.json")}
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=history["repo"], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == "cakupan=kode\n"
