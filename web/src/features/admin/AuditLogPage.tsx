import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiData, type ApiQuery, call, yz } from "../../api/client";
import { zhCell } from "../../components/ZhText";
import type { MessageKey } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";

type Entry = ApiData<"/api/admin/audit-entries">["items"][number];
type Filters = ApiQuery<"/api/admin/audit-entries">;

const TYPES = ["user", "organization", "service_item", "calendar", "setting", "applicant"] as const;
const PAGE = 50;

/** One value of a detail, short. */
const show = (v: unknown) =>
  v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);

/** The detail as lines: `field: before → after` for a change, `field: value` otherwise. */
function detailLines(detail: Entry["detail"]): string[] {
  return Object.entries(detail).map(([k, v]) =>
    Array.isArray(v) && v.length === 2 ? `${k}: ${show(v[0])} → ${show(v[1])}` : `${k}: ${show(v)}`,
  );
}

/**
 * 管理审计 (`/audit`): the administrators' audit log for administrators and supervisors — who created
 * accounts, granted and revoked roles, changed organizations, items, the calendar and settings; filters
 * by target type, actor and target; pages of 50, newest first.
 */
export default function AuditLogPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [offset, setOffset] = useState(0);
  const query = { ...filters, limit: PAGE, offset };
  const q = useQuery({
    queryKey: ["admin", "audit", query],
    queryFn: () => call(yz.GET("/api/admin/audit-entries", { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<Filters>) => {
    setOffset(0);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const actionText = (a: string) => {
    const text = t(`audit.action.${a}` as MessageKey);
    return text ?? a;
  };
  return (
    <Card data-testid="page-audit">
      <Typography.Title level={3}>{t("audit.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("audit.subtitle")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t("audit.filter.type")}
          aria-label={t("audit.filter.type")}
          value={filters.targetType}
          onChange={(v) => set({ targetType: v })}
          options={TYPES.map((v) => ({ value: v, label: t(`audit.type.${v}`) }))}
          data-testid="audit-type"
        />
        <Input.Search
          allowClear
          placeholder={t("audit.filter.actor")}
          aria-label={t("audit.filter.actor")}
          onSearch={(v) => set({ actor: v || undefined })}
          style={{ width: 200 }}
        />
        <Input.Search
          allowClear
          placeholder={t("audit.filter.target")}
          aria-label={t("audit.filter.target")}
          onSearch={(v) => set({ target: v || undefined })}
          style={{ width: 300 }}
          data-testid="audit-target"
        />
      </Space>
      {q.error && <Alert type="error" showIcon title={t("audit.loadError")} style={{ marginBottom: 16 }} />}
      <Table<Entry>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("audit.empty") }}
        scroll={{ x: true }}
        data-testid="audit-table"
        columns={[
          {
            title: t("audit.at"),
            dataIndex: "at",
            width: 170,
            render: (at: string) => formatDateTime(at),
          },
          { title: t("audit.actor"), dataIndex: "actorUsername", width: 120 },
          {
            title: t("audit.action"),
            dataIndex: "action",
            render: (a: string, e) => (
              <Space size={4} wrap>
                <Tag>{t(`audit.type.${e.targetType}`)}</Tag>
                {actionText(a)}
              </Space>
            ),
          },
          {
            title: t("audit.target"),
            dataIndex: "targetLabel",
            // A person's, an organization's or an item's name: data, marked Chinese on English pages.
            render: (v: string | null) => zhCell(v) ?? "—",
          },
          {
            title: t("audit.detail"),
            dataIndex: "detail",
            render: (d: Entry["detail"]) => (
              <Typography.Text style={{ whiteSpace: "pre-wrap", fontSize: 12 }}>
                {detailLines(d).join("\n")}
              </Typography.Text>
            ),
          },
          { title: t("audit.ip"), dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
          aria-label={t("audit.previous")}
        >
          ‹ {t("audit.previous")}
        </Button>
        <Button
          disabled={q.data?.nextOffset == null}
          onClick={() => q.data?.nextOffset != null && setOffset(q.data.nextOffset)}
          data-testid="audit-next"
          aria-label={t("audit.next")}
        >
          {t("audit.next")} ›
        </Button>
      </Space>
    </Card>
  );
}
