import {
  Alert,
  App,
  Button,
  Empty,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { ClockTag } from "../cases/ClockTag";
import { officeToday } from "../cases/labels";
import { StatusTag } from "../cases/StatusTag";
import type { CaseSummary } from "../cases/types";
import { type CaseList, useCaseAction, type WorkbenchQueue } from "./api";
import { CheckDueTag } from "./CheckDueTag";

type Props = {
  queue: WorkbenchQueue;
  data: CaseList | undefined;
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
};

/** Table cells that must not wrap (case numbers, dates, buttons). */
export const nowrap = () => ({ style: { whiteSpace: "nowrap" as const } });

/** Where the window opens a case from a queue: the checklist while it waits for a check, else the case. */
export function caseLink(c: Pick<CaseSummary, "id" | "status">): string {
  if (c.status === "submitted") return `/workbench/cases/${c.id}/check`;
  if (c.status === "draft") return `/workbench/intake?case=${c.id}`;
  return `/cases/${c.id}`;
}

/** What a case still owes of its deferred materials (容缺): count and first due date, red when overdue. */
function OwedTag({ owed }: { owed: CaseSummary["owedMaterials"] }) {
  const { t } = useI18n();
  if (!owed) return <>—</>;
  const late = owed.nextDueOn < officeToday();
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={late ? "red" : "purple"} data-testid="queue-owed" data-overdue={late}>
        {t("wb.owed", { count: owed.count, date: owed.nextDueOn })}
        {late ? ` · ${t("deferred.overdue")}` : ""}
      </Tag>
      {owed.delivered ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("wb.owedDelivered", { n: owed.delivered })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** One queue of the window workbench: status, clock, applicant (masked as the API gives), item. */
export function QueueTable({ queue, data, isLoading, error, refetch }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const action = useCaseAction();

  const issue = (c: CaseSummary) =>
    action.mutate(
      { id: c.id, command: c.status === "denied" ? "complete" : "issue", version: c.version, body: {} },
      {
        onSuccess: () => message.success(t("wb.issued", { number: c.number })),
        onError: (e) =>
          message.error(e instanceof ApiError ? (e.messageIn(locale) ?? e.code) : t("error.generic")),
      },
    );

  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="queue-error"
        title={t("wb.loadError", {
          message: error instanceof ApiError ? (error.messageIn(locale) ?? error.code) : String(error),
        })}
        action={<Button onClick={refetch}>{t("common.retry")}</Button>}
      />
    );
  }

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t("wb.col.number"),
      dataIndex: "number",
      onCell: nowrap,
      render: (n: string, c) => (
        <Link to={caseLink(c)} data-testid="queue-case-link">
          {n}
        </Link>
      ),
    },
    {
      title: t("wb.col.item"),
      dataIndex: "itemName",
      render: (name: string, c) => (
        <Space orientation="vertical" size={0}>
          <ZhText>{name}</ZhText>
          {c.title && c.title !== name ? (
            <Typography.Text type="secondary">
              <ZhText>{c.title}</ZhText>
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t("wb.col.applicant"), dataIndex: "applicantName", render: zhCell },
    {
      title: t("wb.col.status"),
      dataIndex: "status",
      render: (_: string, c) => <StatusTag status={c.status} label={c.statusLabel} />,
    },
    queue === "awaiting_check"
      ? {
          title: t("wb.col.checkDue"),
          dataIndex: "checkDueOn",
          render: (d: string | null) => <CheckDueTag checkDueOn={d} />,
        }
      : {
          title: t("wb.col.clock"),
          dataIndex: "clock",
          render: (_: unknown, c) => <ClockTag clock={c.clock} />,
        },
    ...(queue === "deferred"
      ? [
          {
            title: t("wb.col.owed"),
            key: "owed",
            onCell: nowrap,
            render: (_: unknown, c: CaseSummary) => <OwedTag owed={c.owedMaterials ?? null} />,
          },
        ]
      : []),
    {
      title: t("wb.col.received"),
      dataIndex: "receivedOn",
      onCell: nowrap,
      render: (d: string | null) => d ?? "—",
    },
    {
      title: t("wb.col.next"),
      dataIndex: "nextStep",
      render: (_: unknown, c) => <Typography.Text type="secondary">{c.nextStep[locale]}</Typography.Text>,
    },
    {
      title: t("wb.col.actions"),
      key: "actions",
      onCell: nowrap,
      render: (_: unknown, c) => (
        <Space>
          {c.status === "submitted" ? (
            <Link to={caseLink(c)} data-testid="queue-check">
              {t("wb.action.check")}
            </Link>
          ) : null}
          {c.status === "approved" || c.status === "denied" ? (
            <Popconfirm
              title={t(c.status === "denied" ? "wb.confirmDeliver" : "wb.confirmIssue", { number: c.number })}
              onConfirm={() => issue(c)}
              okButtonProps={{ "data-testid": "queue-issue-ok" } as Record<string, string>}
            >
              <Button size="small" type="primary" data-testid="queue-issue" loading={action.isPending}>
                {t(c.status === "denied" ? "action.complete" : "action.issue")}
              </Button>
            </Popconfirm>
          ) : null}
          {c.status !== "submitted" && c.status !== "draft" ? (
            <Link to={`/cases/${c.id}`}>{t("wb.action.open")}</Link>
          ) : null}
          {c.status === "draft" ? <Link to={caseLink(c)}>{t("wb.action.resume")}</Link> : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      loading={isLoading}
      columns={columns}
      dataSource={data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid={`queue-table-${queue}`}
      onRow={(c) => ({ "data-case-number": c.number }) as Record<string, string>}
      locale={{ emptyText: <Empty description={t(`wb.empty.${queue}`)} /> }}
    />
  );
}
