// sop-jdih: the archive page (/arsip/): browse the whole collection without typing, on Pagefind's JavaScript API.
//
// The page's state is its address, so every view can be shared and the home page's form lands here:
//   ?q=<kata>&nomor=<nomor>&tipe=…&jenis=…&tahun=…&status=…&bidang=…&platform=…&lembaga=…&amar=…&urut=terbaru|tahun|nomor|judul
// A key may repeat (tahun=2023&tahun=2024: either year). Results come from the shared `find` (pencari.js); the
// filter counts from Pagefind itself: for a group with a choice made, counted as if that group had none, so its other
// values stay selectable. Values with no item are not offered. Every text from the index is set as text.

import { engine, find, resultItem, searchKey, searchText } from "./pencari.js";

const PAGE_SIZE = 20;
// Only the archive's items carry this filter (item templates): SOP and dasar hukum pages are not listed here.
const ARCHIVE = { arsip: "ya" };
// Address key, Pagefind filter, legend; in the order shown.
const GROUPS = [
  ["tipe", "tipe", "Tipe"],
  ["jenis", "jenis", "Jenis"],
  ["tahun", "tahun", "Tahun"],
  ["status", "status", "Status"],
  ["bidang", "bidang hukum", "Bidang hukum"],
  ["platform", "platform", "Platform"],
  ["lembaga", "lembaga", "Lembaga peradilan"],
  ["amar", "amar", "Amar putusan"],
];
// The item templates' data-pagefind-sort keys.
const SORTS = {
  terbaru: { tanggal: "desc" },
  tahun: { tahun: "desc" },
  nomor: { nomor: "asc" },
  judul: { judul: "asc" },
};

const form = document.getElementById("sj-arsip");
const drawer = document.getElementById("sj-arsip-saring");
const panel = document.getElementById("sj-arsip-filter");
const words = document.getElementById("sj-arsip-kata");
const number = document.getElementById("sj-arsip-nomor");
const order = document.getElementById("sj-arsip-urut");
const summary = document.getElementById("sj-arsip-ringkasan");
const list = document.getElementById("sj-arsip-hasil");
const more = document.getElementById("sj-arsip-lagi");

let results = [];
let shown = 0;
let latest = 0; // the newest view: an older one that finishes late must not overwrite it

function stateFrom(address) {
  const params = new URL(address).searchParams;
  const chosen = {};
  for (const [key] of GROUPS) {
    chosen[key] = params.getAll(key).filter(Boolean);
  }
  const urut = params.get("urut") || "";
  return {
    q: (params.get("q") || "").trim(),
    nomor: (params.get("nomor") || "").trim(),
    urut: urut in SORTS ? urut : "",
    chosen,
  };
}

function addressOf(state) {
  const url = new URL(window.location.href);
  url.search = "";
  if (state.q) url.searchParams.append("q", state.q);
  if (state.nomor) url.searchParams.append("nomor", state.nomor);
  for (const [key] of GROUPS) {
    for (const value of state.chosen[key]) url.searchParams.append(key, value);
  }
  if (state.urut) url.searchParams.append("urut", state.urut);
  return url.href;
}

function stateOfForm() {
  const chosen = {};
  for (const [key] of GROUPS) {
    chosen[key] = [...panel.querySelectorAll(`input[name="${key}"]:checked`)].map((box) => box.value);
  }
  return { q: words.value.trim(), nomor: number.value.trim(), urut: order.value, chosen };
}

// The Nomor field is matched exactly against the `nomor` filter of every numbered item (its whole number and its
// leading number: generator/dasar_hukum/citations.py `nomor_keys`): "7" finds the items numbered 7, a keputusan's
// slashed number finds that one, and "7/2017" is number 7 of 2017 (the year joins the filters unless one is chosen).
function nomorFilters(state) {
  const typed = searchKey(state.nomor.replace(/\s*\/\s*/g, "/"));
  if (!typed) return {};
  const withYear = /^(\d+)\/((?:19|20)\d{2})$/.exec(typed);
  if (!withYear) return { nomor: { any: [typed] } };
  const year = state.chosen.tahun.length ? {} : { tahun: { any: [withYear[2]] } };
  return { nomor: { any: [withYear[1], typed] }, ...year };
}

function pagefindFilters(state, without) {
  const filters = { ...ARCHIVE, ...nomorFilters(state) };
  for (const [key, filter] of GROUPS) {
    if (key !== without && state.chosen[key].length) filters[filter] = { any: state.chosen[key] };
  }
  return filters;
}

function termOf(state) {
  return state.q || null;
}

async function counts(pagefind, state) {
  await pagefind.filters(); // loads every filter's data: a search counts only the filters already loaded
  const term = await searchText(termOf(state)); // what `find` searches: the citation's short form, or the roots
  const all = (await pagefind.search(term, { filters: pagefindFilters(state) })).filters || {};
  const found = {};
  for (const [key, filter] of GROUPS) {
    if (state.chosen[key].length) {
      const others = await pagefind.search(term, { filters: pagefindFilters(state, key) });
      found[key] = (others.filters || {})[filter] || {};
    } else {
      found[key] = all[filter] || {};
    }
  }
  return found;
}

function optionsOf(key, tally, chosen) {
  const values = Object.keys(tally).filter((value) => tally[value] > 0 || chosen.includes(value));
  for (const value of chosen) {
    if (!values.includes(value)) values.push(value); // chosen, though nothing matches now: it can be unticked
  }
  if (key === "tahun") return values.sort((a, b) => Number(b) - Number(a));
  return values.sort((a, b) => a.localeCompare(b, "id"));
}

