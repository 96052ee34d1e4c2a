"""Pagefind's filter index is rewritten in a fixed order, whatever order Pagefind wrote it in."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.publish.pagefind_order import (
    ENTRY,
    MAGIC,
    Cbor,
    PagefindFormatError,
    order_index,
    read_bytes,
    read_file,
    write_bytes,
)
from generator.publish.search_index import OUTPUT, index_site

from .conftest import files_of

PAGE = """<!doctype html><html lang="id"><head><title>{title}</title></head><body data-pagefind-body>
<h1>{title}</h1><p data-pagefind-filter="jenis">{jenis}</p><p data-pagefind-filter="tahun">{tahun}</p>
<p>Peraturan tentang pemilihan umum nomor {nomor}.</p><p data-pagefind-sort="urutan:{urutan}"></p></body></html>
"""

cbor_values = st.recursive(
    st.integers(min_value=0, max_value=2**64 - 1) | st.text() | st.binary(),
    lambda children: st.lists(children, max_size=5),
    max_leaves=30,
)


@given(cbor_values)
def test_what_is_written_reads_back_the_same(value: Cbor) -> None:
    data = write_bytes(value)
    assert read_bytes(data, "uji.pf_meta") == value
    assert write_bytes(value) == data  # no timestamp in the gzip header


def test_a_value_it_does_not_know_is_refused_not_guessed() -> None:
    a_map = gzip.compress(MAGIC + bytes([0xA1, 0x01, 0x02]))  # CBOR {1: 2}: Pagefind 1.5 writes no maps
    with pytest.raises(PagefindFormatError, match="x.pf_meta: jenis CBOR 5 tidak didukung"):
        read_bytes(a_map, "x.pf_meta")
    with pytest.raises(PagefindFormatError, match="x.pf_meta: tanda pagefind_dcd tidak ada"):
        read_bytes(gzip.compress(b"bukan pagefind"), "x.pf_meta")
    with pytest.raises(PagefindFormatError, match="x.pf_meta: data CBOR terpotong"):
        read_bytes(gzip.compress(MAGIC + bytes([0x83, 0x01])), "x.pf_meta")  # an array of 3 holding 1 item


@pytest.fixture
def indexed_site(tmp_path: Path) -> Path:
    site = tmp_path / "situs"
    for number in range(12):
        page = site / f"p{number}" / "index.html"
        page.parent.mkdir(parents=True)
        jenis = ("Peraturan KPU", "Keputusan KPU", "Surat Edaran", "Instruksi")[number % 4]
        urutan = f"{(number * 7) % 12:02d}"  # an order unlike the pages' own
        text = PAGE.format(title=f"Produk {number}", jenis=jenis, tahun=2015 + number % 5, nomor=number, urutan=urutan)
        page.write_text(text, encoding="utf-8")
    index_site(site)
    return site


def test_any_order_pagefind_writes_becomes_the_same_bytes(indexed_site: Path, tmp_path: Path) -> None:
    scrambled = tmp_path / "acak"
    shutil.copytree(indexed_site / OUTPUT, scrambled)
    _reverse_filters(scrambled)
    assert files_of(scrambled) != files_of(indexed_site / OUTPUT)

    order_index(scrambled)

    assert files_of(scrambled) == files_of(indexed_site / OUTPUT)


def test_the_ordered_index_keeps_every_filter_value_and_its_pages(indexed_site: Path) -> None:
    output = indexed_site / OUTPUT
    (language,) = json.loads((output / ENTRY).read_text(encoding="utf-8"))["languages"].values()
    meta = read_file(output / f"pagefind.{language['hash']}.pf_meta")
    assert isinstance(meta, list)
    filters = {}
    for name, file_hash in meta[3]:
        filter_name, values = read_file(output / "filter" / f"{file_hash}.pf_filter")
        assert filter_name == name
        filters[name] = {value: len(pages) for value, pages in values}
        assert [value for value, _ in values] == sorted(value for value, _ in values)
    assert [name for name, _ in meta[3]] == ["jenis", "tahun"]
    assert filters == {
        "jenis": {"Instruksi": 3, "Keputusan KPU": 3, "Peraturan KPU": 3, "Surat Edaran": 3},
        "tahun": {"2015": 3, "2016": 3, "2017": 2, "2018": 2, "2019": 2},
    }
    assert sorted(path.name for path in (output / "filter").iterdir()) == sorted(f"{h}.pf_filter" for _, h in meta[3])


def _reverse_filters(output: Path) -> None:
    """Write the index as Pagefind might on another run: filters and their values in another order, other names."""
    entry = json.loads((output / ENTRY).read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = output / f"pagefind.{language['hash']}.pf_meta"
        meta = read_file(meta_path)
        assert isinstance(meta, list)
        listed = []
        for name, file_hash in reversed(meta[3]):
            path = output / "filter" / f"{file_hash}.pf_filter"
            filter_name, values = read_file(path)
            path.unlink()
            (output / "filter" / f"{file_hash}x.pf_filter").write_bytes(write_bytes([filter_name, values[::-1]]))
            listed.append([name, f"{file_hash}x"])
        meta[3] = listed
        meta_path.unlink()
        language["hash"] += "x"
        (output / f"pagefind.{language['hash']}.pf_meta").write_bytes(write_bytes(meta))
    (output / ENTRY).write_text(json.dumps(entry), encoding="utf-8")


def test_sorts_leave_the_meta_every_search_reads_for_files_of_their_own(indexed_site: Path) -> None:
    """A search that does not sort downloads no sort order; a sorted view reads the page ids in order from a file."""
    output = indexed_site / OUTPUT
    language = json.loads((output / ENTRY).read_text(encoding="utf-8"))["languages"]["id"]
    meta = read_file(output / f"pagefind.{language['hash']}.pf_meta")
    assert isinstance(meta, list) and meta[4] == []
    ids = json.loads((output / "urut" / "id" / "urutan.json").read_text(encoding="utf-8"))
    titles = []
    for page_id in ids:  # each id names the page's fragment, as a search result's `id` does
        data = gzip.decompress((output / "fragment" / f"{page_id}.pf_fragment").read_bytes())
        fragment = json.loads(data.removeprefix(MAGIC))
        titles.append(fragment["meta"]["title"])
    expected = sorted(range(12), key=lambda number: (number * 7) % 12)
    assert titles == [f"Produk {number}" for number in expected]
