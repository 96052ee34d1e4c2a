"""Search quality on the example site: queries typed the ways people type them, each with the page it should find first.

Not a timing benchmark: builds the example site (or reads one already built), runs every query through the site's own
search (`pencari.js` `find`, in Debian's Chromium) and prints success@1 (the expected page first, or no result when
none is expected) and the mean reciprocal rank. tests/test_search_quality.py asserts the same list.

    .venv/bin/python benchmarks/search_quality.py [--site DIR] [--pagefind-only]

--pagefind-only ranks with Pagefind's own `search` as /cari/ did before pencari.js: with --site pointing at a build of
an older commit, it measures the search that commit had.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PH = "/produk-hukum/"
KONTEN = "/konten/"
SOP = "/sop/"


@dataclass(frozen=True)
class Query:
    text: str
    expected: str | None  # the page that must come first; None: "Tidak ada hasil"
    why: str  # the way of typing it stands for
    miss: str = ""  # why the search still misses it (tests expect the miss, so a fix shows up)


QUERIES = (
    # Citation short forms: the page never spells them out.
    Query("UU 7/2017", f"{PH}uu-7-2017/", "singkatan dan nomor/tahun"),
    Query("7/2017", f"{PH}uu-7-2017/", "nomor/tahun saja"),
    Query("UU No. 7 Tahun 2017", f"{PH}uu-7-2017/", "singkatan, No., Tahun"),
    Query("Undang-Undang Nomor 7 Tahun 2017", f"{PH}uu-7-2017/", "sebutan lengkap"),
    Query("uu 7 2017", f"{PH}uu-7-2017/", "huruf kecil, spasi"),
    Query("PKPU 2/2021", f"{PH}pkpu-2-2021/", "singkatan dan nomor/tahun"),
    Query("PKPU 2 2021", f"{PH}pkpu-2-2021/", "nomor dan tahun dipisah spasi"),
    Query("Peraturan KPU Nomor 8 Tahun 2019", f"{PH}pkpu-8-2019/", "sebutan setengah lengkap"),
    Query("pkpu 22/2023", f"{PH}pkpu-22-2023/", "peraturan pengganti"),
    Query("PKPU 1/2015", f"{PH}pkpu-1-2015/", "peraturan yang dicabut"),
    Query("PP 61/2010", f"{PH}pp-61-2010/", "peraturan pemerintah"),
    Query("Perpres 33 Tahun 2012", f"{PH}perpres-33-2012/", "perpres"),
    Query("UU 14/2008", f"{PH}uu-14-2008/", "UU KIP"),
    Query("Permenkumham 8/2019", f"{PH}permenkumham-8-2019/", "singkatan kementerian"),
    Query("PERKI 1/2019", f"{PH}perki-1-2019/", "singkatan lembaga"),
    # Keputusan: the full slashed number, and its leading number with the year.
    Query("13/PP.07.1/1306/2021", f"{PH}kepkab-agam-13-pp-07-1-1306-2021/", "nomor keputusan lengkap"),
    Query("13/2021", f"{PH}kepkab-agam-13-pp-07-1-1306-2021/", "nomor depan dan tahun"),
    Query("10/HK.04/08/2022", f"{PH}kepkpu-10-hk-04-08-2022/", "nomor keputusan KPU lengkap"),
    Query("Keputusan KPU Nomor 10 Tahun 2022", f"{PH}kepkpu-10-hk-04-08-2022/", "keputusan, nomor depan"),
    Query("12/HK.03.1-Kpt/3300/2023", f"{PH}kepkab-contoh-12-2023/", "keputusan yang diubah kemudian"),
    Query("5/HK.03.1-Kpt/3300/KPU-Kab/II/2021", f"{PH}kepkab-contoh-5-2021/", "nomor dengan bulan romawi"),
    Query("KEPKAB 24/2023", f"{PH}kepkab-agam-24-2023/", "singkatan arsip sendiri"),
    # Roots and derived words, both directions.
    Query("naskah dinas", f"{PH}pkpu-2-2021/", "kata subjek"),
    Query("pengelolaan informasi publik", f"{PH}pkpu-22-2023/", "kata berimbuhan; yang berlaku di atas yang dicabut"),
    Query("kelola informasi publik", f"{PH}pkpu-22-2023/", "kata dasar menemukan berimbuhan"),
    Query("transaksi elektronik", f"{PH}uu-11-2008/", "kata subjek"),
    Query("keterbukaan informasi", f"{PH}uu-14-2008/", "kata subjek"),
    Query("telekomunikasi", f"{PH}uu-36-1999/", "satu kata"),
    Query("layanan publik", f"{PH}uu-25-2009/", "kata dasar untuk pelayanan"),
    Query("sengketa informasi", f"{PH}perki-1-2019/", "peraturan di atas konten"),
    Query("selesai sengketa", f"{PH}perki-1-2019/", "kata dasar untuk penyelesaian"),
    Query("susun organisasi", f"{PH}pkpu-14-2020/", "kata dasar untuk susunan"),
    Query("ubah kelima", f"{PH}pkpu-12-2023/", "kata dasar untuk perubahan"),
    Query("pungut suara", f"{KONTEN}bijak-bermedia-sosial/", "kata dasar untuk pemungutan; hanya konten membahasnya"),
    Query("jaringan dokumentasi hukum nasional", f"{PH}perpres-33-2012/", "peraturan di atas konten sejudul"),
    Query("standar pengelolaan dokumen", f"{PH}permenkumham-8-2019/", "peraturan di atas konten sejudul"),
    Query("daftar informasi publik", f"{PH}kepkab-contoh-3-2025/", "keputusan di atas konten sejudul"),
    Query("sop agam", f"{SOP}media-sosial-resmi-agam/", "jenis yang diminta: SOP"),
    Query("akun media sosial resmi agam", f"{PH}kepkab-agam-13-pp-07-1-1306-2021/", "judul keputusan"),
    Query("uu pemilu", f"{PH}uu-7-2017/", "nama populer dengan singkatan jenis"),
    Query("informasi publik 2025", f"{PH}kepkab-contoh-3-2025/", "kata subjek dan tahun, bukan kutipan"),
    Query("tahun 2015 pengelolaan informasi", f"{PH}pkpu-1-2015/", "tahun di depan kata subjek"),
    # Known misses: kept in the list so the figures stay honest.
    Query("pemilu", f"{PH}uu-7-2017/", "nama populer saja", miss="tanpa padanan pemilu = pemilihan umum"),
    Query(
        "tim pengelola jdih",
        f"{PH}kepkab-contoh-12-2023/",
        "singkatan yang tidak ada di judul",
        miss="judul keputusan menulis JDIH lengkap; konten bertajuk JDIH menang",
    ),
    Query(
        "perubahan tim jdih 2024",
        f"{PH}kepkab-contoh-9-2024/",
        "keputusan perubahan, singkatan yang tidak ada di judul",
        miss="sama: konten berjudul Perubahan Susunan Tim JDIH 2024 memuat keempat kata",
    ),
    Query(
        "tata kerja kpu",
        f"{PH}pkpu-8-2019/",
        "judul yang mirip di beberapa peraturan",
        miss="PKPU 14/2020 (tata kerja Sekretariat Jenderal) berskor sama",
    ),
    # Absent words and typos: no result, no stray letters.
    Query("kataygtidakada", None, "kata rekaan"),
    Query("xqzvw", None, "huruf acak"),
    Query("blablabla", None, "kata rekaan berawalan huruf yang ada"),
    Query("qwerty", None, "kata yang tidak ada"),
    Query("pemilihanx", None, "huruf lebih di ujung kata"),
    Query("informsi", None, "salah ketik"),
    Query("vaksinasi", None, "kata yang tidak ada di arsip"),
    Query("banjir bandang", None, "dua kata yang tidak ada"),
    Query("pemilihan xqzvw", None, "satu kata ada, satu tidak"),
)


FIND = """async ([term, limit]) => {
  const { find } = await import(new URL("../assets/sop-jdih/pencari.js", location.href).href);
  const results = await find(term);
  return Promise.all(results.slice(0, limit).map(async (result) => (await result.data()).url));
}"""
PAGEFIND_ONLY = """async ([term, limit]) => {
  const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
  await pagefind.init();
  const results = (await pagefind.search(term)).results;
  return Promise.all(results.slice(0, limit).map(async (result) => (await result.data()).url));
}"""


def pages_found(site: Path, texts: list[str], limit: int = 10, script: str = FIND) -> dict[str, list[str]]:
    """The paths of the first `limit` results the site's search (`find`) gives for each text, in Chromium."""
    from tests.browser_support import Problems, launch, open_page, serve

    with serve(site) as url, launch() as browser, open_page(browser, url, Problems()) as page:
        page.goto("/cari/")
        return {text: page.evaluate(script, [text, limit]) for text in texts}


