// assets/cite.js: the citation resolver, for the site's cite.html page and
// for other intranet systems that embed it (README: Resolving citations
// from other systems). It defines window.RulesiteCite:
//
//	RulesiteCite.resolve(q, {doc, date}) → Promise<Answer[]>
//	RulesiteCite.base                     the site's address
//
// and, on cite.html, answers the query of the address (cite.html?q=…).

import { copyText } from "./lib/clipboard";
import { Answer, Options, Resolver } from "./lib/cite/index";

/** scriptBase is the site's address: this script's, less assets/cite.js. */
function scriptBase(): string {
  const s = document.currentScript as HTMLScriptElement | null;
  const src = s && s.src ? s.src : "";
  const at = src.lastIndexOf("assets/");
  if (at >= 0) return src.slice(0, at);
  return document.body ? document.body.getAttribute("data-root") || "" : "";
}

const base = scriptBase();
const resolver = new Resolver(base);

(window as unknown as Record<string, unknown>).RulesiteCite = {
  base,
  resolve: (q: string, opts?: Options): Promise<Answer[]> => resolver.resolve(q, opts || {}),
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function render(out: HTMLElement, root: string, answers: Answer[]): void {
  out.textContent = "";
  for (const a of answers) {
    if (!a.ok) {
      const p = el("p", "search-message cite-error");
      p.textContent = (a.text ? "“" + a.text + "”：" : "") + (a.message || "无法解析");
      out.appendChild(p);
      continue;
    }
    const sec = el("section", "cite-answer");
    const h = el("h2", "cite-citation");
    const link = el("a", "", a.citation);
    link.href = root + (a.href || "");
    h.appendChild(link);
    sec.appendChild(h);
    if (a.lines && a.lines.length) {
      const q = el("blockquote", "cite-text");
      for (const l of a.lines) q.appendChild(el("p", "", l));
      sec.appendChild(q);
    }
    const tools = el("p", "cite-tools");
    const open = el("a", "", "打开条文");
    open.href = link.href;
    const copy = el("button", "", "复制引用");
    copy.type = "button";
    copy.addEventListener("click", () => {
      copyText(a.citation || "").then(
        () => (copy.textContent = "已复制"),
        () => (copy.textContent = "复制失败，请手动选择"),
      );
    });
    tools.appendChild(open);
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(copy);
    sec.appendChild(tools);
    out.appendChild(sec);
  }
}

function page(): void {
  const out = document.getElementById("cite-result");
  const input = document.getElementById("cite-q") as HTMLInputElement | null;
  if (!out || !input) return;
  const root = document.body.getAttribute("data-root") || "";
  const params = new URLSearchParams(location.search);
  const q = params.get("q") || "";
  if (!q.trim()) return;
  input.value = q;
  out.textContent = "正在解析……";
  out.setAttribute("aria-busy", "true");
  resolver
    .resolve(q, { doc: params.get("doc") || undefined, date: params.get("date") || undefined })
    .then(
      (answers) => {
        // cite.html?q=…&go=1 is a link to the unit itself, for systems
        // that print citations as links: go there when it is one unit.
        if (params.get("go") === "1" && answers.length === 1 && answers[0].ok) {
          location.replace(root + answers[0].href);
          return;
        }
        render(out, root, answers);
      },
      (e: Error) => {
        out.textContent = "";
        out.appendChild(el("p", "search-message", e.message));
      },
    )
    .then(() => out.removeAttribute("aria-busy"));
}

page();
