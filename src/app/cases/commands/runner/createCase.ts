import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Executor, Tx } from "../../../../db/client";
import type { cases } from "../../../../db/schema";
import type { Actor } from "../../../actor";
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

/** Numbers a pending case: 办件编号 = division code, local date and daily serial (340321-20261124-0007). */
export async function numberPendingCase(
  ex: Executor,
  caseId: string,
  divisionCode: string,
  localDate: string,
): Promise<string> {
  const day = localDate.replaceAll("-", "");
  const key = `case:${divisionCode}:${day}`;
  const res = (await ex.execute(sql`
    with d as (select id from cases where id = ${caseId} and number like 'pending:%' for update skip locked),
    n as (insert into counters (key, value) select ${key}, 1 from d
          on conflict (key) do update set value = counters.value + 1 returning value)
    update cases set number = ${`${divisionCode.slice(0, 6)}-${day}-`} || lpad(n.value::text, 4, '0')
    from n where cases.id = ${caseId} returning cases.number`)) as unknown as {
    rows: { number: string }[];
  };
  return res.rows[0]?.number ?? "";
}
