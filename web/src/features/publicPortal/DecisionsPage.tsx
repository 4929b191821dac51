import { FileDoneOutlined, ReloadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useSearchParams } from "react-router-dom";
import { ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { type DecisionFilters, type TPublicDecision, usePublicDecisions } from "./api";
import { OpenDataLink } from "./OpenDataLink";

const STATE_COLOR: Record<TPublicDecision["permitState"], string> = {
  valid: "green",
  revoked: "red",
  expired: "default",
  pending: "blue",
};

/** The filters as the address holds them (?q=&item=&from=&to=&page=), so a search can be linked. */
function filtersOf(p: URLSearchParams): DecisionFilters {
  const page = Number(p.get("page") ?? "1");
  return {
    q: p.get("q") || undefined,
    item: p.get("item") || undefined,
    from: p.get("from") || undefined,
    to: p.get("to") || undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/**
 * `/decisions` (public): 行政许可决定公开 — the approved licence decisions, searchable, filtered by item and
 * date, paged. A natural person's decision shows neither name nor location (the API never sends them).
 */
export default function DecisionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const f = filtersOf(params);
  const q = usePublicDecisions(f);
  const set = (next: Partial<DecisionFilters>) => {
    const merged = { ...f, page: 1, ...next };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged))
      if (v !== undefined && !(k === "page" && v === 1)) out.set(k, String(v));
    setParams(out);
  };
  const columns = [
    {
      title: t("dec.permitNumber"),
      key: "permit",
      render: (_: unknown, d: TPublicDecision) => (
        <Space orientation="vertical" size={0}>
          <ZhText>{d.permitNumber ?? "—"}</ZhText>
          {d.permitName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ZhText>{d.permitName}</ZhText>
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("dec.holder"),
      key: "holder",
      render: (_: unknown, d: TPublicDecision) =>
        d.holderName ? (
          <Space orientation="vertical" size={0}>
            <ZhText>{d.holderName}</ZhText>
            {d.holderCode && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.holderCode}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("dec.person")}</Typography.Text>
        ),
    },
    { title: t("dec.item"), dataIndex: "itemName", render: zhCell },
    { title: t("dec.decidedOn"), dataIndex: "decidedOn", width: 110 },
    {
      title: t("dec.location"),
      key: "location",
      render: (_: unknown, d: TPublicDecision) =>
        d.location ? (
          <ZhText>{d.location}</ZhText>
        ) : d.holderKind === "person" ? (
          <Typography.Text type="secondary">{t("dec.notPublished")}</Typography.Text>
        ) : (
          "—"
        ),
    },
    { title: t("dec.org"), dataIndex: "orgName", render: zhCell },
    {
      title: t("dec.state"),
      key: "state",
      render: (_: unknown, d: TPublicDecision) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATE_COLOR[d.permitState]} data-testid={`state-${d.permitState}`}>
            {t(`dec.state.${d.permitState}`)}
          </Tag>
          {d.revokedOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("dec.revokedOn", { date: d.revokedOn })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t("dec.caseNumber"), dataIndex: "caseNumber", render: zhCell },
  ];
  const data = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-decisions">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <FileDoneOutlined /> {t("dec.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("dec.subtitle")}</Typography.Paragraph>
        {/* Flex, not Space: each filter is a flex item, so `maxWidth: 100%` holds on a phone. */}
        <Flex wrap gap={8} style={{ width: "100%" }}>
          <Input.Search
            allowClear
            defaultValue={f.q}
            key={f.q ?? ""}
            placeholder={t("dec.searchPlaceholder")}
            aria-label={t("dec.search")}
            enterButton={t("dec.search")}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 360, maxWidth: "100%" }}
            data-testid="decisions-search"
          />
          <Select
            allowClear
            style={{ width: 240, maxWidth: "100%" }}
            placeholder={t("dec.allItems")}
            aria-label={t("dec.item")}
            value={f.item}
            onChange={(v) => set({ item: v || undefined })}
            options={(data?.itemOptions ?? []).map((i) => ({
              value: i.code,
              label: <ZhText>{i.name}</ZhText>,
            }))}
            data-testid="decisions-item"
          />
          <DatePicker.RangePicker
            aria-label={t("dec.dateRange")}
            placeholder={[t("dec.from"), t("dec.to")]}
            value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
            onChange={(r) => set({ from: r?.[0]?.format("YYYY-MM-DD"), to: r?.[1]?.format("YYYY-MM-DD") })}
            style={{ maxWidth: "100%" }}
          />
          {(f.q || f.item || f.from || f.to) && (
            <Button onClick={() => setParams(new URLSearchParams())} data-testid="decisions-reset">
              {t("dec.reset")}
            </Button>
          )}
        </Flex>
      </Card>
      {q.isError ? (
        <Alert
          type="error"
          showIcon
          data-testid="decisions-error"
          title={t("pub.loadError")}
          action={
            <Button icon={<ReloadOutlined />} onClick={() => q.refetch()}>
              {t("pub.retry")}
            </Button>
          }
        />
      ) : (
        <Card size="small">
          <Table<TPublicDecision>
            rowKey="caseNumber"
            size="small"
            loading={q.isLoading || q.isFetching}
            dataSource={data?.items ?? []}
            columns={columns}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={t("dec.empty")} /> }}
            pagination={{
              current: f.page,
              pageSize: data?.pageSize ?? 20,
              total: data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t("dec.total", { n }),
              onChange: (page) => set({ ...f, page }),
            }}
            data-testid="decisions-table"
          />
          <div style={{ marginTop: 8 }}>
            <OpenDataLink />
          </div>
        </Card>
      )}
    </Space>
  );
}
