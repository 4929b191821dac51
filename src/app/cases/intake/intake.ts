import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { caseMaterials, users } from "../../../db/schema";
import { newDraft } from "../../../domain/cases/caseState";
import { guardError } from "../../../domain/cases/guards";
import { forbidden, invalid, YizhanError } from "../../../domain/errors";
import type { ZCheckMaterials, ZCreateApplication, ZUpdateDraft } from "../../../shared/api/requests/cases";
import { type Actor, hasRole } from "../../actor";
import { calendarFor, localDates } from "../../calendar/access";
import { resolveEffectiveVersion } from "../../catalog/resolveItemVersion";
import { attachWalletCertificates } from "../../certificates/wallet";
import type { AppContext } from "../../context";
import { fileStorage } from "../../files/fileStorage";
import { recordFile } from "../../files/recordFile";
import { acceptedUploadType, MAX_UPLOAD_BYTES } from "../../files/uploads";
import { authorize } from "../../policies";
import { relatedTo } from "../../policies/cases";
import { casePolicyRecord, type LoadedCase, loadCase, stateColumns } from "../caseRows";
import { newQueryCode, pendingNumber } from "../commands/numbers";
import {
  type CommandResult,
  changeCase,
  changeResult,
  createCase,
  numberPendingCase,
  runCaseCommand,
  type ViewOption,
} from "../commands/runner";
import { itemInfo } from "../itemInfo";
import { formProblems } from "./formValidation";

/** Drafts expire after 30 days, with one reminder 7 days before (PlanX-style save and return). */
export const DRAFT_DAYS = 30;
/** Largest accepted upload, in bytes (re-exported: the check lives in files/uploads.ts). */
export { MAX_UPLOAD_BYTES };

export type TCreateApplication = z.infer<typeof ZCreateApplication>;

/**
 * Starts an application (draft) for an item under the version in effect today: online by the
 * applicant, or at the window by a clerk on the applicant's behalf. The item's materials list
 * becomes the case's checklist.
 */
export async function createApplication(
  ctx: AppContext,
  actor: Actor,
  input: TCreateApplication,
  opts: ViewOption = {},
): Promise<CommandResult> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  // The window clerk, or the helper (帮办代办) filing a bundle, files on the applicant's behalf.
  const atWindow = hasRole(actor, "clerk", "helper") && !!input.applicantId;
  if (!atWindow && !hasRole(actor, "applicant")) {
    if (hasRole(actor, "clerk"))
      throw invalid("applicantId", "required", {
        "zh-CN": "窗口代办须选择申请人",
        "en-US": "Choose the applicant for window intake",
      });
    authorize(actor, "apply", "global", null);
  }
  const applicantId = atWindow ? (input.applicantId as string) : actor.userId;
  const [applicant] = await db.select().from(users).where(eq(users.id, applicantId));
  if (!applicant || applicant.kind === "staff") {
    throw invalid("applicantId", "not_applicant", {
      "zh-CN": "申请人不存在或不是申请人账户",
      "en-US": "No such applicant account",
    });
  }
  const today = localDates(await calendarFor(ctx, await orgOfItem(ctx, input.itemCode)), now).today;
  const version = await resolveEffectiveVersion(db, input.itemCode, today);
  if (!version)
    throw invalid("itemCode", "unknown_item", {
      "zh-CN": `事项 ${input.itemCode} 不存在或尚未生效`,
      "en-US": `No item ${input.itemCode} in effect`,
    });
  const item = version.content;
  if (item.handledBy) {
    throw new YizhanError(
      "outside_competence",
      422,
      {
        "zh-CN": `“${item.name}”自 ${item.handledBy.since} 起由乡镇人民政府办理（${item.handledBy.reference}），请到窗口由工作人员转办`,
        "en-US": `"${item.name}" has been handled by township governments since ${item.handledBy.since}; the window will refer it`,
      },
      { field: "itemCode" },
    );
  }
  const [org] = await db.query.organizations.findMany({
    where: (o, { eq }) => eq(o.id, version.orgId),
    limit: 1,
  });
  // On the applicant's behalf only at a window of the item's own organization tree: another
  // county's window files nothing into this bureau's queue (test/integration/authz).
  if (atWindow && (!org || !relatedTo(actor, org.path, "clerk", "helper")))
    throw forbidden("file for the applicant");
  const created = await db.transaction(async (tx) => {
    const number = pendingNumber();
    const state = newDraft(now, {
      handlingType: item.handlingType,
      promisedLimitDays: item.promisedLimitDays,
    });
    const row = await createCase(
      tx,
      actor,
      {
        number,
        queryCode: newQueryCode(),
        itemId: version.itemId,
        itemVersionId: version.versionId,
        itemCode: version.itemCode,
        itemName: item.name,
        orgId: version.orgId,
        applicantId,
        applicant: {
          kind: applicant.kind as "person" | "enterprise",
          name: applicant.displayName,
          idNumber: applicant.idNumber,
          creditCode: applicant.creditCode,
          legalRepresentative: applicant.legalRepresentative,
          phone: applicant.phone,
          email: applicant.email,
          address: applicant.address,
        },
        agent: input.agent ?? null,
        channel: atWindow ? "window" : "online",
        createdBy: actor.userId,
        title: input.title ?? String(input.formData.projectName ?? ""),
        formData: input.formData,
        ...stateColumns(state),
        handlingType: item.handlingType,
        statutoryLimitDays: item.statutoryLimitDays,
        draftExpiresAt: new Date(now.getTime() + DRAFT_DAYS * 86_400_000),
        createdAt: now,
        updatedAt: now,
      },
      { itemCode: version.itemCode, itemVersion: version.version },
    );
    await tx.insert(caseMaterials).values(
      item.materials.map((m) => ({
        caseId: row.id,
        materialCode: m.code,
        name: m.name,
        required: m.required,
        // Shared data and results of other items are fetched, not uploaded (once-only, 数据共享).
        source:
          m.source === "applicant" ? "upload" : m.source === "shared_data" ? "shared_data" : "certificate",
        sourceRef: m.sourceRef ?? null,
        updatedAt: now,
      })),
    );
    await attachWalletCertificates(tx, row.id, applicantId, now);
    if (!org) return { id: row.id };
    const saved: LoadedCase = {
      ...row,
      orgPath: org.path,
      orgCode: org.code,
      orgName: org.name,
      divisionCode: org.divisionCode,
      reviewOrgPaths: [],
    };
    return { id: row.id, result: await changeResult(tx, ctx, saved, opts) };
  });
  const number = await numberPendingCase(db, created.id, org?.divisionCode ?? "000000", today);
  // The number is drawn after commit (ADR 0005): the case as saved gets it.
  if (!created.result || !number) return loadCase(db, created.id);
  const result = { ...created.result, number };
  if (result.view) result.view = { ...result.view, case: { ...result.view.case, number } };
  return result;
}

