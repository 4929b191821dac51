/**
 * An administrator's work on the organization tree: a new organization (section, window, …) below one
 * they administer, and edits of names, codes (统一社会信用代码), address, phone and a window's hours.
 * The code and the parent are fixed once created: they make the materialized path every role and
 * record is scoped by. Edits check the version the administrator read (409 `version_conflict`).
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import { invalid, notFound, versionConflict } from "../../domain/errors";
import { isValidUscc } from "../../domain/rules/identifiers";
import type { ZCreateOrganization, ZUpdateOrganization } from "../../shared/api/requests/admin";
import type { Actor } from "../actor";
import { changedFields, recordAdminAudit } from "../audit/adminAudit";
import type { AppContext } from "../context";
import { authorize } from "../policies";

const orgNotFound = () => notFound({ "zh-CN": "机构", "en-US": "Organization" });

function checkCreditCode(code: string | null | undefined) {
  if (code && !isValidUscc(code)) {
    throw invalid("creditCode", "invalid_credit_code", {
      "zh-CN": "统一社会信用代码无效（GB 32100-2015 校验）",
      "en-US": "Invalid unified social credit code (GB 32100-2015 check)",
    });
  }
}

/** Empty text is no value. */
const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** An edit's value for an optional field: omitted keeps the current value; null or blank clears it. */
const edited = (s: string | null | undefined, current: string | null) =>
  s === undefined ? current : orNull(s);

async function byCode(ex: Executor, code: string, lock = false) {
  const q = ex.select().from(organizations).where(eq(organizations.code, code));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/** Creates an organization below `parent` (which the actor administers). */
export async function createOrganization(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof ZCreateOrganization>,
): Promise<{ code: string; version: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const parent = await byCode(tx, input.parent);
    if (!parent)
      throw invalid("parent", "unknown_org", {
        "zh-CN": `上级机构 ${input.parent} 不存在`,
        "en-US": `No organization with code ${input.parent}`,
      });
    authorize(actor, "createChild", "organization", { path: parent.path });
    checkCreditCode(input.creditCode);
    if (await byCode(tx, input.code)) {
      throw invalid("code", "taken", {
        "zh-CN": `机构代码 ${input.code} 已存在`,
        "en-US": `The organization code ${input.code} is taken`,
      });
    }
    const [row] = await tx
      .insert(organizations)
      .values({
        code: input.code,
        name: input.name,
        nameEn: orNull(input.nameEn),
        kind: input.kind,
        parentId: parent.id,
        path: `${parent.path}${input.code}/`,
        divisionCode: parent.divisionCode,
        creditCode: orNull(input.creditCode),
        timeZone: parent.timeZone,
        address: orNull(input.address),
        phone: orNull(input.phone),
        hours: orNull(input.hours),
      })
      .returning({ code: organizations.code, version: organizations.version });
    await recordAdminAudit(tx, actor, ctx.clock.now(), {
      action: "organization.created",
      targetType: "organization",
      targetId: input.code,
      targetLabel: `${input.code} ${input.name}`,
      orgPath: `${parent.path}${input.code}/`,
      detail: { parent: input.parent, kind: input.kind, name: input.name },
    });
    return row;
  });
}

/** Edits an organization the actor administers (at it or above). */
export async function updateOrganization(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: z.infer<typeof ZUpdateOrganization>,
): Promise<{ code: string; version: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const org = await byCode(tx, code, true);
    if (!org) throw orgNotFound();
    authorize(actor, "update", "organization", { path: org.path });
    if (org.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, org.version);
    checkCreditCode(input.creditCode);
    const next = {
      name: input.name,
      nameEn: edited(input.nameEn, org.nameEn),
      creditCode: edited(input.creditCode, org.creditCode),
      address: edited(input.address, org.address),
      phone: edited(input.phone, org.phone),
      hours: edited(input.hours, org.hours),
    };
    const [row] = await tx
      .update(organizations)
      .set({ ...next, version: org.version + 1 })
      .where(eq(organizations.id, org.id))
      .returning({ code: organizations.code, version: organizations.version });
    const changed = changedFields(org, next, ["name", "nameEn", "creditCode", "address", "phone", "hours"]);
    await recordAdminAudit(tx, actor, ctx.clock.now(), {
      action: "organization.updated",
      targetType: "organization",
      targetId: org.code,
      targetLabel: `${org.code} ${input.name}`,
      orgPath: org.path,
      detail: changed,
    });
    return row;
  });
}
