import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Input, Space, Table, Tag, Typography, Upload } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { decodeTextBytes } from "../../../../src/shared/textDecoding";
import { ApiError } from "../../api/client";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import {
  type ArrangementDay,
  type ArrangementError,
  type ArrangementInput,
  type ArrangementPreview,
  useImportArrangement,
  usePreviewArrangement,
} from "./api";
import { NoticeSources } from "./NoticeSources";

/** Text or JSON, as the server expects it (a .json file or text starting with '{' is JSON). */
function toInput(text: string, fileName: string | null): ArrangementInput {
  if (fileName?.endsWith(".json") || text.trimStart().startsWith("{")) {
    try {
      return { json: JSON.parse(text) };
    } catch {
      return { text };
    }
  }
  return { text };
}

/**
 * Import of a year's arrangement (国务院节假日安排通知): paste or upload → Preview (days, errors with
 * line numbers, difference from the known arrangement) → Save.
 */
export function ImportPanel() {
  const { locale, t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<ArrangementPreview | null>(null);
  const [replace, setReplace] = useState(false);
  const previewing = usePreviewArrangement();
  const saving = useImportArrangement();
  const failure = (previewing.error ?? saving.error) as Error | null;

  const onPreview = async () => {
    setPreview(null);
    setReplace(false);
    saving.reset();
    setPreview(await previewing.mutateAsync(toInput(text, fileName)));
  };
  const onSave = async () => {
    const res = await saving.mutateAsync({ ...toInput(text, fileName), replace });
    message.success(t("cal.import.saved", { year: res.year, count: res.days }));
    setPreview(null);
    setText("");
    setFileName(null);
  };
  const errorText = (e: ArrangementError) => (locale === "zh-CN" ? e.zh : e.en);

  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="cal-import">
      <Typography.Text type="secondary">{t("cal.import.hint")}</Typography.Text>
      <Input.TextArea
        aria-label={t("cal.import.title")}
        data-testid="cal-import-text"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPreview(null);
        }}
        placeholder={t("cal.import.placeholder")}
        autoSize={{ minRows: 6, maxRows: 16 }}
        style={{ fontFamily: "monospace" }}
      />
      <Space wrap>
        <Upload
          accept=".txt,.json,text/plain,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            // A notice saved on Chinese Windows is often GBK: decode UTF-8 or GB18030, never mojibake.
            file
              .arrayBuffer()
              .then((buf) => {
                const decoded = decodeTextBytes(new Uint8Array(buf));
                if (!decoded) throw new Error("encoding");
                const content = decoded.text;
                setText(content);
                setFileName(file.name);
                setPreview(null);
              })
              .catch(() => message.error(t("cal.import.fileError")));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="cal-import-upload">
            {t("cal.import.upload")}
          </Button>
        </Upload>
        <Button
          type="primary"
          data-testid="cal-import-preview"
          disabled={text.trim() === ""}
          loading={previewing.isPending}
          onClick={() => void onPreview().catch(() => undefined)}
        >
          {t("cal.import.preview")}
        </Button>
        {text.trim() === "" && <Typography.Text type="secondary">{t("cal.import.empty")}</Typography.Text>}
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          data-testid="cal-import-failure"
          title={
            failure instanceof ApiError ? (failure.messageIn(locale) ?? failure.message) : failure.message
          }
        />
      )}
      {preview && !preview.ok && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="cal-import-errors"
            title={t("cal.import.errors", { count: preview.errors.length })}
          />
          <Table<ArrangementError>
            size="small"
            rowKey={(e) => `${e.line}-${e.code}-${e.zh}`}
            dataSource={preview.errors}
            pagination={false}
            columns={[
              {
                title: t("cal.import.line"),
                dataIndex: "line",
                width: 80,
                render: (l: number, e) => (l > 0 ? l : e.path),
              },
              { title: t("cal.import.message"), render: (_, e) => errorText(e) },
            ]}
          />
          <NoticeSources preview={preview} />
        </>
      )}
      {preview?.ok && preview.year !== null && (
        <Space orientation="vertical" style={{ width: "100%" }} data-testid="cal-import-result">
          <Alert
            type={preview.requiresReplace ? "warning" : "success"}
            showIcon
            title={t("cal.import.ok", { year: preview.year, count: preview.days.length })}
            description={
              <>
                <div data-testid="cal-import-format">
                  {t(`cal.import.format.${preview.format}`)}
                  {preview.docNo ? `（${preview.docNo}）` : ""}
                </div>
                <div>{preview.title}</div>
                <div>
                  {t("cal.import.diff", {
                    added: preview.diff.added.length,
                    removed: preview.diff.removed.length,
                    changed: preview.diff.changed.length,
                  })}
                </div>
                {preview.existing && (
                  <div>
                    {preview.existing.source === "seed"
                      ? t("cal.import.existingSeed", { year: preview.year })
                      : t("cal.import.existingImported", {
                          year: preview.year,
                          at: formatDateTime(preview.existing.importedAt),
                        })}
                  </div>
                )}
              </>
            }
          />
          <NoticeSources preview={preview} />
          <Table<ArrangementDay>
            size="small"
            rowKey="date"
            data-testid="cal-import-days"
            dataSource={preview.days}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            columns={[
              { title: t("cal.import.date"), dataIndex: "date", width: 130 },
              { title: t("cal.import.weekday"), width: 90, render: (_, d) => dayjs(d.date).format("ddd") },
              {
                title: t("cal.import.kind"),
                width: 80,
                render: (_, d) =>
                  d.kind === "rest" ? (
                    <Tag color="red">{t("cal.import.rest")}</Tag>
                  ) : (
                    <Tag color="geekblue">{t("cal.import.work")}</Tag>
                  ),
              },
              { title: t("cal.import.name"), dataIndex: "name", render: zhCell },
            ]}
          />
          <Space>
            {preview.requiresReplace && (
              <Checkbox
                checked={replace}
                onChange={(e) => setReplace(e.target.checked)}
                data-testid="cal-import-replace"
              >
                {t("cal.import.replace", { year: preview.year })}
              </Checkbox>
            )}
            <Button
              type="primary"
              data-testid="cal-import-save"
              disabled={preview.requiresReplace && !replace}
              loading={saving.isPending}
              onClick={() => void onSave().catch(() => undefined)}
            >
              {t("cal.import.save")}
            </Button>
          </Space>
        </Space>
      )}
    </Space>
  );
}
