import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type ReactNode, useMemo, useState } from "react";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { officeToday } from "../cases/labels";
import { EChart } from "../cases/tabs/EChart";
import { type DrillQuery, type TSupervisionDashboard, useSupervisionDashboard } from "./api";
import { CaseDrawer, CLOCK_COLOR } from "./CaseDrawer";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Figures = TSupervisionDashboard["overall"];
type RatioKey = "completionRate" | "onTimeRate" | "onSpotRate" | "satisfactionRate";
const RATIOS: RatioKey[] = ["completionRate", "onTimeRate", "satisfactionRate", "onSpotRate"];
const CLOCKS = ["normal", "yellow", "red", "paused"] as const;

/** 0.8333 → "83.3%"; null → "—". */
export const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** The last `n` months ending this one, newest first. */
export function recentMonths(n: number): string[] {
  const [y, m] = officeToday().slice(0, 7).split("-").map(Number);
  return Array.from({ length: n }, (_, i) => {
    const t = y * 12 + (m - 1) - i;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
  });
}

/** A chart with its accessible name; the data are in the tables beside it. */
function Chart(props: { label: string; option: echarts.EChartsCoreOption; height: number; testId: string }) {
  return (
    <div role="img" aria-label={props.label} data-testid={props.testId}>
      <EChart option={props.option} style={{ height: props.height }} />
    </div>
  );
}

/** A KPI card: the figure, its numerator and denominator, and the way to its cases. */
function Kpi(props: { code: string; title: string; value: ReactNode; sub?: string; onDrill: () => void }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid={`kpi-${props.code}`} style={{ height: "100%" }}>
      <Typography.Text type="secondary">{props.title}</Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }} data-testid={`kpi-${props.code}-value`}>
        {props.value}
      </div>
      <Space size={8} wrap>
        {props.sub && <Typography.Text type="secondary">{props.sub}</Typography.Text>}
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={props.onDrill}
          data-testid={`drill-${props.code}`}
        >
          {t("sv.drill")}
        </Button>
      </Space>
    </Card>
  );
}

/**
 * The supervisor's figures (getSupervisionDashboard): KPIs, 12-month trend, offices, clock states, alerts
 * by rule, tables per office and per person; every figure opens the cases behind it.
 */
