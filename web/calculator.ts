// The routing calculator (calculator.html): who decides a matter of
// article 二十二 for the amounts typed, and who signs a document or which
// meeting decides a matter for the answers given (the procedures of
// articles 四十三 and 二十一), answered at once by the rules package
// compiled to WebAssembly (assets/rules.wasm). The page reads its address
// (?matter=22.2&amount=800, ?matter=43&issuer=gov&to=city) on load and
// keeps it in step with the form, so that a decision can be shared as a
// link.
//
// Without JavaScript the form stays hidden and the page shows the
// threshold tables and the procedures' cases; without WebAssembly, or
// when the module cannot be loaded, it says why in #calc-unavailable.

import { absoluteURL, copyText } from "./lib/clipboard";
import { announce } from "./lib/status";
import { byId, h } from "./lib/calc/dom";
import { CalcForm } from "./lib/calc/form";
import { LoadError, loadRules } from "./lib/calc/loader";
import { ProcedureForm } from "./lib/calc/questions";
import { clauseHref, Context, decisionParts, messagePart, show } from "./lib/calc/render";
import { rulingParts } from "./lib/calc/ruling";
import { rulingSlip, slipText } from "./lib/calc/slip";
import { Answer, Decision, MatterInfo, PageData, Rules, Ruling } from "./lib/calc/types";
import { formatQuery, parseQuery, replaceQuery } from "./lib/calc/url";

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
  private readonly copyButton = byId<HTMLButtonElement>("copy-slip");
  private firstShown = false;

  constructor(
    private readonly formEl: HTMLFormElement,
    private readonly ctx: Context,
  ) {
    this.form = new CalcForm(formEl, ctx.data, () => this.update());
    this.form.fill(parseQuery(location.search));
    this.copyButton.addEventListener("click", () => this.copy());
    this.followCalculatorLinks();
    formEl.hidden = false;
  }

  start(rules: Rules): void {
    mark(MODULE_READY);
    this.rules = rules;
    this.result.setAttribute("aria-busy", "false");
    this.update();
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
    replaceQuery(formatQuery(this.form.matterID(), this.form.params()));
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
  }

  private ruling(p: ProcedureForm, r: Ruling): void {
    show(this.result, rulingParts(this.ctx, p.info, r));
    this.shown("procedure", r.readings.length === 1 ? r.readings[0].decider : "");
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
    this.result.setAttribute("data-state", kind);
    for (const a of ["data-decider", "data-type", "data-branch", "data-answer"]) this.result.removeAttribute(a);
    this.slip.hidden = true;
  }

  private copy(): void {
    const text = this.slipPre.textContent || "";
    const button = this.copyButton;
    const label = "复制依据（用于请示）";
    copyText(text).then(
      () => {
        button.textContent = "已复制";
        announce("已复制依据，可粘贴到请示中。");
        window.setTimeout(() => (button.textContent = label), 1600);
      },
      () => {
        // Show the slip selected, for Ctrl+C.
        const details = this.slip.querySelector("details");
        if (details) details.open = true;
        const range = document.createRange();
        range.selectNodeContents(this.slipPre);
        const sel = window.getSelection();
        if (sel) {
          sel.removeAllRanges();
          sel.addRange(range);
        }
        announce("浏览器不允许自动复制，已选中依据文字，请按 Ctrl+C 复制。");
      },
    );
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
      this.form.fill(parseQuery(a.search));
      this.update();
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
