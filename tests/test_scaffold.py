"""`sop-jdih new`: every starting file passes the check and the strict build; bad ids and taken files are refused."""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
import yaml

from generator.archive.kinds import KINDS
from generator.cli import main
from generator.schema import SOP_MODELINE, item_modeline
from generator.source.yaml_source import load_yaml
from generator.unfilled import PLACEHOLDERS, unfilled_problems

from .conftest import REPO, build_strict_with_cli, files_of, fill_starter

MODELINES = {"sop": SOP_MODELINE, **{kind.key: item_modeline(kind) for kind in KINDS}}
TARGETS = {
    "sop": "sops/{}.yaml",
    "produk-hukum": "content_archive/produk-hukum/{}.yaml",
    "monografi": "content_archive/monografi/{}.yaml",
    "artikel": "content_archive/artikel/{}.yaml",
    "putusan": "content_archive/putusan/{}.yaml",
    "konten": "content_archive/konten/{}.yaml",
}


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), *args])


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """A project with no SOP and an empty archive: the konten can refer to nothing."""
    (tmp_path / "sops").mkdir()
    (tmp_path / "content_archive").mkdir()
    return tmp_path


def test_new_files_pass_check_and_strict_build_once_filled(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`new` then `check` succeeds, naming what is still the starter's; the strict build refuses it until filled."""
    root = tmp_path / "proyek"
    for folder in ("sops", "content_archive", "docs", "site_theme"):
        shutil.copytree(REPO / folder, root / folder)
    for file in ("mkdocs.yml", "kantor.yaml"):
        shutil.copy(REPO / file, root / file)

    started = [
        ("sop", "x"),
        ("produk-hukum", "produk-baru"),
        ("monografi", "buku-baru"),
        ("artikel", "artikel-baru"),
        ("putusan", "putusan-baru"),
    ]
    for kind, item_id in [*started, ("konten", "konten-baru")]:
        assert run(root, "new", kind, item_id) == 0
        written = TARGETS[kind].format(item_id)
        assert f"ditulis: {root / written}\n" in capsys.readouterr().out
        assert run(root, "check") == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        assert out.startswith("OK: ") and f"peringatan: {written}:" in out, out
        assert out.endswith("isian contoh belum diganti; build situs (--strict) menolaknya sampai diganti.\n")

    konten = yaml.safe_load((root / TARGETS["konten"].format("konten-baru")).read_text(encoding="utf-8"))
    first_produk = sorted(path.stem for path in (REPO / "content_archive" / "produk-hukum").glob("*.*"))[0]
    assert konten["produk_hukum"] == [first_produk]
    assert konten["sop"] == "media-sosial-jdih-banjarnegara"
    assert (root / "content_archive" / konten["gambar"]).is_file()

    site = tmp_path / "site"
    refused = build_strict_with_cli(root, site)
    assert refused.returncode != 0 and not site.exists()
    assert (
        "sops/x.yaml:17: nama_sop: masih isian contoh '(judul sementara)' dari 'sop-jdih new'; ganti dengan isi "
        "sebenarnya" in refused.stderr
    )
    assert (
        "content_archive/produk-hukum/produk-baru.yaml:32: subjek butir 1: masih isian contoh 'KATA KUNCI' dari "
        "'sop-jdih new'; ganti dengan isi sebenarnya" in refused.stderr
    )

    for kind, item_id in [*started, ("konten", "konten-baru")]:
        fill_starter(root / TARGETS[kind].format(item_id))
    assert run(root, "check") == 0, capsys.readouterr().err
    assert "peringatan" not in capsys.readouterr().out
    result = build_strict_with_cli(root, site)
    assert result.returncode == 0, result.stderr
    assert "X Asli" in (site / "sop" / "x" / "index.html").read_text(encoding="utf-8")
    assert 'href="x/"' in (site / "sop" / "index.html").read_text(encoding="utf-8")
    assert (site / "produk-hukum" / "produk-baru" / "index.html").is_file()
    assert (site / "putusan" / "putusan-baru" / "index.html").is_file()
    assert (site / "konten" / "konten-baru" / "index.html").is_file()
    assert "Buku Baru Asli" in (site / "monografi" / "buku-baru" / "index.html").read_text(encoding="utf-8")
    assert "Artikel Baru Asli" in (site / "artikel" / "artikel-baru" / "index.html").read_text(encoding="utf-8")
    assert "Membaca pesan kesalahan" in (site / "cara-mengubah-sop" / "index.html").read_text(encoding="utf-8")


def test_a_starter_title_follows_its_id(empty: Path, capsys: pytest.CaptureFixture) -> None:
    """An id written like a citation gives the produk hukum its jenis, singkatan, nomor and tahun; the title stays
    flagged as unfilled."""
    assert run(empty, "new", "produk-hukum", "pkpu-3-2025") == 0
    item = yaml.safe_load((empty / TARGETS["produk-hukum"].format("pkpu-3-2025")).read_text(encoding="utf-8"))
    assert (item["jenis"], item["singkatan_jenis"], item["nomor"], item["tahun"]) == (
        "Peraturan Komisi Pemilihan Umum",
        "PKPU",
        "3",
        2025,
    )
    assert item["judul"] == "Peraturan Komisi Pemilihan Umum Nomor 3 Tahun 2025 tentang Judul Produk Hukum Baru"
    assert run(empty, "new", "sop", "pengelolaan-arsip") == 0
    sop = yaml.safe_load((empty / TARGETS["sop"].format("pengelolaan-arsip")).read_text(encoding="utf-8"))
    assert sop["nama_sop"] == "Pengelolaan Arsip (judul sementara)"
    capsys.readouterr()
    assert run(empty, "check") == 0
    out = capsys.readouterr().out
    assert (
        "peringatan: content_archive/produk-hukum/pkpu-3-2025.yaml:19: judul: masih isian contoh "
        "'Judul Produk Hukum Baru' dari 'sop-jdih new'; ganti dengan isi sebenarnya\n" in out
    )
    assert (
        "peringatan: sops/pengelolaan-arsip.yaml:17: nama_sop: masih isian contoh '(judul sementara)' dari "
        "'sop-jdih new'; ganti dengan isi sebenarnya\n" in out
    )


@pytest.mark.parametrize("kind", list(TARGETS))
def test_new_file_starts_with_its_modeline_and_passes_check_alone(
    empty: Path, kind: str, capsys: pytest.CaptureFixture
) -> None:
    assert run(empty, "new", kind, "baru-1") == 0
    text = (empty / TARGETS[kind].format("baru-1")).read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINES[kind]
    assert run(empty, "check") == 0, capsys.readouterr().err


def test_konten_without_produk_hukum_or_sop_gets_a_placeholder_image(
    empty: Path, capsys: pytest.CaptureFixture
) -> None:
    assert run(empty, "new", "konten", "k") == 0
    assert "gambar pengganti" in capsys.readouterr().out
    konten = yaml.safe_load((empty / TARGETS["konten"].format("k")).read_text(encoding="utf-8"))
    assert konten["produk_hukum"] == []
    assert "sop" not in konten

    png = (empty / "content_archive" / "konten" / "gambar" / "k.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    (idat_length,) = struct.unpack(">I", png[33:37])
    assert png[37:41] == b"IDAT"
    assert len(zlib.decompress(png[41 : 41 + idat_length])) == (1 + width) * height  # filter byte + grey per row


def test_existing_image_is_kept(empty: Path, capsys: pytest.CaptureFixture) -> None:
    image = empty / "content_archive" / "konten" / "gambar" / "k.png"
    image.parent.mkdir(parents=True)
    shutil.copy(REPO / "content_archive" / "konten" / "gambar" / "tim-jdih-2023.png", image)
    before = image.read_bytes()
    assert run(empty, "new", "konten", "k") == 0
    assert "gambar pengganti" not in capsys.readouterr().out
    assert image.read_bytes() == before


@pytest.mark.parametrize("bad", ["X", "sop_baru", "sop baru", "a--b", "a-", "-a", "../x", "sop/x", "", "a\n"])
def test_id_that_is_not_a_slug_is_refused(empty: Path, bad: str, capsys: pytest.CaptureFixture) -> None:
    before = files_of(empty)
    assert run(empty, "new", "sop", "--", bad) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "tidak dapat dipakai" in err
    assert files_of(empty) == before


@pytest.mark.parametrize(
    ("existing", "kind"),
    [
        ("sops/x.yaml", "sop"),
        ("content_archive/produk-hukum/x.yaml", "produk-hukum"),
        ("content_archive/konten/x.yaml", "konten"),
        ("content_archive/konten/x.md", "produk-hukum"),  # one id space for the archive, any suffix it reads
    ],
)
def test_taken_id_is_refused_and_nothing_is_overwritten(
    empty: Path, existing: str, kind: str, capsys: pytest.CaptureFixture
) -> None:
    (empty / existing).parent.mkdir(parents=True, exist_ok=True)
    (empty / existing).write_text("# milik penyunting\n", encoding="utf-8")
    before = files_of(empty)
    assert run(empty, "new", kind, "x") == 2
    assert (
        capsys.readouterr().err
        == f"sop-jdih new: {existing} sudah ada; pilih id lain (berkas yang ada tidak pernah ditimpa)\n"
    )
    assert files_of(empty) == before


def test_folder_that_is_not_a_project_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run(tmp_path, "new", "sop", "x") == 2
    assert "bukan folder proyek" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("written", "mistake"),
    [("simbol: mulai", "simbul: mulai"), ("waktu: 1 hari", "waktu: 2 Hari Menit"), ("        tidak: 4\n", "")],
)
def test_guide_quotes_what_check_prints(
    tmp_path: Path, written: str, mistake: str, capsys: pytest.CaptureFixture
) -> None:
    """docs/cara-mengubah-sop.md teaches these messages verbatim: a reworded message must update the guide."""
    shutil.copytree(REPO / "sops", tmp_path / "sops")
    sop = tmp_path / "sops" / "media-sosial-jdih-banjarnegara.yaml"
    sop.write_text(sop.read_text(encoding="utf-8").replace(written, mistake, 1), encoding="utf-8")
    assert run(tmp_path, "check") == 1
    (message,) = [line for line in capsys.readouterr().err.splitlines() if line.startswith("sops/")]
    assert f"\n{message}\n" in (REPO / "docs" / "cara-mengubah-sop.md").read_text(encoding="utf-8")


def test_produk_hukum_guide_example_and_messages_are_what_check_says(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """docs/menambah-produk-hukum.md: its example file passes the check once its PDF is there; without the PDF and
    with a mistyped relation id, the check prints the two lines the guide quotes, verbatim."""
    guide = (REPO / "docs" / "menambah-produk-hukum.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", guide, flags=re.DOTALL).group(1)  # type: ignore[union-attr]
    for folder in ("sops", "content_archive", "docs", "site_theme"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for file in ("mkdocs.yml", "kantor.yaml"):  # its setting lowers the SOPs' revoked dasar hukum to notes
        shutil.copy(REPO / file, tmp_path / file)
    item = tmp_path / "content_archive" / "produk-hukum" / "pkpu-3-2025.yaml"
    item.write_text(example.replace("[pkpu-8-2019]", "[pkpu-8-2091]"), encoding="utf-8")
    assert run(tmp_path, "check") == 1
    reported = [line for line in capsys.readouterr().err.splitlines() if line.startswith("content_archive/")]
    assert len(reported) == 2 and all(f"\n{line}\n" in guide for line in reported), reported
    item.write_text(example, encoding="utf-8")
    (tmp_path / "content_archive" / "lampiran" / "pkpu-3-2025.pdf").write_bytes(b"%PDF-1.4\n")
    assert run(tmp_path, "check") == 0, capsys.readouterr().err
    assert "- Cara menambah produk hukum: menambah-produk-hukum.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_starter_placeholder_is_one_the_check_knows(empty: Path) -> None:
    """Each starter, as written, is flagged at its title; and every listed placeholder is in some starter (a reworded
    starter must update generator/unfilled.py, or its text would be published unnoticed)."""
    texts = []
    for kind in TARGETS:
        assert main(["--root", str(empty), "new", kind, f"{kind}-baru"]) == 0
        path = TARGETS[kind].format(f"{kind}-baru")
        text = (empty / path).read_text(encoding="utf-8")
        texts.append(text)
        source, problems = load_yaml(empty / path, path)
        assert problems == [] and source is not None
        title = "nama_sop" if kind == "sop" else "judul"
        assert any(problem.field == title for problem in unfilled_problems(source)), kind
    for placeholder in PLACEHOLDERS:
        assert any(placeholder in text for text in texts), placeholder
    # An id that is no citation (produk-hukum-baru) keeps the example jenis.
    assert "jenis: Keputusan Komisi Pemilihan Umum Kabupaten Contoh\n" in texts[list(TARGETS).index("produk-hukum")]
