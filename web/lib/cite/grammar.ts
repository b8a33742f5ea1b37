// The citation grammar: the twin of internal/cite/grammar.go, driven by
// the same case table (internal/cite/testdata/cases.json). See the
// package comment of internal/cite for the forms it reads.

import { CHINESE_NUMERALS, isNumeralChar, parseNumeral } from "./numeral";

export type Rel = "" | "this" | "prev";

/** Ref is one reference as written (cite.Ref). */
export interface Ref {
  text: string;
  title: string;
  self: string;
  version: string;
  named: boolean;
  /** The Chinese characters before a named reference's units (≤ 40). */
  before: string;
  anaphora: boolean;
  article: number;
  articleSub: number;
  articleRel: Rel;
  para: number;
  paraRel: Rel;
  paraCount: number;
  item: number;
  itemRel: Rel;
  subitem: number;
  through: boolean;
  /** Offsets in UTF-16 code units in the text read. */
  start: number;
  end: number;
}

export type Kind = "title" | "document" | "article" | "relative" | "unbracketed";

function newRef(): Ref {
  return {
    text: "", title: "", self: "", version: "", named: false, before: "", anaphora: false,
    article: 0, articleSub: 0, articleRel: "",
    para: 0, paraRel: "", paraCount: 0,
    item: 0, itemRel: "", subitem: 0, through: false,
    start: 0, end: 0,
  };
}

export function hasUnit(r: Ref): boolean {
  return r.article > 0 || r.articleRel !== "" || r.para > 0 || r.paraRel !== "" || r.item > 0 || r.itemRel !== "" || r.subitem > 0;
}

/** kind classifies a reference as the build's figures do. */
export function kind(r: Ref): Kind {
  if (r.named) return "unbracketed";
  if (r.title !== "" && !hasUnit(r)) return "title";
  if (r.title !== "") return "document";
  if (r.article > 0) return "article";
  return "relative";
}

function level(r: Ref): number {
  if (r.article > 0 || r.articleRel !== "") return 1;
  if (r.para > 0 || r.paraRel !== "") return 2;
  if (r.item > 0 || r.itemRel !== "") return 3;
  if (r.subitem > 0) return 4;
  return 5;
}

function inherit(r: Ref, prev: Ref): void {
  r.title = prev.title;
  r.self = prev.self;
  r.version = prev.version;
  r.named = prev.named;
  r.before = prev.before;
  r.anaphora = prev.anaphora;
  const l = level(r);
  if (l > 1) {
    r.article = prev.article;
    r.articleSub = prev.articleSub;
    r.articleRel = prev.articleRel;
  }
  if (l > 2) {
    r.para = prev.para;
    r.paraRel = prev.paraRel;
    r.paraCount = prev.paraCount;
  }
  if (l > 3) {
    r.item = prev.item;
    r.itemRel = prev.itemRel;
  }
}

const SELF_WORDS = ["实施细则", "实施办法", "条例", "规则", "办法", "规定", "细则", "决定", "解释", "准则", "规程", "章程", "通则", "守则", "制度", "法典", "法"];
const DOC_SUFFIXES = ["法", "条例", "规则", "办法", "规定", "细则", "决定", "解释", "准则", "规程", "章程", "通则", "法典", "修正案"];
const ANAPHORS = ["该条", "该款", "该项", "同条", "同款"];
const CONNECTORS = ["以及", "或者", "、", "和", "及", "或", "与", "至", "到"];
const TRIGGERS = "第本前上《";

/** isHan tells a Chinese character (basic block, extension A), as the Go side. */
function isHan(c: string): boolean {
  const n = c.codePointAt(0) || 0;
  return (n >= 0x4e00 && n <= 0x9fff) || (n >= 0x3400 && n <= 0x4dbf) || c === "〇";
}

/** versionName tells a note that names a version: 2017年修正, 2021年. */
function versionName(s: string): boolean {
  return /^[0-9]{4}年(修正|修订|公布|通过)?$/.test(s);
}

function chars(s: string): string[] {
  return Array.from(s);
}

