// The query engine of the site search. It answers a query with exactly
// the articles that contain every term as a substring, ranked by BM25,
// those whose title or chapter heading contains terms first. The index
// format is described in internal/search/doc.go.

import { Reader } from "./vlq";
import { codePoints, findTerms, fold, terms as splitTerms } from "./fold";
import type { Source } from "./loader";

interface Meta {
  v: number;
  n: number;
  avg: number;
  parts: number;
  chunk: number;
  /** Runs of articles of versions not in force: first id, length, … */
  old: number[];
  /** BM25's parameters and the length of each length bucket. */
  k1: number;
  b: number;
  lens: number[];
}

/** FORMAT is the version of the index files this engine reads. */
export const FORMAT = 3;

/** Ref is a list itself, 0 for the partition's pack (in its g/ file), or n for l/<n>. */
type Ref = string | number;
/**
 * Entry is a gram's dictionary entry: a character's document list, or
 * [document list, impact] when it has an impact-ordered list; a longer
 * gram's grouped position list, or, extended, [position list, document
 * list] and maybe its impact-ordered list after them.
 */
type Entry = Ref | [Ref, Ref] | [Ref, Ref, string];

/** DictFile is a dictionary file: its grams' entries and its pack of lists. */
interface DictFile {
  g: Record<string, Entry>;
  p: Record<string, string>;
}

/** UnitList lists the units holding a string, by ascending id. */
interface UnitList {
  ids: number[];
  w: number[]; // an article's length bucket; a heading's article count
  tf: number[];
  /** df is the number of articles holding the string, when ids do not list them all. */
  df?: number;
}

/** PosList adds the offsets of every occurrence in each unit. */
interface PosList {
  ids: number[];
  w: number[];
  offs: number[][];
}

/**
 * Cover is a piece of a term: the longest gram at offset, which covers the
 * term up to reach, with its dictionary entry.
 */
interface Cover {
  offset: number;
  reach: number;
  key: string;
  e: Entry;
}

/**
 * REPLACE_MIN is the number of articles, per start tried, from which the
 * position list of a frequent gram that is not the first piece of a term
 * costs more than looking for a rarer gram to replace it (see term):
 * about three bytes an article against two dictionary files a start.
 */
const REPLACE_MIN = 3000;

/**
 * VERIFY_MAX is the number of candidate units up to which checking their
 * text is cheaper than loading the position list of a frequent gram.
 */
const VERIFY_MAX = 20;

/** Hit is one article of a result. */
export interface Hit {
  id: number;
  score: number;
  /** headings is how many terms the article's title or chapter holds. */
  headings: number;
}

/**
 * Result is the answer to a query: how many articles match, and the
 * first of them in rank order. A query of one frequent term reads its
 * ranking from an impact-ordered list a segment at a time; fetch makes
 * hits hold at least upTo articles, or all of them.
 */
export interface Result {
  terms: string[];
  total: number;
  hits: Hit[];
  fetch(upTo: number): Promise<void>;
  /**
   * old is how many more articles, of versions not in force (amended,
   * repealed, not yet in force), hold every term: left out unless the
   * query asks for all versions.
   */
  old: number;
}

/** Options of a query. */
export interface Options {
  /** all includes the versions not in force. */
  all?: boolean;
  /** full ranks from the whole lists even where an impact-ordered one exists (for tests). */
  full?: boolean;
}

function complete(terms: string[], hits: Hit[], old: number): Result {
  return { terms, total: hits.length, hits, old, fetch: () => Promise.resolve() };
}

/** Block is a paragraph, item or sub-item of an article. */
export interface Block {
  anchor: string;
  /** The block's short citation, e.g. 第二十二条第（三）项第1目. */
  cite: string;
  text: string;
}

/** Article is what a result shows of an article. */
export interface Article {
  id: number;
  url: string;
  label: string;
  doc: string;
  chapter: string;
  /** The validity of the article's version, e.g. 现行有效; "" if unknown. */
  status: string;
  blocks: Block[];
}

/** Snippet is a stretch of a block with the matches marked. */
export interface Snippet {
  anchor: string;
  /** Pieces of the text in order; odd-numbered ones are matches. */
  parts: string[];
  cutBefore: boolean;
  cutAfter: boolean;
}