def rank(query: Query, found: list[str]) -> int | None:
    """1-based rank of the expected page; for a query expecting no result, 1 when there is none."""
    if query.expected is None:
        return 1 if not found else None
    return found.index(query.expected) + 1 if query.expected in found else None


def build_example(directory: Path) -> Path:
    site = directory / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, check=True)
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built example site (default: build one in a temporary folder)")
    parser.add_argument("--pagefind-only", action="store_true", help="Pagefind's own ranking, as /cari/ had before")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = arguments.site or build_example(Path(temporary))
        ranks = []
        script = PAGEFIND_ONLY if arguments.pagefind_only else FIND
        results = pages_found(site, [query.text for query in QUERIES], script=script)
        for query in QUERIES:
            found = results[query.text]
            position = rank(query, found)
            ranks.append(position)
            mark = "ok " if position == 1 else "-- "
            note = f"  (diketahui: {query.miss})" if query.miss else ""
            print(f"{mark}{query.text!r:42} {position or '–'!s:>2}  {found[0] if found else 'Tidak ada hasil'}{note}")
    first = sum(1 for position in ranks if position == 1)
    mrr = sum(1 / position for position in ranks if position) / len(ranks)
    print(f"\n{len(ranks)} kueri: success@1 {first}/{len(ranks)} = {first / len(ranks):.2f}; MRR {mrr:.3f}")


if __name__ == "__main__":
    main()
