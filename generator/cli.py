"""`sop-jdih` command: check the data (or a built site's links), export the editors' schema, or start a new file."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .archive import kinds
from .archive.kind import SOP
from .core import Project, load_content
from .publish.link_check import check_site
from .scaffold import ScaffoldRefused, scaffold, starters
from .schema import schema_text, schemas
from .source.problems import DataError

SOP_NEXT_STEPS = (
    "Berikutnya: ganti isian contoh (identitas, kotak kepala, pelaksana, langkah dan mutu baku), lalu jalankan: {check}"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sop-jdih", description="Generator situs SOP dan arsip JDIH.")
    parser.add_argument("--root", type=Path, default=Path("."), help="folder proyek (berisi sops/), bawaan: folder ini")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="periksa semua berkas SOP dan laporkan setiap masalah sekaligus")
    check.add_argument("--site", type=Path, metavar="DIR", help="hanya tautan dan #jangkar situs yang sudah dibangun")
    schema = commands.add_parser("schema", help="tulis skema JSON untuk penyunting dari model")
    schema.add_argument("--check", action="store_true", help="hanya periksa bahwa berkas skema mutakhir")
    new = commands.add_parser("new", help="buat berkas baru yang sudah valid, lengkap dengan penjelasan setiap kolom")
    new.add_argument("kind", choices=starters(), help="jenis berkas")
    new.add_argument("id", help="id baru: huruf kecil, angka dan '-', mis. pengelolaan-arsip")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve())

    if args.command == "schema":
        return _schema(project, args.check)
    if args.command == "new":
        return _new(project, args.root, args.kind, args.id)
    if args.site is not None:
        return _check_site(args.site)
    try:
        content = load_content(project)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if content.notices:  # as `mkdocs build --strict` with the default settings: every warning fails
        print(DataError([notice.problem for notice in content.notices]), file=sys.stderr)
        return 1
    print(f"OK: {len(content.sops)} SOP, {content.archive.counts()} valid.")
    return 0


def _check_site(site: Path) -> int:
    """Only the links of the HTML output: broken ones exit 1, a wrong folder exits 2 like a usage error."""
    if not site.is_dir():
        problem = "bukan folder" if site.exists() else "folder tidak ada; bangun dulu dengan: mkdocs build"
        print(f"{site}: {problem}", file=sys.stderr)
        return 2
    result = check_site(site)
    if not result.pages:
        print(f"{site}: tidak ada halaman HTML; ini bukan folder hasil mkdocs build", file=sys.stderr)
        return 2
    if result.broken:
        print("\n".join([*map(str, result.broken), f"{len(result.broken)} tautan rusak"]), file=sys.stderr)
        return 1
    print(f"OK: semua tautan internal dan #jangkar di {site} utuh ({result.pages} halaman)")
    return 0


def _new(project: Project, shown_root: Path, kind: str, item_id: str) -> int:
    """A refused id or taken file exits 2 like a usage error; paths are shown from the root as the user typed it."""
    try:
        written = scaffold(project, kind, item_id, datetime.date.today())
    except ScaffoldRefused as refusal:
        print(f"sop-jdih new: {refusal}", file=sys.stderr)
        return 2
    print(f"ditulis: {shown_root / written.file}")
    for image in written.images:
        print(f"ditulis: {shown_root / image} (gambar pengganti; timpa dengan desain aslinya)")
    check = "sop-jdih check" if shown_root == Path(".") else f"sop-jdih --root {shown_root} check"
    next_steps = SOP_NEXT_STEPS if kind == SOP else kinds.kind_named(kind).next_steps
    print(next_steps.format(check=check))
    return 0


def _schema(project: Project, check_only: bool) -> int:
    stale = []
    for relative, model in schemas().items():
        target = project.root / relative
        expected = schema_text(model)
        if target.exists() and target.read_text(encoding="utf-8") == expected:
            continue
        stale.append(relative)
        if not check_only:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(expected, encoding="utf-8")
            print(f"ditulis: {relative}")
    if check_only and stale:
        print(f"skema tidak mutakhir: {', '.join(stale)}; jalankan: sop-jdih schema", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
