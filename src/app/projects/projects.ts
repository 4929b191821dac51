import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  actionItems,
  coordinationMeetings,
  files,
  organizations,
  projectContacts,
  projectPrechecks,
  projects,
  siteSurveys,
  users,
} from "../../db/schema";
import { invalid, notFound, YizhanError } from "../../domain/errors";
import type {
  ZCreateProject,
  ZRecordContact,
  ZRecordMeeting,
  ZRecordSiteSurvey,
  ZSavePrecheck,
} from "../../shared/api/requests/projects";
import type { Actor } from "../actor";
import { resolveEffectiveVersion } from "../catalog/resolveItemVersion";
import type { AppContext } from "../context";
import { fileStorage } from "../files/fileStorage";
import { acceptedUploadType } from "../files/uploads";
import { authorize } from "../policies";
import { resolveLandTransferOrg } from "./landTransferOrg";
import { appendProjectEvent, authorizedProject } from "./projectRows";

/**
 * Opens a project (工程建设项目) and its pre-service file (提前介入): project code validated, the
 * enterprise, the parcel, the stage and the assigned helper (the creating helper by default).
 */
export async function createProject(ctx: AppContext, actor: Actor, input: z.infer<typeof ZCreateProject>) {
  authorize(actor, "createProject", "global", null);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const [enterprise] = await db.select().from(users).where(eq(users.id, input.enterpriseId));
  if (enterprise?.kind !== "enterprise")
    throw invalid("enterpriseId", "not_enterprise", {
      "zh-CN": "企业账户不存在",
      "en-US": "No such enterprise account",
    });
  const [existing] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, input.code));
  if (existing)
    throw new YizhanError(
      "duplicate_project_code",
      409,
      { "zh-CN": `项目代码 ${input.code} 已登记`, "en-US": `Project code ${input.code} exists` },
      { field: "code" },
    );
  const m = actor.memberships.find((x) => ["helper", "clerk", "approver"].includes(x.role) && x.orgPath);
  // Projects belong to the bureau (the top of the caller's organization path): its helpers, window and
  // approvers all follow them, whatever section they sit in.
  const bureauCode = (m?.orgPath ?? "").split("/").filter(Boolean)[0] ?? "";
  const [bureau] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.code, bureauCode));
  const helperId =
    input.helperId ?? (actor.memberships.some((x) => x.role === "helper") ? actor.userId : null);
  const landTransferOrg = await resolveLandTransferOrg(db, input.landTransferOrgCode, "landTransferOrgCode");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        code: input.code,
        name: input.name,
        enterpriseId: input.enterpriseId,
        parcel: input.parcel,
        stage: input.stage,
        helperId,
        landTransferOrgId: landTransferOrg?.id ?? null,
        orgId: bureau?.id ?? (m?.orgId as string),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendProjectEvent(
      tx,
      row.id,
      actor.userId,
      now,
      "project.created",
      `项目立项建档：${input.name}`,
      {
        code: input.code,
      },
    );
    return row;
  });
}

/** Records a contact with the township, the enterprise or a department (提前介入). */
export async function recordContact(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZRecordContact>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "recordContact");
    const [row] = await tx
      .insert(projectContacts)
      .values({
        ...input,
        projectId: p.id,
        contactedAt: input.contactedAt ? new Date(input.contactedAt) : now,
        recordedBy: actor.userId,
      })
      .returning();
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.contact",
      `对接${input.contactName}（${input.channel}）`,
      {
        contactId: row.id,
        party: input.party,
      },
    );
    return row;
  });
}

/**
 * Pre-check (预审) of an item's materials before the contract: the same checklist as at intake
 * (pass / missing / defective per material of the item's list); saved per material and carried into
 * the case when the bundle is filed.
 */
