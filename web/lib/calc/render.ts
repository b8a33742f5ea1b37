// Rendering a decision of rules.route into #result, a polite live region
// (a procedure's answer: ruling.ts).
// The result is a list of sections; an update replaces only the sections
// whose content changed, so that a screen reader announces what changed
// (typing 800 → 850 re-reads the amount, not the whole decision).

import { Child, h } from "./dom";
import { Bound, Decision, MatterInfo, PageData, Reading, Source, Value } from "./types";

/** Links resolve relative to the page: root is its data-root ("", "../"). */
export interface Context {
  data: PageData;
  root: string;
}

/** clauseHref is the address of a clause relative to the page, or "". */
export function clauseHref(ctx: Context, clauseID: string): string {
  const href = ctx.data.clauses[clauseID];
  return href ? ctx.root + href : "";
}

export function clauseLink(ctx: Context, id: string, citation: string): Child {
  const href = clauseHref(ctx, id);
  return href ? h("a", { href: href }, citation) : citation;
}

/** wan writes an amount in 万元 as the text does: 800万元. */
export function wan(amount: string): string {
  return amount + "万元";
}

// readingText shows how the site reads an implicit point of the text, the
// reason folded away as on the threshold tables.
function readingText(r: Reading): Child {
  return h("details", { class: "reading" }, h("summary", null, "解读：" + r.reading), "理由：" + r.reason);
}

/**
 * versionLine names the version of the Work Rules an answer rests on, with
 * its dates and, where the site knows it, its status.
 */
export function versionLine(ctx: Context, src: Source): HTMLElement {
  return h("p", { class: "version" }, "所依据的版本：" + src.citation + (ctx.data.status ? "，" + ctx.data.status : ""));
}

export function section(key: string, title: string, ...body: Child[]): HTMLElement {
  return h("section", { class: "result-part result-" + key, "data-part": key }, h("h3", null, title), body);
}

function verdict(ctx: Context, d: Decision): HTMLElement {
  const body = ctx.data.bodies[d.decider];
  return h(
    "div",
    { class: "result-part verdict", "data-part": "verdict" },
    h("p", { class: "verdict-label" }, "决策主体与方式"),
    h("p", { class: "verdict-main" }, h("strong", { class: "decider" }, d.decider), " ", h("span", { class: "action" }, d.action)),
    h("p", { class: "verdict-wording" }, "即“", d.wording, "”。"),
    body ? h("p", { class: "verdict-more" }, h("a", { href: ctx.root + body }, "查看" + d.decider + "负责的全部事项")) : null,
  );
}

function bandOf(v: Value, typed: string): HTMLElement {
  const readings: Child[] = [];
  for (const b of [v.range.lower, v.range.upper] as Bound[]) {
    if (b.reading) readings.push(readingText(b.reading));
  }
  return h(
    "li",
    null,
    v.label + "：",
    h("strong", null, wan(v.amount)),
    typed ? "（按输入“" + typed + "”计）" : "",
    "，属于“" + v.range.text + "”一档。",
    readings,
  );
}

/**
 * decisionParts renders a decision as the sections of #result. typed maps
 * input names to the text typed, where it differs from the amount shown.
 */
export function decisionParts(ctx: Context, m: MatterInfo, d: Decision, typed: { [name: string]: string }): HTMLElement[] {
  const parts: HTMLElement[] = [verdict(ctx, d)];
  if (d.steps.length > 1) {
    parts.push(
      section(
        "steps",
        "办理程序",
        h(
          "ol",
          { class: "steps" },
          d.steps.map((s) => h("li", null, h("strong", null, s.actor), s.action)),
        ),
      ),
    );
  }
  if (d.duties.length > 0) {
    parts.push(section("duties", "同时须办理", h("ul", null, d.duties.map((x) => h("li", null, x)))));
  }
  if (d.notes.length > 0) {
    parts.push(
      section(
        "notes",
        "说明",
        h(
          "ul",
          null,
          d.notes.map((n) =>
            h("li", null, n.text, n.basis ? h("span", { class: "quote" }, "原文：“" + n.basis + "”（", clauseLink(ctx, n.clause.id, n.clause.citation), "）") : null),
          ),
        ),
      ),
    );
  }
  parts.push(
    section(
      "basis",
      "依据",
      h("p", { class: "citation" }, ctx.data.citation, clauseLink(ctx, d.clause.id, d.clause.citation)),
      h("blockquote", { class: "basis-quote" }, "“" + d.basis + "”"),
      d.clause.id !== m.id ? h("p", { class: "reading" }, "本事项的全文：", clauseLink(ctx, m.id, m.citation)) : null,
      versionLine(ctx, d.source),
    ),
  );
  parts.push(section("band", "金额所在档次", h("ul", null, d.values.map((v) => bandOf(v, typed[v.input] || "")))));
  if (d.next.length > 0) {
    parts.push(
      section(
        "next",
        "相邻档次",
        h(
          "ul",
          null,
          d.next.map((n) =>
            h(
              "li",
              { class: n.direction === "up" ? "next-up" : "next-down" },
              n.text + "。",
              n.clause.id !== d.clause.id ? h("span", { class: "quote" }, "（", clauseLink(ctx, n.clause.id, n.clause.citation), "）") : null,
            ),
          ),
        ),
      ),
    );
  }
  if (d.general.length > 0) {
    parts.push(
      section(
        "general",
        "同时适用的规定",
        h(
          "ul",
          null,
          d.general.map((g) =>
            h(
              "li",
              { "data-rule": g.id },
              h("strong", null, g.text),
              h("span", { class: "quote" }, "原文：“" + g.basis + "”（", clauseLink(ctx, g.clause.id, g.clause.citation), "）"),
              g.reading ? readingText(g.reading) : null,
            ),
          ),
        ),
      ),
    );
  }
  return parts;
}

/** messagePart is a one-paragraph result: a prompt or a problem. */
export function messagePart(text: string, kind: "prompt" | "error"): HTMLElement {
  return h("p", { class: "result-part result-message result-" + kind, "data-part": "message" }, text);
}

/**
 * show puts parts into the result, keeping each existing section whose
 * content is unchanged so that assistive technology hears only changes.
 */
export function show(result: HTMLElement, parts: HTMLElement[]): void {
  for (let i = 0; i < parts.length; i++) {
    const want = parts[i];
    const have = result.children[i] as HTMLElement | undefined;
    if (have && have.outerHTML === want.outerHTML) {
      continue;
    }
    if (have) result.replaceChild(want, have);
    else result.appendChild(want);
  }
  while (result.children.length > parts.length) {
    result.removeChild(result.lastElementChild as Element);
  }
}