export function FiguresPanel() {
  const { t, locale } = useI18n();
  const months = useMemo(() => recentMonths(24), []);
  const [from, setFrom] = useState(months[5]);
  const [to, setTo] = useState(months[0]);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const period = { from: [from, to].sort()[0], to, orgId };
  const q = useSupervisionDashboard(period);
  const [drill, setDrill] = useState<DrillQuery | null>(null);
  const open = (x: Omit<DrillQuery, "from" | "to" | "orgId"> & { orgId?: string }) =>
    setDrill({ ...period, ...x, orgId: x.orgId ?? orgId });
  const d = q.data;

  const ratioSub = (r: Figures[RatioKey]) => t("sv.ofCount", { n: r.numerator, d: r.denominator });
  const trendOption = useMemo(
    () =>
      d && {
        tooltip: { trigger: "axis", valueFormatter: (v: number) => `${v}%` },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 60, bottom: 28 },
        xAxis: { type: "category", data: d.trend.map((m) => m.month.slice(2)) },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        series: RATIOS.map((k) => ({
          name: t(`sv.${k}`),
          type: "line",
          connectNulls: true,
          data: d.trend.map((m) => (m[k].value === null ? null : Math.round(m[k].value * 1000) / 10)),
        })),
      },
    [d, t],
  );
  const deptOption = useMemo(
    () =>
      d && {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: {
          type: "category",
          data: d.byDepartment.map((o) => o.orgName),
          inverse: true,
          axisLabel: { width: 120, overflow: "truncate" },
        },
        series: [
          { name: t("sv.completed"), type: "bar", data: d.byDepartment.map((o) => o.completed) },
          { name: t("sv.onTimeCount"), type: "bar", data: d.byDepartment.map((o) => o.onTimeRate.numerator) },
        ],
      },
    [d, t],
  );
  const clockOption = useMemo(
    () =>
      d && {
        tooltip: {},
        grid: { left: 32, right: 16, top: 16, bottom: 28 },
        xAxis: { type: "category", data: CLOCKS.map((c) => t(`sv.clock.${c}`)) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          {
            type: "bar",
            data: CLOCKS.map((c) => ({
              value: d.clockStates[c],
              itemStyle: {
                color: { normal: "#52c41a", yellow: "#faad14", red: "#cf1322", paused: "#1677ff" }[c],
              },
            })),
          },
        ],
      },
    [d, t],
  );
  const alertOption = useMemo(
    () =>
      d && {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: {
          type: "category",
          data: d.alertsByRule.map((a) => a.ruleName[locale]),
          inverse: true,
          axisLabel: { width: 120, overflow: "truncate" },
        },
        series: [
          {
            name: t("sv.alertsRaised"),
            type: "bar",
            data: d.alertsByRule.map((a) => a.raised),
            itemStyle: { color: "#cf1322" },
          },
          {
            name: t("sv.alertsClosed"),
            type: "bar",
            data: d.alertsByRule.map((a) => a.closed),
            itemStyle: { color: "#52c41a" },
          },
        ],
      },
    [d, t, locale],
  );

  const figureColumns = <R extends Figures>(drillOf: (r: R) => { orgId?: string; userId?: string }) => [
    {
      title: t("sv.accepted"),
      key: "accepted",
      render: (_: unknown, r: R) => (
        <Button type="link" size="small" onClick={() => open({ figure: "accepted", ...drillOf(r) })}>
          {r.accepted}
        </Button>
      ),
    },
    {
      title: t("sv.completed"),
      key: "completed",
      render: (_: unknown, r: R) => (
        <Button type="link" size="small" onClick={() => open({ figure: "completed", ...drillOf(r) })}>
          {r.completed}
        </Button>
      ),
    },
    ...RATIOS.map((k) => ({
      title: t(`sv.${k}`),
      key: k,
      render: (_: unknown, r: R) => (
        <Button type="link" size="small" onClick={() => open({ figure: k, ...drillOf(r) })}>
          {pct(r[k].value)}
        </Button>
      ),
    })),
    {
      title: t("sv.visitsPerCase"),
      key: "visits",
      render: (_: unknown, r: R) => (
        <Button type="link" size="small" onClick={() => open({ figure: "visitsPerCase", ...drillOf(r) })}>
          {r.visitsPerCase.value ?? "—"}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t("sv.figures")} data-testid="sv-figures">
      <div style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            aria-label={t("sv.org")}
            style={{ minWidth: 180 }}
            value={orgId ?? ""}
            onChange={(v) => setOrgId(v || undefined)}
            options={[
              { value: "", label: t("sv.wholeTree") },
              ...(d?.orgs
                .filter((o) => o.depth > 0)
                .map((o) => ({ value: o.id, label: `${"· ".repeat(o.depth - 1)}${o.name}` })) ?? []),
            ]}
            data-testid="sv-org"
          />
          <Select
            aria-label={`${t("sv.period")} ${t("sv.month")}`}
            value={from}
            onChange={setFrom}
            options={months.map((m) => ({ value: m, label: m }))}
            data-testid="sv-from"
          />
          <span>–</span>
          <Select
            aria-label={`${t("sv.period")} ${t("sv.month")}`}
            value={to}
            onChange={setTo}
            options={months.map((m) => ({ value: m, label: m }))}
            data-testid="sv-to"
          />
        </Space>
      </div>
      {q.error ? (
        <Alert
          type="error"
          showIcon
          title={t("sv.loadFailed")}
          action={<Button onClick={() => q.refetch()}>{t("sv.retry")}</Button>}
        />
      ) : q.isPending || !d ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Row gutter={[12, 12]}>
            <Col flex="1 1 150px">
              <Kpi
                code="accepted"
                title={t("sv.accepted")}
                value={d.overall.accepted}
                onDrill={() => open({ figure: "accepted" })}
              />
            </Col>
            <Col flex="1 1 150px">
              <Kpi
                code="completed"
                title={t("sv.completed")}
                value={d.overall.completed}
                onDrill={() => open({ figure: "completed" })}
              />
            </Col>
            {RATIOS.map((k) => (
              <Col flex="1 1 150px" key={k}>
                <Kpi
                  code={k}
                  title={t(`sv.${k}`)}
                  value={pct(d.overall[k].value)}
                  sub={ratioSub(d.overall[k])}
                  onDrill={() => open({ figure: k })}
                />
              </Col>
            ))}
            <Col flex="1 1 150px">
              <Kpi
                code="visitsPerCase"
                title={t("sv.visitsPerCase")}
                value={d.overall.visitsPerCase.value ?? "—"}
                onDrill={() => open({ figure: "visitsPerCase" })}
              />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("sv.definitions")}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t("sv.trend")}>
                {trendOption && (
                  <Chart
                    testId="sv-trend-chart"
                    label={t("sv.trendAria")}
                    option={trendOption}
                    height={260}
                  />
                )}
                <Collapse
                  ghost
                  size="small"
                  items={[
                    {
                      key: "table",
                      label: t("sv.showTable"),
                      children: (
                        <Table
                          rowKey="month"
                          size="small"
                          pagination={false}
                          scroll={{ x: 600 }}
                          dataSource={d.trend}
                          columns={[
                            { title: t("sv.month"), dataIndex: "month" },
                            { title: t("sv.accepted"), dataIndex: "accepted" },
                            { title: t("sv.completed"), dataIndex: "completed" },
                            ...RATIOS.map((k) => ({
                              title: t(`sv.${k}`),
                              key: k,
                              render: (_: unknown, m: Figures) => pct(m[k].value),
                            })),
                          ]}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t("sv.clockStates")}>
                {clockOption && (
                  <Chart
                    testId="sv-clock-chart"
                    label={t("sv.clockAria")}
                    option={clockOption}
                    height={180}
                  />
                )}
                <Space wrap>
                  {CLOCKS.map((c) => (
                    <Tag
                      key={c}
                      color={CLOCK_COLOR[c]}
                      style={{ cursor: "pointer" }}
                      onClick={() => open({ figure: "clockState", clockState: c })}
                      data-testid={`drill-clock-${c}`}
                    >
                      {t(`sv.clock.${c}`)} {d.clockStates[c]}
                    </Tag>
                  ))}
                </Space>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t("sv.byDeptChart")}>
                {d.byDepartment.length === 0 ? (
                  <Empty description={t("sv.empty")} />
                ) : (
                  deptOption && (
                    <Chart
                      testId="sv-dept-chart"
                      label={t("sv.byDeptAria")}
                      option={deptOption}
                      height={Math.max(160, 44 * d.byDepartment.length + 48)}
                    />
                  )
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t("sv.alertsByRule")}
                extra={
                  <Typography.Text type="secondary">
                    {t("sv.training")}: {d.trainingAttended}
                  </Typography.Text>
                }
              >
                {d.alertsByRule.length === 0 ? (
                  <Empty description={t("sv.noAlerts")} />
                ) : (
                  <>
                    {alertOption && (
                      <Chart
                        testId="sv-alert-chart"
                        label={t("sv.alertsAria")}
                        option={alertOption}
                        height={Math.max(140, 40 * d.alertsByRule.length + 48)}
                      />
                    )}
                    <Space wrap>
                      {d.alertsByRule.map((a) => (
                        <Tag
                          key={a.rule}
                          style={{ cursor: "pointer" }}
                          onClick={() => open({ figure: "alerts", rule: a.rule })}
                          data-testid={`drill-alert-${a.rule}`}
                        >
                          {a.ruleName[locale]} {a.raised}/{a.closed}
                        </Tag>
                      ))}
                    </Space>
                  </>
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("sv.byDepartment")}>
            <Table
              rowKey="orgId"
              size="small"
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t("sv.empty") }}
              dataSource={d.byDepartment}
              data-testid="sv-dept-table"
              columns={[
                { title: t("sv.department"), dataIndex: "orgName", fixed: "left" as const, render: zhCell },
                ...figureColumns((r: TSupervisionDashboard["byDepartment"][number]) => ({ orgId: r.orgId })),
              ]}
            />
          </Card>
          <Card size="small" title={t("sv.byPerson")}>
            <Table
              rowKey="userId"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t("sv.empty") }}
              dataSource={d.byPerson}
              data-testid="sv-person-table"
              columns={[
                { title: t("sv.person"), dataIndex: "name", fixed: "left" as const, render: zhCell },
                { title: t("sv.department"), dataIndex: "orgName", render: zhCell },
                ...figureColumns((r: TSupervisionDashboard["byPerson"][number]) => ({ userId: r.userId })),
              ]}
            />
          </Card>
        </Space>
      )}
      <CaseDrawer query={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