// BM25 with length counting for less than the textbook 0.75 (b = 0.1): a
// long article that names a matter seven times (article 二十二 and its
// thresholds) is about it more than a short one that names it once.
// (k1 and b come from meta.js: internal/search ranks the impact-ordered
// lists with the same numbers.)

const EMPTY: UnitList = { ids: [], w: [], tf: [] };

/**
 * hash is the 32-bit FNV-1a hash of the code points of key, as
 * internal/search.Hash: its low bits choose the dictionary partition.
 */
export function hash(key: string): number {
  let h = 2166136261;
  for (const c of codePoints(key)) h = Math.imul(h ^ c, 16777619) >>> 0;
  return h;
}

/** SearchIndex runs queries against the index files of a Source. */
export class SearchIndex {
  private readonly files = new Map<string, Promise<unknown>>();
  private metaP: Promise<Meta> | null = null;

  constructor(private readonly source: Source) {}

  private file(name: string): Promise<unknown> {
    let p = this.files.get(name);
    if (!p) {
      p = this.source.load(name);
      this.files.set(name, p);
      // A failed load may be retried by a later query.
      p.catch(() => this.files.delete(name));
    }
    return p;
  }

  private meta(): Promise<Meta> {
    if (!this.metaP) {
      this.metaP = this.file("meta").then((v) => {
        const meta = v as Meta;
        if (meta.v !== FORMAT) throw new Error("search index: format " + meta.v + ", want " + FORMAT);
        return meta;
      });
      this.metaP.catch(() => (this.metaP = null));
    }
    return this.metaP;
  }

  /** entry returns the dictionary entry of a gram, undefined if it never occurs. */
  private async entry(meta: Meta, key: string): Promise<Entry | undefined> {
    const part = hash(key) & (meta.parts - 1);
    const dict = ((await this.file("g/" + part)) as DictFile).g;
    return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : undefined;
  }

  private async list(meta: Meta, key: string, kind: string, ref: Ref): Promise<string> {
    if (typeof ref === "string") return ref;
    if (ref > 0) return (await this.file("l/" + ref)) as string;
    const pack = ((await this.file("g/" + (hash(key) & (meta.parts - 1)))) as DictFile).p;
    const s = pack[kind + key];
    if (s === undefined) throw new Error("search index: pack lacks " + kind + key);
    return s;
  }

  /**
   * term returns the units that contain t, with the number of occurrences.
   * It covers t with grams, each the longest gram of the index starting
   * at its offset: an extended gram, whose list holds every occurrence,
   * or a gram that is not extended, whose list, grouped by the next
   * character, holds every occurrence of the gram and that character. A
   * single gram that is all of t answers at once; several are joined by
   * position, which checks every character of t at its offset. A frequent
   * (extended) gram's long list is skipped when the others leave at most
   * VERIFY_MAX units, whose text is then checked instead; failing that, a
   * frequent gram after the first is replaced, where one exists, by the
   * longest gram starting earlier and reaching as far, which is rarer.
   */
  private async term(meta: Meta, t: string): Promise<UnitList> {
    const cps = codePoints(t);
    const m = cps.length;
    if (m === 1) {
      const e = await this.entry(meta, t);
      if (e === undefined) return EMPTY;
      return decodeDocs(await this.list(meta, t, "d", Array.isArray(e) ? e[0] : e));
    }
    // The cover: pieces from offset 0 to the end, each the longest gram
    // starting at its offset.
    const covers: Cover[] = [];
    let o = 0;
    for (;;) {
      const c = await this.longest(meta, cps, o);
      if (c === null) return EMPTY;
      if (o === 0 && c.reach === m) {
        // One gram is all of t: an extended gram's document list answers.
        const e = c.e;
        if (Array.isArray(e)) return decodeDocs(await this.list(meta, c.key, "d", e[1]));
        return docsOf(await this.load(meta, cps, c));
      }
      covers.push(c);
      if (c.reach >= m) break;
      // The next gram starts where this one ends, or earlier so that it
      // has two characters.
      o = Math.min(c.reach, m - 2);
    }
    const dear = (c: Cover): boolean => Array.isArray(c.e);
    // A frequent gram's long list is not needed when the others leave
    // few candidates: their text is checked instead.
    const verified = async (): Promise<UnitList | null> => {
      const cheap = covers.filter((c) => !dear(c));
      if (cheap.length === 0 || cheap.length === covers.length) return null;
      const lists = await Promise.all(cheap.map((c) => this.load(meta, cps, c)));
      const starts = join(
        lists,
        cheap.map((c) => c.offset),
      );
      return starts.ids.length <= VERIFY_MAX ? this.verify(meta, starts, cps) : null;
    };
    let found = await verified();
    if (found) return found;
    // Else a frequent gram after the first is replaced, where one exists,
    // by the longest gram that starts earlier (over the previous piece)
    // and reaches as far: being longer, it is rarer, and one that is not
    // extended has a short list. 业协会应当 is 业协(会) and 协会应(当)
    // rather than 应当's positions; 等行政法规 is 等行(政) and 行政法规,
    // not 法规.
    let replaced = false;
    for (let i = 1; i < covers.length; i++) {
      // Each start tried costs a dictionary file or two: only a gram in
      // enough articles to make its positions dearer is replaced, which
      // its impact-ordered list's header tells.
      const e = covers[i].e;
      if (!Array.isArray(e) || e.length !== 3 || typeof e[2] !== "string") continue;
      const tries = covers[i].offset - covers[i - 1].offset - 1;
      if (new Reader(e[2]).next() < REPLACE_MIN * tries) continue;
      for (let o2 = covers[i - 1].offset + 1; o2 < covers[i].offset; o2++) {
        const c2 = await this.longest(meta, cps, o2);
        if (c2 === null) return EMPTY;
        if (c2.reach >= covers[i].reach) {
          covers[i] = c2;
          replaced = true;
          break;
        }
      }
    }
    if (replaced && (found = await verified())) return found;
    const lists = await Promise.all(covers.map((c) => this.load(meta, cps, c)));
    return docsOf(
      join(
        lists,
        covers.map((c) => c.offset),
      ),
    );
  }

