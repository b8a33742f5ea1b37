// What an amount field sends to rules.route, and how it appears in the
// page's address. A field holds the number as typed and a unit selector;
// rules.ParseAmount reads the unit from the text (800万元, 0.08亿元,
// 8000000元), and a bare number in an address means 万元.

export const UNITS = ["元", "万元", "亿元"];

export const DEFAULT_UNIT = "万元";

// Characters of a number as staff type it: digits, separators and signs,
// half- and full-width, and spaces. Text with anything else carries its
// own unit (or is not a number), and is sent exactly as typed so that an
// error message quotes what the user wrote.
const NUMBER_ONLY = /^[\s0-9０-９.,，．\-－−]*$/;

// A unit written after a number.
const TRAILING_UNIT = /^(.*?)\s*(万元|亿元|元|万|亿)\s*$/;

export function isNumberOnly(text: string): boolean {
  return NUMBER_ONLY.test(text);
}

/**
 * requestValue is the input string rules.route receives for a field: the
 * text with the selected unit. A bare number already means 万元, so that
 * unit is left implicit, which keeps the text as typed for messages and
 * within the parser's 64-character limit.
 */
export function requestValue(text: string, unit: string): string {
  if (text.trim() === "" || !isNumberOnly(text) || unit === DEFAULT_UNIT) return text;
  return text.trim() + unit;
}

/** typedUnit returns the unit written in the text itself, or "". */
export function typedUnit(text: string): string {
  if (isNumberOnly(text)) return "";
  const m = TRAILING_UNIT.exec(text);
  return m && m[1].trim() !== "" && isNumberOnly(m[1]) ? fullUnit(m[2]) : "";
}

function fullUnit(u: string): string {
  return u === "万" ? "万元" : u === "亿" ? "亿元" : u;
}

/**
 * fromParam splits an address value into the field's text and unit:
 * "800" → 800 万元, "8000000元" → 8000000 元, "0.08亿" → 0.08 亿元.
 * Anything else goes into the field as it is, for rules.route to judge.
 */
export function fromParam(value: string): { text: string; unit: string } {
  const v = value.trim();
  const m = TRAILING_UNIT.exec(v);
  if (m && m[1] !== "" && isNumberOnly(m[1])) return { text: m[1], unit: fullUnit(m[2]) };
  return { text: value, unit: DEFAULT_UNIT };
}

/** toParam is the address value for a field: a bare number means 万元. */
export function toParam(text: string, unit: string): string {
  const t = text.trim();
  if (t === "" || !isNumberOnly(t)) return text;
  return unit === DEFAULT_UNIT ? t : t + unit;
}
