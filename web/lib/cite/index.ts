// The resolver as pages and other systems use it: a citation typed or
// pasted in, its units' addresses, formal citations and text out. The
// data is the site's cite/ folder (see loader.ts); the contract is
// documented in the README (Resolving citations from other systems).

import { CiteError, hasUnit, parse, Ref } from "./grammar";
import { loadData } from "./loader";
import { Context, Library, NO_CONTEXT, Outline, OutlineItem } from "./resolve";

/** Answer is what a citation resolves to, one per reference it holds. */
export interface Answer {
  /** The reference as read from the query. */
  text: string;
  ok: boolean;
  /** Formal citation of the unit, e.g. 《…》（…）第二十二条第（三）项第1目. */
  citation?: string;
  /** The unit's address from the site root, e.g. kzfz-2021-7/22.html#i3-1. */
  href?: string;
  /** The same address prefixed by the site's base. */
  url?: string;
  /** The unit's text, line by line, as published. */
  lines?: string[];
  /** Why it did not resolve: a code (cite.Error codes) and a message in Chinese. */
  code?: string;
  message?: string;
}

/** Options of resolve. */
export interface Options {
  /** Folder of the citing document on the site, for 本条, 前款 and citations without a title. */
  doc?: string;
  /** Date of the citing text (YYYY-MM-DD): chooses the version in force then. */
  date?: string;
}

interface DocList {
  default?: string;
  docs: Outline[];
}

/** Resolver resolves citations against a site at base (ending in "/"). */
export class Resolver {
  private lib: Promise<Library> | null = null;

  constructor(readonly base: string) {}

  private library(): Promise<Library> {
    if (!this.lib) {
      this.lib = loadData(this.base, "docs").then((v) => {
        const list = v as DocList;
        for (const d of list.docs) {
          // The list leaves out what follows from the rest.
          if (!d.c) d.c = "《" + d.t + "》";
          if (!d.g) d.g = "#" + d.d;
        }
        const lib = new Library(list.docs);
        if (list.default) lib.defaultDoc = lib.doc(list.default);
        return lib;
      });
      this.lib.catch(() => {
        this.lib = null;
      });
    }
    return this.lib;
  }

  private async outline(lib: Library, i: number): Promise<void> {
    const d = lib.docs[i];
    if (d.a) return;
    const full = (await loadData(this.base, d.d)) as Outline;
    lib.docs[i] = full;
  }

  /** resolve answers a citation; it rejects only when the data cannot load. */
  async resolve(q: string, opts: Options = {}): Promise<Answer[]> {
    let refs: Ref[];
    try {
      refs = parse(q);
    } catch (e) {
      if (!(e instanceof CiteError)) throw e;
      return [{ text: q.trim(), ok: false, code: e.code, message: e.message }];
    }
    const lib = await this.library();
    const ctx: Context = { ...NO_CONTEXT, date: opts.date || "" };
    if (opts.doc) ctx.doc = lib.doc(opts.doc);
    const out: Answer[] = [];
    for (const r of refs) {
      try {
        for (const i of lib.candidates(r, ctx)) await this.outline(lib, i);
        if (ctx.doc >= 0) await this.outline(lib, ctx.doc);
        const t = lib.resolve(r, ctx);
        out.push({
          text: r.text,
          ok: true,
          citation: t.citation,
          href: t.href,
          url: this.base + t.href,
          lines: hasUnit(r) ? unitLines(lib.docs[t.doc], t.article, t.para, t.item, t.sub) : [],
        });
      } catch (e) {
        if (!(e instanceof CiteError)) throw e;
        out.push({ text: r.text, ok: false, code: e.code, message: e.message });
      }
    }
    return out;
  }
}

function itemLines(it: OutlineItem, sub: number): string[] {
  if (sub >= 0) return [(it.s || [])[sub].x || ""];
  return (it.x || "").split("\n"); // sub-items included, in reading order
}

/** unitLines returns the text of a unit of a loaded outline. */
function unitLines(d: Outline, article: number, para: number, item: number, sub: number): string[] {
  const a = (d.a || [])[article];
  const paras = para >= 0 ? [a.p[para]] : a.p;
  if (item >= 0) return itemLines((paras[0].i || [])[item], sub);
  const lines: string[] = [];
  for (const p of paras) {
    lines.push(p.x || "");
    for (const it of p.i || []) lines.push(...itemLines(it, -1));
  }
  return lines;
}
