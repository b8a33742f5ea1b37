// Rendering of search results. Text from the index only ever enters the
// page as text nodes, never as HTML.

import { Article, Hit, Result, SearchIndex, snippet } from "./engine";

/** PAGE is how many results are shown at first and added by "more". */
export const PAGE = 20;

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

function hitItem(a: Article, terms: string[], siteRoot: string): HTMLLIElement {
  const s = snippet(a, terms);
  const href = siteRoot + a.url + (s && s.anchor ? "#" + s.anchor : "");
  const link = el("a", "search-link", a.label || a.doc);
  link.href = href;
  const where = el("span", "search-where", a.chapter ? a.doc + " · " + a.chapter : a.doc);
  const li = el("li", "search-hit", link, " ", where);
  if (s) {
    const p = el("p", "search-snippet");
    if (s.cutBefore) p.appendChild(document.createTextNode("…"));
    s.parts.forEach((part, i) => {
      if (part === "") return;
      p.appendChild(i % 2 === 1 ? el("mark", "", part) : document.createTextNode(part));
    });
    if (s.cutAfter) p.appendChild(document.createTextNode("…"));
    li.appendChild(p);
  }
  return li;
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
): Promise<void> {
  if (r.hits.length === 0) {
    await showNone(results, index, r, siteRoot);
    return;
  }
  const what = r.terms.length > 1 ? "同时含有" + quoted(r.terms) : "含有" + quoted(r.terms);
  const count = el("p", "search-count", "找到 ", el("strong", "", String(r.hits.length)), " 条" + what + "的条文。");
  const list = el("ol", "search-results");
  const more = el("button", "search-more");
  more.type = "button";
  let shown = 0;
  const page = async (): Promise<HTMLLIElement[]> => {
    const hits: Hit[] = r.hits.slice(shown, shown + PAGE);
    const articles = await Promise.all(hits.map((h) => index.article(h.id)));
    const items = articles.map((a) => hitItem(a, r.terms, siteRoot));
    for (const li of items) list.appendChild(li);
    shown += hits.length;
    const left = r.hits.length - shown;
    more.hidden = left <= 0;
    more.textContent = "显示更多结果（还有 " + left + " 条）";
    return items;
  };
  await page();
  results.textContent = "";
  results.appendChild(count);
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
    const n = (await index.search(q)).hits.length;
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
