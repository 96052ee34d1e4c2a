"""Sveltia CMS (the editor at /admin/) driven in real Chromium against a repository folder on disk, with no network.

Sveltia's local-repository mode ("Work with Local Repository") asks the File System Access API for a folder with
`window.showDirectoryPicker()`, which headless Chromium cannot answer. The bridge here copies the repository's files
(sops/, content_archive/ and a `.git` folder, which Sveltia requires to accept a folder as a repository root)
into a folder of the page's Origin Private File System and replaces `showDirectoryPicker` with a function that
returns that folder: a real FileSystemDirectoryHandle, read and written by Sveltia's own code. After a save the test
copies the OPFS files back to disk (`copy_back`) to diff them, run `sop-jdih check` or build the site.

The form helpers find Sveltia's controls by their roles and accessible names (its English UI text, pinned with the
package version in package-lock.json) and its fields by their data path (`data-key-path`), never by its generated
class names.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .browser_support import TIMEOUT_MS, Problems, open_page

OPFS_FOLDER = "repo"  # the repository's copy inside the origin's private file system
COPIED = ("sops", "content_archive")  # what Sveltia reads and writes; the generator and site are not its business
LOAD_TIMEOUT_MS = 20_000  # Sveltia parses every entry of every collection before it shows the first one
LOCAL_REPO_BUTTON = "Work with Local Repository"

# Replaces the directory picker before any of Sveltia's code runs: the "chosen" folder is the OPFS copy.
_PICKER = f"""
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle({OPFS_FOLDER!r}, {{create: true}});
"""

# Empties the OPFS folder, then writes [path, base64] pairs under it, creating folders on the way.
_WRITE = f"""
async files => {{
  const root = await navigator.storage.getDirectory();
  await root.removeEntry({OPFS_FOLDER!r}, {{recursive: true}}).catch(() => {{}});
  const top = await root.getDirectoryHandle({OPFS_FOLDER!r}, {{create: true}});
  for (const [path, data] of files) {{
    const parts = path.split('/');
    let dir = top;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {{create: true}});
    const handle = await dir.getFileHandle(parts.at(-1), {{create: true}});
    const writable = await handle.createWritable();
    await writable.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)));
    await writable.close();
  }}
}}
"""

# Every file under the OPFS folder as [path, base64].
_READ = f"""
async () => {{
  const out = [];
  async function walk(dir, prefix) {{
    for await (const [name, handle] of dir.entries()) {{
      const path = prefix ? prefix + '/' + name : name;
      if (handle.kind === 'directory') {{ await walk(handle, path); continue; }}
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out.push([path, btoa(text)]);
    }}
  }}
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle({OPFS_FOLDER!r}), '');
  return out;
}}
"""


def repository_files(repo: Path) -> dict[str, bytes]:
    """The files Sveltia gets to see: everything under sops/ and content_archive/, by POSIX path."""
    return {
        path.relative_to(repo).as_posix(): path.read_bytes()
        for top in COPIED
        if (repo / top).is_dir()
        for path in sorted((repo / top).rglob("*"))
        if path.is_file()
    }


def fill_opfs(page: Page, repo: Path) -> None:
    """Copy the repository into the private file system of the site's origin, from a blank page of that origin."""
    page.route(
        "**/__opfs__", lambda route: route.fulfill(content_type="text/html", body="<!doctype html><title>-</title>")
    )
    page.goto("/__opfs__")
    files = {".git/HEAD": b"ref: refs/heads/main\n", **repository_files(repo)}
    page.evaluate(_WRITE, [(path, base64.b64encode(data).decode()) for path, data in files.items()])


def opfs_files(page: Page) -> dict[str, bytes]:
    return {path: base64.b64decode(data) for path, data in page.evaluate(_READ) if not path.startswith(".git/")}


def copy_back(page: Page, original: Path, dest: Path) -> list[str]:
    """Write the files Sveltia changed or created into `dest` (same layout); return their paths, sorted.

    `original` is the folder the OPFS copy was made from; a file equal to its original is not written. `dest` may be
    `original` itself (the copy then becomes the repository as Sveltia left it) or an empty folder (only the changes).
    """
    before = repository_files(original)
    changed = []
    for path, data in sorted(opfs_files(page).items()):
        if before.get(path) == data:
            continue
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(path)
    return changed


