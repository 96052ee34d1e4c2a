"""Re-save bukan-utf8.yaml as Windows-1252, as an old editor would: bytes that are not UTF-8, so generated."""

from pathlib import Path


def make(root: Path) -> None:
    path = root / "content_archive" / "produk-hukum" / "bukan-utf8.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
