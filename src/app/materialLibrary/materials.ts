import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { piiHashes } from "../../adapters/pii/keyring";
import { caseMaterials, cases, files, organizations, sharedRecords } from "../../db/schema";
import { invalid } from "../../domain/errors";
import type { TReusableMaterial } from "../../shared/api/exchange";
import type { ZAttachReusable } from "../../shared/api/requests/exchange";
import { type Actor, hasRole } from "../actor";
import { type CommandResult, changeCase, changeResult, type ViewOption } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { authorize } from "../policies";
import { relatedTo } from "../policies/cases";

/**
 * Whose materials the actor may list: their own (applicant), or — for window staff filing on the
 * applicant's behalf — the applicant's, of the cases of their own organization tree (the cases they
 * may read; another county's window sees none: test/integration/authz). Others 403.
 */
function assertMayList(actor: Actor, applicantId: string) {
  if (actor.userId === applicantId) return;
  if (hasRole(actor, "clerk", "helper")) return;
  authorize(actor, "apply", "global", null);
  if (actor.userId !== applicantId) authorize(actor, "workbench", "global", null);
}

/**
 * The materials library (材料库, once-only): every material the applicant provided before (a case
 * material with files), newest first, with its validity (shared data: the provider's valid-until;
 * uploads: checked or not at the window), offered for reuse in a new application.
 */
export async function listReusableMaterials(
  ctx: AppContext,
  actor: Actor,
  applicantId: string,
  q: { materialCode?: string } = {},
): Promise<TReusableMaterial[]> {
  assertMayList(actor, applicantId);
  const db = ctx.database.db;
  const rows = await db
    .select({
      m: caseMaterials,
      number: cases.number,
      itemName: cases.itemName,
      applicant: cases.applicant,
      orgPath: organizations.path,
    })
    .from(caseMaterials)
    .innerJoin(cases, eq(cases.id, caseMaterials.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.orgId))
    .where(
      and(
        eq(cases.applicantId, applicantId),
        sql`jsonb_array_length(${caseMaterials.fileIds}) > 0`,
        q.materialCode ? eq(caseMaterials.materialCode, q.materialCode) : undefined,
      ),
    )
    .orderBy(desc(caseMaterials.updatedAt))
    .limit(200);
  const self = actor.userId === applicantId;
  const withFiles = rows.filter(
    (r) => r.m.fileIds.length > 0 && (self || relatedTo(actor, r.orgPath, "clerk", "helper")),
  );
  const fileIds = withFiles.flatMap((r) => r.m.fileIds);
  const fileRows = fileIds.length ? await db.select().from(files).where(inArray(files.id, fileIds)) : [];
  const fileById = new Map(fileRows.map((f) => [f.id, f]));
  const datasets = [
    ...new Set(withFiles.filter((r) => r.m.source === "shared_data").map((r) => r.m.sourceRef ?? "")),
  ];
  const subject = withFiles[0]?.applicant.creditCode ?? withFiles[0]?.applicant.idNumber ?? null;
  const validity = new Map<string, string | null>();
  if (datasets.length && subject) {
    const recs = await db
      .select()
      .from(sharedRecords)
      .where(
        and(
          inArray(sharedRecords.datasetCode, datasets),
          inArray(sharedRecords.subjectCodeHash, piiHashes(subject)),
        ),
      );
    for (const r of recs) validity.set(r.datasetCode, r.validUntil);
  }
  return withFiles.map(({ m, number, itemName }) => ({
    id: m.id,
    caseId: m.caseId,
    caseNumber: number,
    itemName,
    materialCode: m.materialCode,
    name: m.name,
    source: m.source,
    sourceLabel: m.sourceLabel,
    checked: m.status === "pass",
    validUntil: m.source === "shared_data" ? (validity.get(m.sourceRef ?? "") ?? null) : null,
    providedAt: m.updatedAt.toISOString(),
    files: m.fileIds
      .map((id) => fileById.get(id))
      .filter((f) => !!f)
      .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes })),
  }));
}

/**
 * Attaches a material from the library to a material of a case (no new upload): the same files,
 * stamped 复用：办件 <number>. Only the applicant's own materials, only to a case still open for materials.
 */
export async function attachReusableMaterial(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  materialCode: string,
  input: z.infer<typeof ZAttachReusable>,
  opts: ViewOption = {},
): Promise<CommandResult> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { case: saved } = await changeCase(tx, actor, caseId, {
      change: "reuseMaterial",
      action: "uploadMaterial",
      now,
      apply: async (c) => {
        const [from] = await tx
          .select({ m: caseMaterials, applicantId: cases.applicantId, number: cases.number })
          .from(caseMaterials)
          .innerJoin(cases, eq(cases.id, caseMaterials.caseId))
          .where(eq(caseMaterials.id, input.fromMaterialId));
        if (!from || from.applicantId !== c.applicantId || from.m.fileIds.length === 0)
          throw invalid("fromMaterialId", "not_reusable", {
            "zh-CN": "所选材料不是该申请人以往提供的材料",
            "en-US": "The chosen material is not one this applicant provided before",
          });
        const [target] = await tx
          .select()
          .from(caseMaterials)
          .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, materialCode)));
        if (!target)
          throw invalid("materialCode", "material_not_on_list", {
            "zh-CN": `材料 ${materialCode} 不在本事项清单中`,
            "en-US": `Material ${materialCode} is not on the item's list`,
          });
        await tx
          .update(caseMaterials)
          .set({
            fileIds: from.m.fileIds,
            source: from.m.source === "shared_data" ? "shared_data" : "upload",
            sourceLabel: `复用：办件 ${from.number}${from.m.sourceLabel ? `（${from.m.sourceLabel}）` : ""}`,
            status: c.status === "draft" || target.status === "pass" ? target.status : "provided",
            updatedAt: now,
          })
          .where(eq(caseMaterials.id, target.id));
        return {
          result: { caseId: c.id },
          data: { materialCode, fromMaterialId: from.m.id, fromCase: from.number },
        };
      },
    });
    return changeResult(tx, ctx, saved, opts);
  });
}
