/** A calendar date `YYYY-MM-DD` (dates on notices are days, not instants). */
export type IsoDate = string;

/** The issuing organization (实施主体). */
export interface NoticeOrg {
  name: string;
  address?: string;
  /** 咨询电话 */
  phone?: string;
}

/**
 * The applicant or payer (申请人). `kind` decides how a notice addresses them: a natural person as
 * 你, an enterprise or other organization as 你单位 (unknown: 你（单位）).
 */
export interface NoticeParty {
  name: string;
  kind?: "person" | "enterprise";
  /** e.g. 居民身份证, 统一社会信用代码 */
  idType?: string;
  idNumber?: string;
  phone?: string;
}

/**
 * 事项类型 of the service item, as the catalog stores it: it decides which law a notice cites and how
 * its decision is worded (行政许可 cites the Administrative Licensing Law; the others do not).
 */
export type NoticeItemKind =
  | "administrative_licence"
  | "administrative_confirmation"
  | "filing"
  | "public_service"
  | "other";

/** The service item (事项). */
export interface NoticeItem {
  /** 事项编码 as published in the catalog; omitted when the item has none (never the internal slug). */
  code?: string;
  name: string;
  /** default administrative_licence */
  itemKind?: NoticeItemKind;
}

/** How the holder checks a document online (核验). */
export interface Verification {
  url: string;
  /** 查询码, printed so the public progress page can be opened without logging in */
  queryCode?: string;
}

/**
 * Where the event a document records stands in the transparency log (docs/transparency.md): its leaf
 * index and the absolute link to its proof page once integrated; before that, the event's id and the
 * log's page (a document states only facts).
 */
export interface LogReference {
  eventId: string;
  leafIndex?: number;
  url: string;
}

/** The footer line of a {@link LogReference}. */
export function logReferenceLine(r: LogReference): string {
  return r.leafIndex === undefined
    ? `透明日志：本文书所载事件（事件编号 ${r.eventId}）待记入透明日志，可访问 ${r.url} 查询。`
    : `透明日志：本文书所载事件已记入透明日志第 ${r.leafIndex} 号记录，可访问 ${r.url} 核验。`;
}

/** Fields every written notice of the Administrative Licensing Law carries. */
export interface NoticeBase {
  /** 文号, e.g. 怀自然资受〔2026〕12号 */
  documentNumber: string;
  issuedOn: IsoDate;
  org: NoticeOrg;
  applicant: NoticeParty;
  item: NoticeItem;
  /** 办件编号 */
  caseNumber: string;
  verification?: Verification;
  /** The event's place in the transparency log (acceptance notices). */
  transparency?: LogReference;
}

/** Where to turn against a decision (行政复议法 Art. 20: 60 days; 行政诉讼法 Art. 46: 6 months). */
export interface Remedies {
  /** 行政复议机关, e.g. 怀远县人民政府 */
  reconsiderationBody: string;
  /** 人民法院, e.g. 怀远县人民法院 */
  court: string;
}

/** A material received with the application. */
export interface ReceivedMaterial {
  name: string;
  /** 原件 / 复印件 / 电子 */
  form?: string;
  copies?: number;
}

/** 受理通知书 — 行政许可法 Art. 32(5). */
export interface AcceptanceNoticeData extends NoticeBase {
  receivedOn: IsoDate;
  acceptedOn: IsoDate;
  statutoryWorkingDays: number;
  promisedWorkingDays: number;
  /** acceptance date + promised limit in working days (computed by the calendar) */
  deadline: IsoDate;
  materials: ReceivedMaterial[];
  /** 容缺 materials still owed under the applicant's signed commitment */
  deferredMaterials?: Array<{ name: string; dueOn: IsoDate }>;
}

/** The clerk's verdict on one material. */
export type MaterialStatus = "passed" | "missing" | "defective";

/** 补正告知书 / 一次性告知书 — 行政许可法 Art. 32(4): every problem told at once. */
export interface CorrectionNoticeData extends NoticeBase {
  receivedOn: IsoDate;
  /** EVERY material on the item's list, with its status; problems carry a note */
  materials: Array<{ name: string; status: MaterialStatus; note?: string }>;
  correctBy: IsoDate;
  /** where or how to hand in the corrections */
  submitTo?: string;
}

/** 不予受理决定书 — 行政许可法 Art. 32(1)–(2). */
export interface RefusalNoticeData extends NoticeBase {
  receivedOn: IsoDate;
  reason: string;
  legalBasis: string;
  /** for matters outside the bureau's competence: the body to turn to */
  competentBody?: { name: string; address?: string; phone?: string };
  remedies: Remedies;
}

