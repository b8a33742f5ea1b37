// The routing calculator (calculator.html): who decides a matter of
// article 二十二 for the amounts typed, and who signs a document or which
// meeting decides a matter for the answers given (the procedures of
// articles 四十三 and 二十一), answered at once by the rules package
// compiled to WebAssembly (assets/rules.wasm). The page reads its address
// (?matter=22.2&amount=800, ?matter=43&issuer=gov&to=city) on load and
// keeps it in step with the form, so that a decision can be shared as a
// link. A link that states a case in full opens on its answer; on a phone
// the chosen matter folds to one line. Where a meeting's matter is one
// article 二十二 decides by amount, the page asks the amount at the top of
// the answer (按金额确定). Screen readers hear a one-line status, not the
// whole answer.
//
// Without JavaScript the form stays hidden and the page shows the
// threshold tables and the procedures' cases; without WebAssembly, or
// when the module cannot be loaded, it says why in #calc-unavailable.

import { absoluteURL, copyText } from "./lib/clipboard";
import { publishedLink } from "./lib/published";
import { announce } from "./lib/status";
import { byId, h } from "./lib/calc/dom";
import { CalcForm } from "./lib/calc/form";
import { LoadError, loadRules } from "./lib/calc/loader";
import { ProcedureForm } from "./lib/calc/questions";
import { AmountLead, seeFor } from "./lib/calc/lead";
import { clauseHref, Context, decisionParts, messagePart, show } from "./lib/calc/render";
import { rulingParts } from "./lib/calc/ruling";
import { decisionSentence, rulingSentence, rulingSlip, slipText } from "./lib/calc/slip";
import { Answer, Decision, MatterInfo, PageData, Rules, Ruling } from "./lib/calc/types";
import { formatQuery, parseQuery, Query, replaceQuery } from "./lib/calc/url";

/** WIDE is where the answer stays in view beside the form (calculator.css). */
const WIDE = "(min-width: 64em)";

/**
 * Marks in the page's performance timeline, read by the budget benchmark
 * (internal/e2e): when the module was ready, and when the first decision
 * showed.
 */
const MODULE_READY = "rulesite:module-ready";
const FIRST_DECISION = "rulesite:first-decision";

class Calculator {
  private rules: Rules | null = null;
  private readonly form: CalcForm;
  private readonly result = byId("result");
  private readonly slip = byId("slip");
  private readonly slipPre = byId("slip-text");
  private readonly sentence = byId("slip-sentence");
  private readonly status = byId("result-status");
  private readonly printCase = byId("print-case");
  private readonly lead: AmountLead;
  private firstShown = false;
  private addressLater = false;
  // Where the window was when the form showed: a reader who has scrolled
  // since, while the module loaded, is not moved.
  private readonly startY = window.pageYOffset;

  constructor(
    private readonly formEl: HTMLFormElement,
    private readonly ctx: Context,
  ) {
    this.form = new CalcForm(formEl, ctx.data, () => this.update());
    const q = parseQuery(location.search);
    this.form.fill(q);
    this.lead = new AmountLead(byId("by-amount"), ctx, () => this.update());
    this.lead.fill(q);
    this.form.fold();
    copyOn(byId<HTMLButtonElement>("copy-sentence"), () => this.sentence.textContent || "", this.sentence, "已复制依据，可粘贴到请示中。");
    copyOn(byId<HTMLButtonElement>("copy-slip"), () => this.slipPre.textContent || "", this.slipPre, "已复制详细依据。", () => {
      const details = this.slip.querySelector("details");
      if (details) details.open = true;
    });
    this.followCalculatorLinks();
    formEl.hidden = false;
    const when = byId("print-when");
    when.textContent = "计算日期：" + today() + (ctx.data.version ? "。所依据的版本：" + ctx.data.version : "") + "。";
  }

  start(rules: Rules): void {
    mark(MODULE_READY);
    this.rules = rules;
    this.lead.start(rules);
    this.result.setAttribute("aria-busy", "false");
    this.update();
    // A link that states a case in full opens on its answer.
    if (this.result.getAttribute("data-state") === "decision" && location.search && !location.hash && window.pageYOffset === this.startY) {
      this.reveal();
    }
  }

  /**
   * reveal scrolls the answer to the top of the window: beside the form
   * where the window is wide (the answer column stays in view), else the
   * answer itself.
   */
  private reveal(): void {
    const wide = !!window.matchMedia && window.matchMedia(WIDE).matches;
    (wide ? this.formEl : byId("outcome")).scrollIntoView();
  }

  fail(e: unknown): void {
    const why = e instanceof LoadError ? e.message : "计算模块加载失败（" + String(e) + "）。请刷新页面重试。";
    const box = byId("calc-unavailable");
    box.textContent = "";
    box.appendChild(h("p", null, h("strong", null, "计算器暂不可用："), why + "下面第二十二条的限额表仍可查阅。"));
    box.setAttribute("data-reason", e instanceof LoadError ? e.kind : "failed");
    box.hidden = false;
    this.formEl.hidden = true;
    this.result.setAttribute("aria-busy", "false");
    this.result.setAttribute("data-state", "unavailable");
  }