class Parser {
  constructor(readonly rs: string[], readonly lenient: boolean) {}

  at(i: number): string {
    return i < this.rs.length ? this.rs[i] : "";
  }

  has(i: number, s: string): boolean {
    for (const c of chars(s)) {
      if (this.at(i) !== c) return false;
      i++;
    }
    return true;
  }

  number(i: number): [number, number] {
    const c = this.at(i);
    if (c >= "①" && c <= "⑳" && c.length === 1) return [c.charCodeAt(0) - 0x2460 + 1, i + 1];
    let j = i;
    while (j < this.rs.length && isNumeralChar(this.rs[j]) && j - i < 8) j++;
    if (j === i) return [0, i];
    const n = parseNumeral(this.rs.slice(i, j).join(""));
    return n > 0 ? [n, j] : [0, i];
  }

  skip(i: number): number {
    if (!this.lenient) return i;
    while (i < this.rs.length && (this.rs[i] === " " || this.rs[i] === "\u3000" || this.rs[i] === "\t" || this.rs[i] === "\u00a0")) i++;
    return i;
  }

  numbered(i: number, unit: string): [number, number] {
    let j = i;
    if (this.at(j) === "第") j++;
    else if (!this.lenient) return [0, i];
    const [n, k0] = this.number(this.skip(j));
    if (n === 0) return [0, i];
    const k = this.skip(k0);
    if (this.at(k) !== unit) return [0, i];
    return [n, k + 1];
  }

  paren(i: number): [number, number] {
    const open = this.at(i);
    if (open !== "（" && open !== "(") return [0, i];
    const [n, j0] = this.number(this.skip(i + 1));
    const j = this.skip(j0);
    if (n === 0 || (this.at(j) !== "）" && this.at(j) !== ")")) return [0, i];
    return [n, j + 1];
  }

  chain(i: number, r: Ref): number {
    let j = this.skip(i);
    if (this.has(j, "本条") && !this.has(j, "本条例")) {
      r.articleRel = "this";
      j += 2;
    } else if (this.has(j, "前条")) {
      r.articleRel = "prev";
      j += 2;
    } else if (this.has(j, "上一条")) {
      r.articleRel = "prev";
      j += 3;
    } else if (this.has(j, "上条")) {
      r.articleRel = "prev";
      j += 2;
    } else {
      const [n, k] = this.numbered(j, "条");
      if (n > 0) {
        r.article = n;
        j = k;
        if (this.at(k) === "之") {
          const [m, k2] = this.number(k + 1);
          if (m > 0) {
            r.articleSub = m;
            j = k2;
          }
        }
      }
    }
    j = this.skip(j);
    if (this.has(j, "本款")) {
      r.paraRel = "this";
      j += 2;
    } else if (this.has(j, "前款")) {
      r.paraRel = "prev";
      r.paraCount = 1;
      j += 2;
    } else if (this.at(j) === "前") {
      const [n, k] = this.number(j + 1);
      if (n > 0 && n < 10 && this.at(k) === "款") {
        r.paraRel = "prev";
        r.paraCount = n;
        j = k + 1;
      }
    } else {
      const [n, k] = this.numbered(j, "款");
      if (n > 0) {
        r.para = n;
        j = k;
      }
    }
    j = this.skip(j);
    if (this.has(j, "本项")) {
      r.itemRel = "this";
      j += 2;
    } else if (this.has(j, "前项")) {
      r.itemRel = "prev";
      j += 2;
    } else {
      let k = j;
      if (this.at(k) === "第") k++;
      const [n, k2a] = this.paren(this.skip(k));
      if (n > 0) {
        const k2 = this.skip(k2a);
        if (this.at(k2) === "项") {
          r.item = n;
          j = k2 + 1;
        } else if (this.lenient) {
          r.item = n;
          j = k2;
        }
      } else {
        const [m, k3] = this.numbered(j, "项");
        if (m > 0) {
          r.item = m;
          j = k3;
        }
      }
    }
    j = this.skip(j);
    const [s, k] = this.numbered(j, "目");
    if (s > 0) {
      r.subitem = s;
      j = k;
    } else if (this.lenient && r.item > 0) {
      const [m, k2] = this.number(j);
      if (m > 0) {
        r.subitem = m;
        j = k2;
      }
    }
    if (!hasUnit(r)) return i;
    return j;
  }

