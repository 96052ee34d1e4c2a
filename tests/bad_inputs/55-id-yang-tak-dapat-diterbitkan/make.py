"""Ids the site cannot publish: generated from the valid base files, since a 120-character name is its own point."""

from pathlib import Path


def make(root: Path) -> None:
    sop = (root / "sops" / "uji-persetujuan.yaml").read_text(encoding="utf-8")
    (root / "sops" / "index.yaml").write_text(sop.replace("id: uji-persetujuan", "id: index"), encoding="utf-8")
    (root / "sops" / "panjang.yaml").write_text(sop.replace("id: uji-persetujuan", f"id: {'a' * 120}"), "utf-8")
    long_name = "b" * 120
    (root / "sops" / f"{long_name}.yaml").write_text(sop.replace("id: uji-persetujuan", f"id: {long_name}"), "utf-8")
    produk = (root / "content_archive" / "produk-hukum" / "kepkab-5-2024.yaml").read_text(encoding="utf-8")
    (root / "content_archive" / "produk-hukum" / "index.yaml").write_text(
        produk.replace("id: kepkab-5-2024", "id: index").replace("nomor: 5/", "nomor: 6/"), encoding="utf-8"
    )
