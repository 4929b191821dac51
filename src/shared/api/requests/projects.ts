/**
 * Requests of the projects operations: the body, path parameters and query string of each, as the
 * routes validate them, the OpenAPI document describes them and the typed client sends them (one wire
 * contract, issue 12). App functions take their inferred types.
 */
import { z } from "zod";
import { PROJECT_STAGES } from "../../../domain/projects/projectStage";
import { isValidProjectCode } from "../../../domain/rules/identifiers";
import { ZExpectedVersion } from "../../numbers";
import { multiline, multilineText } from "../../text";

/** A GeoJSON polygon boundary (用地红线). */
export const ZBoundary = z.object({
  type: z.literal("Polygon"),
  coordinates: z
    .array(
      z
        .array(z.array(z.number().min(-180).max(180)).min(2).max(3))
        .min(4)
        .max(10_000),
    )
    .min(1)
    .max(100),
});

/** The parcel of a project (宗地): 坐落, area, use, contract number and the red-line boundary. */
export const ZParcel = z.object({
  location: z.string().min(1).max(200),
  /** At most 1,000 km²: larger than any parcel, and fees per area stay within bounds. */
  areaSqm: z.number().positive().max(1e9),
  use: z.string().min(1).max(60),
  contractNo: z.string().max(60).nullish(),
  boundary: ZBoundary.nullish(),
});

/** The organization code of a land-transfer organization, or null to name none. */
export const ZLandTransferOrgCode = z.string().trim().min(1).max(64).nullable();

export const ZSetLandTransferOrg = z.object({
  /** The version of the project the caller read (optimistic check). */
  expectedVersion: ZExpectedVersion,
  /** Organization code (e.g. HY-SQJ); null: none, only the bureau's staff record the contract. */
  orgCode: ZLandTransferOrgCode,
});

export const ZIsoDate = z.iso.date();

export const ZCreateProject = z.object({
  code: z
    .string()
    .max(24)
    .refine(isValidProjectCode, "投资项目统一代码格式不正确 (YYYY-XXXXXX-XX-XX-XXXXXX)"),
  name: z.string().min(1).max(200),
  enterpriseId: z.uuid(),
  parcel: ZParcel,
  stage: z.enum(PROJECT_STAGES).default("land_planning"),
  helperId: z.uuid().optional(),
  /** The outside body whose land-transfer system records the contract and the delivery (optional). */
  landTransferOrgCode: ZLandTransferOrgCode.optional(),
});

export const ZRecordContact = z.object({
  party: z.enum(["township", "enterprise", "department"]),
  contactName: z.string().min(1).max(100),
  channel: z.string().min(1).max(40),
  notes: multilineText(2000).default(""),
  contactedAt: z.iso.datetime().optional(),
});

export const ZSavePrecheck = z.object({
  itemCode: z.string().min(1).max(60),
  checks: z
    .array(
      z.object({
        materialCode: z.string().min(1).max(60),
        status: z.enum(["pass", "missing", "defective"]),
        note: multilineText(500).optional(),
        fileIds: z.array(z.uuid()).max(20).default([]),
      }),
    )
    .min(1),
});

export const ZRecordSiteSurvey = z.object({
  surveyedOn: ZIsoDate,
  people: z.array(z.string().min(1).max(100)).min(1).max(30),
  findings: multilineText(4000).min(1),
  photoFileIds: z.array(z.uuid()).max(20).default([]),
});

export const ZRecordMeeting = z.object({
  heldOn: ZIsoDate,
  topic: z.string().min(1).max(200),
  attendees: z
    .array(z.object({ name: z.string().min(1).max(100), department: z.string().min(1).max(100) }))
    .min(1),
  decisions: z.array(multilineText(1000).min(1)).default([]),
  actionItems: z
    .array(
      z.object({
        description: z.string().min(1).max(500),
        owner: z.string().min(1).max(100),
        dueOn: ZIsoDate,
      }),
    )
    .default([]),
});

export const ZChangeProjectStage = z.object({
  /** The version of the project the caller read (optimistic check). */
  expectedVersion: ZExpectedVersion,
  /** The stage to move to; default the next one. */
  stage: z.enum(PROJECT_STAGES).optional(),
  /** What happened (e.g. the permit granted and its number). */
  note: multiline(z.string().trim().min(1).max(1000)),
  /** Why stages are skipped; required to skip one. */
  reason: multilineText(1000).nullish(),
});

export const ZFileBundle = z.object({
  templateCode: z.string().min(1).max(60),
  /** Form data per item code, over the defaults taken from the project and its contract. */
  forms: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export const ZRecordLandContract = z.object({
  number: z.string().min(1).max(60),
  signedAt: z.iso.datetime({ offset: true }),
  parties: z.object({ grantor: z.string().min(1).max(200), grantee: z.string().min(1).max(200) }),
  parcel: ZParcel.optional(),
  /** 出让价款 in yuan, stored as numeric(16,2): below 10^14. */
  priceYuan: z.number().nonnegative().max(99_999_999_999_999),
  paymentStatus: z.enum(["unpaid", "partial", "paid"]),
  /** The bundle it triggers (default: the first template triggered by a signed land contract). */
  templateCode: z.string().min(1).max(60).optional(),
  forms: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export const ZRecordLandDelivery = z.object({
  /** 交地确认书编号. */
  confirmationNo: z.string().trim().min(1).max(60),
  deliveredAt: z.iso.datetime({ offset: true }),
  /** 交地单位 (the grantor or the development zone that hands the land over). */
  deliveredBy: z.string().trim().min(1).max(200),
  /** 接收单位 (the enterprise). */
  deliveredTo: z.string().trim().min(1).max(200),
  /** The parcel delivered (default: the project's). */
  parcel: ZParcel.optional(),
  /**
   * The land-grant contract of the parcel: one recorded on the project, or the number of one not
   * recorded yet (default: the project's latest recorded contract, else the parcel's contract number).
   */
  landContractNo: z.string().min(1).max(60).optional(),
  note: multilineText(2000).default(""),
  /** The bundle it triggers (default: the first template triggered by a land delivery). */
  templateCode: z.string().min(1).max(60).optional(),
  forms: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});

export const ZProjectIdParams = z.object({ id: z.uuid() });

export const ZCompleteActionItemParams = z.object({ id: z.uuid(), actionItemId: z.uuid() });
