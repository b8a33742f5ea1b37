// The shapes of globalThis.rules (cmd/ruleswasm, contract apiVersion 1)
// and of the page's own data (internal/site/calculator.go), as far as the
// calculator reads them.

export interface Clause {
  id: string; // "22.1.1"
  citation: string; // 第二十二条第（一）项第1目
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

export interface Decision {
  ok: true;
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

export type Answer = Decision | RouteError;

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

export interface PageData {
  citation: string; // 《…》（…）
  matters: MatterInfo[];
  clauses: { [path: string]: string }; // relative to the site root
  bodies: { [decider: string]: string }; // relative to the site root
}
