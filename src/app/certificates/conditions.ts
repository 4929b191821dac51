import type { OwedMaterial } from "../../domain/cases/context";
import type { CertificateField } from "./content";

/**
 * The conditions a result issued first carries (容缺受理 with 先行出证): for each deferred material still
 * owed whose item allows issuing first, the item's stated condition with the material and its due date.
 */
export function issueConditions(owed: readonly OwedMaterial[]): string[] {
  return owed
    .filter((m) => m.issueFirstCondition)
    .map((m) => `${m.issueFirstCondition}（容缺材料：${m.name}，承诺于 ${m.dueOn} 前补交）`);
}

/**
 * Prints the conditions in the certificate's 附记 (remarks): appended to a 附记 the type already has,
 * else as a 附记 of its own at the end. Without conditions the fields are returned as they are.
 */
export function withConditions(fields: CertificateField[], conditions: string[]): CertificateField[] {
  if (conditions.length === 0) return fields;
  const text = conditions.join("；");
  const i = fields.findIndex((f) => f.name === "附记");
  if (i < 0) return [...fields, { name: "附记", value: text }];
  const current = fields[i].value.trim();
  const value = current && current !== "—" ? `${current}；${text}` : text;
  return fields.map((f, j) => (j === i ? { ...f, value } : f));
}
