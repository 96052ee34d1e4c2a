"""End to end: a small project in tmp_path, a real MkDocs build, assertions on the HTML and SVG."""

import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from generator.sop.bagan.render import DiagramRenderer, GraphvizMissing

from . import svg as diagram
from .conftest import VALID_SOP, build_site, make_project

ACTORS = ["Sekretaris", "Kasubbag Hukum", "Staf Pengelola"]


def page(site: Path, sop_id: str = "uji-persetujuan") -> str:
    return (site / "sop" / sop_id / "index.html").read_text(encoding="utf-8")


def test_identity_header_and_boxes_as_on_the_sheet(project: Path) -> None:
    html = page(build_site(project))
    for expected in [
        "7 Tahun 2025",
        "Persetujuan Konten Uji",
        "Komisi Pemilihan Umum Kabupaten Uji",
        "2 Januari 2025",
        "15 Januari 2025",
        "Sekretaris<br>Siti Penguji<br>NIP. 19800101 200501 2 001",
    ]:
        assert expected in html
    dasar_hukum = re.search(r"Dasar Hukum</p>\s*<ol>(.*?)</ol>", html, flags=re.DOTALL)
    assert dasar_hukum is not None
    items = re.findall(r"<li>(.*?)</li>", dasar_hukum.group(1), flags=re.DOTALL)
    assert [item.strip() for item in items] == [  # numbered, as written, each linked to its regulation's page
        '<a href="../../dasar-hukum/uu-7-2017/">Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum</a>',
        '<a href="../../dasar-hukum/pkpu-8-2019/">'
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja</a>",
    ]
    assert '<html lang="id"' in html


def test_every_step_stands_in_its_actors_lane(project: Path) -> None:
    (svg,) = diagram.diagrams(page(build_site(project)))
    lanes = diagram.lanes(svg, ACTORS)
    assert list(lanes) == ACTORS  # columns in declared order, named by the actors
    assert lanes["Sekretaris"].right <= lanes["Kasubbag Hukum"].left
    expected = {
        "langkah-p1-1": ("Sekretaris", "Beri disposisi"),
        "langkah-p1-2": ("Staf Pengelola", "Susun konsep"),
        "langkah-p1-3": ("Kasubbag Hukum", "Konsep layak?"),
        "langkah-p1-4": ("Staf Pengelola", "Unggah konten"),
        "langkah-p1-4-1": ("Kasubbag Hukum", "Unggah konten"),  # the shared step's second copy
    }
    for group_id, (actor, text) in expected.items():
        symbol = diagram.group(svg, group_id)
        assert " ".join(diagram.texts(symbol)) == text
        assert all(lanes[actor].holds(x) for x in diagram.text_xs(symbol)), f"{group_id} outside {actor}'s lane"
    assert "simbol-keputusan" in diagram.group(svg, "langkah-p1-3").get("class", "")
    assert diagram.group(svg, "langkah-p1-3").find("svg:polygon", diagram.NS) is not None  # a diamond


def test_rows_follow_step_order_and_mutu_baku_shares_the_row(project: Path) -> None:
    (svg,) = diagram.diagrams(page(build_site(project)))
    ys = [float(diagram.group(svg, f"langkah-p1-{no}").find("svg:text", diagram.NS).get("y")) for no in (1, 2, 3, 4)]
    assert ys == sorted(ys) and len(set(ys)) == 4
    cells = {" ".join(diagram.texts(cell)): cell for cell in diagram.groups_with_class(svg, "sel")}
    decision_y = ys[2]
    waktu_cell = cells["50 menit"]
    rect = [float(point.split(",")[1]) for point in waktu_cell.find("svg:polygon", diagram.NS).get("points").split()]
    assert min(rect) < decision_y < max(rect)


def test_decision_exits_are_labelled_ya_and_tidak(project: Path) -> None:
    (svg,) = diagram.diagrams(page(build_site(project)))
    edges = {
        "".join(e.find("svg:title", diagram.NS).text or ""): diagram.texts(e)
        for e in diagram.groups_with_class(svg, "edge")
    }
    assert edges["langkah-p1-3->langkah-p1-4"] == ["Ya"]
    assert edges["langkah-p1-3->langkah-p1-2"] == ["Tidak"]
    assert edges["langkah-p1-1->langkah-p1-2"] == []


