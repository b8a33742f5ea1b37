// The search page (search.html?q=…): runs the query against the index in
// search/ and shows the results in #results. The index loads by fetch over
// http and by <script> elements from file://, where fetch of local files is
// forbidden.

import { SearchIndex } from "./lib/search/engine";
import { FetchSource, ScriptSource, Source } from "./lib/search/loader";
import { message, showResults } from "./lib/search/render";
import { showCitations } from "./lib/cite/searchview";

function query(): string {
  const params = new URLSearchParams(location.search);
  return params.get("q") || "";
}

/** allVersions tells whether the query asks for every version (all=1). */
function allVersions(): boolean {
  return new URLSearchParams(location.search).get("all") === "1";
}

function section(parent: HTMLElement, className: string): HTMLElement {
  const div = document.createElement("div");
  div.className = className;
  parent.appendChild(div);
  return div;
}

async function main(): Promise<void> {
  const results = document.getElementById("results");
  if (!results) return;
  // aria-busy tells assistive technology, and the browser tests, when the
  // results are complete.
  results.setAttribute("aria-busy", "true");
  const q = query();
  for (const id of ["q", "site-q"]) {
    const input = document.getElementById(id) as HTMLInputElement | null;
    if (input) input.value = q;
  }
  if (q.trim() === "") {
    message(results, "请输入要查找的文字，例如：廉政、500万元、AB角。多个词用空格隔开，结果须同时含有每个词。");
    results.setAttribute("aria-busy", "false");
    return;
  }
  document.title = q + " - " + document.title;
  const siteRoot = document.body.getAttribute("data-root") || "";
  const base = siteRoot + "search/";
  const source: Source = location.protocol === "file:" ? new ScriptSource(base) : new FetchSource(base);
  const index = new SearchIndex(source);
  // The units the query names as a citation come first; the full-text
  // results follow. Both run at once; each fills its own section.
  results.textContent = "";
  const cited = section(results, "search-cite");
  const full = section(results, "search-fulltext");
  message(full, "正在搜索……");
  const citing = showCitations(cited, q, siteRoot);
  let failed = false;
  try {
    const all = allVersions();
    await showResults(full, index, await index.search(q, { all }), siteRoot, q, all);
  } catch (e) {
    message(
      full,
      "搜索索引加载失败，未能完成搜索。",
      "请刷新页面再试；如果是从磁盘打开本站，请确认网站文件夹中的 search 文件夹完整。",
    );
    console.error(e);
    failed = true;
  }
  // When the query named a unit and no article holds its characters (a
  // citation seldom is the text's own wording), suggesting shorter words
  // would mislead: say it plainly under the unit.
  if ((await citing) > 0 && !failed && !full.querySelector(".search-hit, .search-versions")) {
    message(full, "全文中没有含有“" + q.trim() + "”这些文字的条文。");
  }
  results.setAttribute("aria-busy", "false");
}

main();