  /** update recomputes the decision and the address from the form. */
  update(): void {
    const m = this.form.matter();
    const p = this.form.procedure();
    // Showing the questions a procedure asks comes first: the address
    // holds the answers to those asked.
    const progress = p ? p.progress() : null;
    if (p && progress) {
      const s = seeFor(p.info, progress.inputs);
      this.lead.show(s.see, s.chosen);
    } else {
      this.lead.show([], []);
    }
    const params = this.form.params();
    replaceQuery(formatQuery(this.form.matterID(), p ? params.concat(this.lead.params()) : params));
    this.printAddress();
    const rules = this.rules;
    if (!rules) return;
    if (p && progress) {
      if (progress.pending) {
        const ignored = p.ignored.length > 0 ? "（地址中的" + p.ignored.join("、") + "不是可选的答案，已略去。）" : "";
        this.message("请回答“" + progress.pending.label + "”。" + ignored, "prompt");
        return;
      }
      const inputs: { [name: string]: string } = {};
      for (const [name, value] of progress.inputs) inputs[name] = value;
      const answer = route(rules, p.info.id, inputs);
      if (answer.ok && answer.type === "procedure") this.ruling(p, answer);
      else this.message(answer.ok ? "计算模块的回答无法识别，请刷新页面。" : answer.error.message, "error");
      return;
    }
    if (!m) {
      this.message("请先选择事项，再填写金额或回答问题。", "prompt");
      return;
    }
    const fields = this.form.activeFields();
    const pending = fields.filter((f) => f.pristine());
    const inputs: { [name: string]: string } = {};
    for (const f of fields) inputs[f.name] = f.value();

    let answer: Answer | null = null;
    if (pending.length === 0) answer = route(rules, m.id, inputs);
    if (answer && answer.ok && answer.type !== "procedure") {
      for (const f of fields) f.showError(null);
      this.decision(m, answer, inputs);
      return;
    }

    // Find each field's own problem, so that every wrong field is marked
    // at once: rules.route reports only the first.
    const problems: string[] = [];
    for (const f of fields) {
      let msg: string | null = null;
      let code = "";
      if (!f.pristine()) {
        const probe: { [name: string]: string } = {};
        for (const g of fields) probe[g.name] = g === f ? inputs[g.name] : "1";
        const a = fields.length === 1 && answer ? answer : route(rules, m.id, probe);
        if (!a.ok && a.error.input === f.name) {
          msg = a.error.message;
          code = a.error.code;
        }
      }
      f.showError(msg, code);
      if (msg) problems.push(msg);
    }
    if (problems.length > 0) {
      this.message("无法判断：" + problems.join(" "), "error");
    } else if (answer && !answer.ok) {
      this.message(answer.error.message, "error");
    } else {
      this.message("请填写" + pending.map((f) => labelOf(m, f.name)).join("和") + "。", "prompt");
    }
  }

  private decision(m: MatterInfo, d: Decision, inputs: { [name: string]: string }): void {
    const typed: { [name: string]: string } = {};
    for (const v of d.values) {
      const raw = (inputs[v.input] || "").trim();
      if (raw !== v.amount && raw !== v.amount + "万元") typed[v.input] = raw;
    }
    show(this.result, decisionParts(this.ctx, m, d, typed));
    this.shown("amount", d.decider);
    this.slipPre.textContent = slipText(this.ctx.data, m, d, absoluteURL(clauseHref(this.ctx, d.clause.id)));
    this.sentence.textContent = decisionSentence(this.ctx.data, d);
    const amounts = d.values.map((v) => v.label + v.amount + "万元").join("，");
    this.say(m.title + "，" + amounts + "：" + d.decider + d.action + "。");
    this.printCase.textContent = "事项：" + m.title + "（" + m.citation + "）；" + amounts + "。";
  }

  private ruling(p: ProcedureForm, r: Ruling): void {
    this.lead.show(
      r.see,
      r.values.map((v) => v.option),
    );
    show(this.result, rulingParts(this.ctx, p.info, r));
    this.shown("procedure", r.readings.length === 1 ? r.readings[0].decider : "");
    const which = r.values.map((v) => v.label + "：" + v.option).join("；");
    const n = r.readings.length;
    const who = n === 0 ? "原文未作规定" : n === 1 ? r.readings[0].decider + r.readings[0].action : "原文可作" + n + "种理解";
    this.say(p.info.title + "：" + who + "。" + (r.see.length > 0 ? "可按金额确定。" : ""));
    this.printCase.textContent = p.info.title + "——" + which + "。";
    this.sentence.textContent = rulingSentence(this.ctx.data, p.info, r);
    this.result.setAttribute("data-branch", r.branch);
    this.result.setAttribute("data-answer", r.silent ? "silent" : r.ambiguous ? "ambiguous" : "single");
    this.slipPre.textContent = rulingSlip(this.ctx.data, p.info, r, (id) => {
      const href = clauseHref(this.ctx, id);
      return href ? absoluteURL(href) : "";
    });
  }

