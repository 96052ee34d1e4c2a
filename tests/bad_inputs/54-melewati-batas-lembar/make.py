"""Sheets past the limits: generated, since 101 steps or 21 procedures are long and their point is their size."""

from pathlib import Path

HEAD = """\
id: {id}
instansi: Komisi Pemilihan Umum Kabupaten Uji
nomor_sop: 9 Tahun 2025
nama_sop: Batas Lembar
prosedur:
"""


def procedure(steps: int, actors: int, ringkasan: str | None = "Mulai", kegiatan: str = "Memulai") -> str:
    lanes = "".join(f"      - {{id: p{n}, nama: Pelaksana {n}}}\n" for n in range(actors))
    label = f", ringkasan: {ringkasan}" if ringkasan else ""
    body = [f"      - {{no: 1, kegiatan: {kegiatan}{label}, pelaksana: p0, simbol: mulai}}\n"]
    body += [f"      - {{no: {n}, kegiatan: Memproses, pelaksana: p0}}\n" for n in range(2, steps)]
    body.append(f"      - {{no: {steps}, kegiatan: Menyelesaikan, pelaksana: p0, simbol: selesai}}\n")
    return f"  - judul: Uji\n    pelaksana:\n{lanes}    langkah:\n{''.join(body)}"


def make(root: Path) -> None:
    sops = root / "sops"
    (sops / "langkah-banyak.yaml").write_text(HEAD.format(id="langkah-banyak") + procedure(101, 1), encoding="utf-8")
    (sops / "pelaksana-banyak.yaml").write_text(HEAD.format(id="pelaksana-banyak") + procedure(3, 11), encoding="utf-8")
    (sops / "prosedur-banyak.yaml").write_text(
        HEAD.format(id="prosedur-banyak") + procedure(3, 1) * 21, encoding="utf-8"
    )
    (sops / "label-panjang.yaml").write_text(
        HEAD.format(id="label-panjang")
        + procedure(3, 1, ringkasan="R" * 61)
        + procedure(3, 1, ringkasan=None, kegiatan="Mengunggah " + "x" * 45),
        encoding="utf-8",
    )
