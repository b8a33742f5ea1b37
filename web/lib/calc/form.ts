// The calculator's form: the matter picker, the amount fields and the
// procedures' questions, as the page template renders them. The form
// relabels the fields for the chosen matter, offers its thresholds as
// one-click examples, tracks which fields the user has touched (an
// untouched empty field asks for input instead of showing an error) and
// shows errors beside the fields. A procedure shows its own questions
// instead (questions.ts). On a phone the chosen matter folds to one line
// with 更改, so that the fields and the answer come next.

import { byId, h } from "./dom";
import { DEFAULT_UNIT, fromParam, requestValue, toParam, typedUnit, UNITS } from "./amount";
import { ProcedureForm } from "./questions";
import { InputInfo, MatterInfo, PageData } from "./types";
import { Query } from "./url";

const FORMS_HINT = "可填 800、800万元、0.08亿元、8000000元、1,000万元；只填数字时按右侧单位计算。";

class AmountField {
  readonly box: HTMLElement;
  readonly input: HTMLInputElement;
  readonly unit: HTMLSelectElement;
  private readonly label: HTMLElement;
  private readonly unitLabel: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly error: HTMLElement;
  private readonly marks: HTMLElement;
  private info: InputInfo | null = null;
  touched = false;

  constructor(readonly name: string) {
    this.box = byId("field-" + name);
    this.input = byId<HTMLInputElement>("in-" + name);
    this.unit = byId<HTMLSelectElement>("unit-" + name);
    this.label = byId("label-" + name);
    this.unitLabel = byId("unit-label-" + name);
    this.hint = byId("hint-" + name);
    this.error = byId("err-" + name);
    this.marks = byId("marks-" + name);
  }

  text(): string {
    return this.input.value;
  }

  /** value is the string rules.route receives. */
  value(): string {
    return requestValue(this.input.value, this.unit.value);
  }

  /** pristine reports an empty field the user has not touched yet. */
  pristine(): boolean {
    return !this.touched && this.input.value.trim() === "";
  }

  set(text: string, unit: string): void {
    this.input.value = text;
    this.unit.value = UNITS.indexOf(unit) >= 0 ? unit : DEFAULT_UNIT;
    this.touched = text !== "";
  }

  param(): string {
    return toParam(this.input.value, this.unit.value);
  }

  describe(info: InputInfo, onMark: (field: AmountField, amount: string) => void): void {
    this.info = info;
    this.label.textContent = info.label;
    this.unitLabel.textContent = info.label + "的单位";
    this.refreshHint();
    this.marks.textContent = "";
    if (info.marks.length === 0) {
      this.marks.hidden = true;
      return;
    }
    const buttons = info.marks.map((m) => {
      const b = h("button", { type: "button", class: "mark", "aria-label": m.written + "（填入" + info.label + "）" }, m.written);
      b.addEventListener("click", () => onMark(this, m.amount));
      return b;
    });
    this.marks.appendChild(h("span", { class: "marks-label" }, "分界金额："));
    this.marks.appendChild(h("span", { class: "marks-list" }, buttons));
    this.marks.hidden = false;
  }

  /** refreshHint says when the unit typed in the text overrides the selector. */
  refreshHint(): void {
    const own = typedUnit(this.input.value);
    const note = own ? "已按输入中的单位“" + own + "”计算，右侧单位不起作用。" : FORMS_HINT;
    this.hint.textContent = (this.info && this.info.hint ? this.info.hint + " " : "") + note;
    this.unit.disabled = own !== "";
  }

  /** showError shows rules.route's message and code beside the field, or clears it. */
  showError(message: string | null, code?: string): void {
    const ids = ["hint-" + this.name];
    if (message) {
      this.error.textContent = message;
      this.error.setAttribute("data-code", code || "");
      this.error.hidden = false;
      this.input.setAttribute("aria-invalid", "true");
      ids.unshift("err-" + this.name);
    } else {
      this.error.textContent = "";
      this.error.removeAttribute("data-code");
      this.error.hidden = true;
      this.input.removeAttribute("aria-invalid");
    }
    this.input.setAttribute("aria-describedby", ids.join(" "));
  }
}

/** NARROW is where the chosen matter folds to one line (phones). */
const NARROW = "(max-width: 47.99em)";

export class CalcForm {
  private readonly fields: AmountField[] = [];
  private readonly chosenBox = byId("matter-chosen");
  private readonly chosenText = byId("chosen-text");
  private readonly list = byId("matter-list");
  private readonly change = byId<HTMLButtonElement>("change-matter");
  // pointer is set while the last interaction with the list was a tap or
  // a click: choosing by keyboard (arrow keys) must not fold the list
  // under the focus.
  private pointer = false;
  private current: MatterInfo | null = null;
  private readonly procedures: ProcedureForm[] = [];
  private currentProcedure: ProcedureForm | null = null;
  private readonly amounts = byId("amounts");
  private readonly questions = document.getElementById("questions");

