import { eq } from "drizzle-orm";
import type { z } from "zod";
import {
  bundles,
  bundleTemplates,
  caseMaterials,
  type landContracts,
  type landDeliveries,
  projectPrechecks,
  users,
} from "../../db/schema";
import { guardError } from "../../domain/cases/guards";
import { type Bilingual, type FieldProblem, invalid, YizhanError } from "../../domain/errors";
import type { ZFileBundle } from "../../shared/api/requests/projects";
import { type Actor, hasRole } from "../actor";
import { loadCase } from "../cases/caseRows";
import { changeCase } from "../cases/commands/runner";
import { formProblems } from "../cases/intake/formValidation";
import { createApplication, submitApplication } from "../cases/intake/intake";
import { resolveEffectiveVersion } from "../catalog/resolveItemVersion";
import type { AppContext } from "../context";
import { appendProjectEvent, authorizedProject, type LoadedProject } from "../projects/projectRows";
import { defaultForm } from "./bundleForms";
import { alreadyFiledError, itemsAlreadyFiled } from "./filedItems";
import { ensureBundleTemplates } from "./templates";

export type TFileBundle = z.infer<typeof ZFileBundle>;

type Contract = typeof landContracts.$inferSelect;
type Delivery = typeof landDeliveries.$inferSelect;

/** The event that files a bundle: a signed contract, a land delivery (with its contract, if any), or none. */
export type BundleTrigger = { contract?: Contract | null; delivery?: Delivery | null };

/**
 * Who files the cases: the caller when they are the helper or the window clerk; otherwise (the
 * land-transfer system through the API) the project's helper, as 帮办代办 on the enterprise's behalf.
 */
function filerFor(actor: Actor, p: LoadedProject): Actor {
  if (hasRole(actor, "helper", "clerk")) return actor;
  if (!p.helperId)
    throw invalid("helperId", "no_helper", {
      "zh-CN": "项目未指定帮办代办员",
      "en-US": "The project has no helper",
    });
  return {
    userId: p.helperId,
    username: "helper",
    displayName: "帮办代办员",
    kind: "staff",
    locale: "zh-CN",
    memberships: [
      { role: "helper", orgId: p.orgId, orgCode: p.orgCode, orgName: p.orgName, orgPath: p.orgPath },
    ],
  };
}

/**
 * Files a bundle (一件事一次办): creates all of the template's cases at once for the enterprise,
 * gives each shared material once (the same pre-checked file on every case's material with that
 * code), carries the pre-check results into the cases and submits them. Refused (422, nothing
 * created) when a required material to upload has no pre-checked file.
 */
