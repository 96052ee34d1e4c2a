"""`sop-jdih` command: check the data (or a built site's links), export the editors' schema, or start a new file."""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from .archive import kinds
from .archive.kind import SOP
from .cli_words import indonesian
from .core import findings, load_content
from .editor.tidy import tidy
from .impor.run import FILES_DIR, impor_jdihn
from .project import CONFIG_FILE, Project, read_project
from .publish.link_check import check_site
from .scaffold import ScaffoldRefused, scaffold, starters
from .schema import schema_files, schema_text
from .source.problems import DataError

SOP_NEXT_STEPS = (
    "Berikutnya: ganti isian contoh (identitas, kotak kepala, pelaksana, langkah dan mutu baku), lalu jalankan: {check}"
)


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when all is well, 1 for problems in the data or the site, 2 when the command cannot run as asked
    (a wrong folder, id or option, or a wrong `sop-jdih` setting in mkdocs.yml)."""
    with indonesian():
        args = _parser().parse_args(argv)
    try:
        located = _locate(getattr(args, "root", None), getattr(args, "config_file", None))
    except (Unusable, DataError) as error:
        print(f"sop-jdih: {error}" if isinstance(error, Unusable) else error, file=sys.stderr)
        return 2
    project = located.project
    if args.command == "schema":
        return _schema(project, args.check)
    if args.command == "new":
        return _new(located, args.kind, args.id)
    if args.command == "impor":
        return _impor(located, args.umpan, args.unduh)
    if args.command == "rapikan":
        return _tidy(located, args.periksa)
    if args.site is not None:
        return _check_site(
            Path(args.site) if args.site else project.site_dir, project.site_url, not project.directory_urls
        )
    if not (project.root / CONFIG_FILE).is_file() and not project.sops_dir.is_dir():
        # Nothing of a project here: "OK: 0 SOP" would tell the editor that their files were checked.
        where = located.shown_root
        print(
            f"sop-jdih: {where / CONFIG_FILE} tidak ada dan folder {project.sops_label} juga tidak: ini bukan folder "
            "proyek; jalankan di folder proyek, atau sebut foldernya: sop-jdih --root <folder proyek> check",
            file=sys.stderr,
        )
        return 2
    try:
        content = load_content(project)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    found = findings(content, project)
    if found.warnings:  # what makes `mkdocs build --strict` (make build, the workflow) fail
        count = (
            f"{len(found.warnings)} peringatan; build situs (--strict) gagal karenanya: perbaiki lalu jalankan lagi."
        )
        print("\n".join([*map(str, found.warnings), count]), file=sys.stderr)
        return 1
    print(f"OK: {len(content.sops)} SOP, {content.archive.counts()} valid.")
    for note in found.notes:
        print(f"catatan: {note}")
    for unfilled in found.unfilled:  # fine while the editor works; the strict build refuses to publish it
        print(f"peringatan: {unfilled}")
    if found.unfilled:
        print(f"{len(found.unfilled)} isian contoh belum diganti; build situs (--strict) menolaknya sampai diganti.")
    return 0


def _parser() -> argparse.ArgumentParser:
    # Where the project is, accepted before or after the command: pre-commit appends a hook's args after its entry.
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument(
        "--root",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="FOLDER",
        help="folder proyek (berisi mkdocs.yml), bawaan: folder ini",
    )
    where.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="BERKAS",
        help="pengaturan situs yang dibaca, bawaan: mkdocs.yml (folder berkas itu menjadi folder proyek)",
    )
    parser = argparse.ArgumentParser(
        prog="sop-jdih", description="Generator situs SOP dan arsip JDIH.", parents=[where]
    )
    commands = parser.add_subparsers(dest="command", required=True, title="perintah", metavar="PERINTAH")
    check = commands.add_parser(
        "check", parents=[where], help="periksa semua SOP dan arsip, lalu laporkan setiap masalah sekaligus"
    )
    check.add_argument(
        "--site",
        nargs="?",
        const="",
        metavar="FOLDER",
        help="hanya tautan dan #jangkar situs yang sudah dibangun (bawaan: site_dir di mkdocs.yml, yaitu site/)",
    )
    schema = commands.add_parser("schema", parents=[where], help="tulis skema JSON untuk penyunting dari model")
    schema.add_argument("--check", action="store_true", help="hanya periksa bahwa berkas skema mutakhir")
    new = commands.add_parser(
        "new", parents=[where], help="buat berkas baru yang sudah valid, lengkap dengan penjelasan setiap kolom"
    )
    new.add_argument("kind", choices=starters(), metavar="JENIS", help=f"jenis berkas: {', '.join(starters())}")
    new.add_argument("id", metavar="ID", help="id baru: huruf kecil, angka dan '-', mis. pengelolaan-arsip")
    impor = commands.add_parser(
        "impor", parents=[where], help="buat berkas arsip dari umpan JDIHN aplikasi JDIH yang lama, satu per record"
    )
    impor.add_argument(
        "format", choices=["jdihn"], metavar="BENTUK", help="bentuk sumbernya: jdihn (umpan JDIHN, larik JSON)"
    )
    impor.add_argument("umpan", metavar="UMPAN", help="berkas umpan JSON, atau alamat http(s)://… umpannya")
    impor.add_argument(
        "--unduh",
        action="store_true",
        help=f"simpan juga PDF-nya di {FILES_DIR}/ dalam folder arsip, bukan hanya alamatnya",
    )
    tidy_command = commands.add_parser(
        "rapikan",
        parents=[where],
        help="tulis ulang SOP dan arsip dalam bentuk formulir web /admin/ (daftar, objek; komentar ke "
        "catatan_transkripsi), agar tidak ada yang hilang saat disimpan dari formulir",
    )
    tidy_command.add_argument(
        "--periksa", action="store_true", help="hanya sebutkan berkas yang belum dalam bentuk formulir (keluar 1)"
    )
    return parser


class Unusable(Exception):
    """The project the command was pointed at cannot be used; the message says why."""


@dataclass(frozen=True)
class Located:
    project: Project
    shown_root: Path  # the root as the user typed it, to show paths the way they know them
    command: str  # how to run sop-jdih on this project again, e.g. `sop-jdih --root ../situs`


def _locate(root: Path | None, config_file: Path | None) -> Located:
    """The project read from `config_file`, or from mkdocs.yml in `root` (defaults when that file does not exist)."""
    if root is not None and config_file is not None:
        raise Unusable("pakai --root atau --config-file, tidak keduanya")
    if root is not None and not root.is_dir():
        raise Unusable(f"--root {root}: folder tidak ada")
    if config_file is not None and not config_file.is_file():
        raise Unusable(f"--config-file {config_file}: berkas tidak ada")
    if config_file is not None:
        return Located(read_project(config_file), config_file.parent, f"sop-jdih --config-file {config_file}")
    root = root or Path(".")
    command = "sop-jdih" if root == Path(".") else f"sop-jdih --root {root}"
    return Located(read_project(root / CONFIG_FILE), root, command)


def _check_site(site: Path, site_url: str, on_disk: bool) -> int:
    """Only the links of the HTML output: broken ones exit 1, a wrong folder exits 2 like a usage error.

    Links under `site_url` (mkdocs.yml's) are the site's own: a project site at /<repo>/ is checked at that path.
    `on_disk` (mkdocs.yml's `use_directory_urls: false`): the site must also work opened from disk.
    """
    if not site.is_dir():
        problem = "bukan folder" if site.exists() else "folder tidak ada; bangun dulu dengan: mkdocs build"
        print(f"{site}: {problem}", file=sys.stderr)
        return 2
    result = check_site(site, site_url, on_disk)
    if not result.pages:
        print(f"{site}: tidak ada halaman HTML; ini bukan folder hasil mkdocs build", file=sys.stderr)
        return 2
    if result.broken:
        print("\n".join([*map(str, result.broken), f"{len(result.broken)} tautan rusak"]), file=sys.stderr)
        return 1
    print(f"OK: semua tautan internal dan #jangkar di {site} utuh ({result.pages} halaman)")
    return 0


def _new(located: Located, kind: str, item_id: str) -> int:
    """A refused id or taken file exits 2 like a usage error; paths are shown from the root as the user typed it."""
    project, shown_root = located.project, located.shown_root
    try:
        written = scaffold(project, kind, item_id, datetime.date.today())
    except ScaffoldRefused as refusal:
        print(f"sop-jdih new: {refusal}", file=sys.stderr)
        return 2
    print(f"ditulis: {shown_root / written.file}")
    for image in written.images:
        print(f"ditulis: {shown_root / image} (gambar pengganti; timpa dengan desain aslinya)")
    next_steps = SOP_NEXT_STEPS if kind == SOP else kinds.kind_named(kind).next_steps
    print(next_steps.format(check=f"{located.command} check", archive=project.archive_label))
    return 0


def _impor(located: Located, feed: str, unduh: bool) -> int:
    """Exit 0 when every record was written or skipped (its file exists), 1 when some were reported and not written,
    2 when the feed file does not exist."""
    if not feed.startswith(("https://", "http://")) and not Path(feed).is_file():
        print(f"sop-jdih impor: {feed}: berkas tidak ada", file=sys.stderr)
        return 2
    report = impor_jdihn(located.project, feed, feed, unduh)
    print("\n".join([*report.lines, report.summary]))
    if report.written:
        folder = located.project.archive_label
        print(f"Berikutnya: periksa berkas baru di {folder}, lalu jalankan: {located.command} check")
    return 1 if report.problems else 0


def _tidy(located: Located, check_only: bool) -> int:
    """Exit 0 when every file is (now) in the form's spelling, 1 when some is not (`--periksa`) or was refused."""
    result = tidy(located.project, write=not check_only)
    verb = "belum dalam bentuk formulir" if check_only else "ditulis ulang"
    for shown in result.written:
        print(f"{verb}: {located.shown_root / shown}")
    for refusal in result.refused:
        print(f"dilewati: {refusal}", file=sys.stderr)
    if not check_only and result.written:
        print(f"Berikutnya: periksa perubahannya (git diff), lalu jalankan: {located.command} check")
    return 1 if result.refused or (check_only and result.written) else 0


def _schema(project: Project, check_only: bool) -> int:
    stale = []
    for target, model in schema_files(project).items():
        relative = target.relative_to(project.root).as_posix()
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
