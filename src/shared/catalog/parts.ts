/**
 * Building blocks of a service item's content: legal basis, materials, fees, special procedures,
 * review steps. Shapes only; the rules that tie them together are in src/domain/catalog/validateItem.ts.
 */
import { z } from "zod";
import { multiline } from "../text.ts";
import {
  ZExemptionCondition,
  ZFeeUnit,
  ZHandlerKind,
  ZMaterialForm,
  ZMaterialSource,
  ZOnlineDepth,
  ZReviewMode,
  ZSpecialProcedureKind,
} from "./enums.ts";

/** A name or title of the guide: one line, at most 200 characters. */
const ZName = z.string().min(1).max(200);
/** Explanatory text of the guide: several lines allowed, at most 4,000 characters. */
const ZText = multiline(z.string().max(4000));

/** A code: letters, digits, `_`, `-`, `.`; starts with a letter or digit; at most 64 characters. */
export const ZCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, "代码只能包含字母、数字、下划线、连字符和点");

/** A calendar date, YYYY-MM-DD. */
export const ZLocalDate = z.iso.date();

/** A downloadable file: blank form (空白表格), filled-in sample (示例样表) or result sample. */
export const ZFileRef = z.object({
  fileName: z.string().min(1).max(255),
  url: z.string().min(1).max(2000),
});
export type TFileRef = z.infer<typeof ZFileRef>;

/** 设定依据 / 实施依据: a law, regulation or policy and the article relied on. */
export const ZLegalBasis = z.object({
  title: ZName,
  article: z.string().max(200).optional(),
  text: multiline(z.string().max(20_000)).optional(),
});
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

/** 办理流程 step as published in the guide (what the applicant sees, not the internal review). */
export const ZProcessStep = z.object({
  name: ZName,
  description: ZText.min(1),
});
export type TProcessStep = z.infer<typeof ZProcessStep>;

/** 特别程序 that may apply, with its maximum length (time not counted, 行政许可法 Art. 45). */
export const ZSpecialProcedure = z.object({
  kind: ZSpecialProcedureKind,
  name: ZName,
  maxWorkingDays: z.number().int().nonnegative().max(3650),
  note: ZText.optional(),
});
export type TSpecialProcedure = z.infer<typeof ZSpecialProcedure>;

/** A fee item (收费项目). Amounts are integer fen (分) so that no arithmetic is done in floating point. */
export const ZFeeItem = z.object({
  code: ZCode,
  name: ZName,
  basis: ZText.min(1),
  /** At most ¥1,000,000 a unit (行政事业性收费 of a county: a few hundred yuan). */
  amountFen: z.number().int().min(0).max(100_000_000),
  unit: ZFeeUnit,
  /** Number of units included free, e.g. the first certificate (发改价格规〔2016〕2559号). */
  freeQuantity: z.number().int().nonnegative().max(100_000).optional(),
  /** What the fee applies to, a short code such as `housing` or `non_housing`. */
  appliesTo: ZCode.optional(),
  note: ZText.optional(),
});
export type TFeeItem = z.infer<typeof ZFeeItem>;

/** A fee exemption (减免), naming the fee items it waives (all of them when `feeCodes` is absent). */
export const ZFeeExemption = z.object({
  code: ZCode,
  name: ZName,
  basis: ZText.min(1),
  condition: ZExemptionCondition,
  feeCodes: z.array(ZCode).optional(),
  note: ZText.optional(),
});
export type TFeeExemption = z.infer<typeof ZFeeExemption>;

/** 收费: whether the item is charged, the items and the exemptions (行政许可法 Art. 58: none without a law). */
export const ZFees = z.object({
  charged: z.boolean(),
  items: z.array(ZFeeItem).default([]),
  exemptions: z.array(ZFeeExemption).default([]),
});
export type TFees = z.infer<typeof ZFees>;

/** Online service (是否网办, 网上支付, 物流快递, 预约). */
export const ZOnlineService = z.object({
  available: z.boolean(),
  depth: ZOnlineDepth.optional(),
  onlinePayment: z.boolean(),
  postalDelivery: z.boolean(),
  appointment: z.boolean(),
});
export type TOnlineService = z.infer<typeof ZOnlineService>;

/** 中介服务 the applicant may need (surveys, drawings), with its basis. */
export const ZIntermediaryService = z.object({
  name: ZName,
  basis: ZText.optional(),
  note: ZText.optional(),
});
export type TIntermediaryService = z.infer<typeof ZIntermediaryService>;

/** The body that handles an item no longer handled by the bureau, since when and why (drives 转办). */
export const ZHandledBy = z.object({
  kind: ZHandlerKind,
  since: ZLocalDate,
  reference: z.string().min(1).max(500),
  /** Organizations that now handle it, when known (e.g. every township government). */
  orgCodes: z.array(ZCode).optional(),
  note: ZText.optional(),
});
export type THandledBy = z.infer<typeof ZHandledBy>;

/**
 * 申请材料. `key` marks a key material (主要材料) that can never be missing at acceptance;
 * `mayBeDeferred` marks a secondary material that may be provided later (容缺受理). While a deferred
 * material is owed, no approval is decided and no result issued — unless `issueFirstCondition` is set:
 * then the result may be issued first, and this condition prints on it (附记).
 */
export const ZMaterial = z.object({
  code: ZCode,
  name: ZName,
  required: z.boolean(),
  key: z.boolean().default(false),
  form: ZMaterialForm,
  copies: z.number().int().nonnegative().max(100),
  source: ZMaterialSource,
  /** Shared-data dataset code (e.g. `business_licence`) or the code of the item whose result this is. */
  sourceRef: ZCode.optional(),
  mayBeDeferred: z.boolean().default(false),
  /** 先行出证条件: the result may be issued while this deferred material is owed, on this condition. */
  issueFirstCondition: z.string().trim().min(1).max(300).optional(),
  blankForm: ZFileRef.optional(),
  sample: ZFileRef.optional(),
  acceptanceStandard: ZText.min(1),
  note: ZText.optional(),
});
export type TMaterial = z.infer<typeof ZMaterial>;

/**
 * A review step: which organization reviews, when, and for how many working days.
 * `parallel` steps start at acceptance; `sequential` steps start once every step in `after` is done
 * (two sequential steps after the same predecessor run side by side).
 */
export const ZReviewStep = z.object({
  code: ZCode,
  name: ZName,
  orgCode: ZCode,
  mode: ZReviewMode,
  lead: z.boolean(),
  limitDays: z.number().int().nonnegative().max(3650),
  after: z.array(ZCode).optional(),
});
export type TReviewStep = z.infer<typeof ZReviewStep>;

/** A JSON Schema object (checked as a schema by the catalog validation, rendered by @rjsf/antd). */
export const ZJsonObject = z.record(z.string(), z.unknown());
export type TJsonObject = z.infer<typeof ZJsonObject>;
