// sop-jdih: the site-wide search page (/cari/): a form, ten results at a time, on pencari.js.
//
// Pagefind's ready-made UI weighs 135 KB and loads every filter's data before the first result; this page needs
// neither (faceted search lives on /arsip/), so a first search downloads the engine, the index chunks for the words
// typed, their roots and the fragments of the first results. When search cannot run (the site opened from disk, or
// Pagefind failed to load), the page says so and shows its link to the archive's listings. A classic script, not a
// module: a browser runs no module from disk, and this one must run there to say so.

(() => {
  const PAGE_SIZE = 10;
  const form = document.getElementById("sj-cari-form");
  const input = document.getElementById("sj-cari-halaman-kata");
  const summary = document.getElementById("sj-cari-ringkasan");
  const list = document.getElementById("sj-cari-hasil");
  const more = document.getElementById("sj-cari-lagi");
  const unavailable = document.getElementById("sj-cari-mati");
  const help = document.getElementById("sj-cari-petunjuk"); // how to type a search: moot when none can run
  const address = new URL("pencari.js", document.currentScript.src).href;

  let pencari = null;
  let results = [];
  let shown = 0;
  let latest = 0; // the newest search: an older one that finishes late must not overwrite it

  function loaded() {
    if (!pencari) {
      pencari = import(address);
    }
    return pencari;
  }

  async function showMore(generation) {
    const { resultItem } = await loaded();
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const items = await Promise.all(batch.map((result) => result.data()));
    if (generation !== latest) {
      return false;
    }
    list.append(...items.map(resultItem));
    more.hidden = shown >= results.length;
    return true;
  }

  function say(text) {
    summary.textContent = text;
  }

  function cannotSearch() {
    say("");
    form.hidden = true;
    list.replaceChildren();
    more.hidden = true;
    unavailable.hidden = false;
    if (help) {
      help.hidden = true;
    }
  }

  async function search(term) {
    const generation = ++latest;
    const query = term.trim();
    const url = new URL(window.location.href);
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
    if (!query) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      say("");
      return;
    }
    say("Mencari …");
    let found;
    try {
      found = await (await loaded()).find(query);
    } catch (error) {
      cannotSearch();
      throw error;
    }
    if (generation !== latest) {
      return; // a newer search replaced this one
    }
    results = found;
    shown = 0;
    list.replaceChildren();
    if (!(await showMore(generation))) {
      return;
    }
    say(results.length === 0 ? `Tidak ada hasil untuk "${query}".` : `${results.length} hasil untuk "${query}".`);
  }

  if (!(form && input && summary && list && more && unavailable)) {
    return;
  }
  if (window.location.protocol === "file:") {
    cannotSearch(); // the browser loads neither a module nor Pagefind's index from disk
    return;
  }
  let typing = 0;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(typing);
    search(input.value);
  });
  input.addEventListener("input", () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => search(input.value), 300);
  });
  more.addEventListener("click", () => showMore(latest));
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  }
})();
