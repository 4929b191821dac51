import {
  Alert,
  Button,
  Drawer,
  Form,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import {
  type SettingsInput,
  type TSupervisionSettings,
  useSupervisionSettings,
  useUpdateSupervisionSettings,
} from "./api";

type ThresholdKey = keyof TSupervisionSettings["thresholds"];

/** The thresholds in the order the panel shows them, with their unit. */
const FIELDS: { key: ThresholdKey; unit: "days" | "chars" | "times" | "percent" | "count" }[] = [
  { key: "correctionWithinWorkingDays", unit: "days" },
  { key: "correctionRounds", unit: "times" },
  { key: "referralIdleWorkingDays", unit: "days" },
  { key: "inquiryWorkingDays", unit: "days" },
  { key: "taskIdleWorkingDays", unit: "days" },
  { key: "denialReasonMinChars", unit: "chars" },
  { key: "pingPongReturns", unit: "times" },
  { key: "extensionReasonMinChars", unit: "chars" },
  { key: "lastDaySharePercent", unit: "percent" },
  { key: "lastDayMinDecisions", unit: "count" },
];

/**
 * The thresholds of the supervision rules for one organization of the supervisor's tree (they apply to
 * its cases and those below it without their own), and each rule's response days.
 */
export function SettingsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const q = useSupervisionSettings(orgId, open);
  const save = useUpdateSupervisionSettings();
  const [form] = Form.useForm();
  const s = q.data;
  useEffect(() => {
    if (!s) return;
    form.setFieldsValue({
      ...s.thresholds,
      respond: Object.fromEntries(s.rules.map((r) => [r.rule, r.respondWorkingDays])),
    });
  }, [s, form]);

  const submit = (v: Record<string, unknown> & { respond: Record<string, number> }) => {
    if (!s) return;
    const respondWorkingDays = Object.fromEntries(
      s.rules
        .filter((r) => v.respond[r.rule] !== r.defaultRespondWorkingDays)
        .map((r) => [r.rule, v.respond[r.rule]]),
    );
    const body = {
      ...Object.fromEntries(FIELDS.map((f) => [f.key, v[f.key]])),
      respondWorkingDays,
      expectedVersion: s.version,
    } as SettingsInput;
    save.mutate({ orgId: s.org.id, body });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t("alerts.settings")}
      size="large"
      destroyOnHidden
      data-testid="alert-settings"
    >
      {q.isError ? (
        <Alert
          type="error"
          showIcon
          title={q.error instanceof ApiError ? q.error.messageIn(locale) : t("alerts.loadError")}
        />
      ) : !s ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label={t("alerts.settings.org")}>
            <Select
              value={s.org.id}
              onChange={(v) => {
                save.reset();
                setOrgId(v);
              }}
              options={s.organizations.map((o) => ({ value: o.id, label: o.name }))}
              data-testid="alert-settings-org"
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            {s.own
              ? t("alerts.settings.own")
              : s.inheritedFrom
                ? t("alerts.settings.inherited", { name: s.inheritedFrom.name })
                : t("alerts.settings.defaults")}
          </Typography.Paragraph>
          <Space wrap size={[16, 0]}>
            {FIELDS.map((f) => (
              <Form.Item
                key={f.key}
                name={f.key}
                label={t(`alerts.th.${f.key}`)}
                extra={t("alerts.settings.default", { n: s.defaults[f.key] })}
                rules={[{ required: true }]}
                style={{ width: 300 }}
              >
                <InputNumber
                  min={s.limits[f.key]?.min}
                  max={s.limits[f.key]?.max}
                  precision={0}
                  suffix={t(`alerts.unit.${f.unit}`)}
                  style={{ width: "100%" }}
                  data-testid={`alert-th-${f.key}`}
                />
              </Form.Item>
            ))}
          </Space>
          <Typography.Title level={5}>{t("alerts.settings.respond")}</Typography.Title>
          <Table
            rowKey="rule"
            size="small"
            pagination={false}
            dataSource={s.rules}
            columns={[
              {
                title: t("alerts.rule"),
                key: "rule",
                render: (_, r) => (
                  <Space size={4} wrap>
                    <Tag>{t(`alerts.cat.${r.category}`)}</Tag>
                    {r.ruleName[locale]}
                  </Space>
                ),
              },
              {
                title: t("alerts.settings.evaluated"),
                key: "evaluated",
                width: 120,
                render: (_, r) => t(`alerts.evaluated.${r.evaluated}`),
              },
              {
                title: t("alerts.settings.respondDays"),
                key: "days",
                width: 150,
                render: (_, r) => (
                  <Form.Item name={["respond", r.rule]} noStyle rules={[{ required: true }]}>
                    <InputNumber
                      min={s.limits.respondWorkingDays?.min}
                      max={s.limits.respondWorkingDays?.max}
                      precision={0}
                      size="small"
                      aria-label={`${r.ruleName[locale]} ${t("alerts.settings.respondDays")}`}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
          {save.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={save.error instanceof ApiError ? save.error.messageIn(locale) : String(save.error)}
            />
          )}
          {save.isSuccess && (
            <Alert type="success" showIcon style={{ marginTop: 12 }} title={t("alerts.settings.saved")} />
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            style={{ marginTop: 12 }}
            data-testid="alert-settings-save"
          >
            {t("alerts.settings.save")}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