function showFilters(tallies, state) {
  const focused = document.activeElement;
  const refocus = panel.contains(focused) ? [focused.name, focused.value] : null;
  const groups = [];
  for (const [key, , legendText] of GROUPS) {
    const values = optionsOf(key, tallies[key], state.chosen[key]);
    if (!values.length) continue;
    const group = document.createElement("fieldset");
    group.className = "sj-arsip__grup";
    const legend = document.createElement("legend");
    legend.textContent = legendText;
    const options = document.createElement("ul");
    for (const value of values) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = key;
      box.value = value;
      box.checked = state.chosen[key].includes(value);
      const count = document.createElement("span");
      count.className = "sj-arsip__jumlah";
      count.textContent = `(${tallies[key][value] || 0})`;
      const label = document.createElement("label");
      label.append(box, ` ${value} `, count);
      const option = document.createElement("li");
      option.append(label);
      options.append(option);
    }
    group.append(legend, options);
    groups.push(group);
  }
  panel.replaceChildren(...groups);
  const picked = GROUPS.reduce((sum, [key]) => sum + state.chosen[key].length, 0);
  drawer.querySelector("summary").textContent = picked ? `Filter (${picked} dipilih)` : "Filter";
  if (refocus) {
    const again = [...panel.querySelectorAll("input")].find(
      (box) => box.name === refocus[0] && box.value === refocus[1],
    );
    if (again) again.focus();
  }
}

async function showMore(generation) {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  shown += batch.length;
  const items = await Promise.all(batch.map((result) => result.data()));
  if (generation !== latest) return false;
  list.append(...items.map(resultItem));
  more.hidden = shown >= results.length;
  return true;
}

function describe(state, total) {
  const term = termOf(state);
  const picked = GROUPS.some(([key]) => state.chosen[key].length);
  if (total === 0) return term ? `Tidak ada item untuk "${term}".` : "Tidak ada item yang cocok dengan filter ini.";
  const what = `${total} item`;
  if (term) return `${what} untuk "${term}"${picked ? " dengan filter yang dipilih" : ""}.`;
  return picked ? `${what} cocok dengan filter yang dipilih.` : `${what} di arsip.`;
}

function failed(error) {
  // Opened from disk the module does not even start, and the page's own text says the same.
  summary.textContent =
    "Penelusuran arsip tidak dapat berjalan di sini (misalnya situs dibuka langsung dari disk). " +
    "Gunakan daftar menurut jenis, tahun, status dan platform di bawah.";
  form.hidden = true;
  more.hidden = true;
  list.replaceChildren();
  console.warn(error);
}

// Where the reader was in this view: how many results were shown and how far down, kept in the history entry, so
// Back from an item returns to the same place (the browser's own restoring would run before the results are there).
function remember() {
  window.history.replaceState({ shown, scroll: window.scrollY }, "", window.location.href);
}

async function show(state, place = null) {
  const generation = ++latest;
  list.setAttribute("aria-busy", "true"); // until this view's results are shown (or search failed)
  words.value = state.q;
  number.value = state.nomor;
  order.value = state.urut || (termOf(state) ? "" : "terbaru");
  summary.textContent = "Memuat …";
  let pagefind;
  let tallies;
  let found;
  try {
    pagefind = await engine();
    const term = termOf(state);
    const sort = SORTS[state.urut] || (term ? undefined : SORTS.terbaru);
    [found, tallies] = await Promise.all([
      find(term, { filters: pagefindFilters(state), sort }),
      counts(pagefind, state),
    ]);
  } catch (error) {
    failed(error);
    list.removeAttribute("aria-busy");
    return;
  }
  if (generation !== latest) return;
  results = found;
  shown = 0;
  showFilters(tallies, state);
  list.replaceChildren();
  if (!(await showMore(generation))) return;
  while (place && shown < Math.min(place.shown || 0, results.length)) {
    if (!(await showMore(generation))) return;
  }
  summary.textContent = describe(state, results.length);
  list.removeAttribute("aria-busy");
  if (place && typeof place.scroll === "number") window.scrollTo(0, place.scroll);
}

function go(state) {
  // Pushed, so the browser's Back button returns to the previous view, where the reader left it.
  remember();
  window.history.pushState(null, "", addressOf(state));
  show(state);
}

if (form && drawer && panel && words && number && order && summary && list && more) {
  form.hidden = false;
  // Beside the results on a wide screen; on a phone folded under one line, so the results come first.
  drawer.open = window.matchMedia("(min-width: 76.25em)").matches; // sop-jdih.css: the width of the two columns
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go(stateOfForm());
  });
  panel.addEventListener("change", () => go(stateOfForm()));
  order.addEventListener("change", () => go(stateOfForm()));
  more.addEventListener("click", async () => {
    await showMore(latest);
    remember();
  });
  window.history.scrollRestoration = "manual";
  window.addEventListener("pagehide", remember);
  window.addEventListener("popstate", (event) => show(stateFrom(window.location.href), event.state));
  const state = stateFrom(window.location.href);
  const place = window.history.state; // set when the reader comes Back to this view
  window.history.replaceState(place, "", addressOf(state)); // the home form's empty fields leave the address
  show(state, place);
}
