import { FileOutlined } from "@ant-design/icons";
import { Space, Tag, Typography } from "antd";
import { apiPath } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import type { CaseFile, CaseMaterial } from "../cases/types";

/** Where a material comes from: 共享数据 (shared data), 证照库 (certificate library), or the applicant. */
export function SourceTag({ m }: { m: Pick<CaseMaterial, "source" | "sourceLabel"> }) {
  const { t } = useI18n();
  if (m.source === "shared_data")
    return (
      <Tag color="geekblue" data-testid="source-shared">
        {m.sourceLabel ?? t("wb.source.shared")}
      </Tag>
    );
  if (m.source === "certificate")
    return (
      <Tag color="cyan" data-testid="source-certificate">
        {m.sourceLabel ?? t("wb.source.certificate")}
      </Tag>
    );
  return null;
}

/** Human-readable size of a file. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The files of a material, each opening in a new tab from `/api/cases/:id/files/:fileId` (the file
 * route the case API is to serve) with type, size and the first characters of its checksum.
 */
export function FileLinks({ caseId, files }: { caseId: string; files: CaseFile[] }) {
  const { t } = useI18n();
  if (!files.length) return <Typography.Text type="secondary">{t("wb.check.noFiles")}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {files.map((f) => (
        <Space key={f.id} size={4}>
          <FileOutlined />
          <a
            href={apiPath("/api/cases/{id}/files/{fileId}", { id: caseId, fileId: f.id })}
            target="_blank"
            rel="noreferrer"
            data-testid="file-link"
          >
            {f.fileName}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.sizeBytes)} · SHA-256 {f.sha256.slice(0, 8)}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
