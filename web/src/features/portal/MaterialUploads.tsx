import { CheckCircleFilled, FileOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Progress, Space, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { useUploadMaterial } from "../cases/api";
import { useItemForm } from "../cases/itemForm";
import { formatBytes, MATERIAL_STATUS_COLOR, materialSourceKey, materialStatusKey } from "../cases/labels";
import { RowList } from "../cases/RowList";
import type { CaseDetail, CaseMaterial } from "../cases/types";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.ofd";

type Props = {
  caseData: CaseDetail;
  /** Only these materials (the correction notice's); all of the case's otherwise. */
  codes?: readonly string[];
  /** Server problems per material code (from a 422 on submit). */
  errors?: Record<string, string[]>;
};

/** Uploads a file per material, with progress; shared-data and certificate materials need none. */
export function MaterialUploads({ caseData, codes, errors = {} }: Props) {
  const { t, locale } = useI18n();
  const upload = useUploadMaterial(caseData.id);
  const item = useItemForm(caseData.itemCode);
  // 容缺: a secondary material the item lets be deferred may be left out at submission.
  const deferrable = new Set(
    (item.data?.materials ?? []).filter((m) => m.mayBeDeferred && !m.key).map((m) => m.code),
  );
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [failed, setFailed] = useState<Record<string, string>>({});
  const list = caseData.materials.filter((m) => !codes || codes.includes(m.code));

  const send = async (m: CaseMaterial, file: File) => {
    setFailed((f) => ({ ...f, [m.code]: "" }));
    setProgress((p) => ({ ...p, [m.code]: 0 }));
    try {
      await upload.mutateAsync({
        materialCode: m.code,
        file,
        onProgress: (n) => setProgress((p) => ({ ...p, [m.code]: n })),
      });
    } catch (err) {
      const text = err instanceof ApiError ? (err.messageIn(locale) ?? err.code) : String(err);
      setFailed((f) => ({ ...f, [m.code]: text }));
    } finally {
      setProgress((p) => {
        const { [m.code]: _, ...rest } = p;
        return rest;
      });
    }
  };

  return (
    <RowList
      testId="material-uploads"
      rows={list.map((m) => {
        const problems = [...(errors[m.code] ?? []), ...(failed[m.code] ? [failed[m.code] as string] : [])];
        const busy = m.code in progress;
        const status = m.status === "pending" && m.files.length > 0 ? "provided" : m.status;
        return {
          key: m.code,
          testId: `material-${m.code}`,
          title: (
            <Space wrap size={4}>
              {m.files.length > 0 && <CheckCircleFilled style={{ color: "#52c41a" }} />}
              <span>{m.name}</span>
              <Tag color={m.required ? "red" : "default"}>
                {t(m.required ? "material.required" : "material.optional")}
              </Tag>
              <Tag>{t(materialSourceKey(m.source))}</Tag>
              <Tag color={MATERIAL_STATUS_COLOR[status] ?? "default"}>{t(materialStatusKey(status))}</Tag>
              {deferrable.has(m.code) && m.files.length === 0 && caseData.status === "draft" ? (
                <Tag color="purple" data-testid={`deferrable-${m.code}`}>
                  {t("deferred.mayLeaveOut")}
                </Tag>
              ) : null}
            </Space>
          ),
          description: (
            <Space orientation="vertical" size={2} style={{ width: "100%" }}>
              {m.note && <Typography.Text type="warning">{m.note}</Typography.Text>}
              {m.files.map((f) => (
                <Typography.Text
                  key={f.id}
                  type="secondary"
                  style={{ fontSize: 12 }}
                  data-testid="uploaded-file"
                >
                  <FileOutlined /> {f.fileName} · {formatBytes(f.sizeBytes)} · sha256 {f.sha256.slice(0, 12)}
                </Typography.Text>
              ))}
              {busy && <Progress percent={progress[m.code]} size="small" style={{ maxWidth: 320 }} />}
              {problems.map((p) => (
                <Typography.Text key={p} type="danger" data-testid={`material-error-${m.code}`}>
                  {p}
                </Typography.Text>
              ))}
            </Space>
          ),
          actions:
            m.source === "upload" ? (
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                disabled={busy || !caseData.abilities.uploadMaterial}
                customRequest={({ file }) => void send(m, file as File)}
                data-testid={`upload-${m.code}`}
              >
                <Button icon={<UploadOutlined />} loading={busy}>
                  {t(m.files.length ? "portal.uploadAnother" : "portal.upload")}
                </Button>
              </Upload>
            ) : (
              <Tag color="blue">{t("portal.noUploadNeeded")}</Tag>
            ),
        };
      })}
    />
  );
}
