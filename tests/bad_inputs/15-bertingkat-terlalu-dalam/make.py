"""Write 100,000 nested '[' (100 KB): too repetitive to commit, and the point is its size."""

from pathlib import Path


def make(root: Path) -> None:
    text = "id: bertingkat\ndasar_hukum: " + "[" * 100_000 + "]" * 100_000 + "\n"
    (root / "sops" / "bertingkat.yaml").write_text(text, encoding="utf-8")
