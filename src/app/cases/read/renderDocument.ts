import { and, eq } from "drizzle-orm";
import { type NoticeDataByKind, type ResultNoticeKind, renderNotice } from "../../../adapters/pdf/notices";
import type { NoticeBase, SpecialProcedureKind } from "../../../adapters/pdf/types";
import { caseDocuments, caseMaterials, files } from "../../../db/schema";
import { caseDeadline } from "../../../domain/cases/clock";
import { notFound } from "../../../domain/errors";
import { maskIdentifier } from "../../../domain/rules/identifiers";
import { MATERIAL_FORMS } from "../../../shared/catalog";
import type { Actor } from "../../actor";
import { calendarFor } from "../../calendar/access";
import type { AppContext } from "../../context";
import { fileStorage } from "../../files/fileStorage";
import { recordFile } from "../../files/recordFile";
import { progressUrl } from "../../publicLinks";
import { eventLogReference, pendingInLog } from "../../transparency/links";
import { type LoadedCase, toState } from "../caseRows";
import { NOTICE_TEMPLATES } from "../commands/noticeTemplates";
import { readableCase } from "../intake/intake";
import { itemInfo } from "../itemInfo";

type Doc = typeof caseDocuments.$inferSelect;
type ResultKind = ResultNoticeKind;
type Rendered = {
  [K in keyof NoticeDataByKind]: { kind: K; data: NoticeDataByKind[K] };
}[keyof NoticeDataByKind];

const SPECIAL: Record<string, SpecialProcedureKind> = {
  hearing: "hearing",
  expert_review: "expertReview",
  public_notice: "publicNotice",
  testing: "testing",
  inspection: "inspection",
  appraisal: "appraisal",
  auction: "auction",
  tender: "tender",
  survey: "inspection",
  other: "appraisal",
};

const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);

/** The county part of an organization name (怀远县自然资源和规划局 → 怀远县), for remedies. */
function county(orgName: string): string {
  return /^(.+?[县市区])/.exec(orgName)?.[1] ?? "";
}

/**
 * The data of a stored notice, shaped for its PDF template: the fixed parts from the case and the
 * item version, the variable parts as recorded when the notice was issued.
 */
async function noticeData(ctx: AppContext, c: LoadedCase, doc: Doc): Promise<Rendered> {
  const db = ctx.database.db;
  const item = await itemInfo(db, c.itemVersionId);
  const d = doc.data;
  const a = c.applicant;
  const base: NoticeBase = {
    documentNumber: doc.number,
    issuedOn: doc.issuedOn,
    org: { name: c.orgName, address: item.content.place, phone: item.content.consultationPhone },
    applicant: {
      name: a.name,
      kind: a.kind === "enterprise" ? "enterprise" : "person",
      idType: a.kind === "enterprise" ? "统一社会信用代码" : "居民身份证",
      idNumber:
        a.kind === "enterprise"
          ? (a.creditCode ?? undefined)
          : a.idNumber
            ? maskIdentifier(a.idNumber)
            : undefined,
    },
    // The published 事项编码 (never the item's internal slug) and the kind that words the notice.
    item: { code: item.content.catalogCode, name: item.content.name, itemKind: item.content.kind },
    caseNumber: c.number,
    verification: {
      url: progressUrl(ctx.config.publicUrl, c.number, c.queryCode),
      queryCode: c.queryCode,
    },
  };
  const remedies = {
    reconsiderationBody: `${county(c.orgName)}人民政府`,
    court: `${county(c.orgName)}人民法院`,
  };
  const legalBasis = item.content.legalBasis.map((l) => `${l.title}${l.article ?? ""}`).join("；");
  /** The application's particulars, labelled by the form's titles (what the decision is about). */
  const particulars = () => {
    const props = (item.content.formSchema.properties ?? {}) as Record<string, { title?: string }>;
    return Object.entries(c.formData)
      .filter(([, v]) => typeof v === "string" || typeof v === "number")
      .slice(0, 8)
      .map(([k, v]) => ({ label: props[k]?.title ?? k, value: String(v) }));
  };
  /**
   * The deadline before the extension, for notices recorded before it was stored with them: the
   * case's clock without extension days (one extension at most, 行政许可法 Art. 42), as of the notice.
   */
  const deadlineBefore = async () => {
    const cal = await calendarFor(ctx, c.orgId);
    return caseDeadline(cal, { ...toState(c), extensionDays: 0 }, doc.issuedOn)?.deadline ?? "";
  };
  const acceptedOn = c.acceptedOn ?? doc.issuedOn;
  switch (doc.kind) {
    case "acceptance": {
      const mats = await db.select().from(caseMaterials).where(eq(caseMaterials.caseId, c.id));
      // The acceptance event's place in the transparency log (docs/transparency.md).
      const transparency = await eventLogReference(db, ctx.config.publicUrl, c.id, doc.createdAt, [
        "case.accepted",
      ]);
      const listed = new Map(item.content.materials.map((m) => [m.code, m]));
      const deferred = (d.deferred as { materialCode: string; dueOn: string }[] | undefined) ?? [];
      return {
        kind: "acceptance",
        data: {
          ...base,
          transparency,
          receivedOn: c.receivedOn ?? doc.issuedOn,
          acceptedOn: str(d.acceptedOn, acceptedOn),
          statutoryWorkingDays: c.statutoryLimitDays,
          promisedWorkingDays: Number(d.limitDays ?? c.limitDays),
          deadline: str(d.deadline, doc.issuedOn),
          materials: mats
            .filter((m) => m.status === "pass" || m.source !== "upload")
            .map((m) => {
              const l = listed.get(m.materialCode);
              return { name: m.name, form: l ? MATERIAL_FORMS[l.form] : undefined, copies: l?.copies };
            }),
          deferredMaterials: deferred.map((x) => ({
            name: listed.get(x.materialCode)?.name ?? x.materialCode,
            dueOn: x.dueOn,
          })),
        },
      };
    }
    case "correction": {
      const problems = new Map(
        ((d.items as { materialCode: string; problem: "missing" | "defective"; note?: string }[]) ?? []).map(
          (i) => [i.materialCode, i],
        ),
      );
      return {
        kind: "correction",
        data: {
          ...base,
          receivedOn: c.receivedOn ?? doc.issuedOn,
          materials: item.content.materials.map((m) => {
            const p = problems.get(m.code);
            return p
              ? { name: m.name, status: p.problem, note: p.note }
              : { name: m.name, status: "passed" as const };
          }),
          correctBy: str(d.dueOn, doc.issuedOn),
          submitTo: item.content.place,
        },
      };
    }
    case "refusal":
      return {
        kind: "refusal",
        data: {
          ...base,
          receivedOn: c.receivedOn ?? doc.issuedOn,
          reason: str(d.reason),
          legalBasis: str(d.legalBasis),
          remedies,
        },
      };
    case "special_procedure":
      return {
        kind: "specialProcedure",
        data: {
          ...base,
          acceptedOn,
          kind: SPECIAL[str(d.kind)] ?? "expertReview",
          reason: str(d.reason),
          startsOn: doc.issuedOn,
          expectedWorkingDays: Number(d.expectedDays ?? 0),
        },
      };
    case "extension":
      return {
        kind: "extension",
        data: {
          ...base,
          acceptedOn,
          reason: str(d.reason),
          extraWorkingDays: Number(d.days ?? 0),
          // Notices recorded before the deadline before the extension was kept print its computed value.
          originalDeadline: str(d.originalDeadline) || (await deadlineBefore()),
          newDeadline: str(d.deadline),
          approvedBy: str(d.approvedBy) || undefined,
        },
      };
    case "registration_result":
    case "registration_refusal":
    case "service_result":
    case "service_refusal":
    case "filing_result":
    case "filing_refusal": {
      const t = NOTICE_TEMPLATES[doc.kind];
      return {
        kind: t.pdf as ResultKind,
        data: {
          ...base,
          acceptedOn,
          reasons: [str(d.reasons)],
          legalBasis,
          result: { name: item.content.resultName },
          particulars: particulars(),
          remedies: t.decides?.outcome === "deny" ? remedies : undefined,
        },
      };
    }
    case "approval_decision": {
      return {
        kind: "approval",
        data: {
          ...base,
          acceptedOn,
          findings: [str(d.reasons)],
          legalBasis,
          result: { name: item.content.resultName },
          particulars: particulars(),
          delivery: "自作出决定之日起 10 个工作日内送达（《中华人民共和国行政许可法》第四十四条）",
        },
      };
    }
    case "denial_decision":
      return {
        kind: "denial",
        data: { ...base, acceptedOn, reasons: [str(d.reasons)], legalBasis, remedies },
      };
    default:
      throw notFound({ "zh-CN": "文书模板", "en-US": "Document template" });
  }
}

