// 按金额确定: where a meeting's matter (会议事项) is one that article 二十二
// decides by amount — 财政性资金安排, 国有资产处置 — the amount, not the
// list of meetings, tells who decides. The answer then leads with the
// matters of article 二十二 that apply, asks the amount right there and
// shows who decides at that amount, with a link to the full decision.
// Its state is in the address beside the procedure's answers:
// ?matter=21&kind=funds&formal=no&dept=no&by=22.2&amount=800.

import { h } from "./dom";
import { holds } from "./questions";
import { clauseLink, Context } from "./render";
import { Condition, MatterInfo, ProcedureInfo, Rules } from "./types";
import { Query } from "./url";

/** SeeInfo is a provision naming matters decided by amount (CalcSeeData). */
interface SeeInfo {
  when: Condition[];
  matters: string[];
}

/**
 * seeFor lists the matters of article 二十二 that the answers given so far
 * lead to, and the labels of the options chosen.
 */
export function seeFor(p: ProcedureInfo, inputs: Array<[string, string]>): { see: string[]; chosen: string[] } {
  const answers: { [name: string]: string } = {};
  const chosen: string[] = [];
  for (const [name, value] of inputs) {
    answers[name] = value;
    for (const q of p.questions) {
      if (q.name !== name) continue;
      for (const o of q.options) if (o.value === value) chosen.push(o.label);
    }
  }
  const see: string[] = [];
  for (const v of (p as ProcedureInfo & { see?: SeeInfo[] }).see || []) {
    if (!holds(v.when, answers)) continue;
    for (const id of v.matters) if (see.indexOf(id) < 0) see.push(id);
  }
  return { see: see, chosen: chosen };
}

export class AmountLead {
  private rules: Rules | null = null;
  private see: MatterInfo[] = [];
  private chosen = "";
  private amount = "";
  private input: HTMLInputElement | null = null;
  private answer: HTMLElement | null = null;

  constructor(
    private readonly box: HTMLElement,
    private readonly ctx: Context,
    private readonly onChange: () => void,
  ) {}

  /** fill takes the matter and amount from an address. */
  fill(q: Query): void {
    this.chosen = q.values["by"] || "";
    this.amount = q.values["amount"] || "";
    if (this.input) this.input.value = this.amount;
    this.see = []; // rebuilt, with the address's choice, on the next show
  }

  start(rules: Rules): void {
    this.rules = rules;
  }

  /** params are the address values of the lead while it is shown. */
  params(): Array<[string, string]> {
    if (this.box.hidden || this.see.length === 0) return [];
    const out: Array<[string, string]> = [];
    if (this.see.length > 1 && this.chosen) out.push(["by", this.chosen]);
    if (this.amount.trim() !== "") out.push(["amount", this.amount.trim()]);
    return out;
  }

  /**
   * show leads the answer with the matters decided by amount (ids), or
   * hides the lead (none); chosen are the labels of the answers given, one
   * of which may name the matter to offer first.
   */
  show(ids: string[], chosen: string[]): void {
    const see: MatterInfo[] = [];
    for (const id of ids) {
      for (const m of this.ctx.data.matters) if (m.id === id) see.push(m);
    }
    if (see.length === 0) {
      this.box.hidden = true;
      return;
    }
    if (see.map((m) => m.id).join(" ") !== this.see.map((m) => m.id).join(" ")) this.build(see, chosen);
    this.box.hidden = false;
    this.compute();
  }

  private matter(): MatterInfo {
    for (const m of this.see) if (m.id === this.chosen) return m;
    return this.see[0];
  }

  private build(see: MatterInfo[], chosen: string[]): void {
    this.see = see;
    if (see.map((m) => m.id).indexOf(this.chosen) < 0) {
      // The matter the answers name (事项：财政性资金安排 → 22.2), else the first.
      const named = see.filter((m) => chosen.indexOf(m.title) >= 0)[0];
      this.chosen = (named || see[0]).id;
    }
    const box = this.box;
    box.textContent = "";
    box.appendChild(h("h3", { id: "lead-h" }, "按金额确定"));
    box.appendChild(
      h(
        "p",
        { class: "lead-intro" },
        "第二十二条按金额档次规定这类事项由谁决定" + (see.length > 1 ? "。选择适用的一项，" : "，") + "填写金额即可看到：",
      ),
    );
    if (see.length > 1) {
      const group = h("div", { class: "lead-matters", role: "radiogroup", "aria-labelledby": "lead-h" });
      for (const m of see) {
        const radio = h("input", { type: "radio", name: "lead-matter", id: "lead-" + m.id, value: m.id }) as HTMLInputElement;
        radio.checked = m.id === this.chosen;
        radio.addEventListener("change", () => {
          this.chosen = m.id;
          this.onChange();
        });
        group.appendChild(h("div", { class: "choice" }, radio, h("label", { for: "lead-" + m.id }, m.title, h("span", { class: "choice-note" }, m.citation))));
      }
      box.appendChild(group);
    }
    const input = h("input", {
      id: "lead-amount",
      type: "text",
      inputmode: "decimal",
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": "lead-hint",
    }) as HTMLInputElement;
    input.value = this.amount;
    input.addEventListener("input", () => {
      this.amount = input.value;
      this.onChange();
    });
    this.input = input;
    box.appendChild(
      h(
        "div",
        { class: "lead-field" },
        h("label", { for: "lead-amount", id: "lead-label" }, "金额"),
        h("span", { class: "amount-row" }, input, h("span", { class: "lead-unit" }, "万元")),
        h("p", { class: "hint", id: "lead-hint" }, "只填数字时按万元计算；也可填 8000000元、0.08亿元。"),
      ),
    );
    this.answer = h("div", { class: "lead-answer", id: "lead-answer" });
    box.appendChild(this.answer);
  }

  // compute shows who decides the chosen matter at the amount typed.
  private compute(): void {
    const m = this.matter();
    const label = document.getElementById("lead-label");
    const single = m.inputs.length === 1;
    if (label) label.textContent = single ? m.inputs[0].label : "金额";
    const field = this.input ? (this.input.parentElement as HTMLElement).parentElement : null;
    if (field) field.hidden = !single;
    const out = this.answer;
    if (!out) return;
    out.textContent = "";
    const full = (query: string, text: string): HTMLElement =>
      h("a", { href: this.ctx.root + "calculator.html?matter=" + encodeURIComponent(m.id) + query, "data-matter": m.id }, text);
    if (!single) {
      out.appendChild(h("p", null, m.title + "按" + m.inputs.map((i) => i.label).join("和") + "确定：", full("", "填写" + m.inputs.map((i) => i.label).join("和"))));
      return;
    }
    const amount = this.amount.trim();
    if (amount === "" || !this.rules) return;
    let a;
    try {
      a = this.rules.route({ matter: m.id, inputs: { [m.inputs[0].name]: amount } });
    } catch (e) {
      return;
    }
    if (!a.ok) {
      out.appendChild(h("p", { class: "result-error" }, a.error.message));
      return;
    }
    if (a.type !== "amount") return;
    out.appendChild(
      h(
        "p",
        { class: "verdict-main", "data-decider": a.decider },
        h("strong", { class: "decider" }, a.decider),
        " ",
        h("span", { class: "action" }, a.action),
      ),
    );
    out.appendChild(h("p", null, "即“" + a.wording + "”（", clauseLink(this.ctx, a.clause.id, a.clause.citation), "）。"));
    out.appendChild(h("p", null, full("&" + encodeURIComponent(m.inputs[0].name) + "=" + encodeURIComponent(amount), "查看" + m.title + "的完整结果和依据")));
  }
}
