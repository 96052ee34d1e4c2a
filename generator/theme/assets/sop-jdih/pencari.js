// sop-jdih: the search shared by /cari/ and /arsip/, on Pagefind's JavaScript API.
//
// `find` reads the query the way people type it before Pagefind sees it: a citation ("UU 7/2017", "PKPU 2 2021",
// "Undang-Undang Nomor 7 Tahun 2017", a keputusan's slashed number) becomes the short form every produk hukum page
// indexes (generator/pages/search_text.py), and every other word becomes its root (indeks-cari/akar-XX.json, roots by
// PySastrawi at build time), which every page indexes beside its words. It then drops results that matched only a
// stray short word (Pagefind 1.5 matches "x" for "xqzvw"), and re-ranks the first results: the document a citation
// names first, then produk hukum above SOPs, dasar hukum pages and konten, and a current item above a revoked one.
// `resultItem` shows a result; every text from the index is set as text, never inserted as HTML.

const SITE = new URL("../../", import.meta.url);
const RANKED = 12; // results whose fragments are read to drop junk and re-rank: each costs a download
const EXCERPT_WORDS = 30;
// Each result's kind says how it ranks (generator/archive/kind.py `Rank`, as Pagefind metadata): `bobot` multiplies
// its score, `tingkat` places it after the document a citation names, `minta` lists the words that ask for that kind
// ("sop agam", "konten pemilih"): its results then count ASKED_WEIGHT times.
const REVOKED_WEIGHT = 0.6;
const ASKED_WEIGHT = 2;
const LAST_TIER = 6; // a page without a kind
// What Indonesian adds after a root or a word: "pemilih" is a real match for "pemilihan", "kata" is not for "katalog".
const SUFFIX = /^(?:(?:k?an|i)(?:nya|ku|mu)?|nya|ku|mu)?(?:lah|kah|pun|tah)?$/;
// A number with its year: "7/2017", "7 2017", "7 Tahun 2017", "13/PP.07.1/1306/2021" (the year inside the number).
const NUMBER = /^(?:(?:nomor|nomer|no)\s*\.?\s*:?\s*)?(\d[\w.-]*(?:\s*\/\s*[\w.-]+)*)(?:\s*,?\s*(?:tahun\s+|th\.?\s*|\/\s*|\s)((?:19|20)\d{2}))?\s*$/i;

let loading = null; // Pagefind, once it is being loaded
const files = new Map();

/** Pagefind, loaded once with the site's own path as its base (so search works from a sub-path). */
export async function engine() {
  if (window.location.protocol === "file:") {
    throw new Error("file"); // the browser forbids Pagefind's fetch of its index from disk
  }
  if (!loading) {
    loading = import(new URL("pagefind/pagefind.js", SITE).href).then(async (loaded) => {
      await loaded.options({ baseUrl: SITE.pathname });
      await loaded.init();
      return loaded;
    });
    loading.catch(() => {
      loading = null; // a later search may try again
    });
  }
  return loading;
}

function json(path) {
  if (!files.has(path)) {
    const loading = fetch(new URL(path, SITE)).then((response) => (response.ok ? response.json() : {}));
    files.set(path, loading.catch(() => ({})));
  }
  return files.get(path);
}

// The same key as generator/dasar_hukum/citations.py `search_key`; /arsip/ keys its Nomor field with it.
function key(text) {
  return text.toLowerCase().replace(/[^a-z0-9/]+/g, "");
}
export { key as searchKey };

// The same bucket as generator/pages/search_text.py `bucket_of` (FNV-1a, 32 bit, over the word's characters).
function bucketOf(word) {
  let value = 0x811c9dc5;
  for (const character of word) {
    value = Math.imul(value ^ character.codePointAt(0), 0x01000193) >>> 0;
  }
  return value % 64;
}

async function rootOf(word) {
  if (!/^[a-z]+$/.test(word)) {
    return word;
  }
  const bucket = bucketOf(word).toString(16).padStart(2, "0");
  const roots = await json(`indeks-cari/akar-${bucket}.json`);
  return roots[word] || word;
}

