import { UploadOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { type ApiBody, apiPath, call, sendForm, yz } from "../../api/client";
import { dataLang, ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { formatDate, formatDateTime } from "../cases/labels";
import {
  type Dataset,
  type Referral,
  useDatasets,
  useExchangeWrite,
  usePartnerRequests,
  useReferrals,
} from "./api";
import { useXT } from "./i18n";

const STATUS_COLOR: Record<string, string> = {
  sent: "orange",
  received: "blue",
  in_progress: "processing",
  done: "green",
  open: "orange",
  answered: "green",
};

function useErrorText() {
  const { locale } = useI18n();
  return (e: unknown) => (e instanceof ApiError ? (e.problem.message?.[locale] ?? e.message) : String(e));
}

/** Progress report modal of one referral (received → in progress → done, with a note). */
function ProgressModal({ referral, onClose }: { referral: Referral; onClose: () => void }) {
  const xt = useXT();
  const { message } = App.useApp();
  const err = useErrorText();
  type Report = Omit<ApiBody<"/api/referrals/{id}/progress">, "expectedVersion">;
  const [form] = Form.useForm<Report>();
  const report = useExchangeWrite((v: Report) =>
    call(
      yz.POST("/api/referrals/{id}/progress", {
        params: { path: { id: referral.id } },
        body: { ...v, expectedVersion: referral.version },
      }),
    ),
  );
  const order = ["sent", "received", "in_progress", "done"];
  const next = order.slice(Math.max(order.indexOf(referral.status), 1));
  return (
    <Modal
      open
      title={`${xt("report")} · ${referral.itemName}`}
      onCancel={onClose}
      okText={xt("submit")}
      okButtonProps={{ "data-testid": "progress-submit" } as Record<string, string>}
      onOk={() => form.submit()}
      confirmLoading={report.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: next[0] }}
        onFinish={(v) => report.mutateAsync(v).then(onClose, (e: unknown) => void message.error(err(e)))}
      >
        <Form.Item name="status" label={xt("status")} rules={[{ required: true }]}>
          <Select
            data-testid="progress-status"
            options={next.map((s) => ({ value: s, label: xt(s as "received") }))}
          />
        </Form.Item>
        <Form.Item name="note" label={xt("note")}>
          <Input.TextArea data-testid="progress-note" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReferralsTab() {
  const xt = useXT();
  const q = useReferrals();
  const [active, setActive] = useState<Referral | null>(null);
  return (
    <>
      <Table<Referral>
        data-testid="referrals-table"
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Space align="start" size="large" wrap>
              <div style={{ maxWidth: 420 }}>
                <Typography.Paragraph lang={dataLang(r.reason)}>{r.reason}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {xt("policy")}：{r.policyReference}
                </Typography.Text>
                <Typography.Paragraph type="secondary">
                  {[r.applicant.idNumber ?? r.applicant.creditCode, r.applicant.phone, r.applicant.address]
                    .filter(Boolean)
                    .join(" · ")}
                </Typography.Paragraph>
              </div>
              <Timeline
                items={r.progress.map((p) => ({
                  content: `${formatDateTime(p.at)} ${xt(p.status as "sent")} ${p.actorName}${p.note ? `：${p.note}` : ""}`,
                }))}
              />
            </Space>
          ),
        }}
        columns={[
          {
            title: xt("item"),
            key: "item",
            render: (_, r) => (
              <span>
                {r.itemName}
                {r.caseNumber ? <Typography.Text type="secondary"> {r.caseNumber}</Typography.Text> : null}
              </span>
            ),
          },
          { title: xt("applicant"), key: "applicant", render: (_, r) => zhCell(r.applicant.name) },
          { title: xt("from"), dataIndex: "fromOrgName", render: zhCell },
          {
            title: xt("status"),
            key: "status",
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]} data-testid={`referral-status-${r.id}`}>
                {xt(r.status)}
              </Tag>
            ),
          },
          {
            title: "",
            key: "act",
            render: (_, r) =>
              r.abilities.reportProgress ? (
                <Button
                  size="small"
                  type="primary"
                  data-testid={`report-${r.id}`}
                  onClick={() => setActive(r)}
                >
                  {xt("report")}
                </Button>
              ) : null,
          },
        ]}
      />
      {active && <ProgressModal referral={active} onClose={() => setActive(null)} />}
    </>
  );
}

