// The questions of a procedure (who signs a document, which meeting
// decides a matter), as the page template renders them: one group of
// radio buttons per question, each a fieldset with its legend. They are
// asked as the rules say (cmd/ruleswasm/README.md): in order, a question
// only when all its conditions hold on the answers before it, offering
// only the options whose conditions hold. Here they also come one at a
// time: the questions after the first one unanswered stay hidden, keeping
// any answers they hold for when they are asked again.

import { byId } from "./dom";
import { Condition, ProcedureInfo, QuestionInfo } from "./types";

interface Question {
  info: QuestionInfo;
  box: HTMLElement;
  radios: HTMLInputElement[]; // in the order of info.options
}

/** Progress is what the answers given so far amount to. */
export interface Progress {
  /** inputs are the answers to the questions asked, in order, for rules.route. */
  inputs: Array<[string, string]>;
  /** pending is the first question asked and not yet answered, or null. */
  pending: QuestionInfo | null;
}

/** holds tells whether every condition holds on the answers given. */
export function holds(when: Condition[], answers: { [name: string]: string }): boolean {
  for (const c of when) {
    const given = Object.prototype.hasOwnProperty.call(answers, c.input) && c.values.indexOf(answers[c.input]) >= 0;
    if (given === c.not) return false;
  }
  return true;
}

export class ProcedureForm {
  readonly box: HTMLElement;
  private readonly questions: Question[];
  /** ignored lists the address's values that no option has, as 问题“值”. */
  ignored: string[] = [];
  private last: Progress = { inputs: [], pending: null };

  constructor(
    readonly info: ProcedureInfo,
    onChange: () => void,
  ) {
    this.box = byId("proc-" + info.id);
    const prefix = "q-" + info.id + "-";
    this.questions = info.questions.map((q) => {
      const radios = q.options.map((o) => byId<HTMLInputElement>(prefix + q.name + "-" + o.value));
      for (const r of radios) {
        r.addEventListener("change", () => {
          this.ignored = [];
          onChange();
        });
      }
      return { info: q, box: byId(prefix + q.name), radios: radios };
    });
  }

  /**
   * progress shows the questions asked and the options offered, given the
   * answers, and returns the answers; an answer whose option is no longer
   * offered is withdrawn.
   */
  progress(): Progress {
    const answers: { [name: string]: string } = {};
    const p: Progress = { inputs: [], pending: null };
    for (const q of this.questions) {
      const asked = p.pending === null && holds(q.info.when, answers);
      q.box.hidden = !asked;
      if (!asked) continue;
      let value = "";
      q.info.options.forEach((o, i) => {
        const r = q.radios[i];
        const offered = holds(o.when, answers);
        (r.parentElement as HTMLElement).hidden = !offered;
        r.disabled = !offered;
        if (!offered) r.checked = false;
        if (r.checked) value = o.value;
      });
      if (value === "") {
        p.pending = q.info;
      } else {
        answers[q.info.name] = value;
        p.inputs.push([q.info.name, value]);
      }
    }
    this.last = p;
    return p;
  }

  /** params are the address values: the answers to the questions asked. */
  params(): Array<[string, string]> {
    return this.last.inputs.slice();
  }

  /** fill answers the questions from an address; those it lacks are cleared. */
  fill(values: { [name: string]: string }): void {
    this.ignored = [];
    for (const q of this.questions) {
      const v = values[q.info.name];
      let found = false;
      q.info.options.forEach((o, i) => {
        q.radios[i].checked = o.value === v;
        found = found || o.value === v;
      });
      if (v !== undefined && !found) this.ignored.push(q.info.label + "“" + v + "”");
    }
  }

  /** focus moves the focus to the question to answer next, else the first. */
  focus(): void {
    const name = this.last.pending ? this.last.pending.name : this.questions.length > 0 ? this.questions[0].info.name : "";
    for (const q of this.questions) {
      if (q.info.name !== name) continue;
      const target = q.radios.filter((r) => r.checked)[0] || q.radios.filter((r) => !r.disabled)[0];
      if (target) target.focus();
    }
  }
}
