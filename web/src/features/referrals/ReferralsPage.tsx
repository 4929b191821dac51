import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { ApplicantPicker } from "../workbench/ApplicantPicker";
import { type ApplicantHit, useReferralTargets } from "../workbench/api";
import { type Referral, useReferableItems, useRegisterReferral, useWindowReferrals } from "./api";

const STATUS_COLOR: Record<Referral["status"], string> = {
  sent: "default",
  received: "blue",
  in_progress: "orange",
  done: "green",
};

/**
 * 转办 at the window (不推): a matter the bureau does not handle — 设施农业用地备案 has been filed with the
 * township governments since 2020 — is registered with the applicant's details and referred to the
 * township, then followed here until the township reports it done.
 */
export default function ReferralsPage() {
  const { t, locale } = useI18n();
  const list = useWindowReferrals();
  const [open, setOpen] = useState(false);
  return (
    <Card data-testid="page-referrals">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t("wb.ref.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("wb.ref.subtitle")}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="ref-new">
          {t("wb.ref.new")}
        </Button>
      </Space>
      {list.error ? (
        <Alert
          type="error"
          showIcon
          title={list.error instanceof ApiError ? list.error.messageIn(locale) : t("error.generic")}
        />
      ) : (
        <Table<Referral>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: <Empty description={t("wb.ref.empty")} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (r) => (
              <Timeline
                items={r.progress.map((p) => ({
                  content: `${formatDateTime(p.at)} ${t(`wb.ref.status.${p.status as Referral["status"]}`)} · ${p.actorName}${p.note ? `：${p.note}` : ""}`,
                }))}
              />
            ),
          }}
          columns={[
            { title: t("wb.ref.item"), dataIndex: "itemName", render: zhCell },
            { title: t("wb.ref.applicant"), render: (_, r) => r.applicant.name },
            { title: t("wb.ref.to"), dataIndex: "toOrgName" },
            {
              title: t("wb.ref.status"),
              dataIndex: "status",
              render: (s: Referral["status"]) => (
                <Tag color={STATUS_COLOR[s]} data-testid={`ref-status-${s}`}>
                  {t(`wb.ref.status.${s}`)}
                </Tag>
              ),
            },
            {
              title: t("wb.ref.referredAt"),
              dataIndex: "referredAt",
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      )}
      <RegisterReferralModal open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}

type FormValues = { itemCode: string; toOrgCode: string; reason?: string; location?: string; area?: string };

function RegisterReferralModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [applicant, setApplicant] = useState<ApplicantHit | null>(null);
  const items = useReferableItems();
  const targets = useReferralTargets();
  const register = useRegisterReferral();
  const error = register.error instanceof ApiError ? register.error : null;
  const submit = (v: FormValues) => {
    if (!applicant) return;
    register.mutate(
      {
        itemCode: v.itemCode,
        applicantId: applicant.id,
        toOrgCode: v.toOrgCode,
        reason: v.reason,
        details: { location: v.location, area: v.area },
      },
      {
        onSuccess: () => {
          form.resetFields();
          setApplicant(null);
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      width={760}
      title={t("wb.ref.new")}
      onCancel={onClose}
      okText={t("action.refer")}
      okButtonProps={
        { disabled: !applicant, loading: register.isPending, "data-testid": "ref-submit" } as never
      }
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("wb.ref.applicantHint")}</Typography.Paragraph>
      <ApplicantPicker value={applicant} onChange={setApplicant} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <Form.Item name="itemCode" label={t("wb.ref.item")} rules={[{ required: true }]}>
          <Select
            loading={items.isLoading}
            options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            data-testid="ref-item"
          />
        </Form.Item>
        <Form.Item name="toOrgCode" label={t("wb.ref.to")} rules={[{ required: true }]}>
          <Select
            loading={targets.isLoading}
            options={(targets.data ?? [])
              .filter((o) => o.kind === "township")
              .map((o) => ({ value: o.code, label: o.name }))}
            data-testid="ref-to"
          />
        </Form.Item>
        <Form.Item name="location" label={t("wb.ref.location")}>
          <Input data-testid="ref-location" />
        </Form.Item>
        <Form.Item name="area" label={t("wb.ref.area")}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t("wb.ref.reason")}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error.messageIn(locale) ?? error.code} />}
    </Modal>
  );
}
