"""Four spellings of paths that name a file the way the archive does not: each refused with its normal form."""

from pathlib import Path


def make(root: Path) -> None:
    folder = root / "content_archive" / "produk-hukum"
    base = (folder / "kepkab-5-2024.yaml").read_text(encoding="utf-8")
    for number, spelling in enumerate(
        ["./lampiran//kepkab-5-2024.pdf", "lampiran/./kepkab-5-2024.pdf", "lampiran\\\\kepkab-5-2024.pdf"], start=1
    ):
        text = base.replace("id: kepkab-5-2024", f"id: salinan-{number}")
        text = text.replace("nomor: 5/HK.03.1-Kpt/3300/2024", f"nomor: {number}0/HK.03.1-Kpt/3300/2024")
        text = text.replace("dokumen: lampiran/kepkab-5-2024.pdf", f'dokumen: "{spelling}"')
        (folder / f"salinan-{number}.yaml").write_text(text, encoding="utf-8")
