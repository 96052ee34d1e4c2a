"""A carriage return in the base SOP's nomor_sop and its keterangan, written as YAML escapes."""

from pathlib import Path


def make(root: Path) -> None:
    sop = root / "sops" / "uji-persetujuan.yaml"
    text = sop.read_text(encoding="utf-8")
    text = text.replace("nomor_sop: 7 Tahun 2025", 'nomor_sop: "7\\r    Tahun 2025"')
    text = text.replace("keterangan: Tautan dibagikan ke grup", 'keterangan: "Tautan dibagikan\\r\\nke grup"')
    sop.write_text(text, encoding="utf-8")
