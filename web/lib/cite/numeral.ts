// Chinese numerals as article numbers write them: the twin of
// internal/doc's FormatNumeral and ParseNumeral.

const DIGITS = "零一二三四五六七八九";

/** formatNumeral writes n (1 ≤ n ≤ 9999) in Chinese numerals: 22 → 二十二. */
export function formatNumeral(n: number): string {
  if (n <= 0 || n > 9999) return "";
  if (n < 10) return DIGITS[n];
  if (n < 20) return n === 10 ? "十" : "十" + DIGITS[n - 10];
  const units: [number, string][] = [[1000, "千"], [100, "百"], [10, "十"], [1, ""]];
  let out = "";
  let gap = false;
  let started = false;
  for (const [value, name] of units) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (started) gap = true;
      continue;
    }
    if (gap) {
      out += "零";
      gap = false;
    }
    out += DIGITS[d] + name;
    started = true;
  }
  return out;
}

function arabicDigit(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function cnDigit(c: string): number {
  if (c === "〇") return 0;
  if (c === "两") return 2;
  return DIGITS.indexOf(c);
}

function cnUnit(c: string): number {
  return c === "十" ? 10 : c === "百" ? 100 : c === "千" ? 1000 : 0;
}

/** CHINESE_NUMERALS are the characters a number is written with in Chinese (两 and 〇 accepted). */
export const CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千";

/** isNumeralChar tells the characters a number may be written with. */
export function isNumeralChar(c: string): boolean {
  return arabicDigit(c) >= 0 || CHINESE_NUMERALS.indexOf(c) >= 0;
}

/**
 * parseNumeral reads a positive number in canonical Chinese numerals or
 * Arabic digits (ASCII or full-width); 0 when it is not one.
 */
export function parseNumeral(s: string): number {
  if (s === "") return 0;
  let n = 0;
  let arabic = true;
  for (const c of s) {
    const d = arabicDigit(c);
    if (d < 0) {
      arabic = false;
      break;
    }
    n = n * 10 + d;
    if (n > 1e6) return 0;
  }
  if (arabic) return n;
  let total = 0;
  let digit = -1;
  for (const c of s) {
    const d = cnDigit(c);
    if (d >= 0) {
      if (digit > 0) return 0;
      digit = d;
      continue;
    }
    const u = cnUnit(c);
    if (u === 0) return 0;
    if (digit === -1) {
      if (u !== 10 || total !== 0) return 0;
      digit = 1;
    }
    if (digit === 0) return 0;
    total += digit * u;
    digit = -1;
  }
  if (digit > 0) total += digit;
  if (total <= 0) return 0;
  const norm = s.replace(/〇/g, "零").replace(/两/g, "二");
  const canon = formatNumeral(total);
  if (norm !== canon && !(total >= 10 && total < 20 && norm === "一" + canon)) return 0;
  return total;
}