  title(i: number): [string, number] {
    if (this.at(i) !== "《") return ["", i];
    let depth = 0;
    for (let j = i; j < this.rs.length && j - i < 120; j++) {
      const c = this.rs[j];
      if (c === "《") depth++;
      else if (c === "》") {
        depth--;
        if (depth === 0) {
          if (j === i + 1) return ["", i];
          return [this.rs.slice(i + 1, j).join(""), j + 1];
        }
      } else if (c === "\n") return ["", i];
    }
    return ["", i];
  }

  note(i: number): number {
    if (this.at(i) !== "（" && this.at(i) !== "(") return i;
    for (let j = i + 1; j < this.rs.length && j - i < 30; j++) {
      const c = this.rs[j];
      if (c === "）" || c === ")") return j + 1;
      if (c === "（" || c === "(" || c === "\n" || c === "《" || c === "》") return i;
    }
    return i;
  }

  self(i: number): [string, number] {
    if (this.at(i) !== "本") return ["", i];
    for (const w of SELF_WORDS) {
      if (this.has(i + 1, w)) return ["本" + w, i + 1 + chars(w).length];
    }
    return ["", i];
  }

  named(i: number): boolean {
    for (const s of DOC_SUFFIXES) {
      const n = chars(s).length;
      const k = i - n;
      if (k < 0 || this.rs.slice(k, i).join("") !== s) continue;
      if (k > 0 && this.rs[k - 1] === "本") continue;
      if (k === 0 || this.rs[k - 1] === "》") continue;
      return true;
    }
    return false;
  }

  before(i: number): string {
    let k = i;
    while (k > 0 && i - k < 40 && isHan(this.rs[k - 1])) k--;
    return this.rs.slice(k, i).join("");
  }

  anaphor(i: number): boolean {
    return i >= 2 && ANAPHORS.indexOf(this.rs[i - 2] + this.rs[i - 1]) >= 0;
  }

  ref(i: number, out: Ref[]): number {
    let r = newRef();
    let j = i;
    const [t, k] = this.title(j);
    if (t !== "") {
      r.title = t;
      j = k;
      const k2 = this.note(k);
      if (k2 > k) {
        const v = this.rs.slice(k + 1, k2 - 1).join("");
        if (versionName(v)) {
          r.version = v;
          j = k2;
        } else if (this.chain(k2, newRef()) > k2) j = k2;
      }
    } else {
      const [s, k3] = this.self(j);
      if (s !== "") {
        r.self = s;
        j = k3;
      } else if (this.lenient) {
        const k4 = this.bareTitle(j);
        if (k4 > j) {
          r.title = this.rs.slice(j, k4).join("").trim();
          j = k4;
        }
      } else if (this.named(j)) {
        r.named = true;
        r.before = this.before(j);
      } else if (this.anaphor(j)) {
        r.anaphora = true;
      }
    }
    let end = this.chain(j, r);
    if (end === j) {
      if (this.lenient && this.dotted(j, r)) end = this.rs.length;
      else if (r.title !== "") end = j;
      else return i;
    }
    r.start = i;
    r.end = end;
    out.push(r);
    for (;;) {
      let k5 = end;
      let c = "";
      for (const s of CONNECTORS) {
        if (this.has(k5, s)) {
          c = s;
          break;
        }
      }
      if (c === "" || !hasUnit(r)) break;
      k5 += chars(c).length;
      const next = newRef();
      const e = this.chain(k5, next);
      if (e === k5) break;
      inherit(next, r);
      next.through = c === "至" || c === "到";
      next.start = k5;
      next.end = e;
      out.push(next);
      r = next;
      end = e;
    }
    return end;
  }

