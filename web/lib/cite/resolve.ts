// Resolution of references against document outlines: the twin of
// internal/cite/resolve.go.

import { CiteError, hasUnit, Ref } from "./grammar";
import { formatNumeral } from "./numeral";

/** OutlineItem is an item or sub-item (cite.OutlineItem). */
export interface OutlineItem {
  n: number;
  c?: string;
  x?: string;
  s?: OutlineItem[];
}

export interface OutlinePara {
  x?: string;
  i?: OutlineItem[];
}

export interface OutlineArticle {
  n: number;
  s?: number;
  p: OutlinePara[];
}

/** Outline is a document as the resolver knows it (cite.Outline). */
export interface Outline {
  d: string;
  t: string;
  c: string;
  v?: string;
  vn?: string;
  g: string;
  cur?: boolean;
  am?: boolean;
  a?: OutlineArticle[];
}

/** Context is the citing unit (cite.Context); -1 where not known. */
export interface Context {
  doc: number;
  article: number;
  para: number;
  item: number;
  date: string;
}

export const NO_CONTEXT: Context = { doc: -1, article: -1, para: -1, item: -1, date: "" };

/** Target is a resolved unit (cite.Target). */
export interface Target {
  doc: number;
  article: number;
  para: number;
  item: number;
  sub: number;
  href: string;
  citation: string;
}

const TITLE_PREFIX = "中华人民共和国";

/** normTitle is the key titles are matched by (cite.NormTitle). */
export function normTitle(t: string): string {
  t = t.replace(/\s+/g, "").replace(/〈/g, "《").replace(/〉/g, "》");
  return t.indexOf(TITLE_PREFIX) === 0 ? t.slice(TITLE_PREFIX.length) : t;
}

const RULE_ENDINGS = ["法", "法典", "条例", "规则", "办法", "规定", "细则", "决定", "解释", "准则", "规程", "章程", "通则", "守则", "条令", "纲要", "制度", "意见", "通知", "公约", "协定", "修正案", "批复", "答复", "规范", "标准"];

/** ruleTitle tells the titles of rules from other names in 《》 (cite.RuleTitle). */
export function ruleTitle(t: string): boolean {
  t = t.trim();
  if (t.slice(-1) === "）") {
    const i = t.lastIndexOf("（");
    if (i > 0) t = t.slice(0, i);
  }
  for (const e of RULE_ENDINGS) if (t.slice(-e.length) === e) return true;
  return false;
}

function fail(code: string, msg: string): never {
  throw new CiteError(code, msg);
}

function itemNumber(n: number): string {
  return "（" + formatNumeral(n) + "）";
}

function articleName(n: number, sub: number): string {
  let s = "第" + formatNumeral(n) + "条";
  if (sub > 0) s += "之" + formatNumeral(sub);
  return s;
}

/** articleFile is an article's page in its document's folder. */
export function articleFile(n: number, sub: number): string {
  return String(n) + (sub > 0 ? "-" + sub : "") + ".html";
}

function countItems(items: OutlineItem[] | undefined, n: number): number {
  let c = 0;
  for (const it of items || []) if (it.n === n) c++;
  return c;
}

function indexItem(items: OutlineItem[] | undefined, n: number): number {
  const list = items || [];
  for (let i = 0; i < list.length; i++) if (list[i].n === n) return i;
  return -1;
}

function paraName(a: OutlineArticle, p: number): string {
  let s = articleName(a.n, a.s || 0);
  if (a.p.length > 1) s += "第" + formatNumeral(p + 1) + "款";
  return s;
}

/**
 * Library is the documents references resolve against. Documents whose
 * articles are not loaded yet (the site's list carries none) are loaded
 * by the caller before resolve: see needs.
 */
export class Library {
  private readonly byTitle = new Map<string, number[]>();
  private readonly byDir = new Map<string, number>();
  defaultDoc = -1;

  constructor(readonly docs: Outline[]) {
    docs.forEach((d, i) => {
      const k = normTitle(d.t);
      const list = this.byTitle.get(k);
      if (list) list.push(i);
      else this.byTitle.set(k, [i]);
      this.byDir.set(d.d, i);
    });
    if (docs.length === 1) this.defaultDoc = 0;
  }

  doc(dir: string): number {
    const i = this.byDir.get(dir);
    return i === undefined ? -1 : i;
  }