  /**
   * longest returns the longest gram of the index that starts at offset o
   * of cps, following extended grams as far as cps goes, with its entry
   * and how far it covers cps (a gram that is not extended covers the
   * next character too, from its group); null when cps cannot occur (a
   * gram it holds is not in the index).
   */
  private async longest(meta: Meta, cps: number[], o: number): Promise<Cover | null> {
    let len = 2;
    let key = String.fromCodePoint(cps[o], cps[o + 1]);
    let e = await this.entry(meta, key);
    if (e === undefined) return null;
    while (Array.isArray(e) && o + len < cps.length) {
      key += String.fromCodePoint(cps[o + len]);
      e = await this.entry(meta, key);
      if (e === undefined) return null;
      len++;
    }
    const reach = !Array.isArray(e) && o + len < cps.length ? o + len + 1 : o + len;
    return { offset: o, reach: reach, key: key, e: e };
  }

  /** load returns the positions of piece c of cps: its gram's, or its group's. */
  private load(meta: Meta, cps: number[], c: Cover): Promise<PosList> {
    const e = c.e;
    if (Array.isArray(e)) return this.list(meta, c.key, "p", e[0]).then(decodePositions);
    const len = codePoints(c.key).length;
    const next = c.offset + len < c.reach ? cps[c.offset + len] : -1;
    return this.list(meta, c.key, "p", e).then((s) => groupOf(s, next));
  }

  /**
   * verify keeps the candidate starts where the text of the unit holds
   * cps, and counts them. The text is the unit's as the index saw it:
   * an article's blocks joined by line breaks, or a heading, folded.
   */
  private async verify(meta: Meta, cand: PosList, cps: number[]): Promise<UnitList> {
    const texts = await Promise.all(
      cand.ids.map(async (id) => {
        if (id < meta.n) return articleText(await this.article(id));
        const a = await this.article((id - meta.n) >> 1);
        return (id - meta.n) & 1 ? a.chapter : a.doc;
      }),
    );
    const out: UnitList = { ids: [], w: [], tf: [] };
    cand.ids.forEach((id, k) => {
      const text = codePoints(fold(texts[k]));
      let count = 0;
      for (const p of cand.offs[k]) {
        let ok = p + cps.length <= text.length;
        for (let i = 0; ok && i < cps.length; i++) ok = text[p + i] === cps[i];
        if (ok) count++;
      }
      if (count > 0) {
        out.ids.push(id);
        out.w.push(cand.w[k]);
        out.tf.push(count);
      }
    });
    return out;
  }

