import type { FontProvider } from "./fonts";
import { serviceGuideSheet } from "./guideSheet";
import { approvalDecision, denialDecision } from "./noticeDecision";
import { acceptanceNotice, correctionNotice, refusalNotice } from "./noticeIntake";
import { extensionNotice, specialProcedureNotice } from "./noticeProcess";
import { RESULT_WORDING, resultNotice } from "./noticeResult";
import { paymentReceipt } from "./receipt";
import { type PdfDocument, renderPdf } from "./render";
import type {
  AcceptanceNoticeData,
  ApprovalDecisionData,
  CorrectionNoticeData,
  DenialDecisionData,
  ExtensionNoticeData,
  PaymentReceiptData,
  RefusalNoticeData,
  ResultNoticeData,
  ServiceGuideSheetData,
  SpecialProcedureNoticeData,
} from "./types";

export { serviceGuideSheet } from "./guideSheet";
export { approvalDecision, denialDecision } from "./noticeDecision";
export { acceptanceNotice, correctionNotice, refusalNotice } from "./noticeIntake";
export { extensionNotice, SPECIAL_PROCEDURE_LABEL, specialProcedureNotice } from "./noticeProcess";
export { RESULT_WORDING, type ResultNoticeKind, resultNotice } from "./noticeResult";
export { CHANNEL_LABEL, paymentReceipt } from "./receipt";

/** The data each kind of document takes. */
export interface NoticeDataByKind {
  acceptance: AcceptanceNoticeData;
  correction: CorrectionNoticeData;
  refusal: RefusalNoticeData;
  specialProcedure: SpecialProcedureNoticeData;
  extension: ExtensionNoticeData;
  approval: ApprovalDecisionData;
  denial: DenialDecisionData;
  registrationResult: ResultNoticeData;
  registrationRefusal: ResultNoticeData;
  serviceResult: ResultNoticeData;
  serviceRefusal: ResultNoticeData;
  filingResult: ResultNoticeData;
  filingRefusal: ResultNoticeData;
  guideSheet: ServiceGuideSheetData;
  receipt: PaymentReceiptData;
}

/** The kinds of document the adapter renders. */
export type NoticeKind = keyof NoticeDataByKind;

/** Chinese titles by kind (file names, listings). */
export const NOTICE_TITLE: Record<NoticeKind, string> = {
  acceptance: "受理通知书",
  correction: "补正告知书",
  refusal: "不予受理决定书",
  specialProcedure: "特别程序告知书",
  extension: "延期告知书",
  approval: "准予行政许可决定书",
  denial: "不予行政许可决定书",
  registrationResult: RESULT_WORDING.registrationResult.title,
  registrationRefusal: RESULT_WORDING.registrationRefusal.title,
  serviceResult: RESULT_WORDING.serviceResult.title,
  serviceRefusal: RESULT_WORDING.serviceRefusal.title,
  filingResult: RESULT_WORDING.filingResult.title,
  filingRefusal: RESULT_WORDING.filingRefusal.title,
  guideSheet: "一次性告知单",
  receipt: "缴费凭证",
};

const TEMPLATES: { [K in NoticeKind]: (data: NoticeDataByKind[K]) => PdfDocument } = {
  acceptance: acceptanceNotice,
  correction: correctionNotice,
  refusal: refusalNotice,
  specialProcedure: specialProcedureNotice,
  extension: extensionNotice,
  approval: approvalDecision,
  denial: denialDecision,
  registrationResult: (d) => resultNotice("registrationResult", d),
  registrationRefusal: (d) => resultNotice("registrationRefusal", d),
  serviceResult: (d) => resultNotice("serviceResult", d),
  serviceRefusal: (d) => resultNotice("serviceRefusal", d),
  filingResult: (d) => resultNotice("filingResult", d),
  filingRefusal: (d) => resultNotice("filingRefusal", d),
  guideSheet: serviceGuideSheet,
  receipt: paymentReceipt,
};

/** Builds the pdfmake document definition of a notice without rendering it (tests, previews). */
export function buildNotice<K extends NoticeKind>(kind: K, data: NoticeDataByKind[K]): PdfDocument {
  const template: (data: NoticeDataByKind[K]) => PdfDocument = TEMPLATES[kind];
  return template(data);
}

/**
 * Renders a written notice of the Administrative Licensing Law (or a guide sheet or receipt) to PDF
 * bytes: the written, dated notices of 行政许可法 Art. 32, 38, 42, 45 that are stored with the case.
 */
export function renderNotice<K extends NoticeKind>(
  kind: K,
  data: NoticeDataByKind[K],
  fonts?: FontProvider,
): Promise<Buffer> {
  return renderPdf(buildNotice(kind, data), fonts);
}
