// sop-jdih: the shared search module: `find` runs a query on Pagefind, `resultItem` shows one result.
//
// A plain pass-through to Pagefind's `search`, so pages that list results (/arsip/) share one way to search and to
// show a result. Every text from the index is put into the page as text; the excerpt's <mark> highlights are rebuilt
// element by element, never inserted as HTML.

const PAGEFIND = new URL("../../pagefind/pagefind.js", import.meta.url).href;

export async function find(term, { filters = {}, sort } = {}) {
  const pagefind = await import(PAGEFIND);
  await pagefind.init();
  const found = await pagefind.search(term, sort ? { filters, sort } : { filters });
  return found.results;
}

function excerptNodes(excerpt) {
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

function first(filters, name) {
  return (filters && filters[name] && filters[name][0]) || "";
}

export function resultItem(data) {
  const item = document.createElement("li");
  item.className = "sj-cari-hasil__butir";
  const kind = first(data.filters, "tipe");
  if (kind) {
    const label = document.createElement("span");
    label.className = "sj-cari-hasil__tipe";
    label.textContent = kind;
    item.append(label);
  }
  const status = first(data.filters, "status");
  if (status) {
    const badge = document.createElement("span");
    badge.className = `jdih-badge jdih-badge--${status === "Berlaku" ? "berlaku" : "tidak-berlaku"}`;
    badge.textContent = status;
    item.append(badge, " ");
  }
  const year = first(data.filters, "tahun");
  if (year) {
    const label = document.createElement("span");
    label.className = "sj-cari-hasil__tahun";
    label.textContent = year;
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
