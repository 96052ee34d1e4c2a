"""Create the files the paths name, folders literally called "%2e%2e" included: they exist and are still refused."""

from pathlib import Path

from tests.archive_fixture import PDF, png


def make(root: Path) -> None:
    archive = root / "content_archive"
    for relative in (
        "lampiran/%2e%2e/kepkab-21-2025.pdf",
        "lampiran/%2E%2e/%2e%2E/abstrak.pdf",
        "lampiran/SK%20KPU%20Nomor%2022.pdf",
    ):
        (archive / relative).parent.mkdir(parents=True, exist_ok=True)
        (archive / relative).write_bytes(PDF)
    (archive / "konten" / "gambar" / "%2e%2e").mkdir(parents=True, exist_ok=True)
    (archive / "konten" / "gambar" / "%2e%2e" / "poster.png").write_bytes(png())
