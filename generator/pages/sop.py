"""Markdown pages for SOPs: one per document, plus the index. Diagrams come from the renderer."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..archive.collection import Archive
from ..archive.kind import SOP
from ..archive.model import Status
from ..dasar_hukum.index import DasarHukumIndex
from ..sop import emphasis
from ..sop.bagan.diagram import procedure_diagram
from ..sop.bagan.grid import Columns
from ..sop.bagan.print_pages import closing_mm
from ..sop.bagan.render import DiagramRenderer
from ..sop.durations import total
from ..sop.flow import arrows_from
from ..sop.lists import as_lines, marked_items
from ..sop.loader import LoadedSop
from ..sop.model import Gaya, KeterkaitanSop, Langkah, Prosedur, Simbol, SopDocument
from ..source.model_base import DASHES
from .addresses import SOP_INDEX, regulation_uri, sop_pdf_uri, sop_uri
from .archive import referrer_groups
from .page_source import LazyPage, render
from .search_text import SOP_FACTS
from .text import html_lines, html_text, tanggal
from .urls import SiteUrls


@dataclass(frozen=True)
class _Links:
    """What an SOP page links to beyond itself: regulations, other SOPs, the archive."""

    titles: Mapping[str, str]  # SOP id → nama
    referenced_by: Mapping[str, list[str]]  # SOP id → ids of the SOPs whose keterkaitan names it
    archive: Archive
    dasar_hukum: DasarHukumIndex
    urls: SiteUrls
    with_pdf: bool  # the build prints each SOP to sop/<id>.pdf
    logo: str | None  # the office's logo (kantor.yaml), a file under docs/


def sop_tables(sops: list[LoadedSop]) -> dict[str, dict[str, Any]]:
    """What SOP pages read about every SOP, by table (memo.py): documents, titles, who names each in keterkaitan."""
    referenced_by: dict[str, list[str]] = defaultdict(list)
    for item in sops:
        for related in item.document.keterkaitan:
            if isinstance(related, KeterkaitanSop):
                referenced_by[related.sop].append(item.document.id)
    return {
        SOP_DOCUMENTS: {item.document.id: item.document for item in sops},
        SOP_TITLES: {item.document.id: item.document.nama_sop for item in sops},
        SOP_REFERENCED_BY: dict(referenced_by),
    }


SOP_DOCUMENTS, SOP_TITLES, SOP_REFERENCED_BY = "sop.documents", "sop.titles", "sop.referenced_by"


def sop_pages(
    sops: list[LoadedSop],
    tables: Mapping[str, Mapping[str, Any]],
    archive: Archive,
    dasar_hukum: DasarHukumIndex,
    renderer: DiagramRenderer,
    urls: SiteUrls,
    with_pdf: bool = False,
    logo: str | None = None,
) -> list[LazyPage]:
    """A page per SOP and the SOP index, read through `tables` (the `sop_tables`, as Tracked views)."""
    links = _Links(tables[SOP_TITLES], tables[SOP_REFERENCED_BY], archive, dasar_hukum, urls, with_pdf, logo)
    documents = tables[SOP_DOCUMENTS]
    pages = [
        LazyPage(
            sop_uri(item.document.id),
            item.path,
            ("sop", item.document.id),
            functools.partial(_sop_page_of, documents, item.document.id, links, renderer),
            lambda: SOP_FACTS,
            staff_edit=True,
        )
        for item in sops
    ]
    pages.append(LazyPage(SOP_INDEX, None, SOP_INDEX, lambda: _index_page(documents, urls), in_nav=True, html=True))
    return pages


def _sop_page_of(documents: Mapping[str, SopDocument], sop_id: str, links: _Links, renderer: DiagramRenderer) -> str:
    return _sop_page(documents[sop_id], links, renderer)


def sop_page_uris(sops: list[LoadedSop]) -> dict[str, str | None]:
    """What `sop_pages` writes, each with the SOP file it comes from, without drawing a diagram."""
    return {**{sop_uri(item.document.id): item.path for item in sops}, SOP_INDEX: None}


def _sop_page(sop: SopDocument, links: _Links, renderer: DiagramRenderer) -> str:
    signer = sop.disahkan_oleh
    # Rows the sheet has: a date the SOP does not give is no row at all; a date written "-" shows as "-".
    dates = [
        (label, value)
        for label, value in (
            ("Tanggal Pembuatan", sop.tanggal_pembuatan),
            ("Tanggal Revisi", sop.tanggal_revisi),
            ("Tanggal Pengesahan", sop.tanggal_pengesahan),
        )
        if value is not None
    ]
    identity = [
        ("Nomor SOP", html_text(sop.nomor_sop)),
        *((label, html_text(tanggal(value))) for label, value in dates),
        (
            "Disahkan Oleh",
            html_lines("\n".join(filter(None, [signer.jabatan, signer.nama, signer.nip and f"NIP. {signer.nip}"])))
            if signer
            else "",  # blank, as the sheet leaves the box
        ),
        ("Nama SOP", html_text(sop.nama_sop)),
    ]
    here = sop_uri(sop.id)
    related = [
        _anchor(links.urls.relative(here, sop_uri(item.sop)), links.titles[item.sop])
        if isinstance(item, KeterkaitanSop)
        else emphasis.html(item)
        for item in sop.keterkaitan
    ]
    style = sop.gaya_daftar.kotak
    # Jumlah Pelaksana stands where the sheet puts it: in a box of its own beside Kualifikasi Pelaksana.
    count = (
        f'<div class="sop-kotak-jumlah"><p class="sop-kotak-judul">Jumlah Pelaksana</p>'
        f"<p>{html_text(sop.jumlah_pelaksana)}</p></div>"
        if sop.jumlah_pelaksana
        else ""
    )
    boxes = [
        (
            "Dasar Hukum",
            _list([_basis(sop.id, position, line, links) for position, line in enumerate(sop.dasar_hukum)], style),
        ),
        ("Kualifikasi Pelaksana", _list([emphasis.html(line) for line in sop.kualifikasi_pelaksana], style) + count),
        ("Keterkaitan", _list(related, style)),
        ("Peralatan/Perlengkapan", _list([emphasis.html(line) for line in sop.peralatan_perlengkapan], style)),
        ("Peringatan", _list([emphasis.html(line) for line in sop.peringatan], style)),
        ("Pencatatan dan Pendataan", _list([emphasis.html(line) for line in sop.pencatatan_pendataan], style)),
    ]
    several = len(sop.prosedur) > 1
    last = len(sop.prosedur) - 1
    procedures = [
        _procedure_context(sop, procedure, index, several, renderer, _closing(sop) if index == last else 0.0)
        for index, procedure in enumerate(sop.prosedur)
    ]
    return render(
        "sop.md.j2",
        sop=sop,
        identity=identity,
        boxes=boxes,
        procedures=procedures,
        signature=_signature(sop),
        office=_office(sop),
        ketentuan=[emphasis.html(point) for point in sop.ketentuan_pengesahan],
        logo=links.urls.relative(here, links.logo) if links.logo else None,
        pdf=links.urls.relative(here, sop_pdf_uri(sop.id)) if links.with_pdf else None,
        referenced_by=[
            {"title": links.titles[other], "href": links.urls.relative(here, sop_uri(other))}
            for other in sorted(links.referenced_by.get(sop.id, []))
        ],
        referrers=referrer_groups(links.archive, (SOP, sop.id), here, links.urls),
    )


def _list(items: list[str], style: Gaya) -> str:
    """A box's items (already HTML) marked as the office prints them; one item alone is plain text, unnumbered.

    A box with nothing in it stays blank, as on the sheet; one written "-" shows that dash.
    """
    if not items:
        return ""  # an empty box, as the sheet leaves it
    if len(items) == 1 and (style is not Gaya.strip or items[0] in DASHES):
        return f"<p>{items[0]}</p>"  # "-" written in a box is the box's dash, not an item after one
    if style in (Gaya.angka, Gaya.huruf):
        opening, closing = '<ol type="a">' if style is Gaya.huruf else "<ol>", "</ol>"
    else:
        opening, closing = f'<ul class="sop-daftar-{style.value}">', "</ul>"
    return opening + "".join(f"<li>{item}</li>" for item in items) + closing


def _office(sop: SopDocument) -> tuple[str, str | None]:
    """The identity cell's lines: the instansi, then the satuan kerja, unless the satuan kerja already names the
    instansi ("Sekretariat Komisi Pemilihan Umum Kabupaten …"), which the sheet then prints alone."""
    unit = sop.satuan_kerja
    if unit and sop.instansi.casefold() in unit.casefold():
        return unit, None
    return sop.instansi, unit


def _signature(sop: SopDocument) -> dict[str, Any] | None:
    """The closing signature block as the sheet prints it: `tanda_tangan`, none (false), else from disahkan_oleh."""
    block = sop.tanda_tangan
    if block is False:
        return None
    if block is not None:
        return {"lines": block.baris, "nama": block.nama, "nip": block.nip}
    signer = sop.disahkan_oleh
    return {"lines": [f"{signer.jabatan},"], "nama": signer.nama, "nip": signer.nip} if signer else None


def _anchor(href: str, text: str) -> str:
    return f'<a href="{html_text(href)}">{html_text(text)}</a>'


def _basis(sop_id: str, position: int, line: str, links: _Links) -> str:
    """A dasar hukum line as written, linked to its regulation's page, flagged when no longer in force."""
    key = links.dasar_hukum.cited_key("sop", sop_id, position)
    if key is None:
        return emphasis.html(line)
    regulation = links.dasar_hukum.regulations[key]
    href = links.urls.relative(sop_uri(sop_id), regulation_uri(regulation.slug))
    text = f'<a href="{html_text(href)}">{emphasis.html(line)}</a>'
    item = links.archive.by_id.get(regulation.archive_id or "")
    if item is not None and links.archive.status(item) is Status.tidak_berlaku:
        status = Status.tidak_berlaku
        text += f' <span class="jdih-badge jdih-badge--{status.badge}">{status.value}</span>'
    return text


