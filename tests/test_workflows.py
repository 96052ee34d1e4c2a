"""The GitHub Actions workflow: tests and a strict build on every push and pull request, GitHub Pages from main.

actionlint (from the `test` extra, installed beside this Python) checks every workflow file; the assertions below pin
what the README promises about publishing: the deploy job runs only for pushes to main, after the checks, as a Pages
artifact (never a branch of built files), and `.cache/` is kept between runs so unchanged bagan alur are not redrawn.
A push that changes only content skips the test suite (scripts/ci_scope.py decides; tests/test_ci_scope.py) but never
the check, the strict build and the link check.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO / ".github" / "workflows"
WORKFLOW_FILES = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
SITE_WORKFLOW = WORKFLOWS / "site.yml"
ENSURE_SYSTEM_PACKAGES = REPO / "scripts" / "ensure-system-packages.sh"
# The venv's own console script: the `test` extra installs it next to this interpreter (not resolved: a venv's python
# is often a symlink to the system one).
ACTIONLINT = Path(sys.executable).with_name("actionlint")

CACHE_INPUTS = ("sops/**", "content_archive/**", "generator/**", "pyproject.toml", "uv.lock")
DEPENDABOT = REPO / ".github" / "dependabot.yml"


def load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps", [])


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in steps(job) if "run" in step]


def index_of(job: dict[str, Any], predicate) -> int:
    for index, step in enumerate(steps(job)):
        if predicate(step):
            return index
    raise AssertionError("no such step")


def uses(step: dict[str, Any], action: str) -> bool:
    return str(step.get("uses", "")).split("@")[0] == action


def runs_command(step: dict[str, Any], command: str) -> bool:
    return any(line.strip() == command for line in str(step.get("run", "")).splitlines())


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    assert SITE_WORKFLOW.is_file(), f"{SITE_WORKFLOW.relative_to(REPO)} is missing"
    return load(SITE_WORKFLOW)


def test_actionlint_reports_nothing() -> None:
    assert WORKFLOW_FILES, f"no workflow files in {WORKFLOWS.relative_to(REPO)}"
    if not ACTIONLINT.is_file():
        pytest.fail(
            f"{ACTIONLINT} is missing: install the test extra "
            f"(`{Path(sys.executable).parent}/pip install -e '.[test]'`, or simply `make test`).",
            pytrace=False,
        )
    result = subprocess.run(
        [str(ACTIONLINT), "-no-color", *(str(path.relative_to(REPO)) for path in WORKFLOW_FILES)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and not report, f"actionlint (exit {result.returncode}):\n{report}"


def test_runs_on_every_push_and_pull_request(workflow: dict[str, Any]) -> None:
    on = triggers(workflow)
    assert set(on) >= {"push", "pull_request"}
    # No branch or path filter: every push and every pull request is tested.
    assert not on["push"] and not on["pull_request"]


def test_the_test_job_sets_up_python_graphviz_and_runs_make_test_then_a_strict_build(workflow: dict[str, Any]) -> None:
    test = workflow["jobs"]["test"]
    assert test["runs-on"] == "ubuntu-latest"
    checkout = index_of(test, lambda step: uses(step, "actions/checkout"))
    python = index_of(test, lambda step: uses(step, "actions/setup-python"))
    assert str(steps(test)[python]["with"]["python-version"]) == "3.11"
    graphviz = index_of(test, lambda step: runs_command(step, "sudo apt-get install -y graphviz"))
    make_test = index_of(test, lambda step: runs_command(step, "make test"))
    strict_build = index_of(test, lambda step: "mkdocs build --strict" in str(step.get("run", "")))
    # The venv that `make test` creates is the one the build uses.
    assert checkout < python < make_test < strict_build
    assert graphviz < make_test
    assert runs_command(steps(test)[strict_build], ".venv/bin/mkdocs build --strict")
    # Then the site's own link check: a broken link fails the workflow, as it fails `make build`.
    assert runs_command(steps(test)[strict_build], ".venv/bin/sop-jdih check --site")


def scope_step(job: dict[str, Any]) -> tuple[int, str]:
    """(index, id) of the step that decides between the suite and the content checks."""
    index = index_of(job, lambda step: runs_command(step, 'python scripts/ci_scope.py >> "$GITHUB_OUTPUT"'))
    return index, steps(job)[index]["id"]


def condition(step: dict[str, Any]) -> str:
    return " ".join(str(step.get("if", "")).split())


def test_the_checkout_has_the_history_the_scope_compares_with(workflow: dict[str, Any]) -> None:
    test = workflow["jobs"]["test"]
    checkout = index_of(test, lambda step: uses(step, "actions/checkout"))
    # 0: every commit, so a push of many commits (or a pull request's base) can be compared.
    assert steps(test)[checkout]["with"]["fetch-depth"] == 0
    python = index_of(test, lambda step: uses(step, "actions/setup-python"))
    scope, _ = scope_step(test)
    assert checkout < python < scope
    assert (REPO / "scripts" / "ci_scope.py").is_file()


def test_the_suite_runs_unless_only_content_changed(workflow: dict[str, Any]) -> None:
    test = workflow["jobs"]["test"]
    scope, scope_id = scope_step(test)
    make_test = index_of(test, lambda step: runs_command(step, "make test"))
    assert scope < make_test
    # `!= 'konten'`, not `== 'kode'`: should the scope step say nothing, the suite runs.
    assert condition(steps(test)[make_test]) == f"steps.{scope_id}.outputs.cakupan != 'konten'"


def test_content_only_runs_check_then_the_strict_build_and_the_link_check(workflow: dict[str, Any]) -> None:
    test = workflow["jobs"]["test"]
    scope, scope_id = scope_step(test)
    check = index_of(test, lambda step: runs_command(step, "make check"))
    assert condition(steps(test)[check]) == f"steps.{scope_id}.outputs.cakupan == 'konten'"
    graphviz = index_of(test, lambda step: runs_command(step, "sudo apt-get install -y graphviz"))
    cache = index_of(test, lambda step: uses(step, "actions/cache"))
    strict_build = index_of(test, lambda step: runs_command(step, ".venv/bin/mkdocs build --strict"))
    assert scope < check and graphviz < check and cache < check < strict_build
    # The build and the link check run on both paths: no condition, and no other step is skipped.
    assert "if" not in steps(test)[strict_build]
    assert runs_command(steps(test)[strict_build], ".venv/bin/sop-jdih check --site")
    make_test = index_of(test, lambda step: runs_command(step, "make test"))
    upload = index_of(test, lambda step: uses(step, "actions/upload-pages-artifact"))  # pushes to main only
    assert [index for index, step in enumerate(steps(test)) if "if" in step] == sorted((make_test, check, upload))


def test_the_scope_scripts_content_folders_are_the_projects() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    from ci_scope import CONTENT_FOLDERS

    assert CONTENT_FOLDERS == ("sops/", "content_archive/", "docs/")
    assert all((REPO / folder).is_dir() for folder in CONTENT_FOLDERS)
    assert load(REPO / "mkdocs.yml").get("docs_dir", "docs") == "docs"


def test_the_browser_tests_use_the_runners_google_chrome(workflow: dict[str, Any]) -> None:
    test = workflow["jobs"]["test"]
    make_test = steps(test)[index_of(test, lambda step: runs_command(step, "make test"))]
    env = {**workflow.get("env", {}), **test.get("env", {}), **make_test.get("env", {})}
    assert env.get("SOP_JDIH_CHROMIUM") == "/usr/bin/google-chrome"


def test_the_cache_step_keeps_dot_cache_keyed_on_what_the_pages_are_made_of(workflow: dict[str, Any]) -> None:
    job = workflow["jobs"]["test"]
    cache_index = index_of(job, lambda step: uses(step, "actions/cache"))
    cache = steps(job)[cache_index]["with"]
    assert ".cache" in [line.strip().rstrip("/") for line in str(cache["path"]).splitlines()]
    key = cache["key"]
    hashed = re.search(r"hashFiles\(([^)]*)\)", key)
    assert hashed, f"the cache key hashes nothing: {key}"
    assert set(re.findall(r"'([^']*)'", hashed.group(1))) >= set(CACHE_INPUTS)
    # A changed SOP restores the last cache: every bagan alur that did not change is reused.
    prefix = key[: key.index("${{ hashFiles")]
    assert prefix in [line.strip() for line in str(cache["restore-keys"]).splitlines()]
    first_build = index_of(job, lambda step: re.search(r"\b(make|mkdocs)\b", str(step.get("run", ""))) is not None)
    assert cache_index < first_build, "restore the cache before anything is built"


def test_deploy_runs_only_for_pushes_to_main_after_the_tests(workflow: dict[str, Any]) -> None:
    deploy = workflow["jobs"]["deploy"]
    needs = deploy["needs"]
    assert "test" in ([needs] if isinstance(needs, str) else needs)
    condition = " ".join(str(deploy["if"]).split())
    clauses = {clause.strip().strip("()") for clause in condition.split("&&")}
    assert clauses == {"github.event_name == 'push'", "github.ref == 'refs/heads/main'"}, condition


def test_the_site_that_passed_the_checks_is_the_one_published(workflow: dict[str, Any]) -> None:
    test = workflow["jobs"]["test"]
    checked = index_of(test, lambda step: "sop-jdih check --site" in str(step.get("run", "")))
    upload = index_of(test, lambda step: uses(step, "actions/upload-pages-artifact"))
    assert checked < upload
    assert str(steps(test)[upload]["with"]["path"]).rstrip("/") == "site"
    condition = " ".join(str(steps(test)[upload]["if"]).split())
    assert {clause.strip() for clause in condition.split("&&")} == {
        "github.event_name == 'push'",
        "github.ref == 'refs/heads/main'",
    }

    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert " ".join(deploy["environment"]["url"].split()) == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    # Nothing is built again between the checks and the publication.
    assert not any(re.search(r"\b(make|mkdocs)\b", str(step.get("run", ""))) for step in steps(deploy))
    publish = index_of(deploy, lambda step: uses(step, "actions/deploy-pages"))
    assert steps(deploy)[publish]["id"] == "deployment"


def test_no_branch_of_built_files(workflow: dict[str, Any]) -> None:
    for path in WORKFLOW_FILES:
        text = path.read_text(encoding="utf-8")
        assert "gh-pages" not in text and "gh-deploy" not in text, path.name
        for job in load(path)["jobs"].values():
            for step in steps(job):
                assert "git push" not in str(step.get("run", "")), f"{path.name}: {step}"
                assert not str(step.get("uses", "")).startswith("peaceiris/"), f"{path.name}: {step}"
    # Only the deploy job may write to Pages; everything else reads the repository and nothing more.
    assert workflow["permissions"] == {"contents": "read"}
    writers = [name for name, job in workflow["jobs"].items() if "write" in job.get("permissions", {}).values()]
    assert writers == ["deploy"]


def test_actions_are_pinned_to_a_major_version() -> None:
    for path in WORKFLOW_FILES:
        for name, job in load(path)["jobs"].items():
            for step in steps(job):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), f"{path.name}: {name}: {step['uses']}"


# scripts/ensure-system-packages.sh and SOP_JDIH_CHROMIUM: `make test` on a runner (not root, no Debian Chromium)
# must accept the browser the workflow names. The script runs with a PATH of stand-ins: dot and python3 present,
# `id` saying "not root", and no apt-get, so nothing is ever installed.


@pytest.fixture
def fake_path(tmp_path: Path) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in {"dot": "exit 0", "python3": "exit 0", "id": "echo 1000"}.items():
        tool = bin_dir / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(0o755)
    return bin_dir


def ensure_chromium(fake_path: Path, chromium: str | None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(fake_path), "HOME": os.environ.get("HOME", "/tmp")}
    if chromium is not None:
        env["SOP_JDIH_CHROMIUM"] = chromium
    return subprocess.run(
        ["/bin/sh", str(ENSURE_SYSTEM_PACKAGES), "chromium=chromium"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_an_executable_sop_jdih_chromium_counts_as_chromium(fake_path: Path, tmp_path: Path) -> None:
    chrome = tmp_path / "google-chrome"
    chrome.write_text("#!/bin/sh\nexit 0\n")
    chrome.chmod(0o755)
    result = ensure_chromium(fake_path, str(chrome))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("chromium", [None, "", "not-executable", "missing", "directory"])
def test_without_a_usable_browser_one_message_names_sudo_apt_get(
    fake_path: Path, tmp_path: Path, chromium: str | None
) -> None:
    if chromium == "not-executable":
        (tmp_path / "chrome").write_text("")
        chromium = str(tmp_path / "chrome")
    elif chromium == "missing":
        chromium = str(tmp_path / "no-such-browser")
    elif chromium == "directory":
        chromium = str(tmp_path)
    result = ensure_chromium(fake_path, chromium)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("sudo apt-get install") == 1
    assert "sudo apt-get install chromium" in result.stderr


def test_dependabot_proposes_one_weekly_pull_request_for_every_lock() -> None:
    config = load(DEPENDABOT)
    (group,) = config["multi-ecosystem-groups"]
    assert config["multi-ecosystem-groups"][group]["schedule"]["interval"] == "weekly"
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    # uv.lock (with uv itself), package-lock.json, and the actions this workflow uses.
    assert set(updates) == {"uv", "npm", "github-actions"}
    for update in updates.values():
        assert (update["directory"], update["patterns"], update["multi-ecosystem-group"]) == ("/", ["*"], group)
    assert (REPO / "uv.lock").is_file() and (REPO / "package-lock.json").is_file()
