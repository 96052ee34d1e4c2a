"""Copy base archive items under names with an accent and capitals: such names are kept out of git."""

from pathlib import Path


def make(root: Path) -> None:
    folder = root / "content_archive"
    text = (folder / "produk-hukum" / "kepkab-12-2022.yaml").read_text(encoding="utf-8")
    text = text.replace("id: kepkab-12-2022", "id: kepkab-pemilu-2022").replace("nomor: 12/", "nomor: 13/")
    (folder / "produk-hukum" / "keputusan-pémilu-2022.yaml").write_text(text, encoding="utf-8")
    text = (folder / "konten" / "tim-jdih-baru.yaml").read_text(encoding="utf-8")
    (folder / "konten" / "Poster_Tim.yaml").write_text(
        text.replace("id: tim-jdih-baru", "id: poster-tim"), encoding="utf-8"
    )
