"""Write a 50 MB SOP file, sparse so it costs no disk: the loader must refuse it from its size alone."""

from pathlib import Path


def make(root: Path) -> None:
    with (root / "sops" / "besar.yaml").open("wb") as file:
        file.write(b"id: besar\n")
        file.truncate(50 * 1024 * 1024)