// A citation in the query: its Pagefind text (the short form pages index) and the keys of the document it names.
async function citationOf(query) {
  let rest = query.replace(/\s+/g, " ").trim();
  let jenis = "";
  for (const { code, pattern } of await json("indeks-cari/jenis.json")) {
    const found = new RegExp(`^(?:${pattern})(?=[\\s.:/]|$)`, "i").exec(rest);
    if (found) {
      jenis = code;
      rest = rest.slice(found[0].length);
      break;
    }
  }
  const abbreviation = !jenis && /^([a-z][a-z-]*)\s+(?=(?:nomor|nomer|no)\b|\d)/i.exec(rest);
  if (abbreviation) {
    jenis = key(abbreviation[1]); // the item's own abbreviation: KEPKAB, SK
    rest = rest.slice(abbreviation[0].length);
  }
  // Words between the jenis and the number name the issuer ("KPU Kabupaten Agam"); only the number counts.
  rest = rest.replace(/^[^\d]*?(?=(?:nomor|nomer|no)\b|\d)/i, "");
  const found = NUMBER.exec(rest);
  if (!found) {
    return null;
  }
  const number = found[1].replace(/\s*\/\s*/g, "/");
  const inside = /(?:^|\/)((?:19|20)\d{2})$/.exec(number);
  const year = found[2] || (inside && inside[1]);
  if (!year || number === year || (inside && found[2] && inside[1] !== found[2])) {
    return null; // "7" alone is no citation, nor is a year alone ("laporan 2021")
  }
  const full = inside ? number : `${number}/${year}`;
  const leading = /^\d+/.exec(number)[0];
  const numbers = [key(full), `${leading}/${year}`];
  const keys = numbers.flatMap((value) => (jenis ? [`${jenis}:${value}`] : []));
  return { text: full, keys, numbers: numbers.map((value) => `n:${value}`) };
}

function words(text) {
  return text.split(/[\r\n\s]+/g);
}

// Does the matched word `word` (normalised) answer the query word `term`? Pagefind's stemming makes its own matches
// (keputusan for putus, memilih for pilih), which keep most of the term; a word that is only a short start of the
// term ("x" for "xqzvw", "kata" for "kataygtidakada") does not. A term of one or two letters ("a", "uu") is a word
// only as itself: as a start it would match half the archive ("a" in "Anda", "atas").
const SHORT_TERM = 3;
function answers(word, term) {
  if (!word || !term) {
    return false;
  }
  if (term.length < SHORT_TERM) {
    return word === term;
  }
  if (word.startsWith(term)) {
    return true;
  }
  if (term.startsWith(word)) {
    return SUFFIX.test(term.slice(word.length));
  }
  return term.length >= 4 && word.includes(term.slice(1, -1));
}

function real(data, terms) {
  const all = words(data.content);
  const found = data.locations.map((location) => key(all[location] || ""));
  return terms.every((alternatives) => found.some((word) => alternatives.some((term) => answers(word, term))));
}

function tier(data, citation) {
  const cited = (data.meta.kutipan || "").split(" ");
  if (citation.keys.some((value) => cited.includes(value))) {
    return 0;
  }
  if (citation.numbers.some((value) => cited.includes(value))) {
    return 1;
  }
  return Number(data.meta.tingkat) || LAST_TIER;
}

function revoked(data) {
  return data.meta.status === "Tidak Berlaku" ? 1 : 0;
}

// The result with the query's words on its data, so `resultItem` can mark the words a root matched.
function withTerms(result, terms) {
  return { ...result, data: async () => Object.assign(await result.data(), { sjTerms: terms }) };
}

async function ranked(results, terms, citation) {
  const head = results.slice(0, RANKED);
  const loaded = await Promise.all(head.map(async (result) => ({ result, data: await result.data() })));
  const kept = loaded.filter(({ data }) => real(data, terms));
  if (!kept.length) {
    return []; // the best matches are all stray letters: the rest are worse
  }
  const order = citation
    ? (a, b) => tier(a.data, citation) - tier(b.data, citation) || revoked(a.data) - revoked(b.data)
    : (a, b) => weight(b, terms) - weight(a, terms);
  const all = [...kept.sort(order).map(({ result }) => result), ...results.slice(RANKED)];
  return all.map((result) => withTerms(result, terms));
}

// Pagefind's score, raised by the share of the query's words the title answers (a title names its subject), by the
// kind (produk hukum first) and lowered for a revoked item.
function weight({ result, data }, terms) {
  const title = words(data.meta.title || "").map(key);
  const named = terms.filter((alternatives) => title.some((word) => alternatives.some((term) => answers(word, term))));
  const askedBy = (data.meta.minta || "").split(" ");
  const asked = terms.some(([typed]) => askedBy.includes(typed)) ? ASKED_WEIGHT : 1;
  const kind = (Number(data.meta.bobot) || 1) * asked;
  return result.score * (1 + named.length / terms.length) * kind * (revoked(data) ? REVOKED_WEIGHT : 1);
}

/**
 * The text `find` gives Pagefind for `term` when it names a document or has words: the citation's short form, or the
 * words' roots; null for no term. Pages that count filter values (/arsip/) count over this same text.
 */
export async function searchText(term) {
  const query = (term || "").replace(/\s+/g, " ").trim();
  if (!query) {
    return null;
  }
  const citation = await citationOf(query);
  if (citation) {
    return citation.text;
  }
  return (await Promise.all(query.split(" ").map(key).filter(Boolean).map(rootOf))).join(" ");
}

// A sort's order: Pagefind result id → position (generator/publish/pagefind_sorts.py writes the files; read only when
// a view is sorted, so a plain search never downloads them).
function sortOrder(key) {
  const language = document.documentElement.lang || "unknown";
  return json(`pagefind/urut/${language}/${encodeURIComponent(key)}.json`).then(
    (ids) => new Map((Array.isArray(ids) ? ids : []).map((id, position) => [id, position])),
  );
}

