// Rendering a procedure's answer (who signs a document, which meeting
// decides a matter) into #result: who and how; every reading, each with
// its clause and quoted basis, where the text allows several; what the
// text does say where it is silent; then the steps before, the duties
// after, the notes, the matters of article 二十二 decided by amount, and
// the answers given.

import { Child, h } from "./dom";
import { clauseLink, Context, section, versionLine } from "./render";
import { Act, Note, Outcome, ProcedureInfo, Ruling } from "./types";

const NUMERALS = "一二三四五六七八九十";

/** numeral writes 1 to 10 as 一 to 十. */
export function numeral(n: number): string {
  return NUMERALS.charAt(n - 1) || String(n);
}

/** kinds writes a number of readings: 两种, 三种. */
export function kinds(n: number): string {
  return (n === 2 ? "两" : numeral(n)) + "种";
}

/**
 * quoted is what an outcome rests on in the text's words: its basis, with
 * its wording after an ellipsis where the basis does not hold it.
 */
export function quoted(o: Outcome): string {
  if (o.wording === "" || o.basis.indexOf(o.wording) >= 0) return o.basis;
  if (o.basis === "" || o.wording.indexOf(o.basis) >= 0) return o.wording;
  return o.basis + "……" + o.wording;
}

/** path writes the steps of an outcome in order: 区司法局合法性审查 → …. */
export function path(steps: Act[]): string {
  return steps.map((s) => s.actor + s.action).join(" → ");
}

// bodyLink links to what the body decides on authorities.html; for an
// alternative the text states, to each body it names.
function bodyLink(ctx: Context, o: Outcome): Child {
  const names = o.either && o.either.length > 0 ? o.either : [o.decider];
  const links = names
    .filter((n) => ctx.data.bodies[n])
    .map((n) => h("p", { class: "verdict-more" }, h("a", { href: ctx.root + ctx.data.bodies[n] }, "查看" + n + "负责的全部事项")));
  return links.length > 0 ? links : null;
}

function who(o: Outcome): Child[] {
  return [h("strong", { class: "decider" }, o.decider), " ", h("span", { class: "action" }, o.action)];
}

function basis(ctx: Context, o: Outcome): Child[] {
  return [
    h("p", { class: "citation" }, ctx.data.citation, clauseLink(ctx, o.clause.id, o.clause.citation)),
    h("blockquote", { class: "basis-quote" }, "“" + quoted(o) + "”"),
  ];
}

function verdict(ctx: Context, p: ProcedureInfo, r: Ruling): HTMLElement {
  const n = r.readings.length;
  if (n === 1) {
    const o = r.readings[0];
    return h(
      "div",
      { class: "result-part verdict", "data-part": "verdict", "data-reading": "1", "data-decider": o.decider, "data-action": o.action },
      h("p", { class: "verdict-label" }, p.role + "与方式"),
      h("p", { class: "verdict-main" }, who(o)),
      h("p", { class: "verdict-wording" }, "即“", o.wording, "”。"),
      bodyLink(ctx, o),
    );
  }
  const main = n === 0 ? "原文未作规定" : "原文可作" + kinds(n) + "理解";
  const more =
    n === 0
      ? "本规则没有写明这种情形由谁" + p.verb + "。原文怎样写，见下面的“说明”。"
      : "条文的字面可以有" + kinds(n) + "读法，本页不作取舍：下面逐一列出每种理解及其所依据的原文。";
  return h(
    "div",
    { class: "result-part verdict", "data-part": "verdict" },
    h("p", { class: "verdict-label" }, p.role),
    h("p", { class: "verdict-main verdict-open" }, main),
    h("p", { class: "verdict-wording" }, more),
  );
}

