/**
 * The supervision rules over refused commands (电子监察, "blocked and recorded"): a guard already
 * refuses the command (422 naming the field); these pure functions say which refusals are also a
 * finding to record — a request for a material outside the item's list (一次性告知), a refusal without a
 * cited legal basis (不刁), an extension without a reason (不拖).
 */

import type { CaseCommand } from "../cases/commands";
import type { FieldProblem } from "../errors";
import type { Finding } from "./findings";

/** The findings a refused command records: from its type and the guard problems that refused it. */
export function blockedFindings(
  number: string,
  cmd: CaseCommand,
  problems: readonly FieldProblem[],
  actorId: string | null,
): Finding[] {
  const out: Finding[] = [];
  const base = { eventIds: [], responsibleUserId: actorId };
  if (cmd.type === "requestCorrection") {
    const off = problems.filter((p) => p.code === "material_not_on_list");
    if (off.length) {
      const codes = off.map((p) => {
        const i = Number(/^items\[(\d+)\]/.exec(p.field)?.[1] ?? -1);
        return cmd.items[i]?.materialCode ?? p.field;
      });
      out.push({
        ...base,
        rule: "material_off_list",
        severity: "red",
        zh: `办件 ${number} 的补正告知要求了事项材料清单以外的材料（${codes.join("、")}），已被系统拦截（清单之外无要求）`,
        en: `A correction notice on case ${number} asked for material(s) outside the item's list (${codes.join(", ")}); it was blocked`,
        data: { materialCodes: codes, fields: off.map((p) => p.field) },
      });
    }
  }
  if (cmd.type === "refuse" && problems.some((p) => p.field === "legalBasis")) {
    out.push({
      ...base,
      rule: "refusal_without_basis",
      severity: "red",
      zh: `办件 ${number} 拟不予受理但未引用法律依据，已被系统拦截`,
      en: `A refusal of case ${number} without a cited legal basis was blocked`,
      data: { fields: ["legalBasis"] },
    });
  }
  if (cmd.type === "extend" && problems.some((p) => p.field === "reason" && p.code === "required")) {
    out.push({
      ...base,
      rule: "extension_without_reason",
      severity: "yellow",
      zh: `办件 ${number} 申请延期但未说明理由，已被系统拦截`,
      en: `An extension of case ${number} without a reason was blocked`,
      data: { fields: ["reason"], blocked: true },
    });
  }
  return out;
}
