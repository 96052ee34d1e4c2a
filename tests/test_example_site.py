"""The repository's own example site: the three transcribed seed SOPs, built with --strict."""

from pathlib import Path

from . import svg as diagram
from .conftest import REPO, build_strict_with_cli

EXPECTED = {
    "media-sosial-jdih-banjarnegara": ("2 Tahun 2024", "1 hari 55 menit", 6),
    "media-sosial-jdih-kalteng": ("1176 Tahun 2022", "1 jam 9 menit", 6),
    "media-sosial-resmi-agam": ("175/ORT.06/1306/2023", "1 jam 5 menit", 4),
}


def test_example_site_builds_strict(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_strict_with_cli(REPO, site)
    assert result.returncode == 0, result.stderr
    index = (site / "sop" / "index.html").read_text(encoding="utf-8")
    for sop_id, (nomor, normal_waktu, steps) in EXPECTED.items():
        html = (site / "sop" / sop_id / "index.html").read_text(encoding="utf-8")
        assert nomor in html
        assert f"Normal waktu: <strong>{normal_waktu}</strong>" in html
        (svg,) = diagram.diagrams(html)
        for no in range(1, steps + 1):
            diagram.group(svg, f"langkah-p1-{no}")
        assert f'href="{sop_id}/"' in index
    assert (site / "index.html").exists()
