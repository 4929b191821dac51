import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { LookupResult } from "../../adapters/exchange/types";
import type { Executor } from "../../db/client";
import { caseMaterials } from "../../db/schema";
import { invalid, YizhanError } from "../../domain/errors";
import type { ZFetchSharedMaterial } from "../../shared/api/requests/exchange";
import type { Actor } from "../actor";
import { calendarFor, localDates } from "../calendar/access";
import { casePolicyRecord, type LoadedCase, loadCase } from "../cases/caseRows";
import { changeCase, changeResult, type ViewOption } from "../cases/commands/runner";
import type { AppContext } from "../context";
import { fileStorage } from "../files/fileStorage";
import { recordFile } from "../files/recordFile";
import { authorize } from "../policies";
import { hasConsent, logDataAccess, recordConsent } from "./accessLog";
import { connectorFor, datasetByCode, providerOf, type SharedDataset } from "./datasets";
import { renderSharedRecord } from "./recordDocument";

export type TFetchSharedMaterial = z.infer<typeof ZFetchSharedMaterial>;

/** Statuses in which materials may still be supplied. */
const OPEN_FOR_MATERIALS = ["draft", "submitted", "correction_requested"];

/** Local "YYYY-MM-DD HH:mm" of an instant in a time zone (for source labels). */
export function localStamp(at: Date, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(at)
    .slice(0, 16);
}

/** The subject code of the case's applicant that the dataset is keyed by (USCC or resident ID). */
function subjectCodeFor(c: LoadedCase, d: SharedDataset): string {
  const code =
    c.applicant.kind === "enterprise"
      ? d.subjectCode !== "resident_id"
        ? c.applicant.creditCode
        : null
      : d.subjectCode !== "uscc"
        ? c.applicant.idNumber
        : null;
  if (!code)
    throw invalid("materialCode", "no_subject_code", {
      "zh-CN": `申请人没有可用于查询“${d.name}”的证件号码，请上传该材料`,
      "en-US": `The applicant has no identifier to look up "${d.name}"; upload the material instead`,
    });
  return code;
}

/** Stores the document of a lookup (or a generated record document) and returns its file id. */
async function storeDocument(
  ctx: AppContext,
  ex: Executor,
  c: LoadedCase,
  actor: Actor,
  r: LookupResult,
  meta: { dataset: SharedDataset; providerName: string; subjectCode: string; label: string; now: Date },
): Promise<string> {
  if (r.fileId) return r.fileId;
  const doc = r.documents[0];
  const bytes =
    doc?.bytes ??
    (await renderSharedRecord({
      datasetName: meta.dataset.name,
      providerName: meta.providerName,
      subjectName: r.subjectName ?? c.applicant.name,
      subjectCode: meta.subjectCode,
      fields: r.fields,
      validUntil: r.validUntil ?? null,
      fetchedAtLabel: meta.label,
      fetchedAt: meta.now,
    }));
  const stored = await fileStorage(ctx, ex).put(bytes);
  const file = await recordFile(ex, stored, {
    fileName: doc?.fileName ?? `${meta.dataset.name}（共享数据核验单）.pdf`,
    contentType: doc?.contentType ?? "application/pdf",
    sizeBytes: bytes.length,
    uploadedBy: actor.userId,
    caseId: c.id,
    at: meta.now,
  });
  return file.id;
}

/**
 * Fetches a shared-data material for a case through the connector configured for its dataset
 * (数据共享, "run at most once"): the applicant's consent is recorded, the access is logged (who, when,
 * why), and the material becomes `provided` with a stored document and a source stamp
 * (共享数据：<provider> <time>). Failures of the other side are logged and answered bilingually.
 */
