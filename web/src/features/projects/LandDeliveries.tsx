import { Alert, Button, Card, DatePicker, Form, Input, Space, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { ApiError } from "../../api/ApiError";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { applyServerErrors } from "../cases/actions/serverErrors";
import { formatDateTime } from "../cases/labels";
import { type Project, useRecordDelivery } from "./api";

const DELIVERY_FIELDS = ["confirmationNo", "deliveredAt", "deliveredBy", "deliveredTo", "landContractNo"];

type Values = {
  confirmationNo: string;
  deliveredAt: Dayjs;
  deliveredBy: string;
  deliveredTo: string;
  landContractNo?: string;
  note?: string;
};

/**
 * Land deliveries (交地确认书) of the project and, for the window and the helper, the form that records
 * one: the trigger of 交地即交证 — the bundle is filed with the pre-checked materials at once, unless
 * the project has already filed its items (then the answer says so and nothing is filed twice).
 */
export function LandDeliveries({ project: p }: { project: Project }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const m = useRecordDelivery(p.id);
  const latestContract = p.landContracts.at(-1)?.number ?? p.parcel.contractNo ?? undefined;
  const onFinish = (v: Values) =>
    m.mutate(
      {
        confirmationNo: v.confirmationNo.trim(),
        deliveredAt: v.deliveredAt.toDate().toISOString(),
        deliveredBy: v.deliveredBy,
        deliveredTo: v.deliveredTo,
        ...(v.landContractNo ? { landContractNo: v.landContractNo.trim() } : {}),
        note: v.note ?? "",
      },
      {
        // Field problems go on their fields; the general message shows above the form (m.error).
        onError: (e) => applyServerErrors(form, e, locale, DELIVERY_FIELDS, ""),
      },
    );
  const result = m.data;
  return (
    <Card title={t("prj.delivery.title")} data-testid="project-deliveries">
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.landDeliveries}
          locale={{ emptyText: t("prj.delivery.none") }}
          columns={[
            { title: t("prj.delivery.confirmationNo"), dataIndex: "confirmationNo" },
            {
              title: t("prj.delivery.deliveredAt"),
              dataIndex: "deliveredAt",
              render: (v: string) => formatDateTime(v),
            },
            { title: t("prj.delivery.deliveredBy"), dataIndex: "deliveredBy" },
            { title: t("prj.delivery.deliveredTo"), dataIndex: "deliveredTo" },
            { title: t("prj.delivery.contractNo"), dataIndex: "landContractNo", render: (v) => v ?? "—" },
            {
              title: t("prj.delivery.source"),
              dataIndex: "source",
              render: (v: string) => <Tag>{t(`prj.source.${v}` as MessageKey) ?? v}</Tag>,
            },
            {
              title: t("prj.delivery.bundle"),
              dataIndex: "bundleId",
              render: (v: string | null) => {
                if (v) return <Tag color="green">{t("prj.delivery.filed")}</Tag>;
                // The items were filed already by the other bundle (拿地即办证): not filed twice.
                const other = p.bundles.find((b) => !b.landDelivery);
                return other ? (
                  <Tag color="gold">{t("prj.delivery.filedBy", { template: other.template.name })}</Tag>
                ) : (
                  <Tag>{t("prj.delivery.notFiled")}</Tag>
                );
              },
            },
          ]}
        />
        {result?.bundle && (
          <Alert
            type="success"
            showIcon
            data-testid="delivery-filed"
            title={t("prj.delivery.recorded", { template: result.bundle.template.name })}
          />
        )}
        {result?.notFiled && (
          <Alert
            type="info"
            showIcon
            data-testid="delivery-not-filed"
            title={result.notFiled.message[locale]}
          />
        )}
        {m.error instanceof ApiError && (
          <Alert type="error" showIcon data-testid="delivery-error" title={m.error.messageIn(locale)} />
        )}
        {p.abilities.recordLandDelivery && (
          <Card type="inner" title={t("prj.delivery.formTitle")} data-testid="delivery-form">
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              initialValues={{
                deliveredAt: dayjs(),
                deliveredBy: p.org.name,
                deliveredTo: p.enterprise.name,
                landContractNo: latestContract,
              }}
            >
              <Space wrap align="start">
                <Form.Item
                  name="confirmationNo"
                  label={t("prj.delivery.confirmationNo")}
                  rules={[{ required: true, whitespace: true, message: t("prj.required") }]}
                >
                  <Input data-testid="delivery-number" style={{ width: 220 }} />
                </Form.Item>
                <Form.Item
                  name="deliveredAt"
                  label={t("prj.delivery.deliveredAt")}
                  rules={[{ required: true, message: t("prj.required") }]}
                >
                  <DatePicker
                    showTime={{ format: "HH:mm" }}
                    format="YYYY-MM-DD HH:mm"
                    data-testid="delivery-at"
                  />
                </Form.Item>
                <Form.Item
                  name="landContractNo"
                  label={t("prj.delivery.contractNo")}
                  rules={[{ required: true, whitespace: true, message: t("prj.required") }]}
                >
                  <Input data-testid="delivery-contract" style={{ width: 220 }} />
                </Form.Item>
              </Space>
              <Space wrap align="start">
                <Form.Item
                  name="deliveredBy"
                  label={t("prj.delivery.deliveredBy")}
                  rules={[{ required: true, whitespace: true, message: t("prj.required") }]}
                >
                  <Input data-testid="delivery-by" style={{ width: 280 }} />
                </Form.Item>
                <Form.Item
                  name="deliveredTo"
                  label={t("prj.delivery.deliveredTo")}
                  rules={[{ required: true, whitespace: true, message: t("prj.required") }]}
                >
                  <Input data-testid="delivery-to" style={{ width: 280 }} />
                </Form.Item>
              </Space>
              <Form.Item name="note" label={t("prj.delivery.note")}>
                <Input.TextArea rows={2} data-testid="delivery-note" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="delivery-submit">
                {t("prj.delivery.submit")}
              </Button>
            </Form>
          </Card>
        )}
      </Space>
    </Card>
  );
}