function RequestsTab() {
  const xt = useXT();
  const { message } = App.useApp();
  const err = useErrorText();
  const q = usePartnerRequests();
  const answer = useExchangeWrite((v: { id: string; file: File }) => {
    const f = new FormData();
    f.append("file", v.file);
    return sendForm(apiPath("/api/partner-requests/{id}/answer", { id: v.id }), f);
  });
  return (
    <Table
      data-testid="requests-table"
      rowKey="id"
      size="small"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={false}
      columns={[
        {
          title: xt("case"),
          key: "case",
          render: (_, r) => (
            <>
              {r.caseNumber} <ZhText>{r.itemName}</ZhText>
            </>
          ),
        },
        {
          title: xt("material"),
          key: "m",
          render: (_, r) => (
            <span>
              {r.materialName}
              {r.note ? <Typography.Text type="secondary"> — {r.note}</Typography.Text> : null}
            </span>
          ),
        },
        { title: xt("from"), dataIndex: "fromOrgName", render: zhCell },
        { title: xt("due"), dataIndex: "dueOn" },
        {
          title: xt("status"),
          key: "s",
          render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{xt(r.status as "open")}</Tag>,
        },
        {
          title: "",
          key: "act",
          render: (_, r) =>
            r.abilities.answer ? (
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  answer.mutateAsync({ id: r.id, file }).catch((e: unknown) => void message.error(err(e)));
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />} data-testid={`answer-${r.id}`}>
                  {xt("answer")}
                </Button>
              </Upload>
            ) : null,
        },
      ]}
    />
  );
}

function PublishCard({ d }: { d: Dataset }) {
  const xt = useXT();
  const { message } = App.useApp();
  const err = useErrorText();
  const [form] = Form.useForm<{
    subjectCode: string;
    subjectName: string;
    validUntil?: string;
    fields?: string;
  }>();
  const publish = useExchangeWrite(
    (v: { subjectCode: string; subjectName: string; validUntil?: string; fields?: string }) =>
      call(
        yz.POST("/api/exchange/datasets/{dataset}/records", {
          params: { path: { dataset: d.code } },
          body: {
            subjectCode: v.subjectCode.trim(),
            subjectName: v.subjectName,
            validUntil: v.validUntil || null,
            fields: Object.fromEntries(
              (v.fields ?? "")
                .split("\n")
                .map((l) => l.split("="))
                .filter((p) => p.length === 2 && p[0].trim())
                .map(([k, val]) => [k.trim(), val.trim()]),
            ),
          },
        }),
      ),
  );
  return (
    <Card title={`${d.name} · ${d.providerName}`} size="small" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          publish.mutateAsync(v).then(
            () => form.resetFields(),
            (e: unknown) => void message.error(err(e)),
          )
        }
      >
        <Form.Item name="subjectCode" rules={[{ required: true }]}>
          <Input placeholder={xt("subjectCode")} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="subjectName" rules={[{ required: true }]}>
          <Input placeholder={xt("subjectName")} />
        </Form.Item>
        <Form.Item name="validUntil">
          <Input placeholder={`${xt("validUntil")} YYYY-MM-DD`} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="fields">
          <Input.TextArea placeholder={xt("fields")} rows={1} style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={publish.isPending}>
          {xt("publish")}
        </Button>
      </Form>
      <Table
        style={{ marginTop: 12 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.records}
        columns={[
          { title: xt("subjectName"), dataIndex: "subjectName", render: zhCell },
          { title: xt("subjectCode"), dataIndex: "subjectCode" },
          { title: xt("validUntil"), dataIndex: "validUntil", render: (v: string | null) => v ?? "—" },
          { title: xt("when"), dataIndex: "publishedAt", render: (v: string) => formatDate(v) },
        ]}
      />
    </Card>
  );
}

/** 协作办理 (/partner): referrals inbox with progress, material requests answered with a file, data publishing. */
export function PartnerDesk() {
  const xt = useXT();
  const datasets = useDatasets();
  const items = [
    { key: "referrals", label: xt("referrals"), children: <ReferralsTab /> },
    { key: "requests", label: xt("requests"), children: <RequestsTab /> },
  ];
  if ((datasets.data?.items.length ?? 0) > 0)
    items.push({
      key: "publish",
      label: xt("publish"),
      children: (
        <>
          {datasets.data?.items.map((d) => (
            <PublishCard key={d.code} d={d} />
          ))}
        </>
      ),
    });
  return (
    <Card data-testid="partner-desk">
      <Tabs items={items} />
      {items.length === 0 && <Empty />}
    </Card>
  );
}