@contextmanager
def local_cms(
    browser: Browser, site_url: str, repo: Path, problems: Problems, **context_options: object
) -> Iterator[Page]:
    """/admin/ of the served site, signed in to Sveltia's local mode on an OPFS copy of `repo`, collections loaded."""
    with open_page(browser, site_url, problems, **context_options) as page:
        page.add_init_script(_PICKER)
        fill_opfs(page, repo)
        page.goto("/admin/")
        page.get_by_role("button", name=LOCAL_REPO_BUTTON).click()
        expect(page.get_by_role("tree", name="Collection List")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        yield page


# --- the form -----------------------------------------------------------------------------------------------------
# Sveltia draws each field as a `section role=group` carrying `data-key-path` (`prosedur.0.langkah.4.kegiatan.0`):
# the field's place in the entry's data, stable across releases and unambiguous where labels repeat (every step has a
# "Kegiatan"). The editor pane renders fields lazily, as they scroll into view, so `field` scrolls until it is there.

# The editing pane's scrolling box, found from its first field.
_PANE = """const first = document.querySelector('[role=group][aria-label^="Edit"] [data-key-path]');
  let box = first;
  while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY)))
    box = box.parentElement;"""
_TO_TOP = f"() => {{ {_PANE} if (box) box.scrollTop = 0; }}"
# Scrolls down (1) or up (-1) by most of a screen; false at the end.
_SCROLL_ON = f"""direction => {{ {_PANE}
  if (!box) return false;
  const before = box.scrollTop;
  box.scrollTop += direction * box.clientHeight * 0.8;
  return box.scrollTop !== before;
}}"""
# Until the pane has not changed for three frames in a row: it has drawn the fields that scrolled into view (a
# loaded machine may take many frames to).
_SETTLED = """() => new Promise(done => {
  let quiet = 0;
  const observer = new MutationObserver(() => { quiet = 0; });
  observer.observe(document.body, {childList: true, subtree: true});
  const frame = () => (++quiet >= 3 ? (observer.disconnect(), done()) : requestAnimationFrame(frame));
  requestAnimationFrame(frame);
})"""
# At the bottom: until the field is drawn, or the pane has grown and can scroll on.
_DRAWN_OR_GROWN = f"""selector => {{ {_PANE}
  return !!document.querySelector(selector) || (box && box.scrollTop + box.clientHeight < box.scrollHeight - 1);
}}"""


def editor(page: Page) -> Locator:
    """The editing pane (not the preview beside it, which repeats every value)."""
    return page.get_by_role("group", name=re.compile(r"^Edit\W+_default\W+Content$"))


def go(page: Page, route: str) -> None:
    """Follow one of Sveltia's own addresses (`collections/sop/entries/<slug>`): exact where list rows are named by a
    summary that may repeat."""
    page.evaluate("route => { location.hash = '#/' + route }", route)


def open_collection(page: Page, name: str) -> None:
    """Show a collection's entry list, by the collection's `name` in config.yml."""
    go(page, f"collections/{name}")
    expect(page.get_by_role("grid", name="Entries")).to_be_visible()


def open_entry(page: Page, collection: str, slug: str) -> None:
    """Open an entry of a collection by its file name without extension."""
    open_collection(page, collection)  # from its list: an editor still open would answer for the new one
    go(page, f"collections/{collection}/entries/{slug}")
    expect(editor(page).locator("[data-key-path]").first).to_be_visible()


def new_entry(page: Page, collection: str) -> None:
    open_collection(page, collection)
    go(page, f"collections/{collection}/new")
    expect(editor(page).locator("[data-key-path]").first).to_be_visible()


def field(page: Page, key_path: str) -> Locator:
    """The field at `key_path` in the editing pane, scrolled to: down from the top, then back up (the pane draws each
    field once it has been in view a moment, and a loaded machine may scroll past one before it is drawn)."""
    selector = f'[role=group][aria-label^="Edit"] [data-key-path="{key_path}"]'
    target = page.locator(selector).first
    expect(editor(page).locator("[data-key-path]").first).to_be_visible()
    page.evaluate(_TO_TOP)
    for direction in (1, -1):
        while not target.count():
            if page.evaluate(_SCROLL_ON, direction):
                page.evaluate(_SETTLED)
                continue
            if direction == 1:  # at the bottom: a field just added may be drawn, or grow the pane, a moment later
                try:
                    page.wait_for_function(_DRAWN_OR_GROWN, arg=selector, timeout=TIMEOUT_MS)
                    continue
                except PlaywrightTimeoutError:
                    pass
            break
    if not target.count():
        parent = key_path.rsplit(".", 1)[0]
        near = page.locator(f'[role=group][aria-label^="Edit"] [data-key-path^="{parent}."]')
        found = sorted({path for path in near.evaluate_all("all => all.map(e => e.dataset.keyPath)")})
        page.screenshot(path="/tmp/cms-field-missing.png")
        raise AssertionError(f"no field {key_path} in the editor; beside it: {found[:12]}")
    target.scroll_into_view_if_needed()
    return target


def fill(page: Page, key_path: str, value: str) -> None:
    """Type into a text, number or date field."""
    field(page, key_path).locator("input, textarea").first.fill(value)


def choose(page: Page, key_path: str, option: str) -> None:
    """Pick an option of a select field (Sveltia draws few options as radio buttons, more as a list box)."""
    box = field(page, key_path)
    radios = box.get_by_role("radio", name=option, exact=True)
    if radios.count():
        radios.check()
    else:
        box.get_by_role("combobox").click()
        page.get_by_role("option", name=option, exact=True).click()


def enable(page: Page, key_path: str) -> None:
    """Tick the "Add …" box of an optional object field left out of the entry, so its fields show."""
    box = field(page, key_path).get_by_role("checkbox", name=re.compile(r"^Add\b")).first
    if not box.is_checked():
        box.check()


def add_item(page: Page, key_path: str) -> str:
    """Add an item at the end of the list field at `key_path`; return the new item's key path."""
    box = field(page, key_path)
    label = box.get_attribute("aria-label") or ""
    name = label.strip("“”\u2068\u2069").removesuffix(" Field").strip("“”\u2068\u2069")
    count = int(box.get_by_text(re.compile(rf"^\d+\s+{re.escape(name)}$")).first.inner_text().split()[0])
    # The outer list's sticky "Add …" bar may cover this one's button: press it from the keyboard, as a user may.
    box.get_by_role("button", name=re.compile(rf"^Add\W+{re.escape(name)}\W*$")).last.press("Enter")
    expect(box.get_by_text(re.compile(rf"^{count + 1}\s+{re.escape(name)}$"))).to_have_count(1)
    return f"{key_path}.{count}"


def upload(page: Page, key_path: str, file: Path) -> None:
    """Pick a file for a file field the way a staffer does: Browse, Upload (the system's file chooser), Insert."""
    field(page, key_path).get_by_role("button", name="Browse").click()
    dialog = page.get_by_role("dialog", name="Select File")
    with page.expect_file_chooser() as chooser:
        dialog.get_by_role("button", name="Upload").click()
    chooser.value.set_files(file)
    dialog.get_by_role("button", name="Insert").click()
    expect(dialog).to_be_hidden()


def validation_errors(page: Page) -> list[str]:
    """What Sveltia's Validation panel lists: the field's label and its message, one per line."""
    page.get_by_role("radio", name="Validation").check()
    panel = page.get_by_role("group", name="Validation")
    found = []
    for button in panel.get_by_role("button").filter(has=page.get_by_role("alert")).all():
        name = re.match(r'- button "(.*?)"', button.aria_snapshot())
        message = button.get_by_role("alert").inner_text().splitlines()[-1]  # after the icon's ligature, "error"
        found.append(f"{name.group(1) if name else '?'}: {message}")
    return found


def try_save(page: Page) -> list[str]:
    """Press Save; return what Sveltia refuses the form for (empty once "Entry saved." shows: the files are written,
    at once in local mode: no draft, no pull request)."""
    collection = page.evaluate("location.hash").split("/")[2]  # #/collections/<name>/entries/<slug> or …/new
    page.get_by_role("button", name="Save", exact=True).click()
    saved = page.get_by_role("status").filter(has_text="Entry saved")
    refused = page.get_by_role("alert").filter(has_text="Please correct")
    expect(saved.or_(refused)).to_be_visible()
    if refused.count():
        return validation_errors(page)
    # Sveltia then goes back to the list (history.back in a view transition, a moment later): wait until it is
    # there, or that step back would close the next entry opened.
    page.wait_for_function("hash => location.hash === hash", arg=f"#/collections/{collection}")
    expect(page.get_by_role("grid", name="Entries")).to_be_visible()
    return []


def save(page: Page) -> None:
    """Save the entry; a form Sveltia refuses fails here with the fields it names, rather than a timeout."""
    errors = try_save(page)
    if errors:
        raise AssertionError(f"Sveltia refused to save: {errors}")


def sign_in_again(page: Page) -> None:
    """Start the editor afresh on the same OPFS copy, leaving a form that could not be saved."""
    page.once("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    page.goto("/admin/")  # without the entry's #/ address, so no draft is offered back
    button, collections = (
        page.get_by_role("button", name=LOCAL_REPO_BUTTON),
        page.get_by_role("tree", name="Collection List"),
    )
    expect(button.or_(collections)).to_be_visible(timeout=LOAD_TIMEOUT_MS)  # Sveltia remembers the folder handle
    if button.is_visible():
        button.click()
    expect(collections).to_be_visible(timeout=LOAD_TIMEOUT_MS)