  /**
   * impactOf returns the impact-ordered list of t, if t is one gram that
   * has one: a character, or a chain of extended grams that is all of t.
   */
  private async impactOf(meta: Meta, t: string): Promise<string | null> {
    const cps = codePoints(t);
    if (cps.length === 1) {
      const e = await this.entry(meta, t);
      return Array.isArray(e) && e.length === 2 && typeof e[1] === "string" ? (e[1] as string) : null;
    }
    const c = await this.longest(meta, cps, 0);
    if (c === null || c.reach !== cps.length) return null;
    const e = c.e;
    return Array.isArray(e) && e.length === 3 ? e[2] : null;
  }

  /**
   * lists returns each term's units. A term that is one frequent gram (its
   * impact-ordered list gives its number of articles) has the longest
   * lists of all; when the other terms leave few candidate articles, it is
   * checked in their text instead (see verifyTerms), which gives the same
   * answer and the same ranking for a fraction of the bytes. With full,
   * every list is read.
   */
  private async lists(meta: Meta, ts: string[], full: boolean): Promise<UnitList[]> {
    const whole = () => Promise.all(ts.map((t) => this.term(meta, t)));
    if (ts.length === 1 || full) return whole();
    const headers = await Promise.all(ts.map((t) => this.impactOf(meta, t)));
    const dear = headers.map((h, i) => (h === null ? -1 : i)).filter((i) => i >= 0);
    if (dear.length === 0 || dear.length === ts.length) return whole();
    const lists: (UnitList | null)[] = ts.map(() => null);
    await Promise.all(
      ts.map(async (t, i) => {
        if (headers[i] === null) lists[i] = await this.term(meta, t);
      }),
    );
    const n = meta.n;
    let cand: number[] | null = null;
    for (const l of lists) if (l) cand = cand === null ? articleIds(l, n) : intersect(cand, articleIds(l, n));
    const ids = cand || [];
    const df = dear.map((i) => new Reader(headers[i] as string).next());
    // Checking a candidate costs its text file (about 1.5 KB); reading a
    // list, about a byte an article that holds the term.
    if (ids.length > Math.max(VERIFY_MAX, Math.min(...df) / 1000)) return whole();
    const first = lists.find((l) => l !== null) as UnitList;
    const weight = new Map<number, number>();
    first.ids.forEach((id, k) => {
      if (id < n) weight.set(id, first.w[k]);
    });
    const checked = await this.verifyTerms(
      ids,
      dear.map((i) => ts[i]),
      weight,
      n,
    );
    dear.forEach((i, k) => {
      checked[k].df = df[k];
      lists[i] = checked[k];
    });
    return lists as UnitList[];
  }

