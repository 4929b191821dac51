import type { Content } from "pdfmake/interfaces";
import { formatChineseDate, formatWorkingDays } from "./format";
import { addressee, clause, noticeDocument, paragraph, table } from "./layout";
import type { PdfDocument } from "./render";
import type { ExtensionNoticeData, SpecialProcedureKind, SpecialProcedureNoticeData } from "./types";
import { itemLabel, procedureOf, you } from "./wording";

/** Chinese names of the special procedures (行政许可法 Art. 45; 公示 per local rules). */
export const SPECIAL_PROCEDURE_LABEL: Record<SpecialProcedureKind, string> = {
  hearing: "听证",
  tender: "招标",
  auction: "拍卖",
  testing: "检验",
  inspection: "检测",
  quarantine: "检疫",
  appraisal: "鉴定",
  expertReview: "专家评审",
  publicNotice: "公示",
};

/**
 * 特别程序告知书: a special procedure (hearing, appraisal, expert review …) is started; its kind,
 * reason and expected length in working days; the decision clock stops meanwhile (行政许可法 Art. 45).
 */
export function specialProcedureNotice(d: SpecialProcedureNoticeData): PdfDocument {
  const kind = SPECIAL_PROCEDURE_LABEL[d.kind];
  const p = procedureOf(d.item);
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `本机关于${formatChineseDate(d.acceptedOn)}受理的${you(d.applicant)}${itemLabel(d.item)}申请，因${clause(d.reason)}，` +
        `需依法进行${kind}。${p.specialBasis}现将有关事项告知如下：`,
    ),
    table(
      ["项目", "内容"],
      [
        ["特别程序种类", kind],
        ["启动日期", formatChineseDate(d.startsOn)],
        ["预计所需时间", formatWorkingDays(d.expectedWorkingDays)],
        ["办理期限", "特别程序所需时间不计算在办理期限内，期间暂停计时"],
      ],
      [110, "*"],
    ),
    paragraph(
      `${kind}结束后，本机关将恢复计时并继续办理，届时办结期限相应顺延；实际所需时间与预计不一致的，以实际发生的时间为准，` +
        "本机关将及时告知。",
    ),
    paragraph("特此告知。"),
  ];
  return noticeDocument({
    org: d.org,
    title: "特别程序告知书",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `${p.application}特别程序告知（${kind}）：${d.item.name}`,
    body,
  });
}

/**
 * 延期告知书: the decision cannot be made in time; with the head's approval the limit is extended,
 * with the reason, the extra working days, the deadline before the extension and the one after it
 * (行政许可法 Art. 42(1)).
 */
export function extensionNotice(d: ExtensionNoticeData): PdfDocument {
  const p = procedureOf(d.item);
  const approval = d.approvedBy ? `经本机关负责人（${d.approvedBy}）批准` : "经本机关负责人批准";
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `本机关于${formatChineseDate(d.acceptedOn)}受理的${you(d.applicant)}${itemLabel(d.item)}申请，因${clause(d.reason)}，` +
        `不能在${formatChineseDate(d.originalDeadline)}前${p.decisionPhrase}。${p.extensionBasis}${approval}，办理期限延长` +
        `${formatWorkingDays(d.extraWorkingDays)}，至${formatChineseDate(d.newDeadline)}。`,
    ),
    table(
      ["项目", "内容"],
      [
        ["原办结期限", formatChineseDate(d.originalDeadline)],
        ["延长期限", formatWorkingDays(d.extraWorkingDays)],
        ["延长后办结期限", formatChineseDate(d.newDeadline)],
      ],
      [110, "*"],
    ),
    paragraph(`本机关将于${formatChineseDate(d.newDeadline)}前${p.decisionPhrase}。`),
    paragraph("特此告知。"),
  ];
  return noticeDocument({
    org: d.org,
    title: "延期告知书",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `${p.application}延期告知：${d.item.name}`,
    body,
  });
}