/** The special procedures whose time is not counted (行政许可法 Art. 45; 公示 by local rule). */
export type SpecialProcedureKind =
  | "hearing"
  | "tender"
  | "auction"
  | "testing"
  | "inspection"
  | "quarantine"
  | "appraisal"
  | "expertReview"
  | "publicNotice";

/** 特别程序告知书 — 行政许可法 Art. 45. */
export interface SpecialProcedureNoticeData extends NoticeBase {
  acceptedOn: IsoDate;
  kind: SpecialProcedureKind;
  reason: string;
  startsOn: IsoDate;
  expectedWorkingDays: number;
}

/** 延期告知书 — 行政许可法 Art. 42. */
export interface ExtensionNoticeData extends NoticeBase {
  acceptedOn: IsoDate;
  reason: string;
  extraWorkingDays: number;
  originalDeadline: IsoDate;
  newDeadline: IsoDate;
  /** 本行政机关负责人 who approved the extension */
  approvedBy?: string;
}

/** 准予行政许可决定书 — 行政许可法 Art. 38(1), 39, 44. */
export interface ApprovalDecisionData extends NoticeBase {
  acceptedOn: IsoDate;
  /** what was examined and found (审查意见), one paragraph each */
  findings: string[];
  legalBasis: string;
  /** the licence granted */
  result: { name: string; number?: string; validUntil?: IsoDate };
  /** 许可内容 rows shown in the table (e.g. 项目名称, 建设位置, 建设规模) */
  particulars?: Array<{ label: string; value: string }>;
  conditions?: string[];
  /** how the certificate is delivered (Art. 44: within 10 days) */
  delivery?: string;
}

/**
 * The result of an item that is not a licence (行政确认 登记, 公共服务, 备案) or its refusal: the
 * registration entered in the register (不动产登记暂行条例 Art. 21) and told to the applicant, the
 * service provided, the filing recorded — or why not, with the remedies. No 许可 wording.
 */
export interface ResultNoticeData extends NoticeBase {
  acceptedOn: IsoDate;
  /** the approver's or clerk's opinion / reasons, one clause each */
  reasons: string[];
  legalBasis: string;
  /** what the applicant receives (审批结果名称, e.g. 不动产权证书, 不动产登记资料查询结果证明) */
  result?: { name: string };
  /** rows of the 登记内容 / 办理内容 table, from the application */
  particulars?: Array<{ label: string; value: string }>;
  /** refusals: where to challenge them */
  remedies?: Remedies;
}

/** 不予行政许可决定书 — 行政许可法 Art. 38(2): reasons and remedies. */
export interface DenialDecisionData extends NoticeBase {
  acceptedOn: IsoDate;
  reasons: string[];
  legalBasis: string;
  remedies: Remedies;
}

/** A material on a service item's list, as the public guide shows it. */
export interface GuideMaterial {
  name: string;
  required: boolean;
  /** 原件 / 复印件 / 电子 … */
  form: string;
  copies: number;
  /** may be missing at acceptance under a signed commitment (容缺) */
  deferrable: boolean;
  source?: string;
  note?: string;
}

/** 一次性告知单 for a service item (national item standard fields). */
export interface ServiceGuideSheetData {
  issuedOn: IsoDate;
  org: NoticeOrg;
  item: NoticeItem & {
    /** 办件类型: 即办件 / 承诺件 */
    kind: string;
    legalBasis: string;
    conditions: string[];
    statutoryLimit: string;
    promisedLimit: string;
    visits?: number;
    online?: boolean;
  };
  materials: GuideMaterial[];
  fees: { charged: boolean; basis?: string; standard?: string };
  place: string;
  hours: string;
  phones: { consult: string; complaint: string };
  verification?: Verification;
}

/** 缴费方式 */
export type PaymentChannel = "cash" | "pos" | "online";

/** 缴费凭证 — amounts in integer fen (行政许可法 Art. 58–59: fees only by law, paid in full to the treasury). */
export interface PaymentReceiptData {
  receiptNumber: string;
  issuedOn: IsoDate;
  /** local time of payment, `YYYY-MM-DD HH:mm` */
  paidAt: string;
  org: NoticeOrg;
  payer: NoticeParty;
  item: NoticeItem;
  caseNumber: string;
  lines: Array<{ name: string; basis?: string; quantity?: string; amountFen: number }>;
  channel: PaymentChannel;
  transactionNumber: string;
  cashier?: string;
  verification?: Verification;
}
