// The 依据 slip: the decision as lines ready to paste into a 请示, with
// the formal citation and the full address of the clause.

import { Decision, MatterInfo, PageData } from "./types";
import { wan } from "./render";

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