  /** titleEnding returns the longest end of s that is a title of the library. */
  private titleEnding(s: string): string {
    const cs = Array.from(s);
    for (let k = 0; k < cs.length; k++) {
      const t = cs.slice(k).join("");
      if (this.byTitle.has(normTitle(t))) return t;
    }
    return "";
  }

  /** candidates returns the documents (one version each) r names. */
  candidates(r: Ref, ctx: Context): number[] {
    if (r.named) {
      const t = this.titleEnding(r.before);
      if (t === "") fail("document.unbracketed", "文件名未加书名号，无法确定所指文件");
      r = { ...r, named: false, title: t };
    }
    if (r.anaphora) fail("context.anaphora", "“该条”“该款”所指须从上文判断");
    if (r.title === "") {
      if (ctx.doc < 0) {
        if (this.defaultDoc >= 0) return [this.defaultDoc];
        fail("document.unnamed", "未指明文件：请写明文件名称，如《中华人民共和国行政复议法》第十条");
      }
      if (r.self === "" && this.docs[ctx.doc].am) fail("amendment", "修改决定所引条文属于被修改的文件");
      return [ctx.doc];
    }
    const all = this.byTitle.get(normTitle(r.title)) || [];
    if (all.length === 0) {
      if (!ruleTitle(r.title)) fail("title.other", "《" + r.title + "》不是法规文件的名称");
      fail("document.missing", "本站未收录《" + r.title + "》");
    }
    const groups = new Map<string, number[]>();
    for (const i of all) {
      const g = this.docs[i].g;
      const list = groups.get(g);
      if (list) list.push(i);
      else groups.set(g, [i]);
    }
    const keys = Array.from(groups.keys()).sort();
    const out: number[] = [];
    for (const g of keys) {
      const members = groups.get(g) as number[];
      let best = -1;
      for (const i of members) {
        const d = this.docs[i];
        if (r.version !== "") {
          const year = r.version.slice(-1) === "年" ? r.version.slice(0, -1) : "";
          if (d.vn === r.version || (!!d.vn && year !== "" && (d.v || "").indexOf(year) === 0)) {
            best = i;
            break;
          }
          continue;
        }
        if (ctx.date === "" || !d.v) {
          if (d.cur || members.length === 1) {
            best = i;
            break;
          }
          continue;
        }
        if (d.v <= ctx.date && (best < 0 || d.v > (this.docs[best].v || ""))) best = i;
      }
      if (best >= 0) out.push(best);
    }
    if (out.length === 0) {
      if (r.version !== "") fail("version.missing", "本站未收录《" + r.title + "》（" + r.version + "）");
      fail("version.missing", "本站未收录引用时施行的《" + r.title + "》版本");
    }
    return out;
  }

  /** resolve resolves a reference made at ctx, or throws a CiteError. */
  resolve(r: Ref, ctx: Context): Target {
    if (r.named) {
      const t = this.titleEnding(r.before);
      if (t !== "") r = { ...r, named: false, title: t };
    }
    const docs = this.candidates(r, ctx);
    if (!hasUnit(r)) {
      docs.sort((a, b) => a - b);
      const d = this.docs[docs[0]];
      return { doc: docs[0], article: -1, para: -1, item: -1, sub: -1, href: d.d + "/index.html", citation: d.c };
    }
    let found: Target | null = null;
    let first: CiteError | null = null;
    for (const di of docs) {
      let t: Target;
      try {
        t = this.resolveIn(di, r, ctx);
      } catch (e) {
        if (!(e instanceof CiteError)) throw e;
        if (first === null || (first.code === "article.missing" && e.code !== "article.missing")) first = e;
        continue;
      }
      if (found) fail("document.ambiguous", "《" + r.title + "》有多个文件含有此条");
      found = t;
    }
    if (!found) throw first;
    return found;
  }

