import { Alert, Button, Empty, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { LinkButton } from "../../components/LinkButton";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { ClockTag } from "../cases/ClockTag";
import type { QueueFilterValues } from "../cases/QueueFilters";
import type { CaseDetail } from "../cases/types";
import { nowrap } from "../workbench/QueueTable";
import { useAwaitingDecision } from "./api";

/**
 * 待决定 (approvers): cases in review whose tasks are all approved. The decision itself — and
 * suspend, resume, extend — is taken on the case page, with the full file in view.
 */
export function DecisionQueue({ filters = {} }: { filters?: QueueFilterValues }) {
  const { t, locale } = useI18n();
  const q = useAwaitingDecision(true, filters);
  if (q.error)
    return (
      <Alert
        type="error"
        showIcon
        title={t("wb.loadError", {
          message:
            q.error instanceof ApiError ? (q.error.messageIn(locale) ?? q.error.code) : String(q.error),
        })}
        action={<Button onClick={q.refetch}>{t("common.retry")}</Button>}
      />
    );
  return (
    <Table<CaseDetail>
      rowKey="id"
      size="middle"
      loading={q.isLoading}
      dataSource={q.items}
      pagination={false}
      data-testid="decision-table"
      onRow={(c) => ({ "data-case-number": c.number }) as Record<string, string>}
      locale={{ emptyText: <Empty description={t("inbox.decide.empty")} /> }}
      columns={[
        {
          title: t("wb.col.clock"),
          key: "clock",
          render: (_: unknown, c) => <ClockTag clock={c.clock} />,
        },
        {
          title: t("wb.col.number"),
          dataIndex: "number",
          onCell: nowrap,
          render: (n: string, c) => (
            <Link to={`/cases/${c.id}`} data-testid="decision-case-link">
              {n}
            </Link>
          ),
        },
        { title: t("wb.col.item"), dataIndex: "itemName", render: zhCell },
        { title: t("wb.col.applicant"), dataIndex: "applicantName", render: zhCell },
        {
          title: t("inbox.decide.opinions"),
          key: "tasks",
          render: (_: unknown, c) => (
            <Space orientation="vertical" size={0}>
              {c.reviewTasks.map((rt) => (
                <Typography.Text key={rt.id}>
                  <Tag color="green">{rt.orgName}</Tag>
                  {rt.opinion ?? ""}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        {
          title: t("wb.col.actions"),
          key: "actions",
          render: (_: unknown, c) => (
            <LinkButton to={`/cases/${c.id}`} type="primary" size="small" data-testid="decision-open">
              {t("action.decide")}
            </LinkButton>
          ),
        },
      ]}
    />
  );
}