/**
 * The PDF of a case's written notice, for whoever may read the case. Rendered from the stored data
 * on first download and kept (files + storage, checksummed); later downloads serve the stored bytes.
 */
export async function caseDocumentPdf(ctx: AppContext, actor: Actor, caseId: string, documentId: string) {
  const c = await readableCase(ctx, actor, caseId);
  const db = ctx.database.db;
  const [doc] = /^[0-9a-f-]{36}$/i.test(documentId)
    ? await db
        .select()
        .from(caseDocuments)
        .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, c.id)))
    : [];
  if (!doc) throw notFound({ "zh-CN": "文书", "en-US": "Document" });
  const storage = fileStorage(ctx);
  if (doc.fileId) {
    const [f] = await db.select().from(files).where(eq(files.id, doc.fileId));
    if (f) return { fileName: `${doc.title}-${doc.number}.pdf`, bytes: await storage.get(f.storageKey) };
  }
  const r = await noticeData(ctx, c, doc);
  const bytes = await renderNotice(r.kind, r.data as never);
  // Rendered before its event is in the transparency log, the notice names the event without a leaf
  // index and is not kept: the next download, after integration, prints the index and is kept.
  if (r.kind === "acceptance" && pendingInLog(r.data.transparency))
    return { fileName: `${doc.title}-${doc.number}.pdf`, bytes };
  const stored = await storage.put(bytes);
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const f = await recordFile(tx, stored, {
      fileName: `${doc.title}.pdf`,
      contentType: "application/pdf",
      sizeBytes: bytes.length,
      caseId: c.id,
      at: now,
    });
    await tx.update(caseDocuments).set({ fileId: f.id }).where(eq(caseDocuments.id, doc.id));
  });
  return { fileName: `${doc.title}-${doc.number}.pdf`, bytes };
}

/** An uploaded file of a case, for whoever may read the case (materials are checked on screen). */
export async function caseFile(ctx: AppContext, actor: Actor, caseId: string, fileId: string) {
  const c = await readableCase(ctx, actor, caseId);
  const [f] = /^[0-9a-f-]{36}$/i.test(fileId)
    ? await ctx.database.db
        .select()
        .from(files)
        .where(and(eq(files.id, fileId), eq(files.caseId, c.id)))
    : [];
  if (!f) throw notFound({ "zh-CN": "文件", "en-US": "File" });
  const bytes = await fileStorage(ctx).get(f.storageKey);
  return { fileName: f.fileName, contentType: f.contentType, sha256: f.sha256, bytes };
}