  /**
   * verifyTerms returns, for each term, the candidate articles whose text
   * holds it, with their weight and number of occurrences as the index
   * counts them (every position where the term starts), followed by a
   * heading unit covering each of those whose document title or chapter
   * heading holds the term: the list the index would give, restricted to
   * the candidates.
   */
  private async verifyTerms(ids: number[], terms: string[], weight: Map<number, number>, n: number): Promise<UnitList[]> {
    const arts = await Promise.all(ids.map((id) => this.article(id)));
    return terms.map((t) => {
      const out: UnitList = { ids: [], w: [], tf: [] };
      const heads: number[] = [];
      arts.forEach((a, k) => {
        const text = fold(articleText(a));
        let tf = 0;
        for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) tf++;
        if (tf === 0) return;
        out.ids.push(ids[k]);
        out.w.push(weight.get(ids[k]) as number);
        out.tf.push(tf);
        if (fold(a.doc).indexOf(t) >= 0 || fold(a.chapter).indexOf(t) >= 0) heads.push(ids[k]);
      });
      // A heading unit of one article: articles + 2·first, covering 1.
      for (const id of heads) {
        out.ids.push(n + 2 * id);
        out.w.push(1);
        out.tf.push(1);
      }
      return out;
    });
  }

  /** search answers a query. */
  async search(query: string, opts: Options = {}): Promise<Result> {
    const ts = splitTerms(query);
    if (ts.length === 0) return complete(ts, [], 0);
    const meta = await this.meta();
    if (ts.length === 1 && !opts.full) {
      const header = await this.impactOf(meta, ts[0]);
      if (header !== null) return this.ranked(meta, ts, header, !!opts.all);
    }
    const lists = await this.lists(meta, ts, !!opts.full);
    const n = meta.n;
    // Articles holding every term.
    let ids = articleIds(lists[0], n);
    for (let i = 1; i < lists.length && ids.length > 0; i++) {
      ids = intersect(ids, articleIds(lists[i], n));
    }
    let old = 0;
    if (!opts.all && (meta.old || []).length > 0) {
      const kept = ids.filter((id) => !inRuns(meta.old, id));
      old = ids.length - kept.length;
      ids = kept;
    }
    const score = new Float64Array(ids.length);
    const headings = new Int32Array(ids.length);
    for (const l of lists) {
      const df = l.df !== undefined ? l.df : countBelow(l.ids, n);
      // The idf of a query's only term changes no order: 1, so that the
      // scores are those of the impact-ordered lists to the last bit.
      const idf = lists.length === 1 ? 1 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const covered = new Uint8Array(n);
      let j = 0;
      for (let k = 0; k < l.ids.length; k++) {
        const id = l.ids[k];
        if (id >= n) {
          // A heading: articles + 2·first + kind; w counts its articles.
          const from = (id - n) >> 1;
          covered.fill(1, from, Math.min(n, from + l.w[k]));
          continue;
        }
        while (j < ids.length && ids[j] < id) j++;
        if (j < ids.length && ids[j] === id) score[j] += idf * termScore(meta, l.tf[k], l.w[k]);
      }
      for (let i = 0; i < ids.length; i++) headings[i] += covered[ids[i]];
    }
    const hits: Hit[] = ids.map((id, i) => ({ id, score: score[i], headings: headings[i] }));
    hits.sort((a, b) => b.headings - a.headings || b.score - a.score || a.id - b.id);
    return complete(ts, hits, old);
  }

  /**
   * ranked answers a query of one term from its impact-ordered list (see
   * internal/search/impact.go): header gives the number of articles, how
   * many are of versions not in force, and the segments of the head of
   * the ranking; hits are read a segment at a time as fetch asks for them,
   * and from the whole list past the head.
   */
  private ranked(meta: Meta, ts: string[], header: string, all: boolean): Result {
    const r = new Reader(header);
    const count = r.next();
    const olds = r.next();
    const segments: { size: number; file: number }[] = [];
    while (!r.done()) segments.push({ size: r.next(), file: r.next() });
    let next = 0;
    let whole = false;
    const hits: Hit[] = [];
    const res: Result = {
      terms: ts,
      total: all ? count : count - olds,
      old: all ? 0 : olds,
      hits,
      fetch: async (upTo: number) => {
        while (hits.length < upTo && next < segments.length) {
          const s = (await this.file("l/" + segments[next].file)) as string;
          next++;
          const sr = new Reader(s);
          while (!sr.done()) {
            const id = sr.next();
            const w = sr.next();
            const tf = sr.next();
            const h = sr.next();
            if (!all && inRuns(meta.old || [], id)) continue;
            hits.push({ id, score: termScore(meta, tf, w), headings: h });
          }
        }
        if (hits.length < upTo && hits.length < res.total && !whole) {
          // Past the stored head of the ranking: the rest comes from the
          // whole list, which ranks the same articles the same way.
          whole = true;
          const rest = await this.search(ts[0], { all, full: true });
          hits.length = 0;
          for (const h of rest.hits) hits.push(h);
        }
      },
    };
    return res;
  }

  /** article returns an article's text and where it stands. */
  async article(id: number): Promise<Article> {
    const meta = await this.meta();
    const chunk = Math.floor(id / meta.chunk);
    const f = (await this.file("t/" + chunk)) as {
      a: number;
      d: string[];
      c: string[];
      s: string[];
      u: [string, string, number, number, string[], number][];
    };
    const u = f.u[id - f.a];
    if (!u) throw new Error("search index: no article " + id);
    const blocks: Block[] = [];
    for (let i = 0; i + 2 < u[4].length; i += 3) blocks.push({ anchor: u[4][i], cite: u[4][i + 1] || u[1], text: u[4][i + 2] });
    const status = u[5] < 0 ? "" : f.s[u[5]];
    return { id, url: u[0], label: u[1], doc: f.d[u[2]], chapter: u[3] < 0 ? "" : f.c[u[3]], status, blocks };
  }
}

