"""A raw right-to-left override in the base SOP's kegiatan: invisible in review and in git diffs, so generated."""

from pathlib import Path


def make(root: Path) -> None:
    sop = root / "sops" / "uji-persetujuan.yaml"
    text = sop.read_text(encoding="utf-8")
    sop.write_text(text.replace("Menyusun konsep konten", "Menyusun \u202enetnok pesnok"), encoding="utf-8")
