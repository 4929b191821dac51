import { z } from "zod";

/** Bilingual text in responses. */
export const ZBilingual = z.object({ "zh-CN": z.string(), "en-US": z.string() });

/** The clock as every case view shows it. */
export const ZClock = z.object({
  state: z.enum(["normal", "yellow", "red", "paused", "not_started", "stopped"]),
  deadline: z.string().nullable(),
  remainingWorkingDays: z.number().nullable(),
  provisional: z.boolean(),
  limitDays: z.number(),
  extensionDays: z.number(),
  pausedWorkingDays: z.number(),
});

/** A case in lists. */
export const ZCaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  title: z.string(),
  status: z.string(),
  statusLabel: ZBilingual,
  statusEnteredAt: z.string(),
  version: z.number(),
  channel: z.string(),
  handlingType: z.string(),
  applicantName: z.string(),
  applicantKind: z.string(),
  orgName: z.string(),
  receivedOn: z.string().nullable(),
  checkDueOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  clock: ZClock,
  finishedOnSpot: z.boolean(),
  returnsCount: z.number(),
  bundleId: z.string().nullable(),
  nextStep: ZBilingual,
  /** Deferred materials (容缺) still owed: how many, how many delivered awaiting the check, next due date. */
  owedMaterials: z
    .object({ count: z.number(), delivered: z.number(), nextDueOn: z.string() })
    .nullable()
    .optional(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

/** A case in full: the summary plus applicant, form, materials, tasks, documents and abilities. */
export const ZCase = z.looseObject({
  ...ZCaseSummary.shape,
  queryCode: z.string().nullable(),
  applicant: z.looseObject({
    kind: z.string(),
    name: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  formData: z.record(z.string(), z.unknown()),
  abilities: z.record(z.string(), z.boolean()),
  materials: z.array(z.looseObject({ code: z.string(), name: z.string(), status: z.string() })).optional(),
  reviewTasks: z
    .array(z.looseObject({ id: z.string(), stepName: z.string(), status: z.string() }))
    .optional(),
  documents: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        number: z.string(),
        title: z.string(),
        issuedOn: z.string(),
      }),
    )
    .optional(),
});

export const ZCaseIdParams = z.object({ id: z.uuid() });

/** What a command returns with `Prefer: return=minimal` (RFC 7240): identity, status and version. */
export const ZCaseRef = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  version: z.number(),
});

/** A command's response: the full case, or the minimal reference when the client prefers it. */
export const ZCaseOrRef = z.union([ZCase, ZCaseRef]);

/** True when the client asked for a minimal response (`Prefer: return=minimal`). */
export function prefersMinimal(headers: Record<string, string | string[] | undefined>): boolean {
  const p = headers.prefer;
  return (Array.isArray(p) ? p.join(",") : (p ?? "")).includes("return=minimal");
}
