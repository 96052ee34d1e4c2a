"""Print the pip requirement, with every hash, of the exact uv that uv.lock records.

The Makefile installs uv with pip from this line (`--require-hashes`) before uv installs everything else from the lock,
so the tool that reads the lock is itself pinned by it, and Dependabot's update of uv.lock moves both together.
Usage: python scripts/uv_requirement.py [uv.lock] > requirement.txt; exits 1 with a message if uv is not in the lock.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path


def uv_requirement(lock: dict) -> str | None:
    """`uv==0.13.9 --hash=sha256:… …` for the `uv` package of a parsed uv.lock, or None if the lock has no uv."""
    package = next((package for package in lock.get("package", []) if package["name"] == "uv"), None)
    if package is None:
        return None
    files = [*package.get("wheels", []), *([package["sdist"]] if "sdist" in package else [])]
    hashes = " ".join(f"--hash={file['hash']}" for file in files)
    return f"uv=={package['version']} {hashes}"


def main() -> int:
    lock_path = Path(sys.argv[1] if len(sys.argv) > 1 else "uv.lock")
    lock = tomllib.loads(lock_path.read_text(encoding="utf-8"))
    requirement = uv_requirement(lock)
    if requirement is None:
        print(
            f"{lock_path}: uv tidak tercatat; tambahkan 'uv' ke [dependency-groups] dev di pyproject.toml",
            file=sys.stderr,
        )
        return 1
    print(requirement)
    return 0


if __name__ == "__main__":
    sys.exit(main())