async function orgOfItem(ctx: AppContext, itemCode: string): Promise<string | null> {
  const v = await resolveEffectiveVersion(ctx.database.db, itemCode, "2999-12-31");
  return v?.orgId ?? null;
}

/** Saves a draft (save and resume later); only while it is a draft. */
export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof ZUpdateDraft>,
  opts: ViewOption = {},
): Promise<CommandResult> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { case: c } = await changeCase(tx, actor, caseId, {
      change: "updateDraft",
      expectedVersion: input.expectedVersion,
      now,
      apply: async (c) => ({
        result: null,
        columns: {
          formData: input.formData ?? c.formData,
          title: input.title ?? (input.formData?.projectName as string | undefined) ?? c.title,
          draftExpiresAt: new Date(now.getTime() + DRAFT_DAYS * 86_400_000),
          draftRemindedAt: null,
        },
      }),
    });
    return changeResult(tx, ctx, c, opts);
  });
}

/**
 * Attaches an uploaded file to one material of the case: size limit, type checked by content, stored
 * behind the storage interface with its SHA-256. Only materials of the item's list are accepted.
 */
export async function uploadMaterial(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  materialCode: string,
  upload: { fileName: string; bytes: Buffer },
  opts: ViewOption = {},
) {
  const type = await acceptedUploadType(upload.bytes);
  const now = ctx.clock.now();
  const storage = fileStorage(ctx);
  const stored = await storage.put(upload.bytes);
  return ctx.database.db.transaction(async (tx) => {
    const { case: c, result: file } = await changeCase(tx, actor, caseId, {
      change: "uploadMaterial",
      now,
      apply: async (c) => {
        const [m] = await tx
          .select()
          .from(caseMaterials)
          .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, materialCode)));
        if (!m)
          throw invalid("materialCode", "material_not_on_list", {
            "zh-CN": `材料 ${materialCode} 不在本事项清单中`,
            "en-US": `Material ${materialCode} is not on the item's list`,
          });
        const file = await recordFile(tx, stored, {
          fileName: upload.fileName,
          contentType: type,
          sizeBytes: upload.bytes.length,
          uploadedBy: actor.userId,
          caseId: c.id,
          at: now,
        });
        await tx
          .update(caseMaterials)
          .set({
            fileIds: [...m.fileIds, file.id],
            source: "upload",
            status: c.status === "submitted" && m.status === "pending" ? "provided" : m.status,
            updatedAt: now,
          })
          .where(eq(caseMaterials.id, m.id));
        return {
          result: file,
          data: {
            materialCode,
            fileId: file.id,
            fileName: file.fileName,
            sha256: stored.sha256,
            size: file.sizeBytes,
          },
        };
      },
    });
    return { file, case: await changeResult(tx, ctx, c, opts) };
  });
}