  bareTitle(i: number): number {
    for (let k = i; k < this.rs.length; k++) {
      if (this.chain(k, newRef()) > k || this.dotted(k, newRef())) {
        const name = this.rs.slice(i, k).join("");
        if (k > i && !isNumeralChar(this.rs[k - 1]) && name.indexOf("《") < 0 && name.indexOf("》") < 0) return k;
        return i;
      }
    }
    return i;
  }

  dotted(i: number, r: Ref): boolean {
    const nums: number[] = [];
    let j = i;
    for (;;) {
      let k = j;
      while (k < this.rs.length && /^[0-9０-９]$/.test(this.rs[k])) k++;
      if (k === j) return false;
      const n = parseNumeral(this.rs.slice(j, k).join(""));
      if (n === 0) return false;
      nums.push(n);
      j = this.skip(k);
      if (j === this.rs.length) break;
      if ((this.rs[j] !== "." && this.rs[j] !== "．") || nums.length === 3) return false;
      j = this.skip(j + 1);
    }
    r.article = nums[0];
    if (nums.length > 1) r.item = nums[1];
    if (nums.length > 2) r.subitem = nums[2];
    return true;
  }
}

/** unitOffsets maps code point indexes of rs to UTF-16 offsets. */
function offsets(rs: string[]): number[] {
  const out = new Array<number>(rs.length + 1);
  let at = 0;
  for (let i = 0; i < rs.length; i++) {
    out[i] = at;
    at += rs[i].length;
  }
  out[rs.length] = at;
  return out;
}

/** scan returns the references in running text, in order. */
export function scan(text: string): Ref[] {
  let any = false;
  for (const c of TRIGGERS) if (text.indexOf(c) >= 0) any = true;
  if (!any) return [];
  const p = new Parser(chars(text), false);
  const out: Ref[] = [];
  for (let i = 0; i < p.rs.length; ) {
    if (TRIGGERS.indexOf(p.rs[i]) < 0) {
      i++;
      continue;
    }
    const n = out.length;
    const end = p.ref(i, out);
    if (end === i) {
      i++;
      continue;
    }
    for (let k = n; k < out.length; k++) out[k].text = p.rs.slice(out[k].start, out[k].end).join("");
    i = end;
  }
  const off = offsets(p.rs);
  for (const r of out) {
    r.start = off[r.start];
    r.end = off[r.end];
  }
  return out;
}

/** CiteError says why a citation cannot be read or resolved (cite.Error). */
export class CiteError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * parse reads a citation as typed or pasted into its references; it
 * throws a CiteError of code "syntax" when the text is not a citation.
 */
/**
 * chineseNumber reads a query that is a number in Chinese numerals alone
 * (二十二), or followed by 、 as texts in the Work Rules' shape label their
 * articles (二十二、): like 22, it names an article. 0 when it is not one.
 */
function chineseNumber(q: string): number {
  const s = q.replace(/、$/, "").trim();
  if (s === "" || !Array.from(s).every((c) => CHINESE_NUMERALS.indexOf(c) >= 0)) return 0;
  return parseNumeral(s);
}

export function parse(q: string): Ref[] {
  q = q.trim();
  const p = new Parser(chars(q), true);
  const i = p.skip(0);
  const d = newRef();
  if (p.dotted(i, d)) {
    d.text = q;
    return [d];
  }
  const n = chineseNumber(q);
  if (n > 0) {
    const r = newRef();
    r.article = n;
    r.text = q;
    return [r];
  }
  const out: Ref[] = [];
  const end = p.ref(i, out);
  if (end === i || p.skip(end) !== p.rs.length) {
    // A sentence pasted whole: its references as running text has them.
    const refs = scan(q);
    if (refs.length > 0) return refs;
    throw new CiteError("syntax", "无法识别的引用：" + q);
  }
  for (const r of out) {
    r.text = p.rs.slice(r.start, r.end).join("").trim();
    if (r.title !== "") r.title = r.title.replace(/^[《》 ]+|[《》 ]+$/g, "");
  }
  return out;
}