def _closing(sop: SopDocument) -> float:
    """Printed height of the Pengesahan section, which the last chart page keeps room for (sop.md.j2 prints it).

    With numbered points of its own the Pengesahan prints as a page of its own (cetak.css), as the sheets that have
    them print it: the chart then keeps no room for it.
    """
    if sop.ketentuan_pengesahan:
        return 0.0
    signature = _signature(sop)
    lines = 0
    if signature is not None:
        place = 2 if sop.tempat_pengesahan else 0  # "Disahkan di …", "pada tanggal …"
        lines = place + len(signature["lines"]) + 1 + bool(signature["nip"])  # the wording, the name, the NIP
    return closing_mm(lines)


def _procedure_context(
    sop: SopDocument, procedure: Prosedur, index: int, several: bool, renderer: DiagramRenderer, closing: float
) -> dict[str, Any]:
    key = f"p{index + 1}"
    names = {actor.id: actor.nama for actor in procedure.pelaksana}
    steps = procedure.langkah
    rows = [_row(sop, step, steps[i + 1] if i + 1 < len(steps) else None, names) for i, step in enumerate(steps)]
    keterangan = sop.shows_keterangan(procedure)
    columns = Columns(sop.judul_kolom, keterangan, sop.nomor_kolom, sop.gaya_daftar)
    diagram = procedure_diagram(procedure, key, renderer, columns, closing)
    letter = chr(ord("a") + index)
    title = _without_letter(procedure.judul, letter) if several else procedure.judul
    return {
        "key": key,
        "title": title,
        # Printed on several A4 pages when it does not fit one: each page its own diagram with its connectors.
        "print_svgs": diagram.print_svgs,
        "mark": f" {letter}." if several else "",  # names a printed page's chart, not its title
        "heading": f"Bagan alur {letter}. {title}" if several else f"Bagan alur: {title}",
        "keterangan": keterangan,
        "titles": sop.judul_kolom,
        "svg": diagram.svg,
        "total": str(total([step.mutu_baku.waktu for step in steps])),
        "rows": rows,
    }


