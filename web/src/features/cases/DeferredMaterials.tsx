import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { FileLinks } from "../workbench/MaterialBits";
import { useCheckDeferred, useDeliverDeferred } from "./deferredApi";
import { officeToday } from "./labels";
import { RowList } from "./RowList";
import type { CaseDetail, CaseMaterial } from "./types";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.tif,.tiff,.webp,.ofd";
const STATUS_COLOR: Record<string, string> = {
  deferred: "purple",
  provided: "blue",
  defective: "red",
  pass: "green",
};

/**
 * 容缺材料: the materials deferred at acceptance — what is still owed and by when, what was delivered —
 * with the applicant's (or the window's) delivery and the window's check. Shown to whoever reads the
 * case (the applicant's own view, the window, the approver) when the case has deferred materials.
 */
export function DeferredMaterials({ caseData: c }: { caseData: CaseDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const deliver = useDeliverDeferred(c.id);
  const check = useCheckDeferred(c.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [defective, setDefective] = useState<CaseMaterial | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const rows = c.materials.filter((m) => m.deferredDueOn);
  if (rows.length === 0) return null;
  const today = officeToday();
  const owed = c.owedMaterials ?? null;
  const fail = (e: unknown) =>
    setProblem(e instanceof ApiError ? (e.messageIn(locale) ?? e.code) : t("error.generic"));

  const send = async (m: CaseMaterial, file: File) => {
    setProblem(null);
    try {
      await deliver.mutateAsync({ code: m.code, file });
      void message.success(t("deferred.delivered", { name: m.name }));
    } catch (e) {
      fail(e);
    }
  };
  const verdict = async (m: CaseMaterial, v: "pass" | "defective", note?: string) => {
    setProblem(null);
    try {
      await check.mutateAsync({ code: m.code, version: c.version, verdict: v, note });
      void message.success(t("deferred.checked", { name: m.name }));
      return true;
    } catch (e) {
      if (e instanceof ApiError && v === "defective" && e.field === "note") {
        form.setFields([{ name: "note", errors: [e.messageIn(locale) ?? e.code] }]);
        return false;
      }
      fail(e);
      return true;
    }
  };

  const overdue = owed !== null && owed.nextDueOn < today;
  return (
    <Card size="small" title={t("deferred.title")} data-testid="deferred-materials">
      <Space orientation="vertical" style={{ width: "100%" }}>
        {owed ? (
          <Alert
            type={overdue ? "error" : "warning"}
            showIcon
            data-testid="deferred-owed"
            data-count={owed.count}
            title={
              overdue
                ? t("deferred.owedOverdue", { date: owed.nextDueOn })
                : t("deferred.owed", { count: owed.count, date: owed.nextDueOn })
            }
            description={owed.delivered ? t("deferred.awaitingCheck", { n: owed.delivered }) : undefined}
          />
        ) : (
          <Alert type="success" showIcon title={t("deferred.allDone")} data-testid="deferred-done" />
        )}
        {problem ? (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setProblem(null) }}
            title={problem}
            data-testid="deferred-error"
          />
        ) : null}
        <RowList
          testId="deferred-list"
          rows={rows.map((m) => {
            const isOwed = m.status !== "pass";
            const late = isOwed && (m.deferredDueOn ?? "") < today;
            const condition = m.issueFirstCondition;
            const canDeliver = isOwed && c.abilities.deliverDeferred === true;
            const canCheck = m.status === "provided" && c.abilities.checkDeferred === true;
            return {
              key: m.code,
              testId: `deferred-${m.code}`,
              title: (
                <Space wrap size={4}>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <Tag
                    color={STATUS_COLOR[m.status] ?? "default"}
                    data-testid={`deferred-status-${m.code}`}
                    data-status={m.status}
                  >
                    {t(`deferred.status.${m.status}` as MessageKey)}
                  </Tag>
                  <Tag color={late ? "red" : "default"}>
                    {t("deferred.due", { date: m.deferredDueOn ?? "" })}
                    {late ? ` · ${t("deferred.overdue")}` : ""}
                  </Tag>
                </Space>
              ),
              description: (
                <Space orientation="vertical" size={2}>
                  {m.status === "defective" && m.note ? (
                    <Typography.Text type="danger">{m.note}</Typography.Text>
                  ) : null}
                  {m.files.length ? <FileLinks caseId={c.id} files={m.files} /> : null}
                  {m.commitmentSigned ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("deferred.commitment")}
                    </Typography.Text>
                  ) : null}
                  {isOwed ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {condition ? t("deferred.issueFirst", { condition }) : t("deferred.blocking")}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
              actions:
                canDeliver || canCheck ? (
                  <Space wrap>
                    {canDeliver ? (
                      <Upload
                        accept={ACCEPT}
                        showUploadList={false}
                        disabled={deliver.isPending}
                        customRequest={({ file }) => void send(m, file as File)}
                      >
                        <Button
                          data-testid={`deferred-upload-${m.code}`}
                          icon={<UploadOutlined />}
                          loading={deliver.isPending && deliver.variables?.code === m.code}
                        >
                          {t(m.status === "provided" ? "deferred.uploadAgain" : "deferred.upload")}
                        </Button>
                      </Upload>
                    ) : null}
                    {canCheck ? (
                      <>
                        <Popconfirm
                          title={t("deferred.passConfirm", { name: m.name })}
                          okText={t("action.confirm")}
                          cancelText={t("action.cancel")}
                          onConfirm={() => verdict(m, "pass")}
                          okButtonProps={{ "data-testid": "deferred-pass-ok" } as Record<string, string>}
                        >
                          <Button
                            type="primary"
                            data-testid={`deferred-pass-${m.code}`}
                            loading={check.isPending}
                          >
                            {t("deferred.pass")}
                          </Button>
                        </Popconfirm>
                        <Button
                          danger
                          onClick={() => setDefective(m)}
                          data-testid={`deferred-defective-${m.code}`}
                        >
                          {t("deferred.defective")}
                        </Button>
                      </>
                    ) : null}
                  </Space>
                ) : undefined,
            };
          })}
        />
      </Space>
      <Modal
        open={defective !== null}
        title={defective ? t("deferred.defectiveTitle", { name: defective.name }) : ""}
        okText={t("action.confirm")}
        cancelText={t("action.cancel")}
        okButtonProps={
          { danger: true, loading: check.isPending, "data-testid": "deferred-defective-ok" } as never
        }
        onCancel={() => setDefective(null)}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v || !defective) return;
          if (await verdict(defective, "defective", v.note.trim())) {
            setDefective(null);
            form.resetFields();
          }
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={t("deferred.defectiveNote")}
            rules={[{ required: true, whitespace: true, message: t("deferred.noteRequired") }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="deferred-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
