import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { caseMaterials, cases, organizations, partnerRequests } from "../../db/schema";
import { invalid, notFound, versionConflict, YizhanError } from "../../domain/errors";
import type { TPartnerRequest } from "../../shared/api/exchange";
import type { ZRequestPartnerMaterial } from "../../shared/api/requests/exchange";
import { type Actor, orgPathsWithRole } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { loadCase } from "../cases/caseRows";
import { changeCase } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { fileStorage } from "../files/fileStorage";
import { recordFile } from "../files/recordFile";
import { acceptedUploadType } from "../files/uploads";
import { dispatchNotifications, staffRecipients } from "../notifications/recipients";
import { authorize, can } from "../policies";
import { localStamp } from "../sharedData/fetchShared";

/** Working days a partner window gets to answer when the clerk names no due date (local practice). */
export const PARTNER_REQUEST_DAYS = 3;

const REQUEST = { "zh-CN": "材料调取请求", "en-US": "Material request" };

/**
 * A clerk asks another department's window for a material of a case (跨部门材料调取, "don't make
 * people run"), with a due date in working days; the request is tracked like a task and raises an
 * alert when overdue.
 */
export async function requestPartnerMaterial(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof ZRequestPartnerMaterial>,
) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const cal = await calendarFor(ctx, (await loadCase(db, caseId)).orgId);
  const { today } = localDates(cal, now);
  return db.transaction(async (tx) => {
    const {
      case: c,
      result: { row, to },
    } = await changeCase(tx, actor, caseId, {
      change: "requestPartnerMaterial",
      action: "checkMaterials",
      now,
      apply: async (c) => {
        const [to] = await tx.select().from(organizations).where(eq(organizations.code, input.toOrgCode));
        if (!to || !["department", "township"].includes(to.kind))
          throw invalid("toOrgCode", "unknown_org", {
            "zh-CN": `机构代码 ${input.toOrgCode} 不是可调取材料的部门或乡镇`,
            "en-US": `${input.toOrgCode} is not a department or township to ask`,
          });
        const [m] = await tx
          .select()
          .from(caseMaterials)
          .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, input.materialCode)));
        if (!m)
          throw invalid("materialCode", "material_not_on_list", {
            "zh-CN": `材料 ${input.materialCode} 不在本事项清单中`,
            "en-US": `Material ${input.materialCode} is not on the item's list`,
          });
        const dueOn = input.dueOn ?? cal.addWorkingDays(today, PARTNER_REQUEST_DAYS);
        if (dueOn < today)
          throw invalid("dueOn", "in_the_past", {
            "zh-CN": "答复期限不能早于今天",
            "en-US": "The due date is in the past",
          });
        const [row] = await tx
          .insert(partnerRequests)
          .values({
            caseId: c.id,
            fromOrgId: c.orgId,
            toOrgId: to.id,
            materialCode: m.materialCode,
            materialName: m.name,
            note: input.note ?? null,
            dueOn,
            status: "open",
            requestedBy: actor.userId,
            requestedAt: now,
          })
          .returning();
        // The partner's window hears of it at once; overdue requests also raise alerts (the sweep).
        await dispatchNotifications(
          tx,
          c,
          [
            {
              kind: "partner.requested",
              recipients: await staffRecipients(tx, [to.id], "partner"),
              data: { deadline: dueOn, reason: m.name },
            },
          ],
          now,
        );
        return {
          result: { row, to },
          data: { requestId: row.id, toOrg: to.name, materialCode: m.materialCode, dueOn },
        };
      },
    });
    return present(
      row,
      { caseNumber: c.number, itemName: c.itemName, toOrgName: to.name, fromOrgName: c.orgName },
      actor,
      to.path,
      c.orgPath,
    );
  });
}

function present(
  r: typeof partnerRequests.$inferSelect,
  x: { caseNumber: string; itemName: string; toOrgName: string; fromOrgName: string },
  actor: Actor,
  toOrgPath: string,
  fromOrgPath: string,
): TPartnerRequest {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: x.caseNumber,
    itemName: x.itemName,
    fromOrgName: x.fromOrgName,
    toOrgName: x.toOrgName,
    materialCode: r.materialCode,
    materialName: r.materialName,
    note: r.note,
    dueOn: r.dueOn,
    status: r.status,
    answerFileId: r.answerFileId,
    answerNote: r.answerNote,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    requestedAt: r.requestedAt.toISOString(),
    version: r.version,
    abilities: {
      answer: can(actor, "answer", "partnerRequest", { toOrgPath, fromOrgPath, status: r.status }),
    },
  };
}

