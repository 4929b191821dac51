import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { LogReference } from "../../adapters/pdf/types";
import type { Executor } from "../../db/client";
import { caseEvents, transparencyLeaves } from "../../db/schema";
import { transparencyUrl } from "../publicLinks";

/**
 * Where the event a document records stands in the transparency log: the case's latest event of one of
 * `types` at or before `at` (the document's own command), with its leaf index once the sequencer has
 * integrated it, else its id and the log's page. Undefined when there is no such event (a document of
 * a case older than the log still prints; it just names no event).
 */
export async function eventLogReference(
  ex: Executor,
  publicUrl: string,
  caseId: string,
  at: Date,
  types: string[],
): Promise<LogReference | undefined> {
  const [row] = await ex
    .select({ id: caseEvents.id, leafIndex: transparencyLeaves.leafIndex, hash: caseEvents.hash })
    .from(caseEvents)
    .leftJoin(transparencyLeaves, eq(transparencyLeaves.sourceId, caseEvents.id))
    .where(and(eq(caseEvents.caseId, caseId), inArray(caseEvents.type, types), lte(caseEvents.at, at)))
    .orderBy(desc(caseEvents.at), desc(caseEvents.seq))
    .limit(1);
  // An event written before the log existed (no hash) is not in it and never will be.
  if (!row || row.hash === null) return undefined;
  const leafIndex = row.leafIndex ?? undefined;
  return { eventId: row.id, leafIndex, url: transparencyUrl(publicUrl, leafIndex) };
}

/** True while a reference names an event the log has not integrated yet (a document must not be kept). */
export function pendingInLog(ref: LogReference | undefined): boolean {
  return ref !== undefined && ref.leafIndex === undefined;
}
