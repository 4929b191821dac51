import { CheckOutlined, NotificationOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../../../src/shared/localTime";
import { roleSet } from "../../auth/types";
import { useMe } from "../../auth/useMe";
import { useI18n } from "../../i18n/useT";
import {
  type TChangeNotice,
  useAcknowledge,
  useAcknowledgements,
  useChangeNotices,
  useCreateChangeNotice,
  usePolicies,
  usePolicyOptions,
} from "./api";
import { errorText, LoadError, UNDERLINE } from "./parts";

/** The change notices tab: what the caller must acknowledge, and for supervisors who has not. */
export function ChangeNotices() {
  const { t } = useI18n();
  const { me } = useMe();
  const roles = roleSet(me);
  const editor = roles.has("supervisor") || roles.has("admin");
  const list = useChangeNotices();
  const [creating, setCreating] = useState(false);
  const [acksOf, setAcksOf] = useState<string | null>(null);
  if (list.isLoading) return <Skeleton active />;
  if (list.isError) return <LoadError error={list.error} retry={() => list.refetch()} />;
  const items = list.data?.items ?? [];
  const pending = items.filter((n) => n.mustAcknowledge && !n.acknowledgedAt);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="change-notices">
      {pending.length > 0 && (
        <Alert type="warning" showIcon title={t("notices.pendingTitle", { n: pending.length })} />
      )}
      {editor && (
        <Button
          type="primary"
          icon={<NotificationOutlined />}
          onClick={() => setCreating(true)}
          data-testid="notice-create"
        >
          {t("notices.create")}
        </Button>
      )}
      {items.length === 0 ? (
        <Empty description={t("notices.empty")} />
      ) : (
        items.map((n) => <NoticeCard key={n.id} n={n} onShowAcks={() => setAcksOf(n.id)} />)
      )}
      {creating && <CreateNotice onClose={() => setCreating(false)} />}
      <AcknowledgementsDrawer id={acksOf} onClose={() => setAcksOf(null)} />
    </Space>
  );
}

function NoticeCard({ n, onShowAcks }: { n: TChangeNotice; onShowAcks: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const ack = useAcknowledge();
  return (
    <Card
      size="small"
      data-testid={`notice-${n.id}`}
      title={n.title}
      extra={<Tag>{t("notices.counts", n.counts)}</Tag>}
    >
      <Space orientation="vertical" size={4} style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          {t("notices.effectiveOn")}：{n.effectiveOn} · {t("notices.policy")}：
          <Link style={UNDERLINE} to={`/policies/${n.policy.id}`}>
            《{n.policy.title}》{n.policy.docNumber}
          </Link>
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
          {n.summary}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t("notices.items")}：{n.items.map((i) => i.name).join("、")}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t("notices.sections")}：{n.sections.map((s) => s.name).join("、")}
        </Typography.Text>
        {n.movedTo.length > 0 && (
          <Tag color="purple">{t("notices.movedTo", { names: n.movedTo.map((m) => m.name).join("、") })}</Tag>
        )}
        <Space wrap>
          {n.mustAcknowledge &&
            (n.acknowledgedAt ? (
              <Tag color="green" icon={<CheckOutlined />} data-testid="notice-acked">
                {t("notices.acked", { at: formatDateTime(n.acknowledgedAt) })}
              </Tag>
            ) : (
              <Button
                type="primary"
                loading={ack.isPending}
                data-testid="notice-ack"
                onClick={() => ack.mutate(n.id, { onError: (e) => message.error(errorText(e, locale)) })}
              >
                {t("notices.ack")}
              </Button>
            ))}
          {n.abilities.seeAcknowledgements && (
            <Button onClick={onShowAcks} data-testid="notice-acks">
              {t("notices.whoNot")}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

function AcknowledgementsDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const acks = useAcknowledgements(id);
  return (
    <Drawer open={!!id} onClose={onClose} title={t("notices.acksTitle")} destroyOnHidden>
      {acks.isLoading ? (
        <Skeleton active />
      ) : acks.isError ? (
        <LoadError error={acks.error} retry={() => acks.refetch()} />
      ) : acks.data ? (
        <Space orientation="vertical" style={{ width: "100%" }} data-testid="notice-acks-list">
          <Typography.Text strong>
            {t("notices.counts", { acknowledged: acks.data.acknowledged, expected: acks.data.expected })}
          </Typography.Text>
          {acks.data.people.map((p) => (
            <div
              key={p.user.id}
              data-testid={`ack-${p.acknowledgedAt ? "done" : "missing"}`}
              style={{ display: "flex", justifyContent: "space-between", gap: 12, padding: "8px 0" }}
            >
              <Space orientation="vertical" size={0}>
                <Typography.Text>{p.user.displayName}</Typography.Text>
                <Typography.Text type="secondary">{p.orgName}</Typography.Text>
              </Space>
              {p.acknowledgedAt ? (
                <Tag color="green">{formatDateTime(p.acknowledgedAt)}</Tag>
              ) : (
                <Tag color="red">{t("notices.notYet")}</Tag>
              )}
            </div>
          ))}
        </Space>
      ) : null}
    </Drawer>
  );
}

type NoticeForm = {
  policyId: string;
  title: string;
  summary: string;
  effectiveOn: Dayjs;
  itemIds: string[];
  sectionIds: string[];
  moveTo?: string[];
};

function CreateNotice({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeForm>();
  const [policyQ, setPolicyQ] = useState("");
  const policies = usePolicies(policyQ, { status: "in_force" }, 0);
  const options = usePolicyOptions();
  const create = useCreateChangeNotice();
  const submit = (v: NoticeForm) =>
    create.mutate(
      {
        policyId: v.policyId,
        title: v.title,
        summary: v.summary,
        effectiveOn: v.effectiveOn.format("YYYY-MM-DD"),
        itemIds: v.itemIds,
        sectionIds: v.sectionIds,
        ...(v.moveTo?.length ? { moveTo: { orgCodes: v.moveTo, kind: "township" as const } } : {}),
      },
      {
        onSuccess: () => {
          message.success(t("notices.created"));
          onClose();
        },
        onError: (e) => message.error(errorText(e, locale)),
      },
    );
  return (
    <Modal
      open
      title={t("notices.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("notices.create")}
      cancelText={t("policies.cancel")}
      confirmLoading={create.isPending}
      okButtonProps={{ "data-testid": "notice-submit" } as Record<`data-${string}`, string>}
      width={640}
    >
      {options.isError && <LoadError error={options.error} retry={() => options.refetch()} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="notice-form">
        <Form.Item name="policyId" label={t("notices.policy")} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setPolicyQ }}
            loading={policies.isLoading}
            data-testid="notice-policy"
            options={(policies.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.title}${p.docNumber ? `（${p.docNumber}）` : ""}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t("notices.title")} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <Form.Item name="summary" label={t("notices.summary")} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} data-testid="notice-summary" />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t("notices.effectiveOn")} rules={[{ required: true }]}>
          <DatePicker data-testid="notice-date" />
        </Form.Item>
        <Form.Item name="itemIds" label={t("notices.items")} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            data-testid="notice-items"
            options={(options.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="sectionIds" label={t("notices.sections")} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            data-testid="notice-sections"
            options={(options.data?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="moveTo" label={t("notices.moveTo")}>
          <Select
            mode="multiple"
            allowClear
            options={(options.data?.townships ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
