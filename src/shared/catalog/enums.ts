/**
 * Closed vocabularies of the service catalog (政务服务事项), each with its Chinese label.
 * The codes are stored; the labels are what the guide shows.
 */
import { z } from "zod";

/** 事项类型 — kinds of service item under the national item standard. */
export const ITEM_KINDS = {
  administrative_licence: "行政许可",
  administrative_confirmation: "行政确认",
  filing: "备案",
  public_service: "公共服务",
  other: "其他行政权力",
} as const;
export const ZItemKind = z.enum(Object.keys(ITEM_KINDS) as [keyof typeof ITEM_KINDS]);
export type TItemKind = z.infer<typeof ZItemKind>;

/** 办件类型: 即办件 (decided on the spot, 行政许可法 Art. 34) or 承诺件 (decided within the promised limit). */
export const HANDLING_TYPES = { immediate: "即办件", promised: "承诺件" } as const;
export const ZHandlingType = z.enum(Object.keys(HANDLING_TYPES) as [keyof typeof HANDLING_TYPES]);
export type THandlingType = z.infer<typeof ZHandlingType>;

/** 服务对象. */
export const SERVICE_OBJECTS = {
  person: "自然人",
  enterprise: "企业法人",
  other_organization: "事业单位法人、社会组织法人、非法人企业及其他组织",
} as const;
export const ZServiceObject = z.enum(Object.keys(SERVICE_OBJECTS) as [keyof typeof SERVICE_OBJECTS]);
export type TServiceObject = z.infer<typeof ZServiceObject>;

/** 特别程序 — procedures whose time is not counted in the limit (行政许可法 Art. 45). */
export const SPECIAL_PROCEDURE_KINDS = {
  hearing: "听证",
  expert_review: "专家评审",
  public_notice: "公示",
  testing: "检验检测",
  appraisal: "鉴定",
  auction: "拍卖",
  tender: "招标",
  survey: "现场踏勘",
  announcement: "公告",
  other: "其他",
} as const;
export const ZSpecialProcedureKind = z.enum(
  Object.keys(SPECIAL_PROCEDURE_KINDS) as [keyof typeof SPECIAL_PROCEDURE_KINDS],
);
export type TSpecialProcedureKind = z.infer<typeof ZSpecialProcedureKind>;

/** 材料形式. */
export const MATERIAL_FORMS = {
  original: "原件",
  copy: "复印件",
  original_and_copy: "原件和复印件",
  original_for_check: "原件（核验后退还）",
  electronic: "电子件",
} as const;
export const ZMaterialForm = z.enum(Object.keys(MATERIAL_FORMS) as [keyof typeof MATERIAL_FORMS]);
export type TMaterialForm = z.infer<typeof ZMaterialForm>;

/** 材料来源渠道: the applicant, another department's shared data, or the result of another item (once-only). */
export const MATERIAL_SOURCES = {
  applicant: "申请人自备",
  shared_data: "部门共享获取",
  item_result: "前序事项办理结果",
} as const;
export const ZMaterialSource = z.enum(Object.keys(MATERIAL_SOURCES) as [keyof typeof MATERIAL_SOURCES]);
export type TMaterialSource = z.infer<typeof ZMaterialSource>;

/** 计费单位. */
export const FEE_UNITS = {
  per_case: "元/件",
  per_certificate: "元/本",
  per_square_meter: "元/平方米",
  per_mu: "元/亩",
  per_page: "元/页",
} as const;
export const ZFeeUnit = z.enum(Object.keys(FEE_UNITS) as [keyof typeof FEE_UNITS]);
export type TFeeUnit = z.infer<typeof ZFeeUnit>;

/** Conditions under which a fee is waived (免收情形); the fee engine decides them from the case. */
export const EXEMPTION_CONDITIONS = {
  small_micro_enterprise: "小微企业（含个体工商户）",
  rural_homestead: "农村宅基地使用权及农房登记",
  government_office: "国家机关依法办理",
  other: "其他",
} as const;
export const ZExemptionCondition = z.enum(
  Object.keys(EXEMPTION_CONDITIONS) as [keyof typeof EXEMPTION_CONDITIONS],
);
export type TExemptionCondition = z.infer<typeof ZExemptionCondition>;

/** 网办深度 — how far an item can be done online (一级 information … 四级 fully online). */
export const ONLINE_DEPTHS = {
  information: "一级：网上咨询",
  download: "二级：表格下载",
  online_apply: "三级：网上预审/申报",
  full_online: "四级：全程网办",
} as const;
export const ZOnlineDepth = z.enum(Object.keys(ONLINE_DEPTHS) as [keyof typeof ONLINE_DEPTHS]);
export type TOnlineDepth = z.infer<typeof ZOnlineDepth>;

/** 审批结果类型. */
export const RESULT_TYPES = {
  certificate: "证照",
  approval_document: "批文",
  registration_certificate: "登记证明",
  filing_receipt: "备案回执",
  information: "查询结果",
  other: "其他",
} as const;
export const ZResultType = z.enum(Object.keys(RESULT_TYPES) as [keyof typeof RESULT_TYPES]);
export type TResultType = z.infer<typeof ZResultType>;

/** How review steps run: side by side from acceptance, or after named predecessor steps. */
export const REVIEW_MODES = { parallel: "并联", sequential: "串联" } as const;
export const ZReviewMode = z.enum(Object.keys(REVIEW_MODES) as [keyof typeof REVIEW_MODES]);
export type TReviewMode = z.infer<typeof ZReviewMode>;

/** Who handles an item the bureau no longer handles (drives referral, 转办). */
export const HANDLER_KINDS = { township: "乡镇人民政府", other_department: "其他部门" } as const;
export const ZHandlerKind = z.enum(Object.keys(HANDLER_KINDS) as [keyof typeof HANDLER_KINDS]);
export type THandlerKind = z.infer<typeof ZHandlerKind>;