/** Material requests the actor handles: to their department (partner) or from their window (clerk). */
export async function listPartnerRequests(
  ctx: AppContext,
  actor: Actor,
  q: { status?: "open" | "answered" } = {},
) {
  const mine = orgPathsWithRole(actor, "partner", "clerk", "supervisor", "admin");
  if (mine.length === 0) authorize(actor, "partnerDesk", "global", null);
  const toOrg = sql`(select path from ${organizations} where id = ${partnerRequests.toOrgId})`;
  const fromOrg = sql`(select path from ${organizations} where id = ${partnerRequests.fromOrgId})`;
  const rows = await ctx.database.db
    .select({
      r: partnerRequests,
      number: cases.number,
      itemName: cases.itemName,
      toPath: toOrg,
      fromPath: fromOrg,
    })
    .from(partnerRequests)
    .innerJoin(cases, eq(cases.id, partnerRequests.caseId))
    .where(
      and(
        or(...mine.flatMap((p) => [sql`${toOrg} like ${`${p}%`}`, sql`${fromOrg} like ${`${p}%`}`])),
        q.status ? eq(partnerRequests.status, q.status) : undefined,
      ),
    )
    .orderBy(asc(partnerRequests.dueOn))
    .limit(200);
  const orgIds = [...new Set(rows.flatMap((x) => [x.r.toOrgId, x.r.fromOrgId]))];
  const orgs = orgIds.length
    ? await ctx.database.db.select().from(organizations).where(inArray(organizations.id, orgIds))
    : [];
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  return rows
    .filter((x) =>
      can(actor, "read", "partnerRequest", {
        toOrgPath: String(x.toPath),
        fromOrgPath: String(x.fromPath),
        status: x.r.status,
      }),
    )
    .map((x) =>
      present(
        x.r,
        {
          caseNumber: x.number,
          itemName: x.itemName,
          toOrgName: name.get(x.r.toOrgId) ?? "",
          fromOrgName: name.get(x.r.fromOrgId) ?? "",
        },
        actor,
        String(x.toPath),
        String(x.fromPath),
      ),
    );
}

/**
 * The partner window answers a material request with a file: stored (type checked by content), put on
 * the case's material with the stamp 部门调取：<department> <time>, and the request is closed.
 */
export async function answerPartnerRequest(
  ctx: AppContext,
  actor: Actor,
  requestId: string,
  upload: { fileName: string; bytes: Buffer },
  extra: { note?: string; expectedVersion?: number } = {},
) {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw notFound(REQUEST);
  const type = await acceptedUploadType(upload.bytes);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(partnerRequests)
      .where(eq(partnerRequests.id, requestId))
      .for("update");
    if (!r) throw notFound(REQUEST);
    const orgs = await tx
      .select()
      .from(organizations)
      .where(inArray(organizations.id, [r.toOrgId, r.fromOrgId]));
    const to = orgs.find((o) => o.id === r.toOrgId);
    const from = orgs.find((o) => o.id === r.fromOrgId);
    const rec = { toOrgPath: to?.path ?? "", fromOrgPath: from?.path ?? "", status: r.status };
    if (!can(actor, "read", "partnerRequest", rec)) throw notFound(REQUEST);
    if (r.status !== "open")
      throw new YizhanError("invalid_transition", 409, {
        "zh-CN": "该请求已答复",
        "en-US": "The request is already answered",
      });
    authorize(actor, "answer", "partnerRequest", rec);
    if (extra.expectedVersion !== undefined && extra.expectedVersion !== r.version)
      throw versionConflict(extra.expectedVersion, r.version);
    // Authorized on the request above; the case is changed through the runner.
    const { result: answered } = await changeCase(tx, actor, r.caseId, {
      change: "answerPartnerRequest",
      action: null,
      now,
      apply: async (c) => {
        // Stored only once the answer is allowed: a refused request leaves nothing behind, not even bytes.
        const stored = await fileStorage(ctx, tx).put(upload.bytes);
        const file = await recordFile(tx, stored, {
          fileName: upload.fileName,
          contentType: type,
          sizeBytes: upload.bytes.length,
          uploadedBy: actor.userId,
          caseId: c.id,
          at: now,
        });
        const [updated] = await tx
          .update(partnerRequests)
          .set({
            status: "answered",
            answerFileId: file.id,
            answerNote: extra.note ?? null,
            answeredBy: actor.userId,
            answeredAt: now,
            version: r.version + 1,
          })
          .where(eq(partnerRequests.id, r.id))
          .returning();
        const [m] = await tx
          .select()
          .from(caseMaterials)
          .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, r.materialCode)));
        if (m) {
          await tx
            .update(caseMaterials)
            .set({
              fileIds: [...m.fileIds, file.id],
              source: "partner",
              sourceLabel: `部门调取：${to?.name ?? ""} ${localStamp(now)}`,
              status: c.status === "draft" || m.status === "pass" ? m.status : "provided",
              updatedAt: now,
            })
            .where(eq(caseMaterials.id, m.id));
        }
        return {
          result: { updated, c },
          data: { requestId: r.id, materialCode: r.materialCode, fileId: file.id, from: to?.name },
        };
      },
    });
    const { updated, c } = answered;
    return present(
      updated,
      {
        caseNumber: c.number,
        itemName: c.itemName,
        toOrgName: to?.name ?? "",
        fromOrgName: from?.name ?? "",
      },
      actor,
      rec.toOrgPath,
      rec.fromOrgPath,
    );
  });
}
