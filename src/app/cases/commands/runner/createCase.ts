import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Executor, Tx } from "../../../../db/client";
import type { cases } from "../../../../db/schema";
import type { Actor } from "../../../actor";
import { drawNumber } from "../numberDraws";
import { caseEventWrites, caseInsert, runWrites } from "./caseWrites";

type CaseRow = typeof cases.$inferSelect;

/**
 * Creates a case (a draft) in the caller's transaction: the row with a pending number, and its first
 * event `case.created`. What goes beside it (the materials checklist, wallet certificates) is the
 * caller's; the number is drawn after commit ({@link numberPendingCase}).
 */
export async function createCase(
  tx: Tx,
  actor: Actor,
  values: typeof cases.$inferInsert & { createdAt: Date },
  data: Record<string, unknown>,
): Promise<CaseRow> {
  // The first event starts the case's chain: sealed before the row is written, with its head.
  const id = values.id ?? uuidv7();
  const { writes, head } = caseEventWrites(
    tx,
    { id, eventSeq: 0, eventHead: null },
    actor,
    values.createdAt,
    [{ type: "case.created", toStatus: "draft", data: { ...data, channel: values.channel } }],
  );
  const [row] = await caseInsert(tx, { ...values, id, ...head });
  await runWrites(tx, writes);
  return row;
}

/**
 * Numbers a pending case: 办件编号 = division code, local date and daily serial (340321-20261124-0007),
 * drawn with the other cases of that sequence waiting in this process ({@link drawNumber}).
 */
export async function numberPendingCase(
  ex: Executor,
  caseId: string,
  divisionCode: string,
  localDate: string,
): Promise<string> {
  const day = localDate.replaceAll("-", "");
  const text = `${divisionCode.slice(0, 6)}-${day}-`;
  const number = await drawNumber(ex, {
    table: "cases",
    key: `case:${divisionCode}:${day}`,
    id: caseId,
    render: (serial) => sql`${text} || lpad(${serial}::text, 4, '0')`,
  });
  return number ?? "";
}
