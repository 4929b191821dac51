import { NOTICE_TITLE, type NoticeKind as PdfKind } from "../../../adapters/pdf/notices";
import type { TItemKind } from "../../../shared/catalog";

/** Kinds of written notice (文书) a case produces (`case_documents.kind`). */
export type NoticeKind =
  | "acceptance"
  | "correction"
  | "refusal"
  | "special_procedure"
  | "extension"
  | "approval_decision"
  | "denial_decision"
  | "registration_result"
  | "registration_refusal"
  | "service_result"
  | "service_refusal"
  | "filing_result"
  | "filing_refusal";

/** One notice template: its PDF template, its 文号 series, and which decisions it records. */
export type NoticeTemplate = {
  /** The PDF adapter's template; its title is the notice's printed title. */
  pdf: PdfKind;
  /** The series letter(s) of its 文号: 怀自然资许〔2026〕3号, 怀自然资登〔2026〕5号 … */
  series: string;
  /** For decision notices: the kinds of item (事项类型) and the outcome whose decision it records. */
  decides?: { itemKinds: readonly TItemKind[]; outcome: "approve" | "deny" };
};

/**
 * Every notice template, with the kind of item it belongs to (data, not scattered ifs): a 行政许可 is
 * decided by a 准予/不予行政许可决定书 (行政许可法 Art. 38, 许-series numbers); a 行政确认 (登记, 换发)
 * ends in its registration result (登簿, 不动产登记暂行条例 Art. 21) or a refusal to register (Art. 22);
 * a 公共服务 in the result of the service; a 备案 in the filing.
 */
export const NOTICE_TEMPLATES: Record<NoticeKind, NoticeTemplate> = {
  acceptance: { pdf: "acceptance", series: "受" },
  correction: { pdf: "correction", series: "补" },
  refusal: { pdf: "refusal", series: "不受" },
  special_procedure: { pdf: "specialProcedure", series: "特" },
  extension: { pdf: "extension", series: "延" },
  approval_decision: {
    pdf: "approval",
    series: "许",
    decides: { itemKinds: ["administrative_licence"], outcome: "approve" },
  },
  denial_decision: {
    pdf: "denial",
    series: "不许",
    decides: { itemKinds: ["administrative_licence"], outcome: "deny" },
  },
  registration_result: {
    pdf: "registrationResult",
    series: "登",
    decides: { itemKinds: ["administrative_confirmation"], outcome: "approve" },
  },
  registration_refusal: {
    pdf: "registrationRefusal",
    series: "不登",
    decides: { itemKinds: ["administrative_confirmation"], outcome: "deny" },
  },
  service_result: {
    pdf: "serviceResult",
    series: "办",
    decides: { itemKinds: ["public_service", "other"], outcome: "approve" },
  },
  service_refusal: {
    pdf: "serviceRefusal",
    series: "不办",
    decides: { itemKinds: ["public_service", "other"], outcome: "deny" },
  },
  filing_result: {
    pdf: "filingResult",
    series: "备",
    decides: { itemKinds: ["filing"], outcome: "approve" },
  },
  filing_refusal: {
    pdf: "filingRefusal",
    series: "不备",
    decides: { itemKinds: ["filing"], outcome: "deny" },
  },
};

/** The printed title of a notice kind (what the PDF says, what the case page lists). */
export function noticeTitle(kind: NoticeKind): string {
  return NOTICE_TITLE[NOTICE_TEMPLATES[kind].pdf];
}

/** The notice that records a decision on an item of `itemKind` (行政许可 → 准予/不予行政许可决定书 …). */
export function decisionNoticeKind(itemKind: TItemKind, outcome: "approve" | "deny"): NoticeKind {
  const found = (Object.entries(NOTICE_TEMPLATES) as [NoticeKind, NoticeTemplate][]).find(
    ([, t]) => t.decides?.outcome === outcome && t.decides.itemKinds.includes(itemKind),
  );
  if (!found) throw new Error(`no decision notice for ${itemKind} / ${outcome}`);
  return found[0];
}
