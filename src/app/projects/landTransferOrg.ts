import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, projects } from "../../db/schema";
import { invalid, versionConflict } from "../../domain/errors";
import type { ZSetLandTransferOrg } from "../../shared/api/requests/projects";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { appendProjectEvent, authorizedProject } from "./projectRows";

export type TSetLandTransferOrg = z.infer<typeof ZSetLandTransferOrg>;

/**
 * Resolves the land-transfer organization a project names: an outside body (a township government or
 * another department — a development zone, the public-resources trading center), whose partner
 * account records the land-grant contract and the land delivery through the API. 422 naming `field`
 * for an unknown code or one of the bureau's own units (its staff record in the UI anyway).
 */
export async function resolveLandTransferOrg(ex: Executor, code: string | null | undefined, field: string) {
  if (!code) return null;
  const [org] = await ex.select().from(organizations).where(eq(organizations.code, code));
  if (!org)
    throw invalid(field, "unknown_org", {
      "zh-CN": `机构 ${code} 不存在`,
      "en-US": `No organization ${code}`,
    });
  if (org.kind !== "township" && org.kind !== "department")
    throw invalid(field, "not_outside_body", {
      "zh-CN": `${org.name} 是本局内设机构，其工作人员在页面上登记出让合同，无需指定为土地出让机构`,
      "en-US": `${org.name} is a unit of the bureau: its staff record contracts on the page; name an outside body`,
    });
  return org;
}

/**
 * Names (or clears) the organization whose land-transfer system may record this project's land-grant
 * contract and land delivery (出让/交地): the bureau's helper, window or approver, with an optimistic
 * version check; the change goes on the project's timeline. Until one is named, no partner account
 * writes on the project.
 */
export async function setLandTransferOrg(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TSetLandTransferOrg,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "setLandTransferOrg");
    if (p.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, p.version);
    const org = await resolveLandTransferOrg(tx, input.orgCode, "orgCode");
    const updated = await tx
      .update(projects)
      .set({ landTransferOrgId: org?.id ?? null, version: sql`${projects.version} + 1`, updatedAt: now })
      .where(and(eq(projects.id, p.id), eq(projects.version, input.expectedVersion)))
      .returning({ version: projects.version });
    if (updated.length === 0) throw versionConflict(input.expectedVersion, p.version + 1);
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.land_transfer_org",
      org ? `土地出让机构：${org.name}（可通过接口登记出让合同、交地）` : "取消土地出让机构",
      { orgCode: org?.code ?? null },
    );
    return { version: updated[0].version };
  });
}
