"""Prefix a UTF-8 byte order mark to base files, as Windows Notepad saves them: invisible, so generated.

Accepted on purpose, not an error: a BOM is legal YAML, and refusing it would fail every file saved on Windows
(generator/yaml_source.py drops it in read_text).
"""

from pathlib import Path


def make(root: Path) -> None:
    for relative in (
        "sops/uji-persetujuan.yaml",
        "content_archive/produk-hukum/uu-7-2017.yaml",
        "content_archive/konten/kenali-uu-pemilu.md",
    ):
        path = root / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
