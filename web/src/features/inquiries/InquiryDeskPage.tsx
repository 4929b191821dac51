import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Grid,
  Pagination,
  Select,
  Skeleton,
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
import { dataLang, ZhText, zhCell } from "../../components/ZhText";
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
      style={{ minWidth: 104 }}
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
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const open = (kind: "answer" | "handover" | "faq", inquiry: Inquiry) => setModal({ kind, inquiry });
  const onClaim = (x: Inquiry) => claim.mutate({ id: x.id, body: { expectedVersion: x.version } });

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
      ) : narrow ? (
        <MobileList
          rows={list.data?.items ?? []}
          loading={list.isFetching}
          onOpen={open}
          onClaim={onClaim}
          claiming={claim.isPending}
        />
      ) : (
        <Table<Inquiry>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description={it("empty")} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          expandable={{ expandedRowRender: (r) => <Details r={r} /> }}
          onRow={(r) => ({ "data-testid": `inq-row-${r.queryCode}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: it("askedAt"),
              dataIndex: "askedAt",
              width: 140,
              render: (v: string, r) => (
                <Space orientation="vertical" size={2}>
                  <span>{formatDateTime(v)}</span>
                  <Tag>{it(r.channel)}</Tag>
                </Space>
              ),
            },
            {
              title: it("question"),
              render: (_, r) => (
                <div style={{ minWidth: 0 }}>
                  <Typography.Paragraph
                    ellipsis={{ rows: 2, tooltip: r.question }}
                    style={{ margin: 0 }}
                    lang={dataLang(r.question)}
                  >
                    {r.question}
                  </Typography.Paragraph>
                  {r.itemName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <ZhText>{r.itemName}</ZhText>
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: it("asker"),
              width: 150,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <ZhText>{r.askerName ?? "—"}</ZhText>
                  {r.askerContact && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.askerContact}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: it("owner"), width: 130, render: (_, r) => zhCell(r.owner?.name ?? "—") },
            {
              title: it("status"),
              width: 150,
              render: (_, r) => <StatusTags r={r} />,
            },
            {
              title: it("waited"),
              width: 120,
              render: (_, r) => formatMinutes(r.workingMinutesWaiting, it),
            },
            {
              title: "",
              width: 190,
              render: (_, r) => (
                <RowActions r={r} onOpen={open} onClaim={onClaim} claiming={claim.isPending} />
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

const PHONE_PAGE = 10;

/** The desk on a phone: one card per question, ten a page. */
function MobileList({
  rows,
  loading,
  onOpen,
  onClaim,
  claiming,
}: {
  rows: Inquiry[];
  loading: boolean;
  onOpen: (kind: "answer" | "handover" | "faq", r: Inquiry) => void;
  onClaim: (r: Inquiry) => void;
  claiming: boolean;
}) {
  const it = useIT();
  const [page, setPage] = useState(1);
  if (loading && rows.length === 0) return <Skeleton active />;
  if (rows.length === 0) return <Empty description={it("empty")} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {rows.slice((page - 1) * PHONE_PAGE, page * PHONE_PAGE).map((r) => (
        <Card key={r.id} size="small" data-testid={`inq-row-${r.queryCode}`}>
          <Space orientation="vertical" size={4} style={{ width: "100%" }}>
            <Space size={4} wrap>
              <Tag>{it(r.channel)}</Tag>
              <StatusTags r={r} />
            </Space>
            <Typography.Paragraph
              ellipsis={{ rows: 3, expandable: true }}
              style={{ margin: 0 }}
              lang={dataLang(r.question)}
            >
              {r.question}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ZhText>{[r.itemName, r.askerName, r.askerContact].filter(Boolean).join(" · ")}</ZhText>
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.askedAt)} · {it("owner")}：{r.owner?.name ?? "—"} ·{" "}
              {formatMinutes(r.workingMinutesWaiting, it)}
            </Typography.Text>
            {r.answer && (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {it("answer")}：{r.answer}
              </Typography.Paragraph>
            )}
            <RowActions r={r} onOpen={onOpen} onClaim={onClaim} claiming={claiming} />
          </Space>
        </Card>
      ))}
      <Pagination
        size="small"
        align="center"
        current={page}
        pageSize={PHONE_PAGE}
        total={rows.length}
        hideOnSinglePage
        showSizeChanger={false}
        onChange={setPage}
      />
    </Space>
  );
}

/** Status, overdue and FAQ tags of a row. */
function StatusTags({ r }: { r: Inquiry }) {
  const it = useIT();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[r.status]} data-testid={`inq-status-${r.status}`}>
        {it(r.status)}
      </Tag>
      {r.status !== "answered" && r.workingMinutesWaiting >= WORKING_DAY_MINUTES && (
        <Tag color="red">{it("overdue")}</Tag>
      )}
      {r.faq && <Tag color="blue">FAQ</Tag>}
    </Space>
  );
}

/** The actions the caller may take on a row (from its abilities). */
function RowActions({
  r,
  onOpen,
  onClaim,
  claiming,
}: {
  r: Inquiry;
  onOpen: (kind: "answer" | "handover" | "faq", r: Inquiry) => void;
  onClaim: (r: Inquiry) => void;
  claiming: boolean;
}) {
  const it = useIT();
  return (
    <Space size={4} wrap>
      {r.abilities.claim && (
        <Button
          size="small"
          type="primary"
          loading={claiming}
          onClick={() => onClaim(r)}
          data-testid="inq-claim"
        >
          {it("claim")}
        </Button>
      )}
      {r.abilities.answer && (
        <Button size="small" type="primary" onClick={() => onOpen("answer", r)} data-testid="inq-answer">
          {it("answerBtn")}
        </Button>
      )}
      {r.abilities.handOver && (
        <Button size="small" onClick={() => onOpen("handover", r)} data-testid="inq-handover">
          {it("handOver")}
        </Button>
      )}
      {r.abilities.publishFaq && (
        <Button size="small" onClick={() => onOpen("faq", r)} data-testid="inq-faq">
          {it("publishFaq")}
        </Button>
      )}
    </Space>
  );
}

/** The whole record: question, answer, handovers, FAQ, query code. */
function Details({ r }: { r: Inquiry }) {
  const it = useIT();
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="inq-details">
      <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
        <Typography.Text strong>{it("question")}：</Typography.Text>
        <ZhText>{r.question}</ZhText>
      </Typography.Paragraph>
      {r.answer && (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
          <Typography.Text strong>{it("answer")}：</Typography.Text>
          <ZhText>{r.answer}</ZhText>
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
