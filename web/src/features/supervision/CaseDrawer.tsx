import { Alert, Drawer, Empty, Grid, Skeleton, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { caseStatusKey } from "../cases/labels";
import { type DrillQuery, type TSupervisionCaseList, useSupervisionCases } from "./api";

type Row = TSupervisionCaseList["items"][number];

/** The cases behind one figure (listSupervisionCases), each linking to its case page. */
export function CaseDrawer({ query, onClose }: { query: DrillQuery | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const q = useSupervisionCases(query);
  const screens = Grid.useBreakpoint();
  const d = q.data;
  return (
    <Drawer
      open={query !== null}
      onClose={onClose}
      size={screens.md ? "large" : "100%"}
      title={d ? t("sv.drillTitle", { figure: d.figureName[locale] }) : t("sv.drill")}
      destroyOnHidden
    >
      <div data-testid="sv-drill">
        {q.error ? (
          <Alert type="error" showIcon title={t("sv.loadFailed")} />
        ) : q.isPending ? (
          <Skeleton active />
        ) : d && d.items.length === 0 ? (
          <Empty description={t("sv.noCases")} />
        ) : d ? (
          <>
            <Typography.Paragraph type="secondary" data-testid="sv-drill-summary">
              {t("sv.drillCounted", { counted: d.counted, total: d.total })}
            </Typography.Paragraph>
            <Table<Row>
              rowKey="id"
              size="small"
              dataSource={d.items}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 720 }}
              columns={[
                {
                  title: t("sv.caseNumber"),
                  dataIndex: "number",
                  render: (n: string, r) => (
                    <Link to={`/cases/${r.id}`} data-testid={`sv-drill-case-${r.id}`}>
                      {n}
                    </Link>
                  ),
                },
                { title: t("sv.item"), dataIndex: "itemName", ellipsis: true, render: zhCell },
                { title: t("sv.status"), dataIndex: "status", render: (s: string) => t(caseStatusKey(s)) },
                { title: t("sv.acceptedOn"), dataIndex: "acceptedOn", render: (v) => v ?? "—" },
                { title: t("sv.completedOn"), dataIndex: "completedOn", render: (v) => v ?? "—" },
                { title: t("sv.deadline"), dataIndex: "deadline", render: (v) => v ?? "—" },
                {
                  title: t("sv.onTime"),
                  dataIndex: "onTime",
                  render: (v: boolean | null, r) =>
                    v === null ? (
                      r.clockState ? (
                        <Tag color={CLOCK_COLOR[r.clockState]}>{t(`sv.clock.${r.clockState}`)}</Tag>
                      ) : (
                        "—"
                      )
                    ) : (
                      <Tag color={v ? "green" : "red"}>{t(v ? "sv.onTime" : "sv.late")}</Tag>
                    ),
                },
                {
                  title: t("sv.onSpot"),
                  dataIndex: "finishedOnSpot",
                  render: (v: boolean) => (v ? "✓" : ""),
                },
                { title: t("sv.visits"), dataIndex: "visits" },
                {
                  title: t("sv.counted"),
                  dataIndex: "counted",
                  render: (v: boolean) => (
                    <Tag color={v ? "blue" : "default"}>{t(v ? "sv.counted" : "sv.notCounted")}</Tag>
                  ),
                },
              ]}
            />
          </>
        ) : null}
      </div>
    </Drawer>
  );
}

export const CLOCK_COLOR: Record<string, string> = {
  normal: "green",
  yellow: "gold",
  red: "red",
  paused: "blue",
};