export async function fileBundle(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  input: TFileBundle,
  trigger: BundleTrigger = {},
): Promise<string> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const contract = trigger.contract ?? null;
  const delivery = trigger.delivery ?? null;
  const action = delivery ? "recordLandDelivery" : contract ? "recordLandContract" : "fileBundle";
  const p = await authorizedProject(db, actor, projectId, action);
  await ensureBundleTemplates(db, now);
  const [template] = await db
    .select()
    .from(bundleTemplates)
    .where(eq(bundleTemplates.code, input.templateCode));
  if (!template)
    throw invalid("templateCode", "unknown_template", {
      "zh-CN": `套餐 ${input.templateCode} 不存在`,
      "en-US": `No bundle template ${input.templateCode}`,
    });
  const filed = await itemsAlreadyFiled(ctx, p.id, template.itemCodes);
  if (filed.length) throw alreadyFiledError(filed);
  const filer = filerFor(actor, p);
  const prechecks = await db.select().from(projectPrechecks).where(eq(projectPrechecks.projectId, p.id));
  const [holder] = await db.select().from(users).where(eq(users.id, p.enterpriseId));
  const precheckFor = (itemCode: string, code: string) =>
    prechecks.find((x) => x.itemCode === itemCode && x.materialCode === code && x.fileIds.length > 0) ??
    (template.sharedMaterials.includes(code)
      ? prechecks.find((x) => x.materialCode === code && x.fileIds.length > 0)
      : undefined) ??
    prechecks.find((x) => x.itemCode === itemCode && x.materialCode === code);
  // Every required material to upload must have a pre-checked file, and every form must be complete,
  // before anything is created: a bundle is filed whole or not at all.
  const problems: FieldProblem[] = [];
  const formData: Record<string, Record<string, unknown>> = {};
  for (const itemCode of template.itemCodes) {
    const v = await resolveEffectiveVersion(db, itemCode, "2999-12-31");
    for (const m of v?.content.materials ?? []) {
      if (m.required && m.source === "applicant" && !precheckFor(itemCode, m.code)?.fileIds.length)
        problems.push({
          field: `prechecks.${itemCode}.${m.code}`,
          code: "required",
          message: { "zh-CN": `预审缺少“${m.name}”`, "en-US": `Pre-check lacks "${m.name}"` },
        });
    }
    formData[itemCode] = {
      ...defaultForm(
        itemCode,
        p,
        { name: holder.displayName, creditCode: holder.creditCode },
        contract,
        delivery,
      ),
      ...(input.forms[itemCode] ?? {}),
    };
    if (v)
      for (const f of formProblems(v.versionId, v.content.formSchema, formData[itemCode]))
        problems.push({ ...f, field: f.field.replace(/^formData/, `forms.${itemCode}`) });
  }
  if (problems.length) throw guardError(problems);
  const [bundle] = await db
    .insert(bundles)
    .values({
      projectId: p.id,
      templateId: template.id,
      landContractId: contract?.id ?? null,
      landDeliveryId: delivery?.id ?? null,
      filedBy: filer.userId,
      createdAt: now,
    })
    .returning();
  const caseIds: string[] = [];
  for (const itemCode of template.itemCodes) {
    const created = await createApplication(ctx, filer, {
      itemCode,
      applicantId: p.enterpriseId,
      title: p.name,
      formData: formData[itemCode],
    });
    caseIds.push(created.id);
    await db.transaction(async (tx) => {
      // The filer created the case a moment ago (authorized there); the bundle is recorded beside it.
      await changeCase(tx, filer, created.id, {
        change: "fileInBundle",
        action: null,
        now,
        apply: async () => {
          const rows = await tx.select().from(caseMaterials).where(eq(caseMaterials.caseId, created.id));
          const carried: { materialCode: string; status: string; fileIds: string[] }[] = [];
          for (const m of rows) {
            const pc = precheckFor(itemCode, m.materialCode);
            if (!pc) continue;
            const withFiles = pc.fileIds.length > 0 && m.source === "upload";
            await tx
              .update(caseMaterials)
              .set({
                ...(withFiles
                  ? { fileIds: pc.fileIds, source: "precheck", sourceLabel: "帮办代办预审材料" }
                  : {}),
                status: pc.status === "pass" ? "pass" : m.status,
                passedRound: pc.status === "pass" ? 1 : null,
                note: pc.note,
                checkedBy: pc.status === "pass" ? pc.checkedBy : null,
                checkedAt: pc.status === "pass" ? pc.checkedAt : null,
                updatedAt: now,
              })
              .where(eq(caseMaterials.id, m.id));
            carried.push({
              materialCode: m.materialCode,
              status: pc.status,
              fileIds: withFiles ? pc.fileIds : [],
            });
          }
          return {
            result: null,
            columns: { bundleId: bundle.id, projectId: p.id },
            data: { bundleId: bundle.id, template: template.code, prechecks: carried },
          };
        },
      });
    });
    const fresh = await loadCase(db, created.id);
    await submitApplication(ctx, filer, created.id, fresh.version);
  }
  await appendProjectEvent(
    db,
    p.id,
    filer.userId,
    now,
    "bundle.filed",
    `一件事一次办：${template.name}（${caseIds.length} 件同时申请）`,
    {
      bundleId: bundle.id,
      caseIds,
      trigger: delivery ? "land_delivered" : contract ? "land_contract_signed" : "manual",
    },
  );
  return bundle.id;
}

/** What a trigger (contract, land delivery) filed: the bundle, or why none was filed. */
export type TriggerOutcome = {
  bundleId: string | null;
  notFiled: {
    /** `items_already_filed`, or the code of the refusal (`rule_violation`: pre-checks or forms missing). */
    code: string;
    message: Bilingual;
    filed?: { itemCode: string; caseId: string; number: string | null; bundleId: string | null }[];
    /** The fields to complete before recording the same contract or delivery again files the bundle. */
    errors?: FieldProblem[];
  } | null;
};

/**
 * Files the bundle of a trigger. The trigger's event (the signed contract, the delivery) is a fact and
 * stays recorded whatever happens to the filing, so the request succeeds and the outcome says why
 * nothing was filed instead of failing with the event recorded anyway: the project already has standing
 * cases for the items (the other bundle was filed first; nothing to retry), or the bundle is not ready —
 * pre-checked materials or form fields missing, no helper to file for the land-transfer system (a 422
 * of `fileBundle`, with its `errors`); recording the same contract or delivery again, once complete,
 * files it.
 */
export async function fileTriggeredBundle(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  input: TFileBundle,
  trigger: BundleTrigger,
): Promise<TriggerOutcome> {
  try {
    return { bundleId: await fileBundle(ctx, actor, projectId, input, trigger), notFiled: null };
  } catch (e) {
    if (!(e instanceof YizhanError)) throw e;
    if (e.code === "items_already_filed")
      return {
        bundleId: null,
        notFiled: {
          code: "items_already_filed",
          message: e.messages,
          filed: (e.details?.filed ?? []) as NonNullable<NonNullable<TriggerOutcome["notFiled"]>["filed"]>,
        },
      };
    if (e.status !== 422) throw e;
    return { bundleId: null, notFiled: { code: e.code, message: e.messages, errors: e.errors ?? [] } };
  }
}
