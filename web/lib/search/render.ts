// Rendering of search results. Text from the index only ever enters the
// page as text nodes, never as HTML.

import { Article, blockHits, Hit, Result, SearchIndex, Snippet } from "./engine";

/**
 * PAGE is how many results are shown at first and added by "more": eight,
 * each with its matching units under it, so that a query downloads the
 * text of eight articles, not more, until the reader asks.
 */
export const PAGE = 8;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return e;
}

function quoted(terms: string[]): string {
  return terms.map((t) => "“" + t + "”").join("");
}

/** message replaces the content of the results element with paragraphs. */
export function message(results: HTMLElement, ...paragraphs: (string | Node)[]): void {
  results.textContent = "";
  for (const p of paragraphs) results.appendChild(el("p", "search-message", p));
}

/** MAX_BLOCKS is how many matching blocks of an article a result shows. */
const MAX_BLOCKS = 5;

function snippetOf(s: Snippet): HTMLElement {
  const p = el("p", "search-snippet");
  if (s.cutBefore) p.appendChild(document.createTextNode("…"));
  s.parts.forEach((part, i) => {
    if (part === "") return;
    p.appendChild(i % 2 === 1 ? el("mark", "", part) : document.createTextNode(part));
  });
  if (s.cutAfter) p.appendChild(document.createTextNode("…"));
  return p;
}

/**
 * hitItem shows an article of the result: its label, linked to the first
 * block that matches, where it stands and the validity of its version;
 * then each matching paragraph, item or sub-item with its citation,
 * linked to its anchor. Links carry the terms (hl=), which the article
 * page highlights on arrival.
 */
function hitItem(a: Article, terms: string[], siteRoot: string): HTMLLIElement {
  const blocks = blockHits(a, terms);
  const page = siteRoot + a.url + "?hl=" + encodeURIComponent(terms.join(" "));
  const href = (anchor: string) => page + (anchor ? "#" + anchor : "");
  const link = el("a", "search-link", a.label || a.doc);
  link.href = href(blocks.length > 0 ? blocks[0].anchor : "");
  const where = el("span", "search-where", a.chapter ? a.doc + " · " + a.chapter : a.doc);
  const li = el("li", "search-hit", link, " ", where);
  if (a.status) {
    const current = a.status.indexOf("现行有效") === 0;
    li.appendChild(document.createTextNode(" "));
    li.appendChild(el("span", "search-status" + (current ? "" : " not-current"), a.status));
  }
  if (blocks.length === 1 && blocks[0].cite === a.label) {
    li.appendChild(snippetOf(blocks[0].snippet));
    return li;
  }
  for (const b of blocks.slice(0, MAX_BLOCKS)) {
    const cite = el("a", "search-cite", b.cite);
    cite.href = href(b.anchor);
    const div = el("div", "search-block", cite);
    div.appendChild(snippetOf(b.snippet));
    li.appendChild(div);
  }
  if (blocks.length > MAX_BLOCKS) {
    const rest = el("a", "", "另有 " + (blocks.length - MAX_BLOCKS) + " 处，见" + a.label + "全文");
    rest.href = href(blocks[MAX_BLOCKS].anchor);
    li.appendChild(el("p", "search-rest", rest));
  }
  return li;
}

/** searchHref is the search page for q, over all versions if all. */
function searchHref(siteRoot: string, q: string, all: boolean): string {
  return siteRoot + "search.html?q=" + encodeURIComponent(q) + (all ? "&all=1" : "");
}

/**
 * versionsNote says, for a query over the versions in force, how many
 * more articles of other versions match, with a link to include them;
 * for a query over all versions, that it includes them, with a link back.
 */
function versionsNote(r: Result, query: string, all: boolean, siteRoot: string): HTMLElement | null {
  if (all) {
    const back = el("a", "", "只看现行有效的版本");
    back.href = searchHref(siteRoot, query, false);
    return el("p", "search-versions", "结果包括已修改、已废止和尚未生效的版本（", back, "）。");
  }
  if (r.old === 0) return null;
  const more = el("a", "", "包括这些版本");
  more.href = searchHref(siteRoot, query, true);
  return el("p", "search-versions", "另有 " + r.old + " 条在已修改、已废止或尚未生效的版本中（", more, "）。");
}