function readings(ctx: Context, r: Ruling): HTMLElement {
  return section(
    "readings",
    "各种理解",
    h(
      "ol",
      { class: "readings" },
      r.readings.map((o, i) =>
        h(
          "li",
          { class: "reading-item", "data-reading": String(i + 1), "data-decider": o.decider, "data-action": o.action },
          h("p", { class: "reading-head" }, "理解" + numeral(i + 1) + "：", who(o)),
          // The reading, where it says more than who and how.
          o.reading && o.reading !== "由" + o.decider + o.action ? h("p", null, o.reading + "。") : null,
          o.steps.length > 1 ? h("p", null, "办理程序：" + path(o.steps)) : null,
          basis(ctx, o),
          bodyLink(ctx, o),
        ),
      ),
    ),
    versionLine(ctx, r.source),
  );
}

// quotes writes the passages a list of steps rests on, each once: several
// steps often rest on one sentence.
function quotes(ctx: Context, list: Array<Act | Note>): Child[] {
  const seen: string[] = [];
  const out: Child[] = [];
  for (const a of list) {
    const key = a.clause.id + "|" + a.basis;
    if (!a.basis || seen.indexOf(key) >= 0) continue;
    seen.push(key);
    out.push(h("p", { class: "quote" }, "原文：“" + a.basis + "”（", clauseLink(ctx, a.clause.id, a.clause.citation), "）"));
  }
  return out;
}

function acts(ctx: Context, key: string, title: string, list: Act[]): HTMLElement | null {
  if (list.length === 0) return null;
  return section(
    key,
    title,
    // A list, not a sequence: the text does not always order them.
    h("ul", { class: "steps" }, list.map((a) => h("li", null, a.actor ? h("strong", null, a.actor) : null, h("span", { class: "act" }, a.action)))),
    quotes(ctx, list),
  );
}

/** rulingParts renders a procedure's answer as the sections of #result. */
export function rulingParts(ctx: Context, p: ProcedureInfo, r: Ruling): HTMLElement[] {
  const parts: Array<HTMLElement | null> = [verdict(ctx, p, r)];
  if (r.readings.length === 1) {
    const o = r.readings[0];
    if (o.steps.length > 1) {
      parts.push(section("steps", "办理程序", h("ol", { class: "steps" }, o.steps.map((s) => h("li", null, s.actor ? h("strong", null, s.actor) : null, s.action)))));
    }
    parts.push(section("basis", "依据", basis(ctx, o), versionLine(ctx, r.source)));
  } else if (r.readings.length > 1) {
    parts.push(readings(ctx, r));
  } else {
    parts.push(
      section(
        "basis",
        "相关条文",
        h("p", { class: "citation" }, ctx.data.citation, clauseLink(ctx, r.clause.id, r.clause.citation)),
        versionLine(ctx, r.source),
      ),
    );
  }
  parts.push(acts(ctx, "before", "事前须办理", r.before));
  parts.push(acts(ctx, "duties", "事后须办理", r.duties));
  if (r.notes.length > 0) {
    parts.push(
      section(
        "notes",
        "说明",
        h(
          "ul",
          null,
          r.notes.map((n) =>
            h(
              "li",
              null,
              n.text,
              n.basis ? quotes(ctx, [n]) : h("span", { class: "quote" }, "（见", clauseLink(ctx, n.clause.id, n.clause.citation), "）"),
            ),
          ),
        ),
      ),
    );
  }
  if (r.see.length > 0) {
    parts.push(
      section(
        "see",
        "按金额确定的事项",
        h("p", null, "下列事项按金额确定由谁决定，点击即可在本页计算："),
        h(
          "ul",
          null,
          r.see.map((id) => {
            const m = ctx.data.matters.filter((x) => x.id === id)[0];
            return h(
              "li",
              null,
              h("a", { href: ctx.root + "calculator.html?matter=" + encodeURIComponent(id), "data-matter": id }, m ? m.title : id),
              m ? "（" + m.citation + "）" : "",
            );
          }),
        ),
      ),
    );
  }
  parts.push(section("values", "所答情形", h("ul", null, r.values.map((v) => h("li", null, v.label + "：" + v.option)))));
  return parts.filter((x): x is HTMLElement => x !== null);
}