def test_total_normal_waktu_and_step_table(project: Path) -> None:
    html = page(build_site(project))
    assert "Normal waktu: <strong>1 hari 1 jam 15 menit</strong>" in html
    for no in (1, 2, 3, 4):
        assert f'id="p1-langkah-{no}"' in html
    assert "Ya → 4; Tidak → 2" in html
    assert "a. Mengunggah konten<br>b. Membagikan tautan" in html


def test_lower_bound_total_when_a_step_has_no_time(tmp_path: Path) -> None:
    make_project(tmp_path, {"uji.yaml": VALID_SOP.replace("          waktu: 1 hari\n", "")})
    html = page(build_site(tmp_path))
    assert "sekurang-kurangnya 1 jam 15 menit (1 langkah belum diberi waktu)" in html


def test_index_lists_every_sop(tmp_path: Path) -> None:
    other = VALID_SOP.replace("id: uji-persetujuan", "id: uji-lain").replace("Persetujuan Konten Uji", "Arsip Uji")
    make_project(tmp_path, {"a.yaml": VALID_SOP, "b.yaml": other})
    html = (build_site(tmp_path) / "sop" / "index.html").read_text(encoding="utf-8")
    assert html.index("Arsip Uji") < html.index("Persetujuan Konten Uji")
    assert 'href="uji-persetujuan/"' in html and 'href="uji-lain/"' in html
    row = re.search(r'<tr><td class="jdih-daftar__judul"><a href="uji-persetujuan/">.*?</tr>', html).group(0)
    for cell in ("7 Tahun 2025", "Sekretariat", "15 Januari 2025", ">4<", "1 hari 1 jam 15 menit"):
        assert cell in row


def test_keterkaitan_links_other_sop_pages(tmp_path: Path) -> None:
    linking = VALID_SOP.replace(
        "prosedur:\n", "keterkaitan:\n  - sop: uji-lain\n  - SOP Pelayanan Informasi\nprosedur:\n"
    )
    other = VALID_SOP.replace("id: uji-persetujuan", "id: uji-lain").replace("Persetujuan Konten Uji", "Arsip Uji")
    make_project(tmp_path, {"a.yaml": linking, "b.yaml": other})
    html = page(build_site(tmp_path))
    assert '<a href="../uji-lain/">Arsip Uji</a>' in html
    assert "SOP Pelayanan Informasi" in html


def test_edit_link_opens_the_yaml_source(project: Path) -> None:
    html = page(build_site(project))
    assert 'href="https://github.com/kpu-uji/situs/edit/main/sops/uji-persetujuan.yaml"' in html


def test_text_from_yaml_is_escaped(tmp_path: Path) -> None:
    hostile = VALID_SOP.replace(
        "Menyusun konsep konten", "Menyusun <script>alert(1)</script> *konsep* [x](javascript:alert(1))"
    )
    make_project(tmp_path, {"uji.yaml": hostile})
    html = page(build_site(tmp_path))
    assert "<script>alert(1)</script>" not in html
    # `*konsep*` is the one markup SOP text has (italics); everything around it stays escaped text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <em>konsep</em> [x](javascript:alert(1))" in html
    assert 'href="javascript:' not in html


def test_several_procedures_in_one_document(tmp_path: Path) -> None:
    second = VALID_SOP.split("prosedur:\n", 1)[1].replace("judul: Persetujuan konten", "judul: Pengarsipan")
    make_project(tmp_path, {"uji.yaml": VALID_SOP + second})
    html = page(build_site(tmp_path))
    assert "Bagan alur a. Persetujuan konten" in html and "Bagan alur b. Pengarsipan" in html
    first, other = diagram.diagrams(html)
    diagram.group(first, "langkah-p1-3")
    diagram.group(other, "langkah-p2-3")


