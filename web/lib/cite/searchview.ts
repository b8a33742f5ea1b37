// Citation hits on the search page: when a query is a citation
// (第二十二条第（三）项第1目, 22.3.1, 行政复议法第十条), the units it names
// are offered first, above the full-text results, each with its formal
// citation, a link to its anchor and its text. Text enters the page only
// as text nodes.
//
// The resolver is the site's assets/cite.js (RulesiteCite, documented in
// the README), loaded only for a query that may be a citation, so that
// other queries do not download it.

import type { Answer } from "./index";
import { CHINESE_NUMERALS } from "./numeral";

/** CiteHit is a unit a query names, as the search page shows it. */
interface CiteHit {
  /** The reference as read from the query. */
  text: string;
  citation: string;
  /** Address from the page: root + the unit's address. */
  href: string;
  /** The unit's text, line by line. */
  lines: string[];
}

interface CiteAPI {
  resolve(q: string): Promise<Answer[]>;
}

/** NUMBERS_ONLY matches a query of numbers alone, dotted or not. */
const NUMBERS_ONLY = new RegExp("^[\\s\\d.．０-９" + CHINESE_NUMERALS + "]+$");

/**
 * mayCite tells the queries the citation grammar may read: those with a
 * unit's word (条, 款, 项, 目) or a title in 《》, and those of numbers
 * alone (22, 22.3.1, 二十二).
 */
export function mayCite(q: string): boolean {
  return /[条款项目《〈]/.test(q) || NUMBERS_ONLY.test(q);
}

let api: Promise<CiteAPI> | null = null;

/** loadResolver loads assets/cite.js once, by a classic script (file:// too). */
function loadResolver(root: string): Promise<CiteAPI> {
  if (!api) {
    api = new Promise<CiteAPI>((resolve, reject) => {
      const s = document.createElement("script");
      s.src = root + "assets/cite.js";
      s.onload = () => {
        const r = (window as unknown as { RulesiteCite?: CiteAPI }).RulesiteCite;
        if (r) resolve(r);
        else reject(new Error("assets/cite.js defines no RulesiteCite"));
      };
      s.onerror = () => reject(new Error("assets/cite.js did not load"));
      document.head.appendChild(s);
    });
    api.catch(() => (api = null));
  }
  return api;
}

/** citationHits resolves a query to the units it names; [] if none. */
async function citationHits(query: string, root: string): Promise<CiteHit[]> {
  if (!mayCite(query)) return [];
  const answers = await (await loadResolver(root)).resolve(query);
  const hits: CiteHit[] = [];
  for (const a of answers) {
    if (a.ok) hits.push({ text: a.text, citation: a.citation || "", href: root + (a.href || ""), lines: a.lines || [] });
  }
  return hits;
}

/** MAX_LINES is how many lines of a unit's text a hit shows. */
const MAX_LINES = 4;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  return e;
}

function hitItem(hit: CiteHit): HTMLLIElement {
  const link = el("a", "search-link", hit.citation);
  link.href = hit.href;
  const li = el("li", "search-hit cite-hit", link);
  if (hit.text !== hit.citation) li.appendChild(el("span", "search-where", "查询“" + hit.text + "”所指的条文"));
  const lines = hit.lines.filter((l) => l !== "");
  if (lines.length > 0) {
    const shown = lines.slice(0, MAX_LINES);
    const p = el("p", "search-snippet search-cite-text", shown.join("\n"));
    if (lines.length > MAX_LINES) p.appendChild(document.createTextNode("……"));
    li.appendChild(p);
  }
  return li;
}

/**
 * showCitations fills container with the units query names as a citation,
 * resolved against the site at root; it leaves container empty when the
 * query is not a citation of the site, or when the resolver's data cannot
 * load (the full-text results still answer). It resolves to the number of
 * hits shown.
 */
export async function showCitations(container: HTMLElement, query: string, root: string): Promise<number> {
  let hits: CiteHit[];
  try {
    hits = await citationHits(query, root);
  } catch (e) {
    console.error(e);
    return 0;
  }
  container.textContent = "";
  if (hits.length === 0) return 0;
  const more = el("a", "", "在引用解析页中查看");
  more.href = root + "cite.html?q=" + encodeURIComponent(query);
  container.appendChild(el("h2", "search-cite-head", "查询所指的条文"));
  container.appendChild(el("ul", "search-results cite-hits", ...hits.map(hitItem)));
  container.appendChild(el("p", "search-help", "以上为按引用格式解析出的条文（", more, "）；下面是含有查询文字的全文检索结果。"));
  return hits.length;
}
