"""Copy the base SOP under a name with spaces and capitals, with its own id: such a name is kept out of git."""

from pathlib import Path


def make(root: Path) -> None:
    text = (root / "sops" / "uji-persetujuan.yaml").read_text(encoding="utf-8")
    text = text.replace("id: uji-persetujuan", "id: persetujuan-baru")
    (root / "sops" / "SOP Persetujuan Baru.yaml").write_text(text, encoding="utf-8")
