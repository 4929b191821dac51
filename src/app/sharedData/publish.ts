import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { CsvError, type CsvRecord, csvRecords } from "../../adapters/exchange/csv";
import { piiHash, piiHashes } from "../../adapters/pii/keyring";
import type { Executor } from "../../db/client";
import { sharedRecords } from "../../db/schema";
import { tryIsoToDay } from "../../domain/calendar/isoDate";
import { type Bilingual, invalid, type YizhanError } from "../../domain/errors";
import { maskSubjectCode, subjectCodeKind } from "../../domain/rules/identifiers";
import type { TSharedRecord } from "../../shared/api/exchange";
import type { ZPublishRecord } from "../../shared/api/requests/exchange";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { fileStorage } from "../files/fileStorage";
import { recordFile } from "../files/recordFile";
import { acceptedUploadType } from "../files/uploads";
import { authorize, can } from "../policies";
import { datasetByCode, providerOf, type SharedDataset, sharedDatasets } from "./datasets";

export type TPublishRecord = z.infer<typeof ZPublishRecord>;

/** Why a subject code does not fit a dataset (GB 32100 / GB 11643), or null. */
function subjectProblem(d: SharedDataset, code: string): string | null {
  const kind = subjectCodeKind(code);
  if (!kind) return "invalid_subject_code";
  if (d.subjectCode === "uscc" && kind !== "uscc") return "uscc_required";
  if (d.subjectCode === "resident_id" && kind !== "resident_id") return "resident_id_required";
  return null;
}

const SUBJECT_MESSAGES: Record<string, { "zh-CN": string; "en-US": string }> = {
  invalid_subject_code: {
    "zh-CN": "主体代码不是有效的统一社会信用代码（GB 32100）或居民身份证号（GB 11643）",
    "en-US": "Not a valid unified social credit code (GB 32100) or resident ID number (GB 11643)",
  },
  uscc_required: {
    "zh-CN": "本数据集须以统一社会信用代码为主体代码",
    "en-US": "This dataset is keyed by USCC",
  },
  resident_id_required: {
    "zh-CN": "本数据集须以居民身份证号为主体代码",
    "en-US": "This dataset is keyed by resident ID number",
  },
};

async function upsertRecord(
  ex: Executor,
  d: SharedDataset,
  r: { subjectCode: string; subjectName: string; fields: Record<string, string>; validUntil?: string | null },
  meta: {
    source: "directory" | "csv";
    providerOrgId: string | null;
    publishedBy: string | null;
    now: Date;
    fileId?: string | null;
  },
) {
  const values = {
    datasetCode: d.code,
    subjectCode: r.subjectCode,
    subjectCodeHash: piiHash(r.subjectCode),
    subjectName: r.subjectName,
    fields: r.fields,
    validUntil: r.validUntil ?? null,
    source: meta.source,
    providerOrgId: meta.providerOrgId,
    publishedBy: meta.publishedBy,
    publishedAt: meta.now,
    updatedAt: meta.now,
    ...(meta.fileId !== undefined ? { fileId: meta.fileId } : {}),
  };
  // The subject code is encrypted (ADR 0016): the record is found by its keyed hash, under the active
  // hash key or a retired one (a rotation of the hash key may be under way).
  const [existing] = await ex
    .select({ id: sharedRecords.id })
    .from(sharedRecords)
    .where(
      and(
        eq(sharedRecords.datasetCode, d.code),
        inArray(sharedRecords.subjectCodeHash, piiHashes(r.subjectCode)),
      ),
    )
    .limit(1)
    .for("update");
  if (existing) {
    const [row] = await ex
      .update(sharedRecords)
      .set(values)
      .where(eq(sharedRecords.id, existing.id))
      .returning();
    return row;
  }
  const [row] = await ex
    .insert(sharedRecords)
    .values(values)
    .onConflictDoUpdate({ target: [sharedRecords.datasetCode, sharedRecords.subjectCodeHash], set: values })
    .returning();
  return row;
}

/**
 * A partner organization publishes (or replaces) a record of its own dataset into Yizhan's directory
 * (数据共享: the provider keeps it current; Yizhan only reads it with the applicant's consent). The
 * subject code is checked (GB 32100 / GB 11643); an optional document (PDF …) is stored with it.
 */
export async function publishSharedRecord(
  ctx: AppContext,
  actor: Actor,
  datasetCode: string,
  input: TPublishRecord,
  document?: { fileName: string; bytes: Buffer },
) {
  const d = datasetByCode(datasetCode);
  const db = ctx.database.db;
  const provider = await providerOf(db, d);
  authorize(actor, "publish", "sharedDataset", { providerOrgPath: provider?.path ?? null });
  const problem = subjectProblem(d, input.subjectCode);
  if (problem) throw invalid("subjectCode", problem, SUBJECT_MESSAGES[problem]);
  const now = ctx.clock.now();
  let type: string | undefined;
  if (document) {
    type = await acceptedUploadType(document.bytes);
  }
  // The document and the record together, or neither (a failed upsert leaves no file row behind).
  const row = await db.transaction(async (tx) => {
    let fileId: string | undefined;
    if (document && type) {
      const stored = await fileStorage(ctx, tx).put(document.bytes);
      const f = await recordFile(tx, stored, {
        fileName: document.fileName,
        contentType: type,
        sizeBytes: document.bytes.length,
        uploadedBy: actor.userId,
        at: now,
      });
      fileId = f.id;
    }
    return upsertRecord(tx, d, input, {
      source: "directory",
      providerOrgId: provider?.id ?? null,
      publishedBy: actor.userId,
      now,
      fileId,
    });
  });
  return presentRecord(row);
}