/**
 * articleText is an article's text as the index holds it (before folding):
 * its blocks joined by line breaks, so that no match spans two blocks.
 */
function articleText(a: Article): string {
  return a.blocks.map((b) => b.text).join("\n");
}

/**
 * termScore is BM25's weight, without idf, of a term occurring tf times in
 * an article of length bucket w: internal/search.termScore computes the
 * same, in the same order of operations.
 */
function termScore(meta: Meta, tf: number, w: number): number {
  const len = meta.lens[w];
  return (tf * (meta.k1 + 1)) / (tf + meta.k1 * (1 - meta.b + (meta.b * len) / meta.avg));
}

/** inRuns tells whether id falls in one of runs (first, length, …, ascending). */
function inRuns(runs: number[], id: number): boolean {
  let lo = 0;
  let hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[2 * mid] + runs[2 * mid + 1] <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo < runs.length / 2 && runs[2 * lo] <= id;
}

function countBelow(ids: number[], n: number): number {
  let c = 0;
  while (c < ids.length && ids[c] < n) c++;
  return c;
}

function articleIds(l: UnitList, n: number): number[] {
  return l.ids.slice(0, countBelow(l.ids, n));
}

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j] < x) j++;
    if (j < b.length && b[j] === x) out.push(x);
  }
  return out;
}

function decodeDocs(s: string): UnitList {
  const r = new Reader(s);
  const l: UnitList = { ids: [], w: [], tf: [] };
  let id = -1;
  while (!r.done()) {
    id += r.next() + 1;
    l.ids.push(id);
    l.w.push(r.next());
    l.tf.push(r.next());
  }
  return l;
}

function decodePositions(s: string): PosList {
  const r = new Reader(s);
  return decodeUnits(r, Infinity);
}

/** decodeUnits reads a position list of up to count units. */
function decodeUnits(r: Reader, count: number): PosList {
  const l: PosList = { ids: [], w: [], offs: [] };
  let id = -1;
  for (let u = 0; u < count && !r.done(); u++) {
    id += r.next() + 1;
    l.ids.push(id);
    l.w.push(r.next());
    const n = r.next();
    const offs: number[] = new Array(n);
    let off = -1;
    for (let i = 0; i < n; i++) {
      off += r.next() + 1;
      offs[i] = off;
    }
    l.offs.push(offs);
  }
  return l;
}

function docsOf(p: PosList): UnitList {
  return { ids: p.ids, w: p.w, tf: p.offs.map((o) => o.length) };
}

function has(sorted: number[], x: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === x;
}

/**
 * join returns, per unit, the starts p where every list i has an
 * occurrence at p + offsets[i].
 */
function join(lists: PosList[], offsets: number[]): PosList {
  if (lists.length === 1) {
    return offsets[0] === 0 ? lists[0] : shift(lists[0], offsets[0]);
  }
  let driver = 0;
  for (let i = 1; i < lists.length; i++) {
    if (lists[i].ids.length < lists[driver].ids.length) driver = i;
  }
  const index = lists.map((l) => {
    const m = new Map<number, number>();
    l.ids.forEach((id, k) => m.set(id, k));
    return m;
  });
  const out: PosList = { ids: [], w: [], offs: [] };
  const d = lists[driver];
  for (let k = 0; k < d.ids.length; k++) {
    const id = d.ids[k];
    const others: number[][] = [];
    let all = true;
    for (let i = 0; i < lists.length && all; i++) {
      if (i === driver) continue;
      const at = index[i].get(id);
      if (at === undefined) all = false;
      else others[i] = lists[i].offs[at];
    }
    if (!all) continue;
    const starts: number[] = [];
    for (const q of d.offs[k]) {
      const p = q - offsets[driver];
      if (p < 0) continue;
      let ok = true;
      for (let i = 0; i < lists.length && ok; i++) {
        if (i !== driver) ok = has(others[i], p + offsets[i]);
      }
      if (ok) starts.push(p);
    }
    if (starts.length > 0) {
      out.ids.push(id);
      out.w.push(d.w[k]);
      out.offs.push(starts);
    }
  }
  return out;
}

/** shift moves every offset of l back by o, dropping those before 0. */
function shift(l: PosList, o: number): PosList {
  const out: PosList = { ids: [], w: [], offs: [] };
  l.ids.forEach((id, k) => {
    const offs = l.offs[k].map((x) => x - o).filter((x) => x >= 0);
    if (offs.length > 0) {
      out.ids.push(id);
      out.w.push(l.w[k]);
      out.offs.push(offs);
    }
  });
  return out;
}

