import { asc, eq } from "drizzle-orm";
import { evaluationSettings, organizations, serviceItems } from "../../db/schema";
import { invalid, notFound } from "../../domain/errors";
import type { TEvaluationSettings } from "../../shared/api/evaluations";
import type { TUpdateEvaluationSettings } from "../../shared/api/requests/evaluations";
import type { Actor } from "../actor";
import { recordAdminAudit } from "../audit/adminAudit";
import type { AppContext } from "../context";
import { relatedTo } from "../policies/cases";
import { settingsFor } from "./settings";

const ORG = { "zh-CN": "机构", "en-US": "Organization" };

/** May the actor set the evaluation settings of the organization at `path`: its supervisors and admins. */
const mayManage = (actor: Actor, path: string) => relatedTo(actor, path, "supervisor", "admin");

/**
 * The evaluation settings of the organizations the actor manages (listEvaluationSettings): the
 * rectification clock (callback and rectification in working days) and the items invited at acceptance.
 */
export async function listEvaluationSettings(
  ctx: AppContext,
  actor: Actor,
): Promise<{ items: TEvaluationSettings[] }> {
  const db = ctx.database.db;
  const orgs = await db.select().from(organizations).orderBy(asc(organizations.path));
  const mine = orgs.filter(
    (o) => mayManage(actor, o.path) && o.kind !== "department" && o.kind !== "township",
  );
  const own = new Set(
    (await db.select({ orgId: evaluationSettings.orgId }).from(evaluationSettings)).map((r) => r.orgId),
  );
  const items: TEvaluationSettings[] = [];
  for (const o of mine) {
    const s = await settingsFor(db, o.path);
    items.push({ orgId: o.id, orgCode: o.code, orgName: o.name, ...s, own: own.has(o.id) });
  }
  return { items };
}

/**
 * Sets the evaluation settings of one organization (updateEvaluationSettings; they apply to its cases
 * and those below it without settings of their own). Item codes must be of the catalog (422 naming the one).
 */
export async function updateEvaluationSettings(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: TUpdateEvaluationSettings,
): Promise<TEvaluationSettings> {
  const db = ctx.database.db;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org || !mayManage(actor, org.path)) throw notFound(ORG);
  const known = new Set((await db.select({ code: serviceItems.code }).from(serviceItems)).map((r) => r.code));
  const codes = [...new Set(input.acceptanceItemCodes)];
  codes.forEach((c, i) => {
    if (!known.has(c))
      throw invalid(`acceptanceItemCodes.${i}`, "unknown_item", {
        "zh-CN": `事项编码“${c}”不存在`,
        "en-US": `No item with code "${c}"`,
      });
  });
  const values = {
    callbackWorkingDays: input.callbackWorkingDays,
    rectifyWorkingDays: input.rectifyWorkingDays,
    acceptanceItemCodes: codes,
    updatedAt: ctx.clock.now(),
  };
  if (values.rectifyWorkingDays < values.callbackWorkingDays)
    throw invalid("rectifyWorkingDays", "before_callback", {
      "zh-CN": "整改期限不能短于回访期限",
      "en-US": "The rectification cannot be due before the callback",
    });
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(evaluationSettings).where(eq(evaluationSettings.orgId, orgId));
    await tx
      .insert(evaluationSettings)
      .values({ orgId, ...values })
      .onConflictDoUpdate({ target: evaluationSettings.orgId, set: values });
    await recordAdminAudit(tx, actor, values.updatedAt, {
      action: "setting.evaluation",
      targetType: "setting",
      targetId: orgId,
      targetLabel: `${org.code} 好差评设置`,
      orgPath: org.path,
      detail: {
        before: before
          ? {
              callbackWorkingDays: before.callbackWorkingDays,
              rectifyWorkingDays: before.rectifyWorkingDays,
              acceptanceItemCodes: before.acceptanceItemCodes,
            }
          : null,
        after: {
          callbackWorkingDays: values.callbackWorkingDays,
          rectifyWorkingDays: values.rectifyWorkingDays,
          acceptanceItemCodes: codes,
        },
      },
    });
  });
  return { orgId, orgCode: org.code, orgName: org.name, ...(await settingsFor(db, org.path)), own: true };
}
