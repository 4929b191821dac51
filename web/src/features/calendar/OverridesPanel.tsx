import { DeleteOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { ApiError } from "../../api/client";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import {
  type CalendarOverride,
  useCreateOverride,
  useDeleteOverride,
  useOrganizations,
  useOverrides,
} from "./api";

type FormValues = { org: string; date: Dayjs; kind: "closed" | "open"; reason: string };

/**
 * Local changes of an organization's calendar (本地调整): the list with delete, and a form to add a
 * closure (停止办公) or an opening on a rest day (加班办公). Server errors are shown on their field.
 */
export function OverridesPanel({ defaultOrg }: { defaultOrg: string | null }) {
  const { locale, t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const list = useOverrides();
  const orgs = useOrganizations();
  const create = useCreateOverride();
  const remove = useDeleteOverride();

  const onFinish = async (v: FormValues) => {
    try {
      await create.mutateAsync({
        org: v.org,
        date: v.date.format("YYYY-MM-DD"),
        kind: v.kind,
        reason: v.reason,
      });
      message.success(t("cal.ovr.added"));
      form.resetFields(["date", "reason"]);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const fields = err.fieldMessages(locale);
      const known = Object.keys(fields).filter((f) => ["org", "date", "kind", "reason"].includes(f));
      if (known.length > 0)
        form.setFields(known.map((f) => ({ name: f as keyof FormValues, errors: fields[f] })));
      else message.error(err.messageIn(locale) ?? err.message);
    }
  };
  const required = [{ required: true, message: t("cal.ovr.required") }];

  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="cal-overrides">
      <Typography.Text type="secondary">{t("cal.ovr.hint")}</Typography.Text>
      <Form<FormValues>
        form={form}
        layout="inline"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ org: defaultOrg ?? undefined, kind: "closed" }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="org" rules={required}>
          <Select
            aria-label={t("cal.ovr.org")}
            data-testid="cal-ovr-org"
            style={{ width: 240 }}
            placeholder={t("cal.ovr.org")}
            loading={orgs.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(orgs.data ?? []).map((o) => ({
              value: o.code,
              label: `${"　".repeat(o.depth)}${o.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="date" rules={required}>
          <DatePicker
            aria-label={t("cal.ovr.date")}
            data-testid="cal-ovr-date"
            placeholder={t("cal.ovr.date")}
          />
        </Form.Item>
        <Form.Item name="kind" rules={required}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "closed", label: t("cal.ovr.closed") },
              { value: "open", label: t("cal.ovr.open") },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" rules={required}>
          <Input
            data-testid="cal-ovr-reason"
            placeholder={t("cal.ovr.reason")}
            maxLength={200}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="cal-ovr-add">
            {t("cal.ovr.add")}
          </Button>
        </Form.Item>
      </Form>
      <Table<CalendarOverride>
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{
          emptyText: list.isError
            ? t("cal.loadError", { message: (list.error as Error).message })
            : t("cal.ovr.empty"),
        }}
        columns={[
          { title: t("cal.ovr.date"), dataIndex: "date", width: 120 },
          {
            title: t("cal.ovr.kind"),
            width: 110,
            render: (_, o) =>
              o.kind === "closed" ? (
                <Tag color="orange">{t("cal.ovr.closed")}</Tag>
              ) : (
                <Tag color="green">{t("cal.ovr.open")}</Tag>
              ),
          },
          { title: t("cal.ovr.org"), dataIndex: "orgName", render: zhCell },
          { title: t("cal.ovr.reason"), dataIndex: "reason" },
          {
            title: "",
            width: 80,
            render: (_, o) =>
              o.abilities.delete ? (
                <Popconfirm
                  title={t("cal.ovr.deleteConfirm")}
                  onConfirm={() =>
                    remove.mutateAsync(o.id).then(
                      () => message.success(t("cal.ovr.deleted")),
                      (e: Error) =>
                        message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : e.message),
                    )
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("cal.ovr.delete")} />
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
