import { FilePdfOutlined } from "@ant-design/icons";
import { Empty, List } from "antd";
import { useT } from "../../../i18n/useT";
import { documentPdfUrl } from "../api";
import type { CaseDocument } from "../types";

/** 文书: the case's notices and decisions, each downloadable as PDF. */
export function DocumentsTab({ caseId, documents }: { caseId: string; documents: CaseDocument[] }) {
  const t = useT();
  if (documents.length === 0) return <Empty description={t("document.empty")} data-testid="tab-documents" />;
  return (
    <List
      data-testid="tab-documents"
      dataSource={documents}
      renderItem={(d) => (
        <List.Item
          actions={[
            <a
              key="pdf"
              href={documentPdfUrl(caseId, d.id)}
              target="_blank"
              rel="noreferrer"
              data-testid="document-pdf"
            >
              <FilePdfOutlined /> {t("document.download")}
            </a>,
          ]}
        >
          <List.Item.Meta
            avatar={<FilePdfOutlined style={{ fontSize: 24, color: "#cf1322" }} />}
            title={d.title}
            description={`${t("document.number")} ${d.number} · ${t("document.issuedOn")} ${d.issuedOn}`}
          />
        </List.Item>
      )}
    />
  );
}
