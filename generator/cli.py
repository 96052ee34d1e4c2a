"""`sop-jdih` command: check the data, or export the schema editors use."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .core import Project, load_content
from .problems import DataError
from .schema import SCHEMA_FILE, sop_schema_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sop-jdih", description="Generator situs SOP dan arsip JDIH.")
    parser.add_argument("--root", type=Path, default=Path("."), help="folder proyek (berisi sops/), bawaan: folder ini")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="periksa semua berkas SOP dan laporkan setiap masalah sekaligus")
    schema = commands.add_parser("schema", help=f"tulis sops/{SCHEMA_FILE} dari model")
    schema.add_argument("--check", action="store_true", help="hanya periksa bahwa berkas skema mutakhir")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve())

    if args.command == "schema":
        return _schema(project, args.check)
    try:
        content = load_content(project)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"OK: {len(content.sops)} SOP valid.")
    return 0


def _schema(project: Project, check_only: bool) -> int:
    target = project.sops_dir / SCHEMA_FILE
    expected = sop_schema_text()
    if check_only:
        if target.exists() and target.read_text(encoding="utf-8") == expected:
            return 0
        print(f"{target.relative_to(project.root)} tidak mutakhir; jalankan: sop-jdih schema", file=sys.stderr)
        return 1
    target.write_text(expected, encoding="utf-8")
    print(f"ditulis: {target.relative_to(project.root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
