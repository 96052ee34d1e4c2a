"""The project runs exactly what uv.lock records, and uv.lock fits pyproject.toml.

`make` installs with `uv sync --locked`; these tests check the result independently of uv's own bookkeeping: every
distribution importable here is the locked version, and a pyproject.toml edited without `make lock` stops `make` with
one Indonesian message before anything is installed.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import subprocess
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
UV = Path(sys.executable).with_name("uv")  # the dev group puts the locked uv beside this interpreter
# What `python3 -m venv` seeds before uv takes over; not the project's dependencies, so not in the lock.
VENV_SEEDS = {"pip", "setuptools"}


def uv(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "UV_PYTHON_DOWNLOADS": "never"}
    return subprocess.run([str(UV), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def locked_versions() -> dict[str, str]:
    """{canonical name: version} of every package uv.lock installs here (all extras, dev group, this platform)."""
    exported = uv("export", "--frozen", "--all-extras", "--no-hashes", "--no-emit-project", "--no-header")
    assert exported.returncode == 0, exported.stderr
    versions = {}
    for line in exported.stdout.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            (pin,) = requirement.specifier
            versions[canonicalize_name(requirement.name)] = pin.version
    return versions


def test_the_lock_fits_pyproject() -> None:
    result = uv("lock", "--check", "--offline")
    assert result.returncode == 0, f"uv.lock does not fit pyproject.toml (run `make lock`):\n{result.stderr}"


def test_what_is_installed_is_exactly_what_is_locked() -> None:
    locked = locked_versions()
    installed = {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
        if canonicalize_name(dist.metadata["Name"]) not in VENV_SEEDS | {"sop-jdih"}
    }
    assert {"pyyaml", "mkdocs", "mkdocs-material", "pagefind", "pydantic", "uv", "pytest"} <= set(locked)
    wrong = {name: (installed.get(name), version) for name, version in locked.items() if installed.get(name) != version}
    extra = sorted(set(installed) - set(locked))
    assert not wrong, f"installed ≠ locked (installed, locked): {wrong}"
    assert not extra, f"installed but not in uv.lock: {extra}"


def test_make_stops_with_one_message_when_pyproject_changed_without_make_lock(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml", "uv.lock", "README.md"):
        shutil.copy2(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "scripts", tmp_path / "scripts")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace('"Jinja2>=3.1",', '"Jinja2>=3.1",\n    "rich>=13",'),
        encoding="utf-8",
    )
    # The real uv stands in for the one `make` would install into tmp_path/.venv; -o keeps make from reinstalling it.
    result = subprocess.run(
        ["make", "-s", "-o", str(UV), "lock-check", f"UV={UV}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        "uv.lock tidak sesuai dengan pyproject.toml: jalankan 'make lock', uji, lalu commit uv.lock."
    )


def test_make_lock_check_passes_on_the_repository_as_committed() -> None:
    result = subprocess.run(
        ["make", "-s", "-o", str(UV), "lock-check", f"UV={UV}"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
