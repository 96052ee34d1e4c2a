"""Values that would forge lines if echoed raw: a key with a newline and a GitHub Actions command, an ESC sequence
and a bidi override in waktu, and a file name with a newline (not committable to git, hence made here)."""

from pathlib import Path


def make(root: Path) -> None:
    sop = root / "sops" / "uji-persetujuan.yaml"
    text = sop.read_text(encoding="utf-8")
    text = text.replace("waktu: 10 Menit", 'waktu: "10 Menit\\e[2J\\u202e"', 1)
    text += '"catatan\\n::error file=sops/palsu.yaml,line=1::palsu\\r\\n0 masalah ditemukan": 1\n'
    sop.write_text(text, encoding="utf-8")
    (root / "sops" / "baru\n::warning::palsu.yaml").write_text("id: baru\n", encoding="utf-8")
