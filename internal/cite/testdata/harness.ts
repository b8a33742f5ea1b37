// Node.js harness of the case table: runs the TypeScript twin of the
// grammar and resolution (web/lib/cite) over every case of cases.json
// and prints, per case, the references found as the Go side's
// cite.Result, for the Go test to compare.
//
//	node harness.js <cases.json>

import * as fs from "fs";
import { CiteError, kind, parse, Ref, scan } from "../../../web/lib/cite/grammar";
import { articleFile, Context, Library, NO_CONTEXT, Outline } from "../../../web/lib/cite/resolve";

interface CaseContext {
  doc?: string;
  article?: string;
  para?: number;
  item?: number;
  date?: string;
}

interface Case {
  parse?: string;
  scan?: string;
  ctx?: CaseContext;
}

interface Table {
  default: string;
  docs: Outline[];
  cases: Case[];
}

function context(lib: Library, c: CaseContext | undefined): Context {
  const ctx: Context = { ...NO_CONTEXT, date: (c && c.date) || "" };
  if (!c || !c.doc) return ctx;
  ctx.doc = lib.doc(c.doc);
  const d = lib.docs[ctx.doc];
  (d.a || []).forEach((a, i) => {
    if (articleFile(a.n, a.s || 0) === c.article) ctx.article = i;
  });
  ctx.para = (c.para || 1) - 1;
  if (c.item) {
    const items = d.a![ctx.article].p[ctx.para].i || [];
    ctx.item = items.findIndex((it) => it.n === c.item);
  }
  return ctx;
}

const table = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as Table;
const lib = new Library(table.docs);
lib.defaultDoc = lib.doc(table.default);
const out = table.cases.map((c) => {
  const ctx = context(lib, c.ctx);
  let refs: Ref[];
  if (c.parse !== undefined) {
    try {
      refs = parse(c.parse);
    } catch (e) {
      return [{ err: (e as CiteError).code }];
    }
  } else {
    refs = scan(c.scan || "");
  }
  return refs.map((r) => {
    const res: Record<string, unknown> = { text: r.text, kind: kind(r) };
    if (r.through) res.through = true;
    try {
      const t = lib.resolve(r, ctx);
      res.href = t.href;
      res.cite = t.citation;
    } catch (e) {
      if (!(e instanceof CiteError)) throw e;
      res.err = e.code;
    }
    return res;
  });
});
process.stdout.write(JSON.stringify(out));
