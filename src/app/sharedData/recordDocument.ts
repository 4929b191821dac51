import type { TableCell } from "pdfmake/interfaces";
import { renderPdf } from "../../adapters/pdf/render";

/**
 * A record document (共享数据核验单) for shared data that came as fields only: dataset, provider,
 * subject, fields, validity and the time it was fetched, so the case file holds what the clerk saw.
 */
export async function renderSharedRecord(d: {
  datasetName: string;
  providerName: string;
  subjectName: string;
  subjectCode: string;
  fields: Record<string, string>;
  validUntil: string | null;
  fetchedAtLabel: string;
  fetchedAt: Date;
}): Promise<Buffer> {
  const label = (text: string): TableCell => ({ text, bold: true, fillColor: "#f4f4f4" });
  const rows: TableCell[][] = [
    [label("数据项目"), d.datasetName],
    [label("提供部门"), d.providerName],
    [label("主体名称"), d.subjectName],
    [label("主体代码"), d.subjectCode],
    ...Object.entries(d.fields).map(([k, v]): TableCell[] => [label(k), v]),
    [label("有效期至"), d.validUntil ?? "长期"],
    [label("获取时间"), d.fetchedAtLabel],
  ];
  return renderPdf({
    info: {
      title: `${d.datasetName}（共享数据核验单）`,
      author: "一站 Yizhan",
      subject: d.datasetName,
      creationDate: d.fetchedAt,
    },
    content: [
      { text: `${d.datasetName}（共享数据核验单）`, fontSize: 16, bold: true, alignment: "center" },
      { text: " " },
      { table: { widths: [120, "*"], body: rows } },
      { text: " " },
      { text: "本核验单由一站平台依申请人授权通过共享数据接口生成，与提供部门登记信息一致。", fontSize: 9 },
    ],
  });
}
