#!/usr/bin/env python3
"""Regenerate the example files of content_archive/: post images, book covers and the PDFs of fictional keputusan.

    .venv/bin/pip install -e '.[examples]'        # Pillow, only needed for the images
    .venv/bin/python scripts/make_example_files.py

It reads the archive items themselves, so the files stay in sync with them:

- for every konten whose `gambar` is a PNG under konten/gambar/, a 540x540 card: a flat colour chosen from the id,
  a gold band, the post's judul in large white text and "JDIH KPU Kabupaten Contoh" small at the bottom (palette PNG,
  well under 25 KB);
- for every monografi whose `sampul` is a PNG under sampul/, a 360x540 cover the same way: colour from the id, gold
  band, judul, pengarang, and "CONTOH FIKTIF" at the bottom;
- for every produk hukum of the fictional office ("Kabupaten Contoh") whose `lampiran.dokumen` is a local PDF, a
  one-page PDF written by hand (Helvetica, no extra library) showing jenis, nomor, tahun and judul, marked
  "CONTOH — dokumen fiktif". Real regulations are never given a made-up document: they are skipped with a warning.

The output is deterministic: running it twice gives identical files.
"""

from __future__ import annotations

import sys
import textwrap
import zlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "content_archive"
FICTIONAL_OFFICE = "Kabupaten Contoh"
FOOTER = "JDIH KPU Kabupaten Contoh"

# Flat backgrounds in KPU-ish tones; the Indonesian names are what a teks_alternatif can say.
PALETTE = [
    ("merah marun", (122, 16, 34)),
    ("merah tua", (160, 27, 44)),
    ("biru tua", (22, 52, 104)),
    ("hijau tua", (22, 92, 68)),
    ("abu-abu arang", (52, 58, 68)),
    ("ungu tua", (78, 40, 104)),
    ("cokelat tua", (104, 58, 30)),
    ("biru petrol", (0, 86, 104)),
]
GOLD = (212, 170, 60)
WHITE = (255, 255, 255)
SIZE = 540
MARGIN = 44


def background(item_id: str) -> tuple[str, tuple[int, int, int]]:
    """The card colour of a post: fixed by its id, so adding posts never recolours the others."""
    return PALETTE[zlib.crc32(item_id.encode()) % len(PALETTE)]


def read_items(folder: Path) -> list[tuple[Path, dict]]:
    """Archive items as plain dicts: a YAML file, or a .md file's front matter (the body is not needed here)."""
    items = []
    for path in sorted(p for pattern in ("*.yaml", "*.yml", "*.md") for p in folder.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            lines = text.splitlines()
            closing = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), None)
            if not lines or lines[0].rstrip() != "---" or closing is None:
                print(f"lewati {path.relative_to(ROOT)}: tanpa front matter", file=sys.stderr)
                continue
            text = "\n".join(lines[1:closing])
        data = yaml.safe_load(text)
        if isinstance(data, dict) and "id" in data:
            items.append((path, data))
    return items


def local_target(value: object, prefix: str, suffix: str) -> Path | None:
    """The file a field points to, when it is a local path under `prefix` with `suffix` (never outside the archive)."""
    if not isinstance(value, str) or "://" in value:
        return None
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts or relative.suffix.lower() != suffix:
        return None
    if relative.parts[: len(Path(prefix).parts)] != Path(prefix).parts:
        return None
    return ARCHIVE / relative


# ---------------------------------------------------------------------------------------------------------- images


def _font(size: int, bold: bool = True):
    from PIL import ImageFont

    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf") if bold else ("DejaVuSans.ttf",):
        try:
            return ImageFont.truetype(name, size)  # Pillow also searches the system font folders
        except OSError:
            continue
    return ImageFont.load_default(size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def make_image(judul: str, item_id: str, target: Path) -> int:
    from PIL import Image, ImageDraw

    _, colour = background(item_id)
    image = Image.new("RGB", (SIZE, SIZE), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE, 14), fill=GOLD)
    area_top, area_bottom = 40, 440  # the judul is centred in this band
    for size in range(50, 20, -2):
        font = _font(size)
        lines = _wrap(draw, judul, font, SIZE - 2 * MARGIN)
        line_height = int(size * 1.25)
        widest = max(draw.textlength(line, font=font) for line in lines)
        if len(lines) * line_height <= area_bottom - area_top and widest <= SIZE - 2 * MARGIN:
            break
    y = area_top + (area_bottom - area_top - len(lines) * line_height) // 2
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=WHITE)
        y += line_height
    draw.line((MARGIN, 466, MARGIN + 64, 466), fill=GOLD, width=4)
    draw.text((MARGIN, 480), FOOTER, font=_font(20, bold=False), fill=WHITE)
    small = image.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    target.parent.mkdir(parents=True, exist_ok=True)
    small.save(target, format="PNG", optimize=True)
    return target.stat().st_size


COVER = (360, 540)