/**
 * groupOf decodes a position list grouped by next character and returns
 * the group of the code point next, or every group merged if next is -1.
 */
function groupOf(s: string, next: number): PosList {
  const r = new Reader(s);
  const groups: PosList[] = [];
  let cp = -1;
  while (!r.done()) {
    cp += r.next() + 1;
    const units = r.next();
    const g = decodeUnits(r, units);
    if (cp === next) return g;
    if (next < 0) groups.push(g);
  }
  if (next >= 0) return { ids: [], w: [], offs: [] };
  return merge(groups);
}

/** merge unites position lists of the same gram's groups. */
function merge(groups: PosList[]): PosList {
  if (groups.length === 1) return groups[0];
  const byID = new Map<number, { w: number; offs: number[] }>();
  for (const g of groups) {
    g.ids.forEach((id, k) => {
      const u = byID.get(id);
      if (u) u.offs = u.offs.concat(g.offs[k]);
      else byID.set(id, { w: g.w[k], offs: g.offs[k] });
    });
  }
  const ids = Array.from(byID.keys()).sort((a, b) => a - b);
  const out: PosList = { ids, w: [], offs: [] };
  for (const id of ids) {
    const u = byID.get(id) as { w: number; offs: number[] };
    out.w.push(u.w);
    out.offs.push(u.offs.sort((a, b) => a - b));
  }
  return out;
}

/**
 * SNIPPET_BEFORE and SNIPPET_LENGTH shape a snippet, in UTF-16 units; a
 * block up to WHOLE_BLOCK long is shown whole.
 */
const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 100;
const WHOLE_BLOCK = 130;

/** BlockHit is a block of an article that holds terms of a query. */
export interface BlockHit {
  anchor: string;
  cite: string;
  /** every tells whether the block holds every term. */
  every: boolean;
  snippet: Snippet;
}

/**
 * cut returns the stretch of text around its first match with every
 * match inside it marked. A match is never cut: the stretch ends after
 * any match it begins.
 */
function cut(anchor: string, text: string, merged: [number, number][]): Snippet {
  let from = 0;
  let to = text.length;
  if (text.length > WHOLE_BLOCK) {
    from = Math.max(0, merged[0][0] - SNIPPET_BEFORE);
    to = Math.min(text.length, from + SNIPPET_LENGTH);
    from = Math.max(0, Math.min(from, to - SNIPPET_LENGTH));
    for (const [s, e] of merged) if (s < to && e > to) to = e;
    // Never cut a surrogate pair.
    if (from > 0 && isLow(text.charCodeAt(from))) from--;
    if (to < text.length && isLow(text.charCodeAt(to))) to++;
  }
  const parts: string[] = [];
  let at = from;
  for (const [s, e] of merged) {
    if (e <= from || s >= to) continue;
    const ms = Math.max(s, from);
    const me = Math.min(e, to);
    parts.push(text.slice(at, ms), text.slice(ms, me));
    at = me;
  }
  parts.push(text.slice(at, to));
  return { anchor, parts, cutBefore: from > 0, cutAfter: to < text.length };
}

/**
 * blockHits returns the blocks of the article that hold terms, in reading
 * order: those holding every term when there are any, else those holding
 * one. Each comes with its citation and a snippet.
 */
export function blockHits(a: Article, terms: string[]): BlockHit[] {
  const all: BlockHit[] = [];
  for (const b of a.blocks) {
    const m = findTerms(b.text, terms);
    if (m.ranges.length === 0) continue;
    all.push({ anchor: b.anchor, cite: b.cite, every: m.found === terms.length, snippet: cut(b.anchor, b.text, m.ranges) });
  }
  const every = all.filter((h) => h.every);
  return every.length > 0 ? every : all;
}

/**
 * snippet returns the first block of the article holding one of the
 * terms, cut around the first match, with every match inside the cut
 * marked; null if no block holds a term.
 */
export function snippet(a: Article, terms: string[]): Snippet | null {
  for (const b of a.blocks) {
    const m = findTerms(b.text, terms);
    if (m.ranges.length > 0) return cut(b.anchor, b.text, m.ranges);
  }
  return null;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