def _without_letter(title: str, letter: str) -> str:
    """A title copied with its procedure's letter ("a. Penerbitan …") is not lettered twice."""
    for mark in (f"{letter}. ", f"{letter}) ", f"{letter.upper()}. ", f"{letter.upper()}) "):
        if title.startswith(mark) and title[len(mark) :].strip():
            return title[len(mark) :].strip()
    return title


def _row(sop: SopDocument, step: Langkah, following: Langkah | None, names: dict[str, str]) -> dict[str, Any]:
    flow = arrows_from(step, following)
    styles = sop.gaya_daftar
    kegiatan = as_lines(step.kegiatan, styles.kegiatan)
    kelengkapan = marked_items(step.mutu_baku.kelengkapan, styles.kelengkapan)
    if step.simbol is Simbol.selesai:
        alur = "Selesai"
    elif step.selesai_di is not None and step.simbol is not Simbol.keputusan:
        alur = "→ Selesai"
    else:
        alur = "; ".join(f"{arrow.label} → {arrow.target}" if arrow.label else f"→ {arrow.target}" for arrow in flow)
    output, keterangan = step.mutu_baku.output or "", step.keterangan or ""
    return {
        "no": step.no,
        # Plain text (italic stars dropped) and, for the step table, HTML with the italics as written.
        "kegiatan": emphasis.plain(kegiatan),
        "kegiatan_html": emphasis.html(kegiatan),
        "pelaksana": ", ".join(names.get(actor, actor) for actor in step.pelaksana),
        "kelengkapan": emphasis.plain("; ".join(kelengkapan)),
        "kelengkapan_html": emphasis.html("\n".join(kelengkapan)),
        "waktu": step.mutu_baku.waktu.text if step.mutu_baku.waktu else "",
        "output": emphasis.plain(output),
        "output_html": emphasis.html(output),
        "keterangan": emphasis.plain(keterangan),
        "keterangan_html": emphasis.html(keterangan),
        "alur": ("Mulai; " if step.simbol is Simbol.mulai or step.mulai_di else "") + alur,
        # For the phone's step-by-step view (sop.md.j2 .sop-urutan): the symbol, each actor, links to the next steps.
        "simbol": step.simbol.value,
        "ringkasan": emphasis.plain(step.ringkasan or ""),
        # A Mulai or Selesai capsule of its own, named by its column as the chart draws it (`mulai_di`, `selesai_di`).
        "mulai_di": names.get(step.mulai_di, step.mulai_di) if step.mulai_di else None,
        "selesai_di": names.get(step.selesai_di, step.selesai_di) if step.selesai_di else None,
        "pelaksana_nama": [names.get(actor, actor) for actor in step.pelaksana],
        "lanjut": flow,
    }


