import { Button, Empty, Result, Skeleton, Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { useI18n } from "../../i18n/useT";
import { useCases } from "../cases/api";
import { ClockTag } from "../cases/ClockTag";
import { formatDateTime } from "../cases/labels";
import { StatusTag } from "../cases/StatusTag";
import type { CaseSummary } from "../cases/types";

type Props = { kind: "cases" | "drafts" };

/** 我的办件 (every case but drafts) or 草稿 (drafts, to resume). */
export function CaseList({ kind }: Props) {
  const { t, locale } = useI18n();
  const q = useCases(kind === "drafts" ? { queue: "drafts", limit: 100 } : { queue: "mine", limit: 200 });
  if (q.isLoading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (q.isError)
    return (
      <Result
        status="error"
        title={t("portal.loadError")}
        subTitle={q.error.message}
        extra={<Button onClick={() => q.refetch()}>{t("cases.retry")}</Button>}
      />
    );
  const items = (q.data?.items ?? []).filter((c) =>
    kind === "drafts" ? c.status === "draft" : c.status !== "draft",
  );
  if (items.length === 0)
    return (
      <Empty
        data-testid={`portal-empty-${kind}`}
        description={t(kind === "drafts" ? "portal.noDrafts" : "portal.noCases")}
      >
        {kind === "cases" ? (
          <Link to="/guide">{t("portal.toGuide")}</Link>
        ) : (
          <Link to="/portal/apply">{t("portal.newApplication")}</Link>
        )}
      </Empty>
    );
  const open = (c: CaseSummary) =>
    c.status === "draft" || c.status === "correction_requested" ? `/portal/apply/${c.id}` : `/cases/${c.id}`;
  return (
    <Table<CaseSummary>
      data-testid={`portal-${kind}`}
      rowKey="id"
      size="middle"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      columns={[
        {
          title: t("case.item"),
          key: "item",
          render: (_, c) => (
            <div data-testid="portal-case-row" data-number={c.number}>
              <Link to={`/cases/${c.id}`}>{c.itemName}</Link>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.number} · {c.title}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t("case.status"),
          key: "status",
          width: 150,
          render: (_, c) => <StatusTag status={c.status} label={c.statusLabel} />,
        },
        ...(kind === "cases"
          ? [
              {
                title: t("case.clock"),
                key: "clock",
                width: 260,
                render: (_: unknown, c: CaseSummary) => <ClockTag clock={c.clock} />,
              },
            ]
          : [
              {
                title: t("portal.updated"),
                key: "created",
                width: 170,
                render: (_: unknown, c: CaseSummary) => formatDateTime(c.createdAt),
              },
            ]),
        { title: t("case.nextStep"), key: "next", render: (_, c) => c.nextStep[locale] },
        {
          title: "",
          key: "open",
          width: 110,
          render: (_, c) => (
            <Link to={open(c)} data-testid={`portal-open-${c.status}`}>
              {t(
                c.status === "draft"
                  ? "portal.resume"
                  : c.status === "correction_requested"
                    ? "portal.correct"
                    : "portal.view",
              )}
            </Link>
          ),
        },
      ]}
    />
  );
}
