"""The konten collection: what the JDIH team published on social media, archived locally; not in the JDIHN feed."""

from __future__ import annotations

from .collection import Archive
from .kind import IMAGE_SUFFIXES, SOP, ArchiveKind, Attachment, Cell, Column, Facet, Rank, Reference
from .model import Konten
from .produk_hukum import PRODUK_HUKUM, short_citation


def _produk_hukum(post: Konten, archive: Archive) -> str:
    """The produk hukum it explains, short: "PKPU 8/2019; UU 7/2017"."""
    items = [archive.by_id[other] for other in post.produk_hukum]
    return "; ".join(short_citation(item) for item in items)


KONTEN = ArchiveKind(
    key="konten",
    name="konten",
    plural="konten",
    full_name="konten media sosial",
    model=Konten,
    body_field="caption",
    address="konten/{id}.md",
    date=lambda post: post.tanggal_terbit,
    dates=lambda post: [post.tanggal_terbit],
    page_template="konten.html.j2",
    sections=("diunggah-di", "produk-hukum-yang-dijelaskan", "sop-yang-mengatur", "catatan-alur-kerja"),
    starter="new_konten.yaml.j2",
    next_steps="Berikutnya: ganti judul, caption, tautan unggahan, teks alternatif, produk hukum dan gambarnya, "
    "lalu jalankan: {check}",
    schema="schema/konten.json",
    # Never an https address: the design is the office's own and kept with the item, and the site's CSP (img-src
    # 'self') would block an image from another site anyway.
    attachments=(
        Attachment("gambar", ("gambar",), IMAGE_SUFFIXES, remote=False, placeholder="konten/gambar/{id}.png"),
    ),
    references=(
        Reference("produk_hukum", PRODUK_HUKUM.key, "Konten media sosial tentang produk hukum ini"),
        Reference("sop", SOP, "Konten media sosial yang dibuat menurut SOP ini"),
    ),
    facets=(
        Facet(
            "platform",
            "Konten menurut platform",
            lambda post, archive: sorted({upload.platform.value for upload in post.unggahan}),
        ),
    ),
    columns=(
        Column("Judul", lambda post, archive: Cell(post.judul, page=True)),
        Column("Tanggal", lambda post, archive: post.tanggal_terbit),
        Column("Platform", lambda post, archive: ", ".join(upload.platform.value for upload in post.unggahan)),
        Column("Produk hukum", _produk_hukum),
    ),
    rank=Rank(weight=0.8, tier=5, words=("konten",)),  # below what it explains, unless the reader asks for it
)