# The SOP index's columns (daftar.html.j2): the name links to the SOP, counts are aligned right.
_INDEX_COLUMNS = [
    {"heading": "Nama SOP", "number": False},
    {"heading": "Nomor SOP", "number": False},
    {"heading": "Unit", "number": False},
    {"heading": "Tanggal pengesahan", "number": False},
    {"heading": "Langkah", "number": True},
    {"heading": "Normal waktu", "number": False},
]


def _index_page(documents: Mapping[str, SopDocument], urls: SiteUrls) -> str:
    def cell(text: object, number: bool = False) -> dict[str, Any]:
        return {"text": str(text), "href": None, "number": number, "badge": None, "title": False}

    rows = [
        [
            {**cell(sop.nama_sop), "href": urls.relative(SOP_INDEX, sop_uri(sop.id)), "title": True},
            cell(sop.nomor_sop),
            cell(sop.satuan_kerja or sop.instansi),
            cell(tanggal(sop.tanggal_pengesahan)),
            cell(sum(len(procedure.langkah) for procedure in sop.prosedur), number=True),
            cell(_totals(sop)),
        ]
        for sop in sorted(documents.values(), key=lambda sop: sop.nama_sop.lower())
    ]
    return render("sop_index.html.j2", columns=_INDEX_COLUMNS, rows=rows)


def _totals(sop: SopDocument) -> str:
    """Each procedure's normal waktu; with several, lettered and named as the SOP page's headings name them."""
    totals = [str(total([step.mutu_baku.waktu for step in procedure.langkah])) for procedure in sop.prosedur]
    if len(totals) == 1:
        return totals[0]
    return "; ".join(
        f"{chr(ord('a') + index)}. {_without_letter(procedure.judul, chr(ord('a') + index))}: {text}"
        for index, (procedure, text) in enumerate(zip(sop.prosedur, totals, strict=True))
    )