  constructor(
    private readonly form: HTMLFormElement,
    private readonly data: PageData,
    private readonly onChange: () => void,
  ) {
    const names: string[] = [];
    for (const m of data.matters) {
      for (const i of m.inputs) if (names.indexOf(i.name) < 0) names.push(i.name);
    }
    for (const name of names) {
      const f = new AmountField(name);
      this.fields.push(f);
      f.input.addEventListener("input", () => {
        f.touched = true;
        f.refreshHint();
        this.onChange();
      });
      f.unit.addEventListener("change", () => {
        f.touched = true;
        this.onChange();
      });
    }
    for (const p of data.procedures || []) this.procedures.push(new ProcedureForm(p, onChange));
    const radios = this.radios();
    for (let i = 0; i < radios.length; i++) {
      radios[i].addEventListener("change", () => {
        this.describe();
        this.onChange();
        if (this.pointer && this.fold()) this.change.focus();
      });
    }
    this.list.addEventListener("mousedown", () => (this.pointer = true));
    this.list.addEventListener("touchstart", () => (this.pointer = true), { passive: true } as AddEventListenerOptions);
    this.list.addEventListener("keydown", () => (this.pointer = false));
    this.change.addEventListener("click", () => {
      this.unfold();
      const on = this.form.querySelector<HTMLInputElement>('input[name="matter"]:checked');
      if (on) on.focus();
    });
    // The results show as the user types; Enter only keeps the page.
    form.addEventListener("submit", (e) => e.preventDefault());
  }

  private radios(): NodeListOf<HTMLInputElement> {
    return this.form.querySelectorAll<HTMLInputElement>('input[name="matter"]');
  }

  field(name: string): AmountField | null {
    for (const f of this.fields) if (f.name === name) return f;
    return null;
  }

  /** matter returns the chosen matter of article 二十二, or null. */
  matter(): MatterInfo | null {
    return this.current;
  }

  /** procedure returns the chosen procedure, or null. */
  procedure(): ProcedureForm | null {
    return this.currentProcedure;
  }

  /** matterID is the chosen matter's or procedure's id, or "". */
  matterID(): string {
    return this.current ? this.current.id : this.currentProcedure ? this.currentProcedure.info.id : "";
  }

  /** activeFields are the fields of the chosen matter, in its order. */
  activeFields(): AmountField[] {
    const m = this.current;
    if (!m) return this.fields.slice(0, 1);
    const out: AmountField[] = [];
    for (const i of m.inputs) {
      const f = this.field(i.name);
      if (f) out.push(f);
    }
    return out;
  }

  /** fill sets the form from an address; unknown matters stay unchosen. */
  fill(q: Query): void {
    const radios = this.radios();
    for (let i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === q.matter;
    for (const p of this.procedures) {
      if (p.info.id === q.matter) p.fill(q.values);
    }
    for (const f of this.fields) {
      const v = q.values[f.name];
      if (v === undefined) continue;
      const p = fromParam(v);
      f.set(p.text, p.unit);
      f.refreshHint();
    }
    this.describe();
  }

  /**
   * params lists the address values of the chosen matter's fields, or the
   * answers to the chosen procedure's questions as last shown.
   */
  params(): Array<[string, string]> {
    if (this.currentProcedure) return this.currentProcedure.params();
    const out: Array<[string, string]> = [];
    if (!this.current) return out;
    for (const f of this.activeFields()) {
      const p = f.param();
      if (p.trim() !== "") out.push([f.name, p]);
    }
    return out;
  }

  /**
   * fold shows the chosen matter as one line with 更改, on a phone, and
   * reports whether it did.
   */
  fold(): boolean {
    const on = this.matterID() !== "" && !!window.matchMedia && window.matchMedia(NARROW).matches;
    this.chosenBox.hidden = !on;
    this.list.hidden = on;
    this.change.setAttribute("aria-expanded", on ? "false" : "true");
    return on;
  }

  /** unfold shows the whole list of matters again. */
  unfold(): void {
    this.chosenBox.hidden = true;
    this.list.hidden = false;
    this.change.setAttribute("aria-expanded", "true");
  }

  /** chosenTitle names the chosen matter and its clause, or "". */
  chosenTitle(): string {
    if (this.current) return this.current.title + "（" + this.current.citation + "）";
    if (this.currentProcedure) return this.currentProcedure.info.title;
    return "";
  }

  /** focusFirstField moves the focus to the first amount field, or the question to answer. */
  focusFirstField(): void {
    if (this.currentProcedure) {
      this.currentProcedure.focus();
      return;
    }
    const f = this.activeFields()[0];
    if (f) f.input.focus();
  }

  private describe(): void {
    let chosen: MatterInfo | null = null;
    let procedure: ProcedureForm | null = null;
    const radios = this.radios();
    for (let i = 0; i < radios.length; i++) {
      if (!radios[i].checked) continue;
      for (const m of this.data.matters) if (m.id === radios[i].value) chosen = m;
      for (const p of this.procedures) if (p.info.id === radios[i].value) procedure = p;
    }
    this.current = chosen;
    this.currentProcedure = procedure;
    this.chosenText.textContent = "";
    const title = this.chosenTitle();
    if (title) this.chosenText.appendChild(h("span", null, "事项：", h("strong", null, title)));
    for (const p of this.procedures) p.box.hidden = p !== procedure;
    this.amounts.hidden = procedure !== null;
    if (this.questions) this.questions.hidden = procedure === null;
    if (procedure) procedure.progress();
    const active = procedure ? [] : this.activeFields();
    for (const f of this.fields) {
      const on = active.indexOf(f) >= 0;
      f.box.hidden = !on;
      if (!on) f.showError(null);
    }
    if (!chosen) return;
    for (const info of chosen.inputs) {
      const f = this.field(info.name);
      if (f) {
        f.describe(info, (field, amount) => {
          field.set(amount, DEFAULT_UNIT);
          field.refreshHint();
          field.input.focus();
          this.onChange();
        });
      }
    }
  }
}
