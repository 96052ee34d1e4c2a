"""Create a dangling symbolic link and a folder named like an SOP file: git cannot hold the folder, so generated."""

from pathlib import Path


def make(root: Path) -> None:
    (root / "sops" / "tautan-putus.yaml").symlink_to("tidak-ada.yaml")
    (root / "sops" / "arsip-lama.yaml").mkdir()
