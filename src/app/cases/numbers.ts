import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { counters } from "../../db/schema";

/** Next value of a named sequence (atomic upsert; safe across app servers). */
export async function nextCounter(tx: Tx, key: string): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ key, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return row.value;
}

/** 办件编号: division code, local date and a daily serial, e.g. 340321-20261124-0007. */
export async function nextCaseNumber(tx: Tx, divisionCode: string, localDate: string): Promise<string> {
  const day = localDate.replaceAll("-", "");
  const n = await nextCounter(tx, `case:${divisionCode}:${day}`);
  return `${divisionCode.slice(0, 6)}-${day}-${String(n).padStart(4, "0")}`;
}

const QUERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** 查询码: 8 characters without look-alikes, for the public progress page. */
export function newQueryCode(): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)];
  return s;
}

/** Short names of the notice kinds in document numbers (文号), e.g. 怀自然资受〔2026〕12号. */
const DOC_ABBREVIATIONS: Record<string, string> = {
  acceptance: "受",
  correction: "补",
  refusal: "不受",
  special_procedure: "特",
  extension: "延",
  approval_decision: "许",
  denial_decision: "不许",
};

/** 文号 of a notice: organization prefix, kind, year and serial: 怀自然资受〔2026〕12号. */
export async function nextDocumentNumber(
  tx: Tx,
  orgPrefix: string,
  kind: string,
  year: number,
): Promise<string> {
  const n = await nextCounter(tx, `doc:${orgPrefix}:${kind}:${year}`);
  return `${orgPrefix}${DOC_ABBREVIATIONS[kind] ?? "文"}〔${year}〕${n}号`;
}
