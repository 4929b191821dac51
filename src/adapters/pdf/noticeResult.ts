import type { Content, TableCell } from "pdfmake/interfaces";
import { formatChineseDate } from "./format";
import { addressee, clause, headedTable, noticeDocument, paragraph, remediesParagraph } from "./layout";
import { numbered } from "./noticeDecision";
import type { PdfDocument } from "./render";
import type { ResultNoticeData } from "./types";
import { itemLabel, you } from "./wording";

/** The result notices of items that are not licences: 登记 (行政确认), 公共服务, 备案 — each outcome. */
export type ResultNoticeKind =
  | "registrationResult"
  | "registrationRefusal"
  | "serviceResult"
  | "serviceRefusal"
  | "filingResult"
  | "filingRefusal";

type Wording = {
  title: string;
  outcome: "approve" | "deny";
  /** the sentence that states the outcome, after the opening and the reasons */
  outcomeSentence: (who: string, d: ResultNoticeData) => string;
  /** heading of the particulars table */
  particularsHeading: string;
  /** the closing sentence about what the applicant receives (results only) */
  delivery?: (who: string, d: ResultNoticeData) => string | null;
  subject: string;
};

const basis = (d: ResultNoticeData) => (d.legalBasis ? `根据${clause(d.legalBasis)}的规定，` : "");
const receive = (who: string, d: ResultNoticeData) =>
  d.result
    ? `本机关将依法向${who}核发《${clause(d.result.name)}》，电子证照可在“证照库”中查看和下载。`
    : null;

/**
 * The wording of every result notice, keyed by its kind: no 许可 wording anywhere — a registration is
 * entered in the register (登簿, 不动产登记暂行条例 Art. 21), a service is provided, a filing recorded.
 */
export const RESULT_WORDING: Record<ResultNoticeKind, Wording> = {
  registrationResult: {
    title: "登记结果告知书",
    outcome: "approve",
    outcomeSentence: (who, d) =>
      `${who}的申请符合登记条件。${basis(d)}本机关已将申请登记的事项记载于登记簿（登簿日期：` +
      `${formatChineseDate(d.issuedOn)}），登记完成。`,
    particularsHeading: "登记内容",
    delivery: receive,
    subject: "登记结果告知",
  },
  registrationRefusal: {
    title: "不予登记告知书",
    outcome: "deny",
    outcomeSentence: (who, d) => `${who}的申请不符合登记条件。${basis(d)}本机关决定不予登记。`,
    particularsHeading: "申请登记内容",
    subject: "不予登记告知",
  },
  serviceResult: {
    title: "办理结果告知书",
    outcome: "approve",
    outcomeSentence: (who, d) =>
      `${basis(d)}本机关已为${who}办理完毕${d.result ? `，办理结果为《${clause(d.result.name)}》` : ""}。`,
    particularsHeading: "申请内容",
    subject: "办理结果告知",
  },
  serviceRefusal: {
    title: "不予办理告知书",
    outcome: "deny",
    outcomeSentence: (who, d) => `${who}的申请不符合办理条件。${basis(d)}本机关决定不予办理。`,
    particularsHeading: "申请内容",
    subject: "不予办理告知",
  },
  filingResult: {
    title: "备案告知书",
    outcome: "approve",
    outcomeSentence: (who, d) => `${who}报送的备案材料齐全。${basis(d)}本机关已予以备案。`,
    particularsHeading: "备案内容",
    delivery: (who, d) => (d.result ? `本机关向${who}出具《${clause(d.result.name)}》。` : null),
    subject: "备案告知",
  },
  filingRefusal: {
    title: "不予备案告知书",
    outcome: "deny",
    outcomeSentence: (who, d) => `${who}的申请不符合备案条件。${basis(d)}本机关决定不予备案。`,
    particularsHeading: "申请备案内容",
    subject: "不予备案告知",
  },
};

/**
 * 登记结果告知书 / 不予登记告知书, 办理结果告知书 / 不予办理告知书, 备案告知书 / 不予备案告知书: the outcome
 * of an item that is not a licence, with the opinion or reasons, the particulars from the application,
 * what is delivered, and for refusals the remedies (行政复议法 Art. 20, 行政诉讼法 Art. 46).
 */
export function resultNotice(kind: ResultNoticeKind, d: ResultNoticeData): PdfDocument {
  const w = RESULT_WORDING[kind];
  const who = you(d.applicant);
  const reasons = d.reasons.map(clause).filter(Boolean);
  const opening = `${who}于${formatChineseDate(d.acceptedOn)}经本机关受理的${itemLabel(d.item)}申请，经审查，`;
  const body: Content[] = [addressee(d.applicant.name)];
  if (reasons.length)
    body.push(
      paragraph(`${opening}${w.outcome === "deny" ? "存在以下情形：" : "意见如下："}`),
      ...numbered(reasons),
      paragraph(w.outcomeSentence(who, d)),
    );
  else body.push(paragraph(`${opening}${w.outcomeSentence(who, d)}`));
  const rows: TableCell[][] = (d.particulars ?? []).map((p) => [{ text: p.label, bold: true }, p.value]);
  if (rows.length > 0) body.push(headedTable(w.particularsHeading, ["项目", "内容"], rows, [110, "*"]));
  const delivery = w.delivery?.(who, d);
  if (delivery) body.push(paragraph(delivery));
  if (w.outcome === "deny" && d.remedies) body.push(remediesParagraph(d.remedies, "本告知书"));
  body.push(paragraph("特此告知。"));
  return noticeDocument({
    org: d.org,
    title: w.title,
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `${w.subject}：${d.item.name}`,
    body,
  });
}
