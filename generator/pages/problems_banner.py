"""The notice `mkdocs serve` puts on every page while the data has problems: what `sop-jdih check` would say.

An editor previewing an edit sees, in the browser, the same located lines the check prints, above the last site that
built; the page reloads by itself once the files are fixed.
"""

from __future__ import annotations

from html import escape

from ..source.problems import Problem

MAX_SHOWN = 50  # a broken file can yield hundreds of lines; the first ones say where to start


def problems_banner(problems: list[Problem], showing_last_good: bool) -> str:
    """An escaped HTML block (class `sop-jdih-masalah`, role alert): each problem as `file:line: field: message`."""
    shown = sorted(problems)[:MAX_SHOWN]
    more = (
        f"<li>… dan {len(problems) - len(shown)} masalah lain (jalankan <code>make check</code>)</li>"
        if (len(problems) > len(shown))
        else ""
    )
    site = (
        "Pratinjau ini menampilkan versi terakhir yang berhasil dibangun."
        if showing_last_good
        else "Halaman SOP dan arsip belum dapat ditampilkan."
    )
    items = "".join(f"<li><code>{escape(str(problem))}</code></li>" for problem in shown)
    return (
        '<div class="sop-jdih-masalah" role="alert">'
        f"<p><strong>{len(problems)} masalah pada data; perbaiki lalu simpan.</strong> {site} "
        "Halaman dimuat ulang sendiri setelah berkasnya diperbaiki.</p>"
        f"<ul>{items}{more}</ul></div>"
    )