def make_cover(judul: str, pengarang: list[str], item_id: str, target: Path) -> int:
    """A made-up book's cover: the judul large, the pengarang small, marked as fictional."""
    from PIL import Image, ImageDraw

    _, colour = background(item_id)
    width, height = COVER
    margin = 30
    image = Image.new("RGB", COVER, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 60, width, 72), fill=GOLD)
    for size in range(40, 16, -2):
        font = _font(size)
        lines = _wrap(draw, judul, font, width - 2 * margin)
        line_height = int(size * 1.25)
        if len(lines) * line_height <= 260 and max(draw.textlength(line, font=font) for line in lines) <= width - 60:
            break
    y = 100
    for line in lines:
        draw.text((margin, y), line, font=font, fill=WHITE)
        y += line_height
    small_font = _font(18, bold=False)
    y = 400
    for name in pengarang:
        draw.text((margin, y), name, font=small_font, fill=WHITE)
        y += 24
    draw.text((margin, height - 44), "CONTOH FIKTIF", font=_font(14), fill=GOLD)
    small = image.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    target.parent.mkdir(parents=True, exist_ok=True)
    small.save(target, format="PNG", optimize=True)
    return target.stat().st_size


# ------------------------------------------------------------------------------------------------------------ PDFs


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252 covers Indonesian text and the em dash)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _info_string(text: str) -> bytes:
    """A text string for the document information dictionary: UTF-16BE with a byte-order mark."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def make_pdf(item: dict, target: Path) -> int:
    jenis, nomor, tahun, judul = item["jenis"], str(item["nomor"]), str(item["tahun"]), item["judul"]
    tentang = judul.split(" tentang ", 1)[1] if " tentang " in judul else judul
    ops: list[bytes] = []

    def text(x: float, y: float, font: str, size: int, line: str, centred_width: int = 0) -> None:
        # Centring estimates Helvetica-Bold's average glyph width (capitals ~0.63 em): enough for a title block.
        if centred_width:
            x = max(56, (595 - len(line) * size * (0.63 if line.isupper() else 0.55)) / 2)
        ops.append(b"BT /%s %d Tf %.1f %.1f Td %s Tj ET" % (font.encode(), size, x, y, _pdf_string(line)))

    ops.append(b"0.93 g BT /F2 110 Tf 0.7071 0.7071 -0.7071 0.7071 150 230 Tm (CONTOH) Tj ET")  # watermark
    ops.append(b"0.48 0.06 0.13 rg 0 794 595 48 re f")  # maroon band
    ops.append(b"1 g")
    text(56, 812, "F2", 14, "CONTOH \u2014 dokumen fiktif, bukan naskah resmi")
    ops.append(b"0 g")
    y = 740.0
    for line in textwrap.wrap(jenis.upper(), 48):
        text(0, y, "F2", 14, line, centred_width=1)
        y -= 19
    text(0, y, "F2", 12, f"NOMOR {nomor}", centred_width=1)
    y -= 17
    text(0, y, "F2", 12, f"TAHUN {tahun}", centred_width=1)
    y -= 26
    text(0, y, "F2", 12, "TENTANG", centred_width=1)
    y -= 19
    for line in textwrap.wrap(tentang.upper(), 56):
        text(0, y, "F2", 12, line, centred_width=1)
        y -= 17
    y -= 24
    rows = [
        ("Jenis", jenis),
        ("Nomor", nomor),
        ("Tahun", tahun),
        ("Judul", judul),
        ("Tempat penetapan", str(item.get("tempat_penetapan", ""))),
        ("Tanggal penetapan", str(item.get("tanggal_penetapan") or "-")),
    ]
    for label, value in rows:
        text(56, y, "F2", 10, label)
        for line in textwrap.wrap(value, 66) or ["-"]:
            text(170, y, "F1", 10, line)
            y -= 14
        y -= 4
    y -= 20
    note = (
        "CONTOH \u2014 dokumen fiktif. Komisi Pemilihan Umum Kabupaten Contoh tidak ada; nomor, tanggal, nama dan "
        "isi keputusan ini dikarang untuk contoh arsip JDIH. Berkas dibuat oleh scripts/make_example_files.py."
    )
    for line in textwrap.wrap(note, 95):
        text(56, y, "F1", 9, line)
        y -= 12

    content = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content) + 1, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title %s /Subject %s /Producer (scripts/make_example_files.py) >>"
        % (_info_string(judul), _info_string("CONTOH \u2014 dokumen fiktif")),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bytes(out))
    return len(out)


# ------------------------------------------------------------------------------------------------------------ main


def main() -> int:
    made = 0
    for path, item in read_items(ARCHIVE / "produk-hukum"):
        target = local_target((item.get("lampiran") or {}).get("dokumen"), "lampiran", ".pdf")
        if target is None:
            continue
        if FICTIONAL_OFFICE not in str(item.get("teu_badan", "")):
            print(f"lewati {path.relative_to(ROOT)}: bukan produk hukum fiktif, naskah asli tidak dibuat-buat")
            continue
        size = make_pdf(item, target)
        print(f"{target.relative_to(ROOT)}  {size / 1024:.1f} KB")
        made += 1
    for _path, post in read_items(ARCHIVE / "konten"):
        target = local_target(post.get("gambar"), "konten/gambar", ".png")
        if target is None:
            continue
        size = make_image(str(post["judul"]), str(post["id"]), target)
        print(f"{target.relative_to(ROOT)}  {size / 1024:.1f} KB")
        made += 1
    for _path, book in read_items(ARCHIVE / "monografi"):
        target = local_target(book.get("sampul"), "sampul", ".png")
        if target is None:
            continue
        size = make_cover(str(book["judul"]), [str(name) for name in book["pengarang"]], str(book["id"]), target)
        print(f"{target.relative_to(ROOT)}  {size / 1024:.1f} KB")
        made += 1
    print(f"{made} berkas dibuat.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
