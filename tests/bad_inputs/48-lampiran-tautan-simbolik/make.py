"""Create the symbolic links the item points through: one to a file outside, one to a folder outside."""

from pathlib import Path


def make(root: Path) -> None:
    archive = root / "content_archive"
    (archive / "lampiran" / "salinan.pdf").symlink_to("../../mkdocs.yml")
    (archive / "luar").symlink_to("../docs")
