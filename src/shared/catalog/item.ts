/**
 * ZServiceItemContent: everything a service item version (事项版本) publishes, following the fields
 * of the national item standard as counties publish them (基本要素 + 拓展要素 + 申请材料).
 */
import { z } from "zod";
import { multiline } from "../text.ts";
import { ZHandlingType, ZItemKind, ZResultType, ZServiceObject } from "./enums.ts";
import {
  ZCode,
  ZFees,
  ZFileRef,
  ZHandledBy,
  ZIntermediaryService,
  ZJsonObject,
  ZLegalBasis,
  ZMaterial,
  ZOnlineService,
  ZProcessStep,
  ZReviewStep,
  ZSpecialProcedure,
} from "./parts.ts";

export const ZServiceItemContent = z.object({
  /** The item's identifier in URLs and the API (a slug, e.g. `construction-land-planning-permit`); never printed. */
  code: ZCode,
  /**
   * 事项编码 as the 实施清单 publishes it (GB/T 39554.1-2020): the national implementation code, or a
   * documented local code until the province publishes one. Documents and pages print this, never `code`.
   */
  catalogCode: z.string().trim().min(1).max(64).optional(),
  /** 事项名称. */
  name: z.string().min(1).max(200),
  /** 事项类型. */
  kind: ZItemKind,
  /** 实施主体 (organization code). */
  implementingOrgCode: ZCode,
  /** 委托部门. */
  entrustedOrg: z.string().max(200).optional(),
  /** 设定依据. */
  legalBasis: z.array(ZLegalBasis).min(1),
  /** 受理条件. */
  acceptanceConditions: z.array(multiline(z.string().min(1).max(4000))).min(1),
  /** 办理流程. */
  processDescription: z.array(ZProcessStep).min(1),
  /** 服务对象. */
  serviceObject: z.array(ZServiceObject).min(1),
  /** 法定办结时限, working days (行政许可法 Art. 82). */
  statutoryLimitDays: z.number().int().nonnegative().max(3650),
  /** 承诺办结时限, working days; 0 for 即办件. */
  promisedLimitDays: z.number().int().nonnegative().max(3650),
  /** 时限说明 (what is not counted, e.g. public-notice periods). */
  limitNotes: multiline(z.string().max(4000)).optional(),
  /** 办件类型. */
  handlingType: ZHandlingType,
  /** 到办事现场次数. */
  visitsRequired: z.number().int().nonnegative().max(100),
  /** 特别程序. */
  specialProcedures: z.array(ZSpecialProcedure).default([]),
  /** 收费. */
  fees: ZFees,
  /** 办理地点. */
  place: z.string().min(1).max(500),
  /** 办理时间. */
  hours: multiline(z.string().min(1).max(500)),
  /** 咨询电话. */
  consultationPhone: z.string().min(1).max(100),
  /** 监督投诉电话. */
  complaintPhone: z.string().min(1).max(100),
  /** 网上办理. */
  online: ZOnlineService,
  /** 审批结果名称. */
  resultName: z.string().min(1).max(200),
  /** 审批结果类型. */
  resultType: ZResultType,
  /** 审批结果样本. */
  resultSample: ZFileRef.optional(),
  /** Code of the certificate type produced (seed/catalog/certificate-types.yaml). */
  certificateType: ZCode.optional(),
  /**
   * Where the certificate's content comes from besides the application form (docs/certificates.md):
   * `facts` the item itself establishes for every certificate it produces (e.g. `rightType:
   * 国有建设用地使用权` for a 国有建设用地使用权首次登记), and `register`: the form field naming an earlier
   * certificate whose register entry supplies what the form does not state (`fallback`, e.g. a
   * transfer), or the whole content of a reissued certificate (`reissue`: 换发, the original is
   * cancelled). Nothing is ever defaulted.
   */
  certificateContent: z
    .object({
      facts: z.record(z.string().min(1).max(60), z.string().trim().min(1).max(500)).optional(),
      register: z
        .object({ field: z.string().min(1).max(60), mode: z.enum(["fallback", "reissue"]) })
        .optional(),
    })
    .optional(),
  /** 联办机构 (organization codes). */
  jointOrgs: z.array(ZCode).optional(),
  /** 中介服务. */
  intermediaryServices: z.array(ZIntermediaryService).optional(),
  /** 主题分类 for "browse by life event" (e.g. 工程建设, 不动产交易). */
  lifeEvents: z.array(z.string().min(1).max(60)).default([]),
  /** Set when the bureau no longer handles the item: who does, since when, by which policy. */
  handledBy: ZHandledBy.optional(),
  /** 申请材料. */
  materials: z.array(ZMaterial),
  /** Application form as JSON Schema. */
  formSchema: ZJsonObject,
  /** Optional @rjsf `ui:` hints for the form. */
  uiSchema: ZJsonObject.optional(),
  /** Internal review steps (which organizations review, in parallel or in sequence). */
  reviewSteps: z.array(ZReviewStep).default([]),
});

/** The content of a service item version, as parsed (defaults applied). */
export type TServiceItemContent = z.infer<typeof ZServiceItemContent>;
/** The content as written (in YAML or by the admin UI), before defaults are applied. */
export type TServiceItemContentInput = z.input<typeof ZServiceItemContent>;

/** An entry of the certificate-type list (seed/catalog/certificate-types.yaml). */
export const ZCertificateType = z.object({
  code: ZCode,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** 类型代码: the national code where one can be cited, else a documented local code. */
  typeCode: z.string().min(1),
  typeCodeSource: z.enum(["national", "local"]),
  issuerKind: z.enum(["bureau", "township"]),
  note: z.string().optional(),
});
export type TCertificateType = z.infer<typeof ZCertificateType>;
