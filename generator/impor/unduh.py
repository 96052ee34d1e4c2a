"""`--unduh`: a record's PDF copied into the archive, so the site serves its own copy instead of linking away.

Fetched from the address as the feed wrote it (`http://` too: once saved, the copy is served by the site itself) and
kept only when it is a PDF. An existing file is never replaced.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

MAX_BYTES = 200_000_000  # a scanned regulation with its lampiran is tens of MB
TIMEOUT = 60  # seconds per file


def download(url: str, target: Path) -> str | None:
    """Save the PDF at `url` as `target`; None when it is there (now or already), else why not, in Indonesian."""
    if target.exists():
        return None
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 (http(s) only, checked by records)
            content: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        return f"server menjawab {error.code}"
    except urllib.error.URLError as error:
        return f"tidak terhubung: {error.reason}"
    except (TimeoutError, OSError, ValueError) as error:  # ValueError: http.client.InvalidURL
        return f"gagal: {error}"
    if len(content) > MAX_BYTES:
        return f"lebih dari {MAX_BYTES:,} byte"
    if not content.startswith(b"%PDF-"):
        return "isinya bukan PDF"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("xb") as file:
        file.write(content)
    return None
