"""Prefix a UTF-8 byte order mark to base files, as "UTF-8 with BOM" editors save them: invisible, so generated."""

from pathlib import Path


def make(root: Path) -> None:
    for relative in (
        "sops/uji-persetujuan.yaml",
        "content_archive/produk-hukum/uu-7-2017.yaml",
        "content_archive/konten/kenali-uu-pemilu.md",
    ):
        path = root / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
