import { randomInt } from "node:crypto";
import { like, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { caseDocuments, cases } from "../../../db/schema";
import { NOTICE_TEMPLATES, type NoticeKind } from "./noticeTemplates";
import { drawNumber } from "./numberDraws";

/**
 * Human numbers (办件编号, 文号) are gap-free sequences per office and period. A row is written with a
 * `pending:` placeholder inside its transaction and numbered right after commit by one autocommit
 * statement, so the shared sequence row is locked for microseconds, never across a transaction's
 * round trips (it was the hot spot of concurrent acceptances), and a rolled-back command draws no
 * number. The sweep numbers any row left pending by a crash.
 */
export const PENDING_PREFIX = "pending:";

/** A placeholder number for a row whose number is drawn after commit. */
export function pendingNumber(): string {
  return `${PENDING_PREFIX}${crypto.randomUUID()}`;
}

/** Document-number prefix of an organization: the county's first character + 自然资 (怀自然资). */
export function orgDocPrefix(orgName: string): string {
  return `${orgName.replace(/县|市|区/g, "").slice(0, 1)}自然资`;
}

/** A notice written with a placeholder number, to be numbered after commit. */
export type PendingNotice = { id: string; kind: string; issuedOn: string };

/**
 * Numbers one pending notice: 文号 = office prefix, the series of its template (NOTICE_TEMPLATES: 受, 许,
 * 登 …), year and serial (怀自然资受〔2026〕12号), in
 * one autocommit statement with the other notices of its series waiting in this process
 * ({@link drawNumber}); the sequence advances only for rows still pending (ADR 0005).
 */
export async function numberNotice(
  ex: Executor,
  notice: PendingNotice,
  orgName: string,
): Promise<string | undefined> {
  const prefix = orgDocPrefix(orgName);
  const year = notice.issuedOn.slice(0, 4);
  const text = `${prefix}${NOTICE_TEMPLATES[notice.kind as NoticeKind]?.series ?? "文"}〔${year}〕`;
  return drawNumber(ex, {
    table: "case_documents",
    key: `doc:${prefix}:${notice.kind}:${year}`,
    id: notice.id,
    render: (serial) => sql`${text} || ${serial} || '号'`,
  });
}

/**
 * Numbers the pending notices of a case (or of every case: the sweep), oldest first. A command that
 * knows the notices it created numbers them with {@link numberNotice} directly.
 */
export async function numberPendingNotices(ex: Executor, caseId?: string): Promise<number> {
  const rows = await ex
    .select({
      id: caseDocuments.id,
      kind: caseDocuments.kind,
      issuedOn: caseDocuments.issuedOn,
      orgName: sql<string>`(select o.name from cases c join organizations o on o.id = c.org_id where c.id = ${caseDocuments.caseId})`,
    })
    .from(caseDocuments)
    .where(
      sql`${like(caseDocuments.number, `${PENDING_PREFIX}%`)} ${caseId ? sql`and ${caseDocuments.caseId} = ${caseId}` : sql``}`,
    )
    .orderBy(caseDocuments.createdAt);
  for (const r of rows) await numberNotice(ex, r, r.orgName);
  return rows.length;
}

/** Cases left with a pending number (a crash between commit and numbering), for the sweep. */
export async function pendingCases(ex: Executor) {
  return ex
    .select({ id: cases.id, createdAt: cases.createdAt, orgId: cases.orgId })
    .from(cases)
    .where(like(cases.number, `${PENDING_PREFIX}%`));
}

const QUERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** 查询码: 8 characters without look-alikes, for the public progress page. */
export function newQueryCode(): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)];
  return s;
}
