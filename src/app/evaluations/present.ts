import type { evaluations } from "../../db/schema";
import type { Level } from "../../domain/evaluations/evaluation";
import { maskPersonalText } from "../../domain/rules/maskText";
import type { TEvaluation } from "../../shared/api/evaluations";

export type EvaluationRow = typeof evaluations.$inferSelect;

/** A name shown masked: first character kept (张**), an enterprise's name kept (it is public). */
export function maskName(name: string, kind: "person" | "enterprise"): string {
  if (kind === "enterprise") return name;
  return name.length <= 1 ? name : `${name[0]}${"*".repeat(Math.min(name.length - 1, 2))}`;
}

/**
 * A comment as it may be published: ID numbers and phone numbers masked, the applicant's own name
 * (and the agent's) removed.
 */
export function publishableComment(text: string, names: (string | null | undefined)[]): string {
  let out = maskPersonalText(text);
  for (const n of names) if (n && n.trim().length >= 2) out = out.split(n.trim()).join("**");
  return out;
}

/** The wire form of a rating (field whitelist; comment masked; the applicant's name as `applicantName`). */
export function presentEvaluation(
  e: EvaluationRow,
  extra: {
    caseNumber: string;
    orgName: string;
    applicantName: string;
    rectification: { id: string; status: string } | null;
    abilities: Record<string, boolean>;
  },
): TEvaluation {
  return {
    id: e.id,
    caseId: e.caseId,
    caseNumber: extra.caseNumber,
    itemCode: e.itemCode,
    itemName: e.itemName,
    orgName: extra.orgName,
    applicantName: extra.applicantName,
    stage: e.stage,
    channel: e.channel,
    source: e.source,
    deviceLabel: e.deviceLabel,
    level: e.level as Level,
    dimensions: e.dimensions as Record<string, Level>,
    comment: e.comment ? maskPersonalText(e.comment) : null,
    commentPublic: e.commentPublic,
    tags: e.tags,
    submittedAt: e.submittedAt.toISOString(),
    month: e.month,
    appealStatus: e.appealStatus,
    appealReason: e.appealReason,
    appealedAt: e.appealedAt?.toISOString() ?? null,
    appealDecisionReason: e.appealDecisionReason,
    appealDecidedAt: e.appealDecidedAt?.toISOString() ?? null,
    counted: e.appealStatus !== "upheld",
    rectification: extra.rectification,
    abilities: extra.abilities,
  };
}
