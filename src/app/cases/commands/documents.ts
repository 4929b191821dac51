import type { SQLWrapper } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Tx } from "../../../db/client";
import { caseDocuments } from "../../../db/schema";
import type { LoadedCase } from "../caseRows";
import { type NoticeKind, noticeTitle } from "./noticeTemplates";
import { type PendingNotice, pendingNumber } from "./numbers";

export type { NoticeKind } from "./noticeTemplates";
/**
 * Records a written notice for a case, in the command's transaction. Its 文号 is drawn right after
 * commit ({@link numberPendingNotices}); the PDF is rendered from the stored data when first downloaded.
 * With `later` the insert is handed over to be sent with the case's save instead of on its own.
 */
export async function createNotice(
  tx: Tx,
  c: LoadedCase,
  kind: NoticeKind,
  issuedOn: string,
  data: Record<string, unknown>,
  now: Date,
  later?: (write: SQLWrapper) => void,
): Promise<{ id: string }> {
  const row = { id: uuidv7() };
  const insert = tx.insert(caseDocuments).values({
    id: row.id,
    caseId: c.id,
    kind,
    number: pendingNumber(),
    title: noticeTitle(kind),
    issuedOn,
    data,
    createdAt: now,
  });
  if (later) later(insert);
  else await insert;
  const list = created.get(tx) ?? [];
  list.push({ id: row.id, kind, issuedOn });
  created.set(tx, list);
  return row;
}

const created = new WeakMap<Tx, PendingNotice[]>();

/** The notices created in this transaction, in order (they need numbers right after commit). */
export function createdNotices(tx: Tx): PendingNotice[] {
  return created.get(tx) ?? [];
}