export async function savePrecheck(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZSavePrecheck>,
) {
  const now = ctx.clock.now();
  const version = await resolveEffectiveVersion(ctx.database.db, input.itemCode, "2999-12-31");
  if (!version)
    throw invalid("itemCode", "unknown_item", {
      "zh-CN": `事项 ${input.itemCode} 不存在`,
      "en-US": `No item ${input.itemCode}`,
    });
  const listed = new Set(version.content.materials.map((m) => m.code));
  input.checks.forEach((c, i) => {
    if (!listed.has(c.materialCode))
      throw invalid(`checks[${i}].materialCode`, "material_not_on_list", {
        "zh-CN": `材料 ${c.materialCode} 不在本事项清单中`,
        "en-US": `Material ${c.materialCode} is not on the item's list`,
      });
  });
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "savePrecheck");
    for (const c of input.checks) {
      const values = {
        status: c.status,
        note: c.note ?? null,
        fileIds: c.fileIds,
        checkedBy: actor.userId,
        checkedAt: now,
      };
      await tx
        .insert(projectPrechecks)
        .values({ projectId: p.id, itemCode: input.itemCode, materialCode: c.materialCode, ...values })
        .onConflictDoUpdate({
          target: [projectPrechecks.projectId, projectPrechecks.itemCode, projectPrechecks.materialCode],
          set: values,
        });
    }
    const passed = input.checks.filter((c) => c.status === "pass").length;
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.prechecked",
      `材料预审：${version.content.name}（${passed}/${input.checks.length} 项通过）`,
      {
        itemCode: input.itemCode,
        checks: input.checks.map(({ materialCode, status }) => ({ materialCode, status })),
      },
    );
    return tx.select().from(projectPrechecks).where(eq(projectPrechecks.projectId, p.id));
  });
}

/** Records a site survey (现场踏勘): date, people, findings, photos. */
export async function recordSiteSurvey(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZRecordSiteSurvey>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "recordSiteSurvey");
    const [row] = await tx
      .insert(siteSurveys)
      .values({ ...input, projectId: p.id, recordedBy: actor.userId, recordedAt: now })
      .returning();
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.site_survey",
      `现场踏勘（${input.surveyedOn}，${input.people.length} 人）`,
      {
        surveyId: row.id,
      },
    );
    return row;
  });
}

/** Records a coordination meeting (协调会 / 现场办公) with its decisions and action items. */
export async function recordCoordinationMeeting(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof ZRecordMeeting>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "recordCoordinationMeeting");
    const { actionItems: items, ...meeting } = input;
    const [row] = await tx
      .insert(coordinationMeetings)
      .values({ ...meeting, projectId: p.id, recordedBy: actor.userId, recordedAt: now })
      .returning();
    const actions = items.length
      ? await tx
          .insert(actionItems)
          .values(items.map((a) => ({ ...a, meetingId: row.id, projectId: p.id })))
          .returning()
      : [];
    const departments = new Set(input.attendees.map((a) => a.department)).size;
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.meeting",
      `协调会：${input.topic}（${departments} 个部门）`,
      {
        meetingId: row.id,
        actionItems: actions.length,
      },
    );
    return { ...row, actionItems: actions };
  });
}

/** Marks an action item of a meeting done. */
export async function completeActionItem(ctx: AppContext, actor: Actor, id: string, actionItemId: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "completeActionItem");
    const [a] = await tx
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.id, actionItemId), eq(actionItems.projectId, p.id)));
    if (!a) throw notFound({ "zh-CN": "督办事项", "en-US": "Action item" });
    if (a.status === "done") return a;
    const [row] = await tx
      .update(actionItems)
      .set({ status: "done", doneAt: now, doneBy: actor.userId })
      .where(eq(actionItems.id, a.id))
      .returning();
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.action_done",
      `督办事项完成：${a.description}`,
      {
        actionItemId: a.id,
      },
    );
    return row;
  });
}

/** Stores a file for a project (pre-checked material, survey photo); the same checks as case uploads. */
export async function uploadProjectFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  upload: { fileName: string; bytes: Buffer },
) {
  await authorizedProject(ctx.database.db, actor, id, "savePrecheck");
  const type = await acceptedUploadType(upload.bytes);
  const stored = await fileStorage(ctx).put(upload.bytes);
  const [file] = await ctx.database.db
    .insert(files)
    .values({
      storageKey: stored.key,
      fileName: upload.fileName.slice(0, 200),
      contentType: type,
      sizeBytes: upload.bytes.length,
      sha256: stored.sha256,
      uploadedBy: actor.userId,
      caseId: null,
      createdAt: ctx.clock.now(),
    })
    .returning();
  return file;
}
