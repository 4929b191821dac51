import { AlertOutlined, SettingOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Grid,
  Input,
  Modal,
  Pagination,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { withData, withQuotedData, ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";
import { type AlertFilters, type TAlert, useAlertAction, useAlerts } from "./api";
import { SettingsDrawer } from "./SettingsDrawer";

type Locale = "zh-CN" | "en-US";
type Action = { alert: TAlert; action: "acknowledge" | "close" } | null;

const errorText = (e: unknown, locale: Locale) =>
  e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : String(e);

const STATUS_COLOR: Record<TAlert["status"], string> = {
  open: "red",
  acknowledged: "gold",
  closed: "green",
};

function SeverityTag({ a }: { a: TAlert }) {
  const { t } = useI18n();
  return (
    <Tag color={a.severity === "red" ? "red" : "gold"}>
      {t(a.severity === "red" ? "alerts.severity.red" : "alerts.severity.yellow")}
    </Tag>
  );
}

function StatusTag({ a }: { a: TAlert }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[a.status]} data-testid={`alert-status-${a.id}`}>
      {t(`alerts.status.${a.status}`)}
    </Tag>
  );
}

/** The response date (red when overdue) and the person answerable. */
function Owner({ a }: { a: TAlert }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {a.respondBy && (
        <Typography.Text type={a.overdue ? "danger" : "secondary"} style={{ fontSize: 12 }}>
          {t("alerts.respondBy", { date: a.respondBy })}
        </Typography.Text>
      )}
      {a.overdue && (
        <Tag color="red" data-testid={`alert-overdue-${a.id}`}>
          {t("alerts.overdue")}
        </Tag>
      )}
      {a.responsible && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {withData(t("alerts.responsible"), { name: a.responsible.name })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The case events that raised the alert, each linking to the case's timeline. */
function Events({ a }: { a: TAlert }) {
  const { t, locale } = useI18n();
  if (!a.events.length) return null;
  return (
    <Space orientation="vertical" size={0} data-testid={`alert-events-${a.id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("alerts.events")}
      </Typography.Text>
      {a.events.map((e) => (
        <Typography.Text key={e.id} style={{ fontSize: 12 }}>
          {a.case ? <Link to={`/cases/${a.case.id}`}>{e.label[locale]}</Link> : e.label[locale]} ·{" "}
          {formatDateTime(e.at)}
          {e.actorName ? ` · ${e.actorName}` : ""}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Who acknowledged and closed the alert, and their comments. */
function History({ a }: { a: TAlert }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      {a.acknowledgedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {withData(t("alerts.acknowledgedBy"), {
            name: a.acknowledgedBy?.name ?? "—",
            at: formatDateTime(a.acknowledgedAt),
          })}
          {a.acknowledgeComment ? <ZhText>{`：${a.acknowledgeComment}`}</ZhText> : ""}
        </Typography.Text>
      )}
      {a.closedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.closedBy
            ? withData(t("alerts.closedBy"), { name: a.closedBy.name, at: formatDateTime(a.closedAt) })
            : t("alerts.closedBySweep", { at: formatDateTime(a.closedAt) })}
          {a.closeComment ? <ZhText>{`：${a.closeComment}`}</ZhText> : ""}
        </Typography.Text>
      )}
    </Space>
  );
}

function Actions({ a, onAct }: { a: TAlert; onAct: (x: Action) => void }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {a.abilities.acknowledge && (
        <Button
          size="small"
          onClick={() => onAct({ alert: a, action: "acknowledge" })}
          data-testid={`alert-ack-${a.id}`}
        >
          {t("alerts.acknowledge")}
        </Button>
      )}
      {a.abilities.close && (
        <Button
          size="small"
          type="primary"
          onClick={() => onAct({ alert: a, action: "close" })}
          data-testid={`alert-close-${a.id}`}
        >
          {t("alerts.close")}
        </Button>
      )}
    </Space>
  );
}

function ActionModal({ act, onClose }: { act: Action; onClose: () => void }) {
  const { t, locale } = useI18n();
  const mutation = useAlertAction();
  const closing = act?.action === "close";
  return (
    <Modal
      open={!!act}
      title={
        act ? `${t(closing ? "alerts.close" : "alerts.acknowledge")} · ${act.alert.ruleName[locale]}` : ""
      }
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      {act && (
        <Form
          layout="vertical"
          onFinish={(v: { comment?: string }) =>
            mutation.mutate(
              {
                id: act.alert.id,
                action: act.action,
                comment: v.comment?.trim() ?? "",
                expectedVersion: act.alert.version,
              },
              {
                onSuccess: () => {
                  mutation.reset();
                  onClose();
                },
              },
            )
          }
        >
          <Typography.Paragraph>{withQuotedData(act.alert.message[locale])}</Typography.Paragraph>
          {closing && <Typography.Paragraph type="secondary">{t("alerts.closeHint")}</Typography.Paragraph>}
          <Form.Item
            name="comment"
            label={closing ? t("alerts.comment") : t("alerts.commentOptional")}
            rules={closing ? [{ required: true, whitespace: true, max: 1000 }] : [{ max: 1000 }]}
          >
            <Input.TextArea rows={4} data-testid="alert-comment" />
          </Form.Item>
          {mutation.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={errorText(mutation.error, locale)}
            />
          )}
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="alert-submit">
            {t(closing ? "alerts.close" : "alerts.acknowledge")}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

const PHONE_PAGE = 10;

/** The desk on a phone: one card per alert, ten a page. */
function MobileList({
  rows,
  loading,
  onAct,
}: {
  rows: TAlert[];
  loading: boolean;
  onAct: (x: Action) => void;
}) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  if (loading && rows.length === 0) return <Skeleton active />;
  if (rows.length === 0) return <Empty description={t("alerts.empty")} />;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {rows.slice((page - 1) * PHONE_PAGE, page * PHONE_PAGE).map((a) => (
        <Card key={a.id} size="small" data-testid={`alert-row-${a.id}`}>
          <Space orientation="vertical" size={4} style={{ width: "100%" }}>
            <Space size={4} wrap>
              <SeverityTag a={a} />
              <StatusTag a={a} />
              <Tag>{t(`alerts.cat.${a.category}`)}</Tag>
              <Typography.Text strong>{a.ruleName[locale]}</Typography.Text>
            </Space>
            <Typography.Text>{withQuotedData(a.message[locale])}</Typography.Text>
            <Events a={a} />
            <Owner a={a} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(a.raisedAt)} · <ZhText>{a.org?.name ?? "—"}</ZhText>
              {a.case && (
                <>
                  {" · "}
                  <Link to={`/cases/${a.case.id}`}>{a.case.number}</Link>
                </>
              )}
            </Typography.Text>
            <History a={a} />
            <Actions a={a} onAct={onAct} />
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

/**
 * `/supervision/alerts` (supervisor): the alerts electronic supervision raised in the supervisor's
 * organization tree — counts per status and rule, filters, and acknowledging or closing with a comment.
 */
export default function AlertsPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<AlertFilters>({ status: "open" });
  const [caseNumber, setCaseNumber] = useState("");
  const [act, setAct] = useState<Action>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const list = useAlerts(filters);
  const counts = list.data?.counts;
  const set = (patch: AlertFilters) => setFilters((f) => ({ ...f, ...patch }));
  const narrow = Grid.useBreakpoint().md === false;
  const rows = list.data?.items ?? [];
  const statusLabel = (s: "open" | "acknowledged" | "closed") =>
    `${t(`alerts.status.${s}`)}${counts ? ` ${counts[s]}` : ""}`;

  return (
    <Card data-testid="page-alerts">
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          <AlertOutlined /> {t("alerts.title")}
        </Typography.Title>
        <Button
          icon={<SettingOutlined />}
          onClick={() => setSettingsOpen(true)}
          data-testid="alert-settings-open"
        >
          {t("alerts.settings")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t("page.alerts.desc")}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Segmented
          aria-label={t("queues.status")}
          value={filters.status ?? "all"}
          onChange={(v) => set({ status: v === "all" ? undefined : (v as AlertFilters["status"]) })}
          data-testid="alert-status-filter"
          options={[
            { value: "open", label: statusLabel("open") },
            { value: "acknowledged", label: statusLabel("acknowledged") },
            { value: "closed", label: statusLabel("closed") },
            { value: "all", label: t("alerts.status.all") },
          ]}
        />
        <Tag.CheckableTag
          checked={filters.overdue === "true"}
          onChange={(on) => set({ overdue: on ? "true" : undefined })}
          data-testid="alert-overdue-filter"
        >
          {t("alerts.overdueOnly")}
          {counts ? ` ${counts.overdue}` : ""}
        </Tag.CheckableTag>
        {counts && counts.byRule.length > 0 && (
          <Space size={[4, 4]} wrap data-testid="alert-rule-counts">
            <Typography.Text type="secondary">{t("alerts.byRule")}:</Typography.Text>
            {counts.byRule.map((r) => (
              <Tag.CheckableTag
                key={r.rule}
                checked={filters.rule === r.rule}
                onChange={(on) => set({ rule: on ? r.rule : undefined })}
              >
                {t(`alerts.cat.${r.category}`)} · {r.ruleName[locale]} {r.open}/{r.total}
              </Tag.CheckableTag>
            ))}
          </Space>
        )}
        <Space wrap>
          <Select
            style={{ width: 220 }}
            value={filters.rule ?? ""}
            onChange={(v) => set({ rule: v || undefined })}
            aria-label={t("alerts.rule")}
            options={[
              { value: "", label: t("alerts.rule.any") },
              ...(counts?.byRule ?? []).map((r) => ({ value: r.rule, label: r.ruleName[locale] })),
            ]}
          />
          <Select
            style={{ width: 140 }}
            value={filters.severity ?? ""}
            onChange={(v) => set({ severity: (v || undefined) as AlertFilters["severity"] })}
            aria-label={t("alerts.severity")}
            options={[
              { value: "", label: t("alerts.severity.any") },
              { value: "red", label: t("alerts.severity.red") },
              { value: "yellow", label: t("alerts.severity.yellow") },
            ]}
          />
          <Input.Search
            style={{ width: 240 }}
            allowClear
            placeholder={t("alerts.caseNumber")}
            aria-label={t("alerts.caseNumber")}
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
            onSearch={(v) => set({ caseNumber: v.trim() || undefined })}
            data-testid="alert-case-filter"
          />
        </Space>
        {list.isError ? (
          <Alert
            type="error"
            showIcon
            title={list.error instanceof ApiError ? list.error.messageIn(locale) : t("alerts.loadError")}
            action={<Button onClick={() => list.refetch()}>{t("alerts.retry")}</Button>}
          />
        ) : narrow ? (
          <MobileList rows={rows} loading={list.isFetching} onAct={setAct} />
        ) : (
          <Table<TAlert>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={rows}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={t("alerts.empty")} /> }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            onRow={(a) => ({ "data-testid": `alert-row-${a.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t("alerts.raisedAt"),
                key: "raisedAt",
                width: 150,
                render: (_, a) => formatDateTime(a.raisedAt),
              },
              {
                title: t("alerts.rule"),
                key: "rule",
                width: 200,
                render: (_, a) => (
                  <Space orientation="vertical" size={2}>
                    <Space size={2}>
                      <SeverityTag a={a} />
                      <Tag>{t(`alerts.cat.${a.category}`)}</Tag>
                    </Space>
                    <Typography.Text>{a.ruleName[locale]}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t("alerts.message"),
                key: "message",
                render: (_, a) => (
                  <Space orientation="vertical" size={4}>
                    <Typography.Text>{withQuotedData(a.message[locale])}</Typography.Text>
                    <Events a={a} />
                  </Space>
                ),
              },
              {
                title: t("alerts.org"),
                key: "org",
                width: 160,
                render: (_, a) => zhCell(a.org?.name ?? "—"),
              },
              {
                title: t("alerts.case"),
                key: "case",
                width: 170,
                render: (_, a) => (a.case ? <Link to={`/cases/${a.case.id}`}>{a.case.number}</Link> : "—"),
              },
              {
                title: t("alerts.handling"),
                key: "handling",
                width: 260,
                render: (_, a) => (
                  <Space orientation="vertical" size={4}>
                    <StatusTag a={a} />
                    <Owner a={a} />
                    <History a={a} />
                    <Actions a={a} onAct={setAct} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Space>
      <ActionModal act={act} onClose={() => setAct(null)} />
      <SettingsDrawer open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Card>
  );
}
