// The shapes of globalThis.rules (cmd/ruleswasm, contract apiVersion 1)
// and of the page's own data (internal/site/calculator.go), as far as the
// calculator reads them.

export interface Clause {
  id: string; // "22.1.1", "18.p2"
  citation: string; // 第二十二条第（一）项第1目, 第十八条第二款
}

export interface Reading {
  reading: string;
  reason: string;
}

export interface Bound {
  amount: string | null; // 万元, plain digits; null when unbounded
  inclusive: boolean;
  unbounded: boolean;
  written: string;
  reading: Reading | null;
}

export interface Step {
  actor: string;
  action: string;
}

export interface Note {
  text: string;
  basis: string;
  clause: Clause;
}

export interface GeneralRule {
  id: string;
  clause: Clause;
  basis: string;
  text: string;
  reading: Reading | null;
}

export interface Neighbour {
  input: string;
  direction: "up" | "down";
  at: Bound;
  delta: string;
  decider: string;
  action: string;
  wording: string;
  clause: Clause;
  text: string;
}

export interface Value {
  input: string;
  label: string;
  amount: string; // 万元
  unit: string;
  range: { text: string; lower: Bound; upper: Bound };
}

/** Source is the version of the Work Rules an answer rests on (rules.Source). */
export interface Source {
  title: string; // 重庆市开州区人民政府工作规则
  number: string; // 开州府发〔2021〕7号
  date: string; // ISO 8601
  effective: string; // ISO 8601
  citation: string; // 《重庆市开州区人民政府工作规则》（开州府发〔2021〕7号，2021年4月1日起施行）
}

export interface Decision {
  ok: true;
  type: "amount";
  source: Source;
  matter: string;
  decider: string;
  action: string;
  wording: string;
  steps: Step[];
  duties: string[];
  notes: Note[];
  clause: Clause;
  basis: string;
  general: GeneralRule[];
  next: Neighbour[];
  values: Value[];
}

export interface RouteError {
  ok: false;
  error: { code: string; message: string; input: string | null };
}

// A procedure's answer (rules.route for matter "21", "42" or "43").

/** Act is a step of a procedure, with the words of the text it rests on. */
export interface Act {
  actor: string; // "" where the text names no one
  action: string;
  clause: Clause;
  basis: string;
}

/**
 * Outcome is one answer of the text: who signs or decides, and how. Where
 * the text itself names alternatives (由区长或负责区政府常务工作的副区长签发),
 * decider is the alternative as written and either lists its members: one
 * answer, not readings. decider is "" where the text's answer is that
 * nothing is issued (一律不发).
 */
export interface Outcome {
  decider: string;
  either: string[];
  action: string;
  wording: string;
  steps: Act[];
  clause: Clause;
  basis: string;
  reading: string; // what this reading takes the text to mean; "" when it is the only one
}

export interface Ruling {
  ok: true;
  type: "procedure";
  source: Source;
  matter: string;
  branch: string;
  clause: Clause;
  silent: boolean;
  ambiguous: boolean;
  readings: Outcome[];
  before: Act[];
  duties: Act[];
  notes: Note[];
  see: string[]; // matters of article 二十二 decided by amount
  values: { input: string; label: string; value: string; option: string }[];
}

export type Answer = Decision | Ruling | RouteError;

export interface Rules {
  apiVersion: number;
  route(req: { matter: string; inputs: { [name: string]: string } }): Answer;
}

// Page data: CalcData in internal/site/calculator.go.

export interface Mark {
  amount: string;
  written: string;
}

export interface InputInfo {
  name: string;
  label: string;
  hint: string;
  marks: Mark[];
}

export interface MatterInfo {
  id: string;
  title: string;
  citation: string;
  inputs: InputInfo[];
}

/** Condition is on the answer to an earlier question of a procedure. */
export interface Condition {
  input: string;
  values: string[];
  not: boolean; // holds when the input was not asked or its answer is none of values
}

export interface OptionInfo {
  value: string;
  label: string;
  when: Condition[];
}

export interface QuestionInfo {
  name: string;
  label: string;
  when: Condition[];
  options: OptionInfo[];
}

export interface ProcedureInfo {
  id: string;
  title: string;
  role: string; // 签发人, 决策主体
  verb: string; // 签发, 决定
  questions: QuestionInfo[];
}

export interface PageData {
  citation: string; // 《…》（…）
  version: string; // the version the rules apply: 2021年4月1日印发，现行有效; "" when unknown
  status: string; // that version's status as of the build: 现行有效; "" when unknown
  matters: MatterInfo[];
  procedures: ProcedureInfo[];
  clauses: { [path: string]: string }; // relative to the site root
  bodies: { [decider: string]: string }; // relative to the site root
}
