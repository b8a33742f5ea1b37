// The tokenizer of the search index, the same as internal/search/fold.go:
// both pass the cases of internal/search/testdata/tokenizer.json.

const FULL_WIDTH_SIGNS = [0xa2, 0xa3, 0xac, 0xaf, 0xa6, 0xa5, 0x20a9];

/**
 * foldCode maps one code point to the form the index stores: full-width
 * ASCII to ASCII, the ideographic space to a space, ￥ and its kin to their
 * usual forms (all as NFKC does), Latin capitals to small letters.
 */
export function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) return 0x20;
  else if (c >= 0xffe0 && c <= 0xffe6) return FULL_WIDTH_SIGNS[c - 0xffe0];
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 0x20;
  return c;
}

/**
 * fold folds every character of s. Every mapped character is in the Basic
 * Multilingual Plane and maps to one, so the folded string has the same
 * length and offsets as s, in UTF-16 units as in code points.
 */
export function fold(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = foldCode(c);
    if (f !== c) {
      out += s.slice(from, i) + String.fromCharCode(f);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** isSpace reports whether c has Unicode's White_Space property. */
export function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** codePoints returns the code points of s. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) as number;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

/**
 * terms folds a query and splits it at white space into the strings that a
 * result must all contain, without repeats.
 */
export function terms(query: string): string[] {
  const out: string[] = [];
  let cur = "";
  const cps = codePoints(fold(query));
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || isSpace(cps[i])) {
      if (cur !== "" && out.indexOf(cur) < 0) out.push(cur);
      cur = "";
    } else {
      cur += String.fromCodePoint(cps[i]);
    }
  }
  return out;
}

/** Gram is a token of the index at an offset counted in code points. */
export interface Gram {
  offset: number;
  text: string;
}

/**
 * grams returns the single characters and overlapping pairs of the folded
 * text in order of offset, the character before the pair: the first two
 * levels of the index.
 */
export function grams(text: string): Gram[] {
  const cps = codePoints(fold(text));
  const out: Gram[] = [];
  for (let i = 0; i < cps.length; i++) {
    if (isSpace(cps[i])) continue;
    out.push({ offset: i, text: String.fromCodePoint(cps[i]) });
    if (i + 1 < cps.length && !isSpace(cps[i + 1])) {
      out.push({ offset: i, text: String.fromCodePoint(cps[i], cps[i + 1]) });
    }
  }
  return out;
}

/**
 * findTerms returns where the terms occur in text, folded, as [start,
 * end) in UTF-16 units, in order, merged where they touch or overlap; and
 * how many of the terms occur at all.
 */
export function findTerms(text: string, terms: string[]): { ranges: [number, number][]; found: number } {
  const folded = fold(text);
  const ranges: [number, number][] = [];
  let found = 0;
  for (const t of terms) {
    const before = ranges.length;
    for (let i = folded.indexOf(t); i >= 0; i = folded.indexOf(t, i + 1)) ranges.push([i, i + t.length]);
    if (ranges.length > before) found++;
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return { ranges: merged, found };
}
