import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import {
  type DeskFilters,
  formatMinutes,
  type Inquiry,
  useInquiries,
  useInquiryAction,
  useItems,
} from "./api";
import { AnswerModal, FaqModal, HandOverModal, RecordModal } from "./InquiryModals";
import { type InquiryTextKey, useIT } from "./i18n";

const STATUS_COLOR: Record<Inquiry["status"], string> = {
  unclaimed: "red",
  open: "orange",
  answered: "green",
};
/** One working day of office hours (08:30–12:00, 14:30–17:30): past it the question is overdue. */
const WORKING_DAY_MINUTES = 390;

type Modal = { kind: "answer" | "handover" | "faq"; inquiry: Inquiry } | { kind: "record" } | null;

/** nav.inquiries: the window's and the supervisor's inquiry desk (咨询台, 首问负责制). */
export default function InquiryDeskPage() {
  const { locale } = useI18n();
  const it = useIT();
  const [filters, setFilters] = useState<DeskFilters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const list = useInquiries(filters);
  const items = useItems();
  const claim = useInquiryAction("claim");
  const [modal, setModal] = useState<Modal>(null);
  const set = (patch: DeskFilters) => setFilters((f) => ({ ...f, ...patch }));
  const counts = list.data?.counts;
  const countCard = (key: InquiryTextKey, value: number | undefined, patch: DeskFilters, danger = false) => (
    <Card
      size="small"
      hoverable
      onClick={() => setFilters(patch)}
      style={{ minWidth: 120 }}
      data-testid={`inq-count-${key}`}
    >
      <Statistic
        title={it(key)}
        value={value ?? "—"}
        styles={{ content: danger && value ? { color: "#cf1322" } : undefined }}
      />
    </Card>
  );
  const claimError = claim.error instanceof ApiError ? claim.error : null;

  return (
    <Card data-testid="page-inquiries">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {it("deskTitle")}
          </Typography.Title>
          <Typography.Text type="secondary">{it("deskSubtitle")}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setModal({ kind: "record" })}
          data-testid="inq-record"
        >
          {it("record")}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        {countCard("unclaimed", counts?.unclaimed, { status: "unclaimed" }, true)}
        {countCard("mine", counts?.mine, { owner: "me", status: "open" })}
        {countCard("open", counts?.open, { status: "open" })}
        {countCard("overdue", counts?.overdue, {}, true)}
        {countCard("answered", counts?.answered, { status: "answered" })}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 130 }}
          value={filters.status ?? ""}
          onChange={(v) => set({ status: v || undefined })}
          aria-label={it("status")}
          data-testid="inq-filter-status"
          options={[
            { value: "", label: `${it("status")}：${it("all")}` },
            { value: "unclaimed", label: it("unclaimed") },
            { value: "open", label: it("open") },
            { value: "answered", label: it("answered") },
          ]}
        />
        <Select
          style={{ width: 130 }}
          value={filters.channel ?? ""}
          onChange={(v) => set({ channel: v || undefined })}
          aria-label={it("channel")}
          data-testid="inq-filter-channel"
          options={[
            { value: "", label: `${it("channel")}：${it("all")}` },
            { value: "window", label: it("window") },
            { value: "phone", label: it("phone") },
            { value: "online", label: it("online") },
          ]}
        />
        <Select
          style={{ width: 140 }}
          value={filters.owner ?? ""}
          onChange={(v) => set({ owner: v || undefined })}
          aria-label={it("owner")}
          data-testid="inq-filter-owner"
          options={[
            { value: "", label: `${it("owner")}：${it("all")}` },
            { value: "me", label: it("ownerMe") },
            { value: "none", label: it("ownerNone") },
          ]}
        />
        <Select
          style={{ width: 220 }}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={it("anyItem")}
          value={filters.itemCode}
          onChange={(v) => set({ itemCode: v || undefined })}
          aria-label={it("item")}
          options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
        />
        <DatePicker.RangePicker
          value={range}
          aria-label={it("dates")}
          onChange={(r) => {
            setRange(r);
            set({ from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") });
          }}
        />
      </Space>
      {claimError && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title={claimError.messageIn(locale)}
        />
      )}
      {list.error ? (
        <Alert
          type="error"
          showIcon
          title={list.error instanceof ApiError ? list.error.messageIn(locale) : it("loadError")}
          action={<Button onClick={() => list.refetch()}>{it("retry")}</Button>}
        />
      ) : (
        <Table<Inquiry>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 980 }}
          locale={{ emptyText: <Empty description={it("empty")} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          expandable={{ expandedRowRender: (r) => <Details r={r} /> }}
          onRow={(r) => ({ "data-testid": `inq-row-${r.queryCode}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: it("askedAt"),
              dataIndex: "askedAt",
              width: 140,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: it("channel"),
              dataIndex: "channel",
              width: 80,
              render: (c: Inquiry["channel"]) => <Tag>{it(c)}</Tag>,
            },
            {
              title: it("question"),
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text ellipsis={{ tooltip: r.question }} style={{ maxWidth: 320 }}>
                    {r.question}
                  </Typography.Text>
                  {r.itemName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.itemName}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: it("asker"),
              width: 150,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{r.askerName ?? "—"}</span>
                  {r.askerContact && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.askerContact}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: it("owner"), width: 130, render: (_, r) => r.owner?.name ?? "—" },
            {
              title: it("status"),
              width: 150,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOR[r.status]} data-testid={`inq-status-${r.status}`}>
                    {it(r.status)}
                  </Tag>
                  {r.status !== "answered" && r.workingMinutesWaiting >= WORKING_DAY_MINUTES && (
                    <Tag color="red">{it("overdue")}</Tag>
                  )}
                  {r.faq && <Tag color="blue">FAQ</Tag>}
                </Space>
              ),
            },
            {
              title: it("waited"),
              width: 120,
              render: (_, r) => formatMinutes(r.workingMinutesWaiting, it),
            },
            {
              title: "",
              width: 200,
              fixed: "right",
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.abilities.claim && (
                    <Button
                      size="small"
                      type="primary"
                      loading={claim.isPending}
                      onClick={() => claim.mutate({ id: r.id, body: { expectedVersion: r.version } })}
                      data-testid="inq-claim"
                    >
                      {it("claim")}
                    </Button>
                  )}
                  {r.abilities.answer && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setModal({ kind: "answer", inquiry: r })}
                      data-testid="inq-answer"
                    >
                      {it("answerBtn")}
                    </Button>
                  )}
                  {r.abilities.handOver && (
                    <Button
                      size="small"
                      onClick={() => setModal({ kind: "handover", inquiry: r })}
                      data-testid="inq-handover"
                    >
                      {it("handOver")}
                    </Button>
                  )}
                  {r.abilities.publishFaq && (
                    <Button
                      size="small"
                      onClick={() => setModal({ kind: "faq", inquiry: r })}
                      data-testid="inq-faq"
                    >
                      {it("publishFaq")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <RecordModal open={modal?.kind === "record"} onClose={() => setModal(null)} />
      {modal && modal.kind !== "record" && modal.kind === "answer" && (
        <AnswerModal inquiry={modal.inquiry} onClose={() => setModal(null)} />
      )}
      {modal && modal.kind === "handover" && (
        <HandOverModal inquiry={modal.inquiry} onClose={() => setModal(null)} />
      )}
      {modal && modal.kind === "faq" && <FaqModal inquiry={modal.inquiry} onClose={() => setModal(null)} />}
    </Card>
  );
}

/** The whole record: question, answer, handovers, FAQ, query code. */
function Details({ r }: { r: Inquiry }) {
  const it = useIT();
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="inq-details">
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
        <Typography.Text strong>{it("question")}：</Typography.Text>
        {r.question}
      </Typography.Paragraph>
      {r.answer && (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
          <Typography.Text strong>{it("answer")}：</Typography.Text>
          {r.answer}
          <Typography.Text type="secondary">
            {" "}
            （{r.answeredBy?.name} · {formatDateTime(r.answeredAt)}）
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {r.policyReference && (
        <Typography.Text>
          {it("policyShort")}：{r.policyReference}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        {it("queryCode")}：{r.queryCode}
        {r.recordedBy ? ` · ${it("recordedBy")}：${r.recordedBy.name}` : ""}
      </Typography.Text>
      {r.handovers.length > 0 && (
        <>
          <Typography.Text strong>{it("handovers")}</Typography.Text>
          <Timeline
            items={r.handovers.map((h) => ({
              content: `${formatDateTime(h.at)} ${h.from.name} → ${h.to.name}：${h.reason}`,
            }))}
          />
        </>
      )}
      {r.faq && (
        <Alert
          type="info"
          title={`${it("published")} FAQ：${r.faq.question}`}
          description={r.faq.answer}
          showIcon
        />
      )}
    </Space>
  );
}
