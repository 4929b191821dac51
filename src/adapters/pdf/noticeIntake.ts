import type { Content, TableCell } from "pdfmake/interfaces";
import { formatChineseDate, formatWorkingDays } from "./format";
import {
  addressee,
  clause,
  headedTable,
  noticeDocument,
  paragraph,
  remediesParagraph,
  sentence,
  table,
} from "./layout";
import type { PdfDocument } from "./render";
import type { AcceptanceNoticeData, CorrectionNoticeData, MaterialStatus, RefusalNoticeData } from "./types";
import { itemLabel, procedureOf, you } from "./wording";

/** 份数 as printed: an electronic material (份数 0) has none to count. */
export function copiesText(copies: number | undefined): string {
  return copies === undefined || copies <= 0 ? "—" : String(copies);
}

/** The time-limit paragraph of a 受理通知书: promised limit and deadline, or on-the-spot completion. */
function limitParagraph(d: AcceptanceNoticeData): string {
  const p = procedureOf(d.item);
  const statutory = `本事项法定办理时限为${formatWorkingDays(d.statutoryWorkingDays)}，`;
  // 即办件 (promised limit 0): finished on the spot, never "0个工作日内".
  if (d.promisedWorkingDays <= 0)
    return `${statutory}本事项为即办件，本机关于受理当日（${formatChineseDate(d.deadline)}）当场办结。`;
  return (
    `${statutory}本机关承诺自受理之日起${formatWorkingDays(d.promisedWorkingDays)}内` +
    `（即${formatChineseDate(d.deadline)}前）办结。期限以工作日计算，不含法定节假日。${p.specialProcedures}`
  );
}

/**
 * 受理通知书: the application is within competence, complete and in legal form, so it is accepted;
 * states the promised limit in working days and the deadline date (行政许可法 Art. 32(1)(5), 42, 82 for
 * licences; the other kinds of item without citing that law).
 */
export function acceptanceNotice(d: AcceptanceNoticeData): PdfDocument {
  const p = procedureOf(d.item);
  const rows: TableCell[][] = d.materials.map((m, i) => [
    { text: String(i + 1), alignment: "center" },
    m.name,
    { text: m.form ?? "—", alignment: "center" },
    { text: copiesText(m.copies), alignment: "center" },
  ]);
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `${you(d.applicant)}于${formatChineseDate(d.receivedOn)}提出的${itemLabel(d.item)}申请，经审查，申请事项属于本机关职权范围，` +
        `申请材料齐全、符合法定形式。${p.acceptBasis}本机关决定予以受理，受理日期为` +
        `${formatChineseDate(d.acceptedOn)}。`,
    ),
    paragraph(limitParagraph(d)),
    headedTable("已收取的申请材料", ["序号", "材料名称", "形式", "份数"], rows, [32, "*", 64, 40]),
  ];
  if (d.deferredMaterials && d.deferredMaterials.length > 0) {
    body.push(
      paragraph(
        `根据${you(d.applicant)}签署的容缺受理承诺书，下列材料容缺受理，请按期补交；逾期未补交的，按承诺书约定处理：`,
      ),
      table(
        ["序号", "容缺材料", "补交期限"],
        d.deferredMaterials.map((m, i) => [
          { text: String(i + 1), alignment: "center" },
          m.name,
          { text: formatChineseDate(m.dueOn), alignment: "center" },
        ]),
        [32, "*", 110],
      ),
    );
  }
  body.push(
    paragraph(`${you(d.applicant)}可凭办件编号 ${d.caseNumber} 查询办理进度。`),
    paragraph("特此通知。"),
  );
  return noticeDocument({
    org: d.org,
    title: "受理通知书",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    transparency: d.transparency,
    subject: `${p.application}受理通知：${d.item.name}`,
    body,
  });
}

const STATUS_LABEL: Record<MaterialStatus, string> = {
  passed: "符合要求",
  missing: "缺少",
  defective: "需补正",
};

/**
 * 补正告知书（一次性告知）: lists every material with its verdict and tells all problems at once,
 * with the deadline to correct (行政许可法 Art. 32(1)(4): 一次告知申请人需要补正的全部内容).
 */
export function correctionNotice(d: CorrectionNoticeData): PdfDocument {
  const p = procedureOf(d.item);
  const who = you(d.applicant);
  const problems = d.materials.filter((m) => m.status !== "passed").length;
  const rows: TableCell[][] = d.materials.map((m, i) => [
    { text: String(i + 1), alignment: "center" },
    m.name,
    {
      text: STATUS_LABEL[m.status],
      alignment: "center",
      bold: m.status !== "passed",
      color: m.status === "passed" ? "#333333" : "#b00020",
    },
    m.note ?? (m.status === "passed" ? "" : "—"),
  ]);
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `${who}于${formatChineseDate(d.receivedOn)}提交的${itemLabel(d.item)}申请材料，经审查，存在申请材料不齐全或者` +
        `不符合法定形式的情形。${p.correctionBasis}现一次性告知${who}需要补正的全部内容` +
        `（共${d.materials.length}项材料，其中${problems}项需补正）：`,
    ),
    table(["序号", "材料名称", "审查结果", "补正要求"], rows, [32, 150, 56, "*"]),
    paragraph(
      `请于${formatChineseDate(d.correctBy)}前${d.submitTo ? `通过${clause(d.submitTo)}` : ""}提交补正材料。` +
        "补正材料提交后，本机关将重新审查；本告知书未列明的问题，本机关不再要求补正。补正期间不计算在办理期限内。",
    ),
    paragraph(`逾期未补正且未说明理由的，视为放弃本次申请，${who}可另行提出申请。`),
    paragraph("特此告知。"),
  ];
  return noticeDocument({
    org: d.org,
    title: "补正告知书",
    subtitle: "（一次性告知）",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `${p.application}材料一次性补正告知：${d.item.name}`,
    body,
  });
}

/**
 * 不予受理决定书: refusal at intake with the reason and its legal basis; for matters outside the
 * bureau's competence, the body to turn to; remedies (行政许可法 Art. 32(1)(1)–(2), Art. 7).
 */
export function refusalNotice(d: RefusalNoticeData): PdfDocument {
  const body: Content[] = [
    addressee(d.applicant.name),
    paragraph(
      `${you(d.applicant)}于${formatChineseDate(d.receivedOn)}提出的${itemLabel(d.item)}申请，经审查，${sentence(d.reason)}` +
        `根据${clause(d.legalBasis)}的规定，本机关决定不予受理。`,
    ),
  ];
  if (d.competentBody) {
    const c = d.competentBody;
    const details = [c.address ? `地址：${c.address}` : "", c.phone ? `电话：${c.phone}` : ""].filter(
      Boolean,
    );
    body.push(
      paragraph(
        `该申请事项不属于本机关职权范围，请向${clause(c.name)}提出申请${details.length > 0 ? `（${details.join("；")}）` : ""}。`,
      ),
    );
  }
  body.push(remediesParagraph(d.remedies), paragraph("特此决定。"));
  return noticeDocument({
    org: d.org,
    title: "不予受理决定书",
    documentNumber: d.documentNumber,
    caseNumber: d.caseNumber,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `${procedureOf(d.item).refusalSubject}：${d.item.name}`,
    body,
  });
}