def test_second_build_without_change_renders_no_diagram(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.sop-jdih")
    build_site(project)
    staged = project / ".cache" / "sop-jdih" / "pages" / "sop" / "uji-persetujuan.md"
    first_mtime = staged.stat().st_mtime_ns
    caplog.clear()
    build_site(project)
    unchanged = (
        "1 SOP, 0 produk hukum, 0 monografi, 0 artikel, 0 putusan, 0 konten; 0 bagan alur digambar, 0 berkas berubah"
    )
    assert unchanged in caplog.text
    assert staged.stat().st_mtime_ns == first_mtime

    sop = project / "sops" / "uji-persetujuan.yaml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("Susun konsep", "Susun draf"), encoding="utf-8")
    caplog.clear()
    build_site(project)
    assert "1 bagan alur digambar" in caplog.text


def test_plugin_watches_sources_and_resets_per_build(project: Path) -> None:
    (project / "content_archive").mkdir()
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert str(project / "sops") in config.watch
    assert str(project / "content_archive") in config.watch
    plugin = config.plugins["sop-jdih"]
    plugin.sources["stale.md"] = "sops/old.yaml"
    config.plugins.on_config(config)
    assert plugin.sources == {}


def test_missing_graphviz_says_how_to_install(
    project: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(project / "no-programs-here"))
    with pytest.raises(GraphvizMissing, match="apt-get install graphviz"):
        DiagramRenderer(project / ".cache")
    with pytest.raises((PluginError, Abort)):
        build_site(project)
    assert "Graphviz tidak ditemukan" in caplog.text and "Traceback" not in caplog.text


def test_waktu_is_shown_as_written_and_symbol_labels_keep_words_whole(tmp_path: Path) -> None:
    text = VALID_SOP.replace("waktu: 50 menit", "waktu: 60 Menit").replace(
        "ringkasan: Susun konsep", "ringkasan: Perintah pengunggahan"
    )
    make_project(tmp_path, {"uji.yaml": text})
    html = page(build_site(tmp_path))
    (svg,) = diagram.diagrams(html)
    assert "60 Menit" in [" ".join(diagram.texts(cell)) for cell in diagram.groups_with_class(svg, "sel")]
    assert "<td>60 Menit</td>" in html
    assert "Normal waktu: <strong>1 hari 1 jam 25 menit</strong>" in html
    assert diagram.texts(diagram.group(svg, "langkah-p1-2")) == ["Perintah", "pengunggahan"]


def test_off_page_connector_is_a_pentagon_in_its_lane(tmp_path: Path) -> None:
    # Step 4 no longer ends the procedure: it continues through connector A to a final step 6.
    text = (
        VALID_SOP.replace("        simbol: selesai\n", "        ke: 5\n")
        + """\
      - no: 5
        kegiatan: Lanjut ke halaman berikutnya
        ringkasan: A
        pelaksana: staf
        simbol: penghubung
      - no: 6
        kegiatan: Mengarsipkan konten
        pelaksana: staf
        simbol: selesai
"""
    )
    make_project(tmp_path, {"uji.yaml": text})
    (svg,) = diagram.diagrams(page(build_site(tmp_path)))
    symbol = diagram.group(svg, "langkah-p1-5")
    points = symbol.find("svg:polygon", diagram.NS).get("points").split()
    assert len(points) == 6  # five corners, the first repeated to close the outline
    assert diagram.texts(symbol) == ["A"]
    lanes = diagram.lanes(svg, ACTORS)
    assert all(lanes["Staf Pengelola"].holds(x) for x in diagram.text_xs(symbol))


def test_text_wrapped_at_a_slash_never_leaves_a_break_marker(tmp_path: Path) -> None:
    # A long word broken right after "/" once carried the wrapper's NUL marker to the next line, and Graphviz stops
    # reading its input at a NUL: the build failed with a syntax error.
    text = VALID_SOP.replace("keterangan: Tautan dibagikan ke grup", "keterangan: '</title><script>alert(1)</script>'")
    make_project(tmp_path, {"uji.yaml": text})
    (svg,) = diagram.diagrams(page(build_site(tmp_path)))
    cells = [" ".join(diagram.texts(cell)) for cell in diagram.groups_with_class(svg, "sel")]
    assert any("alert(1)</" in cell for cell in cells)
    assert not any("\0" in cell for cell in cells)