/** A directory record for its provider (subject codes of persons masked in lists). */
export function presentRecord(r: typeof sharedRecords.$inferSelect): TSharedRecord {
  return {
    id: r.id,
    datasetCode: r.datasetCode,
    subjectCode: maskSubjectCode(r.subjectCode),
    subjectName: r.subjectName,
    fields: r.fields,
    validUntil: r.validUntil,
    source: r.source,
    hasDocument: !!r.fileId,
    publishedAt: r.publishedAt.toISOString(),
  };
}

/** The datasets the actor may publish or import, with their records (newest first). */
export async function listSharedDatasets(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db;
  const out = [];
  for (const d of sharedDatasets()) {
    const provider = await providerOf(db, d);
    const mayPublish = can(actor, "publish", "sharedDataset", { providerOrgPath: provider?.path ?? null });
    if (!mayPublish) continue;
    const rows = await db
      .select()
      .from(sharedRecords)
      .where(and(eq(sharedRecords.datasetCode, d.code)))
      .orderBy(desc(sharedRecords.publishedAt))
      .limit(100);
    out.push({ ...d, providerName: provider?.name ?? d.providerOrgCode, records: rows.map(presentRecord) });
  }
  return out;
}

/** A refused row: its line in the file, the column, a code and a bilingual reason. */
export type RejectedRow = { line: number; field: string; code: string; message: Bilingual };

/** What an import did: rows imported and rows refused with their line and reason. */
export type ImportReport = { imported: number; rejected: RejectedRow[] };

/** Why a CSV row cannot be imported (GB 32100 / GB 11643 subject codes, real dates), or null. */
function rowProblem(d: SharedDataset, r: CsvRecord): RejectedRow | null {
  const reject = (field: string, code: string, message: Bilingual): RejectedRow => ({
    line: r.line,
    field,
    code,
    message,
  });
  if (r.fieldCount) {
    const { expected, got } = r.fieldCount;
    return reject("row", "field_count", {
      "zh-CN": `应有 ${expected} 个字段（与表头相同），实有 ${got} 个`,
      "en-US": `expected ${expected} fields (as in the header), got ${got}`,
    });
  }
  const problem = subjectProblem(d, r.subjectCode);
  if (problem) {
    return reject("subject_code", problem, {
      "zh-CN": `${SUBJECT_MESSAGES[problem]["zh-CN"]}：${r.subjectCode || "（空）"}`,
      "en-US": `${SUBJECT_MESSAGES[problem]["en-US"]}: ${r.subjectCode || "(empty)"}`,
    });
  }
  if (!r.subjectName) {
    return reject("subject_name", "required", { "zh-CN": "主体名称为空", "en-US": "subject_name is empty" });
  }
  if (r.validUntil !== null && Number.isNaN(tryIsoToDay(r.validUntil))) {
    return reject("valid_until", "date_invalid", {
      "zh-CN": `有效期 ${r.validUntil} 不是有效日期（应为 YYYY-MM-DD）`,
      "en-US": `valid_until ${r.validUntil} is not a real date (expected YYYY-MM-DD)`,
    });
  }
  return null;
}

/** The 422 for a CSV file that cannot be read at all (encoding, quotes, header), naming its line. */
export function csvProblem(e: CsvError): YizhanError {
  return invalid("csv", e.code, { "zh-CN": e.zh, "en-US": e.en });
}

/**
 * Imports offline shared data from CSV into the directory (admin; `yizhan exchange import`): every
 * row's subject code (GB 32100 / GB 11643) and date are checked; valid rows are upserted, invalid ones
 * reported by line with the reason, without stopping the rest. Text that was decoded with the wrong
 * encoding (U+FFFD) is refused whole rather than stored as mojibake.
 */
export async function importSharedCsv(
  ctx: AppContext,
  actor: Actor | null,
  datasetCode: string,
  csv: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportReport> {
  const d = datasetByCode(datasetCode);
  if (actor) authorize(actor, "import", "sharedDataset", { providerOrgPath: null });
  const bad = csv.indexOf("\ufffd");
  if (bad >= 0) {
    const line = csv.slice(0, bad).split("\n").length;
    throw invalid("csv", "encoding_unknown", {
      "zh-CN": `第 ${line} 行含有乱码（U+FFFD）：文件可能是 GBK 编码却按 UTF-8 读取，请另存为 UTF-8 后重试`,
      "en-US": `line ${line} contains U+FFFD replacement characters: the file was probably GBK read as UTF-8; save it as UTF-8 and retry`,
    });
  }
  let records: CsvRecord[];
  try {
    records = csvRecords(csv);
  } catch (e) {
    if (e instanceof CsvError) throw csvProblem(e);
    throw e;
  }
  const db = ctx.database.db;
  const provider = await providerOf(db, d);
  const now = ctx.clock.now();
  const report: ImportReport = { imported: 0, rejected: [] };
  await db.transaction(async (tx) => {
    for (const [i, r] of records.entries()) {
      const problem = rowProblem(d, r);
      if (problem) report.rejected.push(problem);
      else {
        await upsertRecord(tx, d, r, {
          source: "csv",
          providerOrgId: provider?.id ?? null,
          publishedBy: actor?.userId ?? null,
          now,
        });
        report.imported++;
      }
      onProgress(i + 1, records.length);
    }
  });
  return report;
}