  /** shown marks #result as holding a decision of the given type. */
  private shown(type: "amount" | "procedure", decider: string): void {
    const res = this.result;
    res.setAttribute("data-state", "decision");
    res.setAttribute("data-type", type);
    if (decider) res.setAttribute("data-decider", decider);
    else res.removeAttribute("data-decider");
    if (type === "amount") {
      res.removeAttribute("data-branch");
      res.removeAttribute("data-answer");
    }
    this.slip.hidden = false;
    if (!this.firstShown) {
      this.firstShown = true;
      mark(FIRST_DECISION);
    }
  }

  private message(text: string, kind: "prompt" | "error"): void {
    show(this.result, [messagePart(text, kind)]);
    this.say(text);
    this.printCase.textContent = "";
    this.result.setAttribute("data-state", kind);
    for (const a of ["data-decider", "data-type", "data-branch", "data-answer"]) this.result.removeAttribute(a);
    this.slip.hidden = true;
  }

  /** say puts a one-line summary into the status line screen readers hear. */
  private say(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  /**
   * printAddress keeps the printed 本页地址 on this very case: the
   * published address with the case's query, or where the browser opened
   * it over http(s); from disk without a published address, none.
   */
  private printAddress(): void {
    if (document.readyState === "loading") {
      // This script runs before the page's footer is read (see
      // calculator.html): write the address once it is.
      if (!this.addressLater) {
        this.addressLater = true;
        document.addEventListener("DOMContentLoaded", () => this.printAddress());
      }
      return;
    }
    const where = publishedLink("calculator.html" + location.search);
    const spans = document.querySelectorAll<HTMLElement>(".page-address");
    for (let i = 0; i < spans.length; i++) {
      spans[i].textContent = where;
      const line = spans[i].parentElement;
      if (line) line.className = where ? "print-address" : "print-address no-base";
    }
  }

  /**
   * followCalculatorLinks fills the form in place from the threshold
   * tables' 代入计算器 links, which point at this very page.
   */
  private followCalculatorLinks(): void {
    document.addEventListener("click", (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      let t = e.target as Element | null;
      while (t && t.nodeName !== "A") t = t.parentElement;
      const a = t as HTMLAnchorElement | null;
      if (!a || !a.search || a.pathname !== location.pathname || a.protocol !== location.protocol) return;
      if (this.formEl.hidden) return;
      e.preventDefault();
      const q: Query = parseQuery(a.search);
      this.form.fill(q);
      this.lead.fill(q);
      this.update();
      this.form.fold();
      this.formEl.scrollIntoView();
      this.form.focusFirstField();
    });
  }
}

function route(rules: Rules, matter: string, inputs: { [name: string]: string }): Answer {
  try {
    return rules.route({ matter: matter, inputs: inputs });
  } catch (e) {
    // The Go program has exited (it panicked, or the tab ran out of memory).
    return { ok: false, error: { code: "internal", message: "计算模块已停止运行，请刷新页面。", input: null } };
  }
}

/**
 * copyOn makes button copy what text gives, telling the user; where the
 * browser refuses, it selects shown (after open makes it visible) for
 * Ctrl+C.
 */
function copyOn(button: HTMLButtonElement, text: () => string, shown: HTMLElement, told: string, open?: () => void): void {
  const label = button.textContent || "";
  button.addEventListener("click", () => {
    copyText(text()).then(
      () => {
        button.textContent = "已复制";
        announce(told);
        window.setTimeout(() => (button.textContent = label), 1600);
      },
      () => {
        if (open) open();
        const range = document.createRange();
        range.selectNodeContents(shown);
        const sel = window.getSelection();
        if (sel) {
          sel.removeAllRanges();
          sel.addRange(range);
        }
        announce("浏览器不允许自动复制，已选中文字，请按 Ctrl+C 复制。");
      },
    );
  });
}

/** today is the date of the computation, as printed: 2026年12月1日. */
function today(): string {
  const d = new Date();
  return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
}

function mark(name: string): void {
  if (window.performance && performance.mark) performance.mark(name);
}

function labelOf(m: MatterInfo, name: string): string {
  for (const i of m.inputs) if (i.name === name) return i.label;
  return name;
}

function main(): void {
  const formEl = document.getElementById("calculator") as HTMLFormElement | null;
  const dataEl = document.getElementById("calculator-data");
  if (!formEl || !dataEl) return;
  const root = document.body.getAttribute("data-root") || "";
  // Start the download first: the form is ready long before the module.
  const rules = loadRules(root);
  const calc = new Calculator(formEl, { data: JSON.parse(dataEl.textContent || "{}") as PageData, root: root });
  rules.then(
    (rules) => calc.start(rules),
    (e) => calc.fail(e),
  );
}

main();
