import { FilePdfOutlined } from "@ant-design/icons";
import { Empty } from "antd";
import { useT } from "../../../i18n/useT";
import { documentPdfUrl } from "../api";
import { RowList } from "../RowList";
import type { CaseDocument } from "../types";

/** 文书: the case's notices and decisions, each downloadable as PDF. */
export function DocumentsTab({ caseId, documents }: { caseId: string; documents: CaseDocument[] }) {
  const t = useT();
  if (documents.length === 0) return <Empty description={t("document.empty")} data-testid="tab-documents" />;
  return (
    <RowList
      testId="tab-documents"
      rows={documents.map((d) => ({
        key: d.id,
        icon: <FilePdfOutlined style={{ fontSize: 24, color: "#cf1322" }} />,
        title: d.title,
        description: `${t("document.number")} ${d.number} · ${t("document.issuedOn")} ${d.issuedOn}`,
        actions: (
          <a href={documentPdfUrl(caseId, d.id)} target="_blank" rel="noreferrer" data-testid="document-pdf">
            <FilePdfOutlined /> {t("document.download")}
          </a>
        ),
      }))}
    />
  );
}
