/**
 * The public portal on the wire (阳光下工作, no login): published licence decisions (行政许可决定公开), the
 * live figures, and the open-data catalogue. Nothing here ever carries a natural person's data.
 */
import { z } from "zod";
import { ZRatio } from "./supervisionFigures";

/** How a published permit stands: in force, revoked/cancelled (撤销/注销), expired, or not yet issued. */
export const PERMIT_STATES = ["valid", "revoked", "expired", "pending"] as const;
export const ZPermitState = z.enum(PERMIT_STATES);

export const ZPublicDecision = z
  .object({
    caseNumber: z.string().describe("办件编号"),
    permitNumber: z
      .string()
      .nullable()
      .describe("许可证号 (证号); null while the certificate is not issued yet"),
    permitName: z.string().nullable().describe("The certificate's name (建设用地规划许可证 …)"),
    permitState: ZPermitState,
    revokedOn: z.string().nullable().describe("Local date the permit was revoked or cancelled"),
    holderName: z
      .string()
      .nullable()
      .describe("被许可人: only when it is an enterprise or other legal person; null for a natural person"),
    holderCode: z.string().nullable().describe("统一社会信用代码 of an enterprise holder; null otherwise"),
    holderKind: z.enum(["enterprise", "person"]),
    itemCode: z.string(),
    itemName: z.string(),
    decidedOn: z.string().describe("决定日期 (local date, Asia/Shanghai)"),
    location: z
      .string()
      .nullable()
      .describe(
        "Project or land location of the application; null when none, or when the holder is a natural person",
      ),
    orgName: z.string().describe("The deciding organization (作出决定的机关)"),
  })
  .meta({ id: "PublicDecision" });
export type TPublicDecision = z.infer<typeof ZPublicDecision>;

export const ZPublicDecisionList = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(ZPublicDecision),
    /** The items a decision may belong to (licences), for the filter. */
    itemOptions: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: "PublicDecisionList" });
export type TPublicDecisionList = z.infer<typeof ZPublicDecisionList>;

/** The published figures of one period (month, department, or all). */
export const ZPublicFigureSet = z
  .object({
    accepted: z.number().int().describe("受理量"),
    completed: z.number().int().describe("办结量"),
    completionRate: ZRatio.describe("办结率: of the cases accepted in the period, those completed"),
    onTimeRate: ZRatio.describe("按时办结率: completed on or before the deadline / completed"),
    satisfactionRate: ZRatio.describe("满意率: ratings 基本满意 or better / ratings"),
  })
  .meta({ id: "PublicFigureSet" });
export type TPublicFigureSet = z.infer<typeof ZPublicFigureSet>;

export const ZPublicFigures = z
  .object({
    fromMonth: z.string(),
    toMonth: z.string(),
    overall: ZPublicFigureSet,
    byMonth: z.array(ZPublicFigureSet.extend({ month: z.string() })),
    byDepartment: z.array(ZPublicFigureSet.extend({ orgName: z.string() })),
  })
  .meta({ id: "PublicFigures" });
export type TPublicFigures = z.infer<typeof ZPublicFigures>;

const ZBilingualText = z.object({ "zh-CN": z.string(), "en-US": z.string() });

/** One published data set: its downloads (absolute URLs) and its fields. */
export const ZOpenDataset = z
  .object({
    key: z.enum(["decisions", "figures"]),
    title: ZBilingualText,
    description: ZBilingualText,
    csvUrl: z.string().describe("Absolute URL (from the configured public address); UTF-8 with BOM"),
    jsonUrl: z.string().describe("Absolute URL (from the configured public address)"),
    fields: z.array(z.object({ name: z.string(), description: ZBilingualText })),
  })
  .meta({ id: "OpenDataset" });
export type TOpenDataset = z.infer<typeof ZOpenDataset>;

export const ZOpenDataCatalog = z
  .object({ publicUrl: z.string(), licence: ZBilingualText, datasets: z.array(ZOpenDataset) })
  .meta({ id: "OpenDataCatalog" });
export type TOpenDataCatalog = z.infer<typeof ZOpenDataCatalog>;

export const ZOpenDecisions = z
  .object({
    dataset: z.literal("decisions"),
    generatedAt: z.string(),
    source: z.string(),
    items: z.array(ZPublicDecision),
  })
  .meta({ id: "OpenDecisions" });

export const ZOpenFigureRow = ZPublicFigureSet.extend({
  month: z.string(),
  orgName: z.string().nullable().describe("null: all departments"),
});
export const ZOpenFigures = z
  .object({
    dataset: z.literal("figures"),
    generatedAt: z.string(),
    source: z.string(),
    items: z.array(ZOpenFigureRow),
  })
  .meta({ id: "OpenFigures" });
