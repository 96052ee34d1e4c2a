"""Write a merge-key bomb: each level merges the previous one nine times (9^20 keys if flattened)."""

from pathlib import Path


def make(root: Path) -> None:
    lines = ["id: bom-gabungan", "m0: &m0 {k: x}"]
    for level in range(1, 21):
        lines.append(f"m{level}: &m{level} {{<<: [{', '.join([f'*m{level - 1}'] * 9)}]}}")
    (root / "sops" / "bom-gabungan.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