export async function fetchSharedMaterial(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  materialCode: string,
  input: TFetchSharedMaterial,
  opts: ViewOption = {},
) {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const c = await loadCase(db, caseId);
  authorize(actor, "uploadMaterial", "case", casePolicyRecord(c));
  if (!OPEN_FOR_MATERIALS.includes(c.status)) {
    throw new YizhanError("invalid_transition", 409, {
      "zh-CN": "当前状态不能获取材料",
      "en-US": "Materials cannot be supplied now",
    });
  }
  const [m] = await db
    .select()
    .from(caseMaterials)
    .where(and(eq(caseMaterials.caseId, c.id), eq(caseMaterials.materialCode, materialCode)));
  if (!m)
    throw invalid("materialCode", "material_not_on_list", {
      "zh-CN": `材料 ${materialCode} 不在本事项清单中`,
      "en-US": `Material ${materialCode} is not on the item's list`,
    });
  if (m.source !== "shared_data" || !m.sourceRef)
    throw invalid("materialCode", "not_shared_data", {
      "zh-CN": `“${m.name}”不是共享数据材料`,
      "en-US": `"${m.name}" is not a shared-data material`,
    });
  const dataset = datasetByCode(m.sourceRef, "materialCode");
  const subjectCode = subjectCodeFor(c, dataset);
  if (!input.consent && !(await hasConsent(db, c.id, dataset.code)))
    throw invalid("consent", "consent_required", {
      "zh-CN": `获取“${dataset.name}”须经申请人授权同意`,
      "en-US": `The applicant's consent is needed to fetch "${dataset.name}"`,
    });
  const provider = await providerOf(db, dataset);
  const providerName = provider?.name ?? dataset.providerOrgCode;
  const connector = connectorFor(ctx, dataset, providerName);
  const purpose = input.purpose ?? `办理“${c.itemName}”（办件 ${c.number}）查验${dataset.name}`;
  const log = (outcome: "ok" | "not_found" | "error", ex: Executor = db) =>
    logDataAccess(ex, {
      actor,
      at: now,
      purpose,
      subjectUserId: c.applicantId,
      subjectCode,
      datasetCode: dataset.code,
      caseId: c.id,
      connector: connector.kind,
      outcome,
    });
  if (input.consent)
    await recordConsent(db, { applicantId: c.applicantId, caseId: c.id }, dataset.code, actor, now);
  let result: LookupResult | null;
  try {
    result = await connector.lookup(subjectCode, dataset.code);
  } catch (e) {
    await log("error");
    throw e;
  }
  if (!result) {
    await log("not_found");
    throw new YizhanError(
      "shared_data_not_found",
      422,
      {
        "zh-CN": `${providerName}未查到该申请人的“${dataset.name}”，请上传该材料`,
        "en-US": `${providerName} holds no "${dataset.name}" for this applicant; upload the material instead`,
      },
      { field: "materialCode" },
    );
  }
  const label = `共享数据：${providerName} ${localStamp(now)}`;
  const fileId = await storeDocument(ctx, db, c, actor, result, {
    dataset,
    providerName,
    subjectCode,
    label,
    now,
  });
  const today = localDates(await calendarFor(ctx, c.orgId), now).today;
  const expired = !!result.validUntil && result.validUntil < today;
  return db.transaction(async (tx) => {
    const { result: fetched, case: saved } = await changeCase(tx, actor, c.id, {
      change: "fetchSharedMaterial",
      action: "uploadMaterial",
      now,
      apply: async () => {
        await tx
          .update(caseMaterials)
          .set({
            fileIds: [fileId],
            source: "shared_data",
            sourceLabel: label,
            status: m.status === "pass" ? "pass" : "provided",
            note: expired ? `共享数据显示有效期至 ${result.validUntil}，已过期` : m.note,
            updatedAt: now,
          })
          .where(eq(caseMaterials.id, m.id));
        return {
          result: {
            fileId,
            sourceLabel: label,
            validUntil: result.validUntil ?? null,
            fields: result.fields,
          },
          data: {
            materialCode,
            dataset: dataset.code,
            provider: providerName,
            fileId,
            connector: connector.kind,
          },
        };
      },
    });
    await log("ok", tx);
    return { fetched, case: await changeResult(tx, ctx, saved, opts) };
  });
}
