// sop-jdih: the site-wide search page (/cari/), on Pagefind's JavaScript API.
//
// Pagefind's ready-made UI weighs 135 KB and loads every filter's data before the first result; this page needs
// neither (faceted search lives on /arsip/), so a first search downloads the engine, the index chunks for the words
// typed and the fragments of the ten results shown. Every text from the index is put into the page as text; the
// excerpt's <mark> highlights are rebuilt element by element, never inserted as HTML.

const PAGE_SIZE = 10;
const form = document.getElementById("sj-cari-form");
const input = document.getElementById("sj-cari-halaman-kata");
const summary = document.getElementById("sj-cari-ringkasan");
const list = document.getElementById("sj-cari-hasil");
const more = document.getElementById("sj-cari-lagi");

let pagefind = null;
let results = [];
let shown = 0;
let latest = 0; // the newest search: an older one that finishes late must not overwrite it

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("../../pagefind/pagefind.js", import.meta.url).href);
    await pagefind.init();
  }
  return pagefind;
}

function excerptNodes(excerpt) {
  // Pagefind's excerpt is escaped text with <mark> around the matches: keep exactly those two things.
  const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
  const nodes = [];
  parsed.childNodes.forEach((node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent));
    }
  });
  return nodes;
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "sj-cari-hasil__butir";
  const kind = (data.filters && data.filters.tipe && data.filters.tipe[0]) || "";
  if (kind) {
    const label = document.createElement("span");
    label.className = "sj-cari-hasil__tipe";
    label.textContent = kind;
    item.append(label);
  }
  const title = document.createElement("a");
  title.className = "sj-cari-hasil__judul";
  title.href = data.url;
  title.textContent = (data.meta && data.meta.title) || data.url;
  const excerpt = document.createElement("p");
  excerpt.className = "sj-cari-hasil__cuplikan";
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(title, excerpt);
  return item;
}

async function showMore(generation) {
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
    found = await (await engine()).debouncedSearch(query, {}, 300);
  } catch (error) {
    say("Pencarian tidak dapat dimuat; muat ulang halaman ini.");
    throw error;
  }
  if (found === null || generation !== latest) {
    return; // a newer search replaced this one
  }
  results = found.results;
  shown = 0;
  list.replaceChildren();
  if (!(await showMore(generation))) {
    return;
  }
  say(
    results.length === 0
      ? `Tidak ada hasil untuk "${query}".`
      : `${results.length} hasil untuk "${query}".`,
  );
}

if (form && input && summary && list && more) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(input.value);
  });
  input.addEventListener("input", () => search(input.value));
  more.addEventListener("click", () => showMore(latest));
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  }
}
