import { z } from "zod";

export { ZCase, ZCaseOrRef, ZCaseRef, ZCaseSummary } from "../../shared/api/cases";

export const ZCaseIdParams = z.object({ id: z.uuid() });

/** True when the client asked for a minimal response (`Prefer: return=minimal`). */
export function prefersMinimal(headers: Record<string, string | string[] | undefined>): boolean {
  const p = headers.prefer;
  return (Array.isArray(p) ? p.join(",") : (p ?? "")).includes("return=minimal");
}
