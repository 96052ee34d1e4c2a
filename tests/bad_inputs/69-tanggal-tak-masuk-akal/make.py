"""The base SOP signed in 2099 and made in 1944: every date field of every collection has the same range."""

from pathlib import Path


def make(root: Path) -> None:
    sop = root / "sops" / "uji-persetujuan.yaml"
    text = sop.read_text(encoding="utf-8")
    text = text.replace("tanggal_pengesahan: 2025-01-15", "tanggal_pengesahan: 2099-01-15")
    text = text.replace("tanggal_pembuatan: 2025-01-02", "tanggal_pembuatan: 1944-12-31")
    sop.write_text(text, encoding="utf-8")
