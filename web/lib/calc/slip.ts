// The 依据 slip: the decision as a sentence a clerk pastes into a 请示
// (根据《…》第二十二条第（二）项“…”的规定，本事项（资金金额800万元）应提请区长办公会议审定。),
// followed by the general rules that may also apply; and, in detail, as
// labelled lines with the formal citation and the full address of every
// clause.

import { Act, Decision, GeneralRule, MatterInfo, Outcome, PageData, ProcedureInfo, Ruling } from "./types";
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
  for (const g of d.general) lines.push("另适用：" + data.citation + g.clause.citation + "：“" + bare(g.basis) + "”——" + g.text);
  if (data.version) lines.push("所依据的版本：" + data.version);
  if (link) lines.push("链接：" + link);
  return lines.join("\n");
}

// bare is a quotation without its final full stop: the sentence around
// it goes on (“……听取汇报”的规定).
function bare(quote: string): string {
  return quote.replace(/[。；，]$/, "");
}

// ought writes what must be done as a sentence's predicate: 应提请区长办公会议审定,
// and the text's own words where they already oblige (须经…, 一律…).
function ought(wording: string): string {
  const w = bare(wording);
  return /^(应|须|必须|一律)/.test(w) ? w : "应" + w;
}

// alsoSentences are the general rules that may also apply, one sentence
// each: 此外，根据该规则第二十二条“……”的规定，涉及对外签订正式协议的，…….
function alsoSentences(general: GeneralRule[]): string[] {
  return general.map((g) => "此外，根据该规则" + g.clause.citation + "“" + bare(g.basis) + "”的规定，" + g.text);
}

/**
 * decisionSentence is the slip to paste: the rule, the case and the
 * answer in one sentence, then the general rules that may also apply.
 */
export function decisionSentence(data: PageData, d: Decision): string {
  const amounts = d.values.map((v) => v.label + wan(v.amount)).join("，");
  const main = "根据" + data.citation + d.clause.citation + "“" + bare(d.basis) + "”的规定，本事项（" + amounts + "）" + ought(d.wording) + "。";
  return [main].concat(alsoSentences(d.general)).join("\n");
}

/**
 * rulingSentence is the slip to paste for a procedure's answer: the rule
 * and who signs or decides; every reading where the text allows several;
 * what the text says where it is silent; then the steps it requires
 * before and after.
 */
export function rulingSentence(data: PageData, p: ProcedureInfo, r: Ruling): string {
  const which = r.values.map((v) => v.label + "：" + v.option).join("，");
  const rule = (o: Outcome): string => "根据" + data.citation + o.clause.citation + "“" + bare(quoted(o)) + "”的规定";
  const lines: string[] = [];
  const n = r.readings.length;
  if (n === 0) {
    lines.push(data.citation + "未写明此类情形（" + which + "）由谁" + p.verb + "；相关条文为" + r.clause.citation + "。");
    for (const note of r.notes) lines.push(note.text);
  } else if (n === 1) {
    lines.push(rule(r.readings[0]) + "，本事项（" + which + "）" + ought(r.readings[0].wording) + "。");
  } else {
    const o = r.readings.filter((x) => x.wording !== "")[0] || r.readings[0];
    lines.push(
      rule(o) + "，本事项（" + which + "）" + ought(o.wording || quoted(o)) + "。原文可作" + kinds(n) + "理解：" + r.readings.map((x) => x.reading).join("；") + "。",
    );
  }
  if (r.before.length > 0) lines.push("事前须" + actsText(r.before) + "。");
  if (r.duties.length > 0) lines.push("事后须" + actsText(r.duties) + "。");
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