// `results` in `sort`'s order ({ key: "asc" | "desc" }); a page without the key goes last, in its given order.
async function inOrder(results, sort) {
  const [key, direction] = Object.entries(sort)[0];
  const order = await sortOrder(key);
  const sign = direction === "desc" ? -1 : 1;
  const position = (result) => (order.has(result.id) ? sign * order.get(result.id) : Infinity);
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => position(a.result) - position(b.result) || a.index - b.index)
    .map(({ result }) => result);
}

/**
 * The results for `term`, best first, or in `sort`'s order (a `data-pagefind-sort` key, e.g. `{ tahun: "desc" }`):
 * Pagefind result objects (call `.data()` for a result's page). With no term, every page the filters let through.
 */
export async function find(term, { filters = {}, sort } = {}) {
  const engineLoaded = await engine();
  const query = (term || "").replace(/\s+/g, " ").trim();
  if (!query) {
    const all = (await engineLoaded.search(null, { filters })).results;
    return sort ? inOrder(all, sort) : all;
  }
  // Ranked by relevance first: junk is told from real matches among the best ones, whatever order is asked for.
  let best = [];
  const citation = await citationOf(query);
  if (citation) {
    const cited = await engineLoaded.search(citation.text, { filters });
    best = await ranked(cited.results, [[key(citation.text)]], citation);
  }
  if (!best.length) {
    const typed = query.split(" ").map(key).filter(Boolean);
    const roots = await Promise.all(typed.map(rootOf));
    const terms = typed.map((word, index) => [word, roots[index]]);
    const found = await engineLoaded.search(roots.join(" "), { filters });
    best = await ranked(found.results, terms, null);
  }
  return sort && best.length ? inOrder(best, sort) : best;
}

// A word of the page that a root typed (or a typed word's root) stands for: "pengelolaan" for "kelola".
function derived(word, term) {
  return word.includes(term) || (term.length >= 5 && word.includes(term.slice(1)));
}

function excerptNodes(data) {
  // The words of the page a reader sees (not the hidden search block at its end), around the first match: Pagefind's
  // matches, and the derived words a root matched through the hidden block.
  const all = words(data.content);
  const visible = all.length - Number(data.meta.tambahan || 0);
  const marked = new Set(data.locations.filter((location) => location < visible));
  const terms = (data.sjTerms || []).flat().filter((term) => /^[a-z]{4,}$/.test(term));
  if (terms.length) {
    all.slice(0, visible).forEach((word, index) => {
      const plain = key(word);
      if (terms.some((term) => derived(plain, term))) {
        marked.add(index);
      }
    });
  }
  const first = marked.size ? Math.min(...marked) : 0;
  const start = Math.max(0, Math.min(first - 8, visible - EXCERPT_WORDS));
  const nodes = [];
  for (let index = start; index < Math.min(visible, start + EXCERPT_WORDS); index += 1) {
    if (index > start) {
      nodes.push(document.createTextNode(" "));
    }
    const node = marked.has(index) ? document.createElement("mark") : document.createTextNode("");
    node.textContent = all[index];
    nodes.push(node);
  }
  if (start + EXCERPT_WORDS < visible) {
    nodes.push(document.createTextNode(" …"));
  }
  return nodes;
}

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

/** A result as a list item: its kind, status badge and year, its title linked, and an excerpt. */
export function resultItem(data) {
  const item = document.createElement("li");
  item.className = "sj-cari-hasil__butir";
  const meta = data.meta || {};
  const facts = document.createElement("p");
  facts.className = "sj-cari-hasil__fakta";
  const kind = meta.jenis_hasil || (data.filters && data.filters.tipe && data.filters.tipe[0]) || "";
  if (kind) {
    facts.append(span("sj-cari-hasil__tipe", kind));
  }
  if (meta.status) {
    const state = meta.status === "Berlaku" ? "berlaku" : "tidak-berlaku";
    facts.append(span(`jdih-badge jdih-badge--${state}`, meta.status));
  }
  if (meta.tahun) {
    facts.append(span("sj-cari-hasil__tahun", meta.tahun));
  }
  if (meta.unduh) {
    // The document, as the listings link it: a path from the site's root (generator/pages/search_text.py) or https.
    const download = document.createElement("a");
    download.className = "sj-cari-hasil__unduh";
    download.href = new URL(meta.unduh, SITE).href;
    download.textContent = "Unduh PDF";
    facts.append(download);
  }
  const title = document.createElement("a");
  title.className = "sj-cari-hasil__judul";
  title.href = data.url;
  title.textContent = meta.title || data.url;
  const excerpt = document.createElement("p");
  excerpt.className = "sj-cari-hasil__cuplikan";
  excerpt.append(...excerptNodes(data));
  item.append(title);
  if (facts.childNodes.length) {
    item.append(facts);
  }
  item.append(excerpt);
  return item;
}