/**
 * showResults renders a result into the results element: the count, the
 * first PAGE hits, and a button that adds PAGE more. siteRoot is the
 * relative path from the page to the site root.
 */
export async function showResults(
  results: HTMLElement,
  index: SearchIndex,
  r: Result,
  siteRoot: string,
  query = r.terms.join(" "),
  all = false,
): Promise<void> {
  const note = versionsNote(r, query, all, siteRoot);
  if (r.total === 0) {
    if (note && !all) {
      message(results, "现行有效的版本中没有找到含有" + quoted(r.terms) + "的条文。");
      results.appendChild(note);
      return;
    }
    await showNone(results, index, r, siteRoot);
    return;
  }
  const what = r.terms.length > 1 ? "同时含有" + quoted(r.terms) : "含有" + quoted(r.terms);
  const count = el("p", "search-count", "找到 ", el("strong", "", String(r.total)), " 条" + what + "的条文。");
  const list = el("ol", "search-results");
  const more = el("button", "search-more");
  more.type = "button";
  let shown = 0;
  const page = async (): Promise<HTMLLIElement[]> => {
    await r.fetch(shown + PAGE);
    const hits: Hit[] = r.hits.slice(shown, shown + PAGE);
    const articles = await Promise.all(hits.map((h) => index.article(h.id)));
    const items = articles.map((a) => hitItem(a, r.terms, siteRoot));
    for (const li of items) list.appendChild(li);
    shown += hits.length;
    const left = r.total - shown;
    more.hidden = left <= 0;
    more.textContent = "显示更多结果（还有 " + left + " 条）";
    return items;
  };
  await page();
  results.textContent = "";
  results.appendChild(count);
  if (note) results.appendChild(note);
  results.appendChild(list);
  results.appendChild(more);
  more.addEventListener("click", () => {
    more.disabled = true;
    page()
      .then((items) => {
        const link = items.length > 0 ? items[0].querySelector("a") : null;
        if (link) link.focus();
      })
      .catch(() => results.appendChild(el("p", "search-message", "加载更多结果失败，请再试一次。")))
      .then(() => (more.disabled = false));
  });
}

/** MAX_TRIES bounds the extra queries made to suggest shorter terms. */
const MAX_TRIES = 8;

/**
 * showNone says that nothing matched and suggests shorter queries that do
 * match: each term alone when there are several; otherwise the longest
 * beginning and the longest end of the term that occur.
 */
async function showNone(results: HTMLElement, index: SearchIndex, r: Result, siteRoot: string): Promise<void> {
  const found: { q: string; n: number }[] = [];
  let tries = 0;
  const attempt = async (q: string): Promise<boolean> => {
    if (tries >= MAX_TRIES || found.some((f) => f.q === q)) return false;
    tries++;
    const n = (await index.search(q)).total;
    if (n > 0) found.push({ q, n });
    return n > 0;
  };
  if (r.terms.length > 1) {
    for (const t of r.terms) await attempt(t);
  } else {
    const cps = Array.from(r.terms[0]);
    let prefix = false;
    let suffix = false;
    for (let n = cps.length - 1; n >= 1 && tries < MAX_TRIES && !(prefix && suffix); n--) {
      if (!prefix) prefix = await attempt(cps.slice(0, n).join(""));
      if (!suffix) suffix = await attempt(cps.slice(cps.length - n).join(""));
    }
  }
  const first = "没有找到含有" + quoted(r.terms) + "的条文。";
  if (found.length === 0) {
    message(results, first, "请换用更短的词，例如只输入两三个字，或减少搜索词的数量。");
    return;
  }
  const tips = el("p", "search-message", "请换用更短的词，例如：");
  found.forEach((f, i) => {
    const a = el("a", "", f.q);
    a.href = siteRoot + "search.html?q=" + encodeURIComponent(f.q);
    if (i > 0) tips.appendChild(document.createTextNode("、"));
    tips.appendChild(a);
    tips.appendChild(document.createTextNode("（" + f.n + " 条）"));
  });
  results.textContent = "";
  results.appendChild(el("p", "search-message", first));
  results.appendChild(tips);
}
