// Node.js harness for the tests and benchmarks of internal/search: it runs
// the real TypeScript tokenizer and query engine of web/lib/search against
// a case table or against index files on disk, and prints JSON.
//
//	node harness.js tokenize <tokenizer.json>
//	node harness.js query <index dir> <queries.json> [full]
//	node harness.js bench <index dir> <queries.json> <page size>

import * as fs from "fs";
import { fold, grams, terms } from "../../../web/lib/search/fold";
import { hash, SearchIndex, snippet } from "../../../web/lib/search/engine";
import { parseIndexFile, Source } from "../../../web/lib/search/loader";

/** DirSource reads index files from a folder, as fetch would. */
class DirSource implements Source {
  loaded: string[] = [];
  constructor(private readonly dir: string) {}
  async load(name: string): Promise<unknown> {
    this.loaded.push(name);
    const text = fs.readFileSync(this.dir + "/" + name + ".js", "utf8");
    return parseIndexFile(text, name);
  }
}

interface Case {
  in: string;
}

function tokenize(table: string): unknown {
  const cases = JSON.parse(fs.readFileSync(table, "utf8")) as Case[];
  return cases.map((c) => ({
    fold: fold(c.in),
    hash: hash(fold(c.in)),
    terms: terms(c.in),
    grams: grams(c.in).map((g) => [g.offset, g.text]),
  }));
}

// query answers every query, paging to the end of its results; with full,
// from the whole lists even where an impact-ordered one exists.
async function query(dir: string, queries: string[], full: boolean): Promise<unknown> {
  const index = new SearchIndex(new DirSource(dir));
  const out: unknown[] = [];
  for (const q of queries) {
    const r = await index.search(q, { full });
    await r.fetch(Infinity);
    if (r.hits.length !== r.total) throw new Error(q + ": " + r.hits.length + " results fetched, " + r.total + " counted");
    const anchors: (string | null)[] = [];
    for (const h of r.hits) {
      const s = snippet(await index.article(h.id), r.terms);
      anchors.push(s ? s.anchor : null);
    }
    out.push({
      terms: r.terms,
      ids: r.hits.map((h) => h.id),
      scores: r.hits.map((h) => h.score),
      headings: r.hits.map((h) => h.headings),
      anchors,
    });
  }
  return out;
}

// run answers q as the search page does: the query, then the articles of
// the first page of results and their snippets.
async function run(index: SearchIndex, q: string, page: number): Promise<number> {
  const r = await index.search(q);
  await r.fetch(page);
  const arts = await Promise.all(r.hits.slice(0, page).map((h) => index.article(h.id)));
  for (const a of arts) snippet(a, r.terms);
  return r.total;
}

async function bench(dir: string, queries: string[], page: number): Promise<unknown> {
  const out: unknown[] = [];
  // One session: what each query adds to what the earlier ones loaded.
  const session = new DirSource(dir);
  const warm = new SearchIndex(session);
  for (const q of queries) {
    // Alone: a fresh page, nothing loaded yet.
    const alone = new DirSource(dir);
    let t = performance.now();
    const hits = await run(new SearchIndex(alone), q, page);
    const coldMs = performance.now() - t;
    const before = session.loaded.length;
    await run(warm, q, page);
    const added = session.loaded.slice(before);
    // Again, every file in memory: the engine's own time.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await run(warm, q, page);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push({ query: q, hits, alone: alone.loaded, added, coldMs, warmMs: times[2] });
  }
  return out;
}

async function main(): Promise<void> {
  const [mode, a, b, c] = process.argv.slice(2);
  let result: unknown;
  switch (mode) {
    case "tokenize":
      result = tokenize(a);
      break;
    case "query":
      result = await query(a, JSON.parse(fs.readFileSync(b, "utf8")), c === "full");
      break;
    case "bench":
      result = await bench(a, JSON.parse(fs.readFileSync(b, "utf8")), Number(c));
      break;
    default:
      throw new Error("usage: harness tokenize|query|bench …");
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
