import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { useItemList } from "../guide/api";
import { type TEvaluationSettings, useEvaluationSettings, useUpdateEvaluationSettings } from "./api";

type Values = { callbackWorkingDays: number; rectifyWorkingDays: number; acceptanceItemCodes: string[] };

function OrgSettings({ s, items }: { s: TEvaluationSettings; items: { value: string; label: string }[] }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateEvaluationSettings();
  return (
    <Card
      size="small"
      title={
        <Space>
          {s.orgName}
          {!s.own && <Tag>{t("rect.settings.inherited")}</Tag>}
        </Space>
      }
      data-testid={`settings-${s.orgCode}`}
    >
      <Form<Values>
        form={form}
        layout="inline"
        style={{ rowGap: 12 }}
        initialValues={{
          callbackWorkingDays: s.callbackWorkingDays,
          rectifyWorkingDays: s.rectifyWorkingDays,
          acceptanceItemCodes: s.acceptanceItemCodes,
        }}
        onFinish={(v) =>
          save.mutate(
            { orgId: s.orgId, body: { ...v, acceptanceItemCodes: v.acceptanceItemCodes ?? [] } },
            {
              onSuccess: () => message.success(t("rect.saved")),
              onError: (e) => {
                if (e instanceof ApiError)
                  form.setFields(
                    Object.entries(e.fieldMessages(locale)).map(([name, errors]) => ({
                      name: name.split(".")[0] as keyof Values,
                      errors,
                    })),
                  );
              },
            },
          )
        }
      >
        <Form.Item
          name="callbackWorkingDays"
          label={t("rect.settings.callback")}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={10} />
        </Form.Item>
        <Form.Item name="rectifyWorkingDays" label={t("rect.settings.rectify")} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="acceptanceItemCodes" label={t("rect.settings.acceptance")} style={{ minWidth: 320 }}>
          <Select mode="multiple" options={items} allowClear style={{ minWidth: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("rect.settings.save")}
          </Button>
        </Form.Item>
      </Form>
      {save.error && !(save.error instanceof ApiError && save.error.errors.length) && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} title={String(save.error.message)} />
      )}
    </Card>
  );
}

/** The rectification clock and the items invited at acceptance, per organization the supervisor manages. */
export function SettingsTab() {
  const { t } = useI18n();
  const q = useEvaluationSettings();
  const catalog = useItemList({ pageSize: 100 });
  const items = (catalog.data?.items ?? []).map((i) => ({ value: i.code, label: i.name }));
  if (q.isLoading) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title={t("error.generic")} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("rect.settings.hint")}</Typography.Paragraph>
      {(q.data?.items ?? []).length === 0 && <Empty />}
      {(q.data?.items ?? []).map((s) => (
        <OrgSettings key={s.orgId} s={s} items={items} />
      ))}
    </Space>
  );
}
