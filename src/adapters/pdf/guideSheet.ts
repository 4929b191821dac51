import type { Content, TableCell } from "pdfmake/interfaces";
import { formatChineseDate } from "./format";
import { clause, headedTable, heading, noticeDocument, paragraph } from "./layout";
import { copiesText } from "./noticeIntake";
import type { PdfDocument } from "./render";
import type { ServiceGuideSheetData } from "./types";

const center = (text: string): TableCell => ({ text, alignment: "center" });

/**
 * 一次性告知单 of a service item, as handed out at the window and offered by the public guide:
 * conditions, the complete materials list (required or not, form, copies, 容缺), time limits,
 * fees, place, hours and phones — everything the applicant needs, told once (行政许可法 Art. 30, 32;
 * the national service-item standard's fields).
 */
export function serviceGuideSheet(d: ServiceGuideSheetData): PdfDocument {
  const i = d.item;
  const basics: TableCell[][] = [
    [{ text: "事项名称", bold: true }, { text: i.name, colSpan: 3 }, "", ""],
    [{ text: "事项编码", bold: true }, i.code ?? "—", { text: "办件类型", bold: true }, i.kind],
    [{ text: "实施主体", bold: true }, { text: d.org.name, colSpan: 3 }, "", ""],
    [{ text: "设定依据", bold: true }, { text: i.legalBasis, colSpan: 3 }, "", ""],
    [
      { text: "法定办结时限", bold: true },
      i.statutoryLimit,
      { text: "承诺办结时限", bold: true },
      i.promisedLimit,
    ],
    [
      { text: "到现场次数", bold: true },
      i.visits === undefined ? "—" : `${i.visits}次`,
      { text: "是否网办", bold: true },
      i.online === undefined ? "—" : i.online ? "是" : "否",
    ],
  ];
  const materials: TableCell[][] = d.materials.map((m, n) => [
    center(String(n + 1)),
    m.name,
    center(m.required ? "必要" : "非必要"),
    center(m.form),
    center(copiesText(m.copies)),
    center(m.deferrable ? "可容缺" : "—"),
    { text: [m.source, m.note].filter(Boolean).join("；") || "", fontSize: 9 },
  ]);
  const body: Content[] = [
    {
      table: { widths: [80, "*", 80, "*"], body: basics },
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: 10.5,
      margin: [0, 4, 0, 6],
    },
    heading("一、受理条件"),
    { stack: i.conditions.map((c, n) => paragraph(`${n + 1}. ${c}`, false)), margin: [24, 0, 0, 0] },
    headedTable(
      "二、申请材料",
      ["序号", "材料名称", "必要性", "形式", "份数", "容缺", "来源及说明"],
      materials,
      [24, "*", 36, 40, 28, 40, 80],
    ),
    paragraph(
      "以上为办理本事项需提交的全部材料。标注“可容缺”的材料，申请人签署容缺受理承诺书后可先行受理、限期补交。" +
        "除上述材料外，窗口工作人员不得要求申请人提交其他材料。",
    ),
    heading("三、收费"),
    paragraph(
      d.fees.charged
        ? `收费。收费依据：${d.fees.basis ? clause(d.fees.basis) : "—"}；收费标准：${d.fees.standard ? clause(d.fees.standard) : "—"}。`
        : "不收费。",
    ),
    heading("四、办理地点和时间"),
    paragraph(`办理地点：${clause(d.place)}`),
    paragraph(`办理时间：${clause(d.hours)}`),
    heading("五、咨询和投诉"),
    paragraph(`咨询电话：${d.phones.consult}　　监督投诉电话：${d.phones.complaint}`),
    {
      text: `${d.org.name}　　${formatChineseDate(d.issuedOn)}编制`,
      alignment: "right",
      margin: [0, 16, 0, 0],
      fontSize: 10.5,
    },
  ];
  return noticeDocument({
    org: d.org,
    title: "一次性告知单",
    subtitle: i.name,
    issuedOn: d.issuedOn,
    verification: d.verification,
    subject: `办事指南一次性告知：${i.name}`,
    body,
    signature: false,
  });
}
