// Highlighting on arrival: a page opened from a search result (?hl=terms)
// marks every occurrence of the terms in its text, folded as the search
// folds them (全角 and 半角, capitals), and says how many it marked, with a
// button that takes the marks away. The text itself is not changed: marks
// wrap it, and copying a unit copies the same characters.

import { findTerms, terms as splitTerms } from "./search/fold";
import { announce } from "./status";

/** highlightTerms marks the terms in the text lines (p.t) under root; it returns the marks. */
export function highlightTerms(root: ParentNode, terms: string[]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  const lines = root.querySelectorAll("p.t");
  for (let i = 0; i < lines.length; i++) marks.push(...markLine(lines[i], terms));
  return marks;
}

/** markLine marks the terms in one line, across the links inside it. */
function markLine(line: Element, terms: string[]): HTMLElement[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const merged = findTerms(nodes.map((n) => n.data).join(""), terms).ranges;
  if (merged.length === 0) return [];
  // Each match, cut where it crosses from one text node to the next,
  // wrapped from the end backwards so that earlier offsets stay valid.
  const pieces: { node: Text; start: number; end: number }[] = [];
  let at = 0;
  for (const node of nodes) {
    const end = at + node.data.length;
    for (const [s, e] of merged) {
      if (e <= at || s >= end) continue;
      pieces.push({ node, start: Math.max(s, at) - at, end: Math.min(e, end) - at });
    }
    at = end;
  }
  const marks: HTMLElement[] = [];
  for (let k = pieces.length - 1; k >= 0; k--) {
    const p = pieces[k];
    const mid = p.node.splitText(p.start);
    mid.splitText(p.end - p.start);
    const mark = document.createElement("mark");
    mark.className = "hl";
    const parent = mid.parentNode;
    if (!parent) continue;
    parent.replaceChild(mark, mid);
    mark.appendChild(mid);
    marks.unshift(mark);
  }
  return marks;
}

/** unmark takes the marks away, leaving their text in place. */
function unmark(marks: HTMLElement[]): void {
  for (const m of marks) {
    const parent = m.parentNode;
    if (!parent) continue;
    while (m.firstChild) parent.insertBefore(m.firstChild, m);
    parent.removeChild(m);
    parent.normalize();
  }
}

/**
 * highlightFromQuery marks the terms of the page's hl= parameter in the
 * page's main text and puts a note before it; nothing when there is none.
 */
export function highlightFromQuery(): void {
  const q = new URLSearchParams(location.search).get("hl") || "";
  const ts = splitTerms(q);
  const main = document.querySelector("main") || document.body;
  if (ts.length === 0) return;
  const marks = highlightTerms(main, ts);
  const note = document.createElement("p");
  note.className = "hl-note";
  const quoted = ts.map((t) => "“" + t + "”").join("");
  note.appendChild(
    document.createTextNode(marks.length > 0 ? "已标出搜索词" + quoted + "，共 " + marks.length + " 处。" : "本页没有搜索词" + quoted + "。"),
  );
  if (marks.length > 0) {
    const off = document.createElement("button");
    off.type = "button";
    off.textContent = "取消标出";
    off.addEventListener("click", () => {
      unmark(marks);
      note.remove();
      announce("已取消标出搜索词");
    });
    note.appendChild(document.createTextNode(" "));
    note.appendChild(off);
  }
  const before = main.querySelector("h1");
  const head = before && before.closest(".article-head") ? before.closest(".article-head") : before;
  if (head && head.parentNode) head.parentNode.insertBefore(note, head.nextSibling);
  else main.insertBefore(note, main.firstChild);
}