/**
 * Submits an application: the form must satisfy the item's schema and every required material
 * supplied by the applicant must be uploaded (or provided from shared data / a certificate) — except
 * a secondary material the item lets be deferred (容缺): it may be left out, and the window then defers
 * it with the applicant's commitment at acceptance, or asks for it in the correction notice.
 */
export async function submitApplication(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  opts: ViewOption = {},
) {
  const c = await loadCase(ctx.database.db, caseId);
  authorize(actor, "submit", "case", casePolicyRecord(c));
  const item = await itemInfo(ctx.database.db, c.itemVersionId);
  const problems = formProblems(item.versionId, item.content.formSchema, c.formData);
  const materials = await ctx.database.db.select().from(caseMaterials).where(eq(caseMaterials.caseId, c.id));
  for (const m of materials) {
    const listed = item.content.materials.find((x) => x.code === m.materialCode);
    const deferrable = listed?.mayBeDeferred === true && !listed.key;
    if (
      m.required &&
      listed?.source === "applicant" &&
      !deferrable &&
      m.fileIds.length === 0 &&
      m.source === "upload"
    ) {
      problems.push({
        field: `materials.${m.materialCode}`,
        code: "required",
        message: { "zh-CN": `请上传“${m.name}”`, "en-US": `Upload "${m.name}"` },
      });
    }
  }
  if (problems.length) throw guardError(problems);
  return runCaseCommand(ctx, actor, caseId, expectedVersion, { type: "submit" }, opts);
}

/**
 * The clerk's check of each material against the item's list (pass / missing / defective, with a
 * note): the basis of the one-time correction notice and of acceptance.
 */
export async function checkMaterials(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof ZCheckMaterials>,
  opts: ViewOption = {},
): Promise<CommandResult> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { case: c } = await changeCase(tx, actor, caseId, {
      change: "checkMaterials",
      expectedVersion: input.expectedVersion,
      now,
      apply: async (c) => {
        const rows = await tx.select().from(caseMaterials).where(eq(caseMaterials.caseId, c.id));
        const byCode = new Map(rows.map((r) => [r.materialCode, r]));
        input.checks.forEach((ch, i) => {
          if (!byCode.has(ch.materialCode)) {
            throw invalid(`checks[${i}].materialCode`, "material_not_on_list", {
              "zh-CN": `材料 ${ch.materialCode} 不在本事项清单中`,
              "en-US": `Material ${ch.materialCode} is not on the item's list`,
            });
          }
        });
        const round = c.correctionRounds + 1;
        input.checks.forEach((ch, i) => {
          const m = byCode.get(ch.materialCode);
          if (m?.required && ch.status === "pass" && m.source === "upload" && m.fileIds.length === 0) {
            // Nothing was handed in: it is missing — deferred at acceptance (容缺) or asked for in the notice.
            throw invalid(`checks[${i}].status`, "material_not_provided", {
              "zh-CN": `材料“${m.name}”未提交，不能核验通过（可容缺受理或一次性告知补正）`,
              "en-US": `Material "${m.name}" was not handed in and cannot pass (defer it or request it)`,
            });
          }
          if (m?.passedRound != null && m.passedRound < round && ch.status !== "pass") {
            // 不刁: a material that passed at an earlier check stays passed.
            throw invalid(`checks[${i}].status`, "material_already_passed", {
              "zh-CN": `材料“${m.name}”已在此前审核中通过，不得改判`,
              "en-US": `Material "${m.name}" passed an earlier check and may not be failed now`,
            });
          }
        });
        for (const ch of input.checks) {
          const m = byCode.get(ch.materialCode);
          if (!m) continue;
          await tx
            .update(caseMaterials)
            .set({
              status: ch.status,
              note: ch.note ?? null,
              checkedBy: actor.userId,
              checkedAt: now,
              passedRound: ch.status === "pass" ? (m.passedRound ?? round) : null,
              updatedAt: now,
            })
            .where(eq(caseMaterials.id, m.id));
        }
        return { result: null, data: { round, checks: input.checks } };
      },
    });
    return changeResult(tx, ctx, c, opts);
  });
}

/** Loads a case the actor may read (403 otherwise). */
export async function readableCase(ctx: AppContext, actor: Actor, caseId: string) {
  const c = await loadCase(ctx.database.db, caseId);
  authorize(actor, "read", "case", casePolicyRecord(c));
  return c;
}
