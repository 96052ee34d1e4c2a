"""Write a billion-laughs SOP: ten levels of ten aliases, 10^10 items if expanded; generated, being all repetition."""

from pathlib import Path


def make(root: Path) -> None:
    lines = ["id: bom-alias", 'a0: &a0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]")
    (root / "sops" / "bom-alias.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
