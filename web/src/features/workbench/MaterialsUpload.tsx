import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Space, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { uploadMaterialFile } from "../cases/api";
import type { CaseDetail, CaseMaterial } from "../cases/types";
import { SourceTag } from "./MaterialBits";

type Props = { c: CaseDetail; onUploaded: (c: CaseDetail) => void };

/** The case's materials with an upload per applicant-supplied material (documents scanned at the counter). */
export function MaterialsUpload({ c, onUploaded }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const upload = async (m: CaseMaterial, file: File) => {
    setBusy(m.code);
    try {
      onUploaded((await uploadMaterialFile(c.id, m.code, file)).case);
      message.success(t("wb.intake.uploaded", { name: m.name }));
    } catch (e) {
      message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.code) : t("error.generic"));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="intake-materials" style={{ border: "1px solid rgba(5, 5, 5, 0.06)", borderRadius: 8 }}>
      {c.materials.map((m) => (
        <div
          key={m.code}
          data-testid={`intake-material-${m.code}`}
          style={{
            display: "flex",
            justifyContent: "space-between",
            alignItems: "center",
            gap: 16,
            padding: "12px 16px",
            borderBottom: "1px solid rgba(5, 5, 5, 0.06)",
          }}
        >
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Typography.Text strong>{m.name}</Typography.Text>
              {m.required ? (
                <Tag color="red">{t("wb.material.required")}</Tag>
              ) : (
                <Tag>{t("wb.material.optional")}</Tag>
              )}
              <SourceTag m={m} />
            </Space>
            <Typography.Text type="secondary">
              {m.files.length
                ? m.files.map((f) => f.fileName).join("、")
                : m.source === "upload"
                  ? t("wb.intake.notUploaded")
                  : t("wb.intake.noUploadNeeded")}
            </Typography.Text>
          </Space>
          {m.source === "upload" ? (
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.ofd"
              customRequest={({ file }) => void upload(m, file as File)}
            >
              <Button icon={<UploadOutlined />} loading={busy === m.code} data-testid={`upload-${m.code}`}>
                {m.files.length ? t("wb.intake.uploadMore") : t("wb.intake.upload")}
              </Button>
            </Upload>
          ) : null}
        </div>
      ))}
    </div>
  );
}
