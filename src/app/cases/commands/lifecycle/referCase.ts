import { eq } from "drizzle-orm";
import { organizations } from "../../../../db/schema";
import { invalid } from "../../../../domain/errors";
import { recordCaseReferral } from "../../../referrals/referrals";
import { closedWithoutResult, type Effect, toApplicant } from "../effects";

/** Effects of 转办: the referral to the competent organization is recorded; the case closes here. */
export const referCase: Effect<"refer"> = async (env) => {
  const [target] = await env.tx.select().from(organizations).where(eq(organizations.code, env.cmd.toOrgCode));
  if (!target) {
    throw invalid("toOrgCode", "unknown_org", {
      "zh-CN": `机构代码 ${env.cmd.toOrgCode} 不存在`,
      "en-US": `No organization with code ${env.cmd.toOrgCode}`,
    });
  }
  const referralId = await recordCaseReferral(env.tx, {
    c: env.c,
    to: target,
    reason: env.cmd.reason,
    policyReference: env.cmd.policyReference ?? env.item.content.handledBy?.reference,
    actor: env.actor,
    now: env.now,
  });
  return {
    columns: { completedAt: env.now },
    eventData: {
      toOrgId: target.id,
      toOrgName: target.name,
      referralId,
      ...(await closedWithoutResult(env)),
    },
    notifications: [await toApplicant(env, "case.referred", { reason: target.name })],
  };
};
