"""Put a vertical tab (U+000B, Word's Shift+Enter) into karakter-kontrol.yaml: invisible in review, so generated."""

from pathlib import Path


def make(root: Path) -> None:
    path = root / "sops" / "karakter-kontrol.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Menyerahkan salinan", "Menyerahkan\x0bsalinan"), encoding="utf-8")