  private resolveIn(di: number, r: Ref, ctx: Context): Target {
    const d = this.docs[di];
    const arts = d.a || [];
    const same = di === ctx.doc;
    const t: Target = { doc: di, article: -1, para: -1, item: -1, sub: -1, href: "", citation: "" };
    const relative = () => fail("context.missing", "“" + r.text + "”是相对引用，须在条文中使用");
    if (r.article > 0) {
      let n = 0;
      arts.forEach((a, i) => {
        if (a.n === r.article && (a.s || 0) === r.articleSub) {
          t.article = i;
          n++;
        }
      });
      const name = articleName(r.article, r.articleSub);
      if (n === 0) fail("article.missing", d.c + "没有" + name);
      if (n > 1) fail("article.repeated", d.c + "的" + name + "编号重复，无法确定所指");
    } else if (!same || ctx.article < 0) {
      relative();
    } else if (r.articleRel === "prev") {
      if (ctx.article === 0) fail("article.missing", "本条之前没有条文");
      t.article = ctx.article - 1;
    } else {
      t.article = ctx.article;
    }
    const a = arts[t.article];
    if (r.para > 0) {
      if (r.para > a.p.length) fail("paragraph.missing", articleName(a.n, a.s || 0) + "没有第" + formatNumeral(r.para) + "款");
      t.para = r.para - 1;
    } else if (r.paraRel !== "") {
      if (!same || t.article !== ctx.article || ctx.para < 0) relative();
      t.para = ctx.para;
      if (r.paraRel === "prev") {
        t.para = ctx.para - r.paraCount;
        if (t.para < 0) fail("paragraph.missing", "本款之前没有第" + r.paraCount + "款");
      }
    }
    if (r.item > 0) {
      if (t.para < 0) {
        if (same && t.article === ctx.article && ctx.para >= 0 && countItems(a.p[ctx.para].i, r.item) > 0) {
          t.para = ctx.para;
        } else {
          const withItem: number[] = [];
          a.p.forEach((p, pi) => {
            if (countItems(p.i, r.item) > 0) withItem.push(pi);
          });
          if (withItem.length === 0) fail("item.missing", articleName(a.n, a.s || 0) + "没有第" + itemNumber(r.item) + "项");
          if (withItem.length > 1) fail("item.ambiguous", articleName(a.n, a.s || 0) + "有几款都有第" + itemNumber(r.item) + "项，须写明第几款");
          t.para = withItem[0];
        }
      }
      const items = a.p[t.para].i;
      const c = countItems(items, r.item);
      if (c === 0) fail("item.missing", paraName(a, t.para) + "没有第" + itemNumber(r.item) + "项");
      if (c > 1) fail("item.repeated", paraName(a, t.para) + "的第" + itemNumber(r.item) + "项编号重复，无法确定所指");
      t.item = indexItem(items, r.item);
    } else if (r.itemRel !== "") {
      if (!same || t.article !== ctx.article || ctx.item < 0 || (t.para >= 0 && t.para !== ctx.para)) {
        fail("context.missing", "“" + r.text + "”是相对引用，须在项中使用");
      }
      t.para = ctx.para;
      t.item = ctx.item;
      if (r.itemRel === "prev") {
        if (ctx.item === 0) fail("item.missing", "本项之前没有项");
        t.item--;
      }
    }
    if (r.subitem > 0) {
      if (t.item < 0) {
        if (!same || t.article !== ctx.article || ctx.item < 0) fail("context.missing", "“" + r.text + "”未指明哪一项");
        t.para = ctx.para;
        t.item = ctx.item;
      }
      const subs = ((a.p[t.para].i || [])[t.item].s) || [];
      const c = countItems(subs, r.subitem);
      if (c === 0) fail("subitem.missing", "该项没有第" + r.subitem + "目");
      if (c > 1) fail("subitem.repeated", "该项的第" + r.subitem + "目编号重复，无法确定所指");
      t.sub = indexItem(subs, r.subitem);
    }
    this.address(t);
    return t;
  }

  private address(t: Target): void {
    const d = this.docs[t.doc];
    const a = (d.a || [])[t.article];
    const sub = a.s || 0;
    t.href = d.d + "/" + articleFile(a.n, sub);
    t.citation = d.c + articleName(a.n, sub);
    if (t.para < 0) return;
    const many = a.p.length > 1;
    let anchor = "";
    if (many) {
      anchor = "p" + (t.para + 1);
      t.citation += "第" + formatNumeral(t.para + 1) + "款";
    }
    if (t.item >= 0) {
      const it = (a.p[t.para].i || [])[t.item];
      anchor = (many ? anchor + "-" : "") + "i" + it.n;
      t.citation += "第" + (it.c || itemNumber(it.n)) + "项";
      if (t.sub >= 0) {
        const s = (it.s || [])[t.sub];
        anchor += "-" + s.n;
        t.citation += "第" + (s.c || String(s.n)) + "目";
      }
    }
    if (anchor === "") anchor = "p1";
    t.href += "#" + anchor;
  }
}
