// The 依据 slip: the decision as lines ready to paste into a 请示, with
// the formal citation and the full address of the clause.

import { Act, Decision, MatterInfo, PageData, ProcedureInfo, Ruling } from "./types";
import { wan } from "./render";
import { kinds, numeral, path, quoted } from "./ruling";

/** slipText writes the slip; link is the clause's absolute address. */
export function slipText(data: PageData, m: MatterInfo, d: Decision, link: string): string {
  const lines: string[] = [];
  lines.push("事项：" + m.title);
  for (const v of d.values) lines.push(v.label + "：" + wan(v.amount));
  lines.push("决策主体：" + d.decider + "（" + d.action + "）");
  lines.push("决策方式：" + d.wording);
  if (d.steps.length > 1) lines.push("办理程序：" + d.steps.map((s) => s.actor + s.action).join(" → "));
  if (d.duties.length > 0) lines.push("同时须办理：" + d.duties.join("；"));
  lines.push("依据：" + data.citation + d.clause.citation + "：“" + d.basis + "”");
  if (link) lines.push("链接：" + link);
  return lines.join("\n");
}

// actsText writes steps grouped by the clause they rest on:
// 公开征求意见、合法性审核、完备性审核（第十八条第二款）；公平竞争审查（第十八条第一款）.
function actsText(list: Act[]): string {
  const groups: string[] = [];
  let names: string[] = [];
  list.forEach((a, i) => {
    names.push(a.actor + a.action);
    const next = list[i + 1];
    if (!next || next.clause.id !== a.clause.id) {
      groups.push(names.join("、") + "（" + a.clause.citation + "）");
      names = [];
    }
  });
  return groups.join("；");
}

/**
 * rulingSlip writes the slip of a procedure's answer: the answers given,
 * who signs or decides (every reading, where the text allows several), the
 * steps, the formal citations and the absolute address of every clause
 * cited; link turns a clause id into that address.
 */
export function rulingSlip(data: PageData, p: ProcedureInfo, r: Ruling, link: (clauseID: string) => string): string {
  const lines: string[] = [];
  const cited: string[] = [];
  const cite = (id: string, citation: string): string => {
    if (cited.indexOf(id) < 0) cited.push(id);
    return data.citation + citation;
  };
  lines.push("事项：" + p.title);
  for (const v of r.values) lines.push(v.label + "：" + v.option);
  const n = r.readings.length;
  if (n === 0) {
    lines.push(p.role + "：原文未作规定");
    lines.push("相关条文：" + cite(r.clause.id, r.clause.citation));
  } else if (n === 1) {
    const o = r.readings[0];
    lines.push(p.role + "：" + o.decider + "（" + o.action + "）");
    lines.push("方式：" + o.wording);
    if (o.steps.length > 1) lines.push("办理程序：" + path(o.steps));
    lines.push("依据：" + cite(o.clause.id, o.clause.citation) + "：“" + quoted(o) + "”");
  } else {
    lines.push(p.role + "：原文可作" + kinds(n) + "理解，逐一列出如下");
    r.readings.forEach((o, i) => {
      lines.push("理解" + numeral(i + 1) + "：" + o.decider + "（" + o.action + "）" + (o.reading ? "——" + o.reading : ""));
      if (o.steps.length > 1) lines.push("　办理程序：" + path(o.steps));
      lines.push("　依据：" + cite(o.clause.id, o.clause.citation) + "：“" + quoted(o) + "”");
    });
  }
  if (r.before.length > 0) lines.push("事前须办理：" + actsText(r.before));
  if (r.duties.length > 0) lines.push("事后须办理：" + actsText(r.duties));
  for (const note of r.notes) lines.push("说明（" + note.clause.citation + "）：" + note.text);
  if (r.see.length > 0) {
    const see = r.see.map((id) => {
      const m = data.matters.filter((x) => x.id === id)[0];
      return m ? m.title + "（" + m.citation + "）" : id;
    });
    lines.push("按金额确定：" + see.join("；"));
  }
  for (const id of cited) {
    const href = link(id);
    if (href) lines.push("链接：" + href);
  }
  return lines.join("\n");
}
