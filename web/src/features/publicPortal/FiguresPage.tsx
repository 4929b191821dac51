import { BarChartOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from "antd";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { Link } from "react-router-dom";
import { zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { EChart } from "../cases/tabs/EChart";
import { type TPublicFigures, usePublicFigures } from "./api";
import { OpenDataLink } from "./OpenDataLink";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Set_ = TPublicFigures["overall"];
type Ratio = Set_["completionRate"];
const RATES = ["completionRate", "onTimeRate", "satisfactionRate"] as const;
const COLORS = { completionRate: "#1677ff", onTimeRate: "#389e0d", satisfactionRate: "#d46b08" };

/** 0.8333 → "83.3%"; null → "—". */
const pct = (r: Ratio) => (r.value === null ? "—" : `${(r.value * 100).toFixed(1)}%`);
const pctValue = (r: Ratio) => (r.value === null ? null : Math.round(r.value * 1000) / 10);

type T = ReturnType<typeof useI18n>["t"];

/** The three rates of each row as chart series, in percent. */
function seriesOf(t: T, rows: Set_[], type: "line" | "bar") {
  return RATES.map((k) => ({
    name: t(`fig.${k}`),
    type,
    data: rows.map((r) => pctValue(r[k])),
    itemStyle: { color: COLORS[k] },
    connectNulls: true,
  }));
}

/** A chart with its accessible name; the same data are in the table below it. */
function Chart(props: { label: string; option: echarts.EChartsCoreOption; height: number; testId: string }) {
  return (
    <div role="img" aria-label={props.label} data-testid={props.testId}>
      <EChart option={props.option} style={{ height: props.height }} />
    </div>
  );
}

/**
 * `/figures` (public): the live figures of the last 12 months — completion, on-time and satisfaction
 * rates — overall, by month and by department, as charts (ECharts, loaded with this page's chunk) and as
 * tables, which are what a screen reader reads.
 */
export default function FiguresPage() {
  const { t } = useI18n();
  const q = usePublicFigures();
  const f = q.data;
  const monthOption = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : `${v}%`) },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: f.byMonth.map((m) => m.month) },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        series: seriesOf(t, f.byMonth, "line"),
      },
    [f, t],
  );
  const deptOption = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : `${v}%`) },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        yAxis: { type: "category", inverse: true, data: f.byDepartment.map((d) => d.orgName) },
        series: seriesOf(t, f.byDepartment, "bar"),
      },
    [f, t],
  );

  if (q.isLoading)
    return (
      <Card data-testid="page-figures">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (q.isError || !f)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="figures-error"
        title={t("pub.loadError")}
        action={
          <Button icon={<ReloadOutlined />} onClick={() => q.refetch()}>
            {t("pub.retry")}
          </Button>
        }
      />
    );
  const o = f.overall;
  const rateColumns = RATES.map((k) => ({
    title: t(`fig.${k}`),
    key: k,
    align: "right" as const,
    render: (_: unknown, r: Set_) => (
      <span title={t("fig.ofCount", { n: r[k].numerator, d: r[k].denominator })}>{pct(r[k])}</span>
    ),
  }));
  const counts = [
    { title: t("fig.accepted"), dataIndex: "accepted", align: "right" as const },
    { title: t("fig.completed"), dataIndex: "completed", align: "right" as const },
  ];
  const empty = o.accepted === 0 && o.completed === 0 && o.satisfactionRate.denominator === 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-figures">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <BarChartOutlined /> {t("fig.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t("fig.subtitle", { from: f.fromMonth, to: f.toMonth })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t("fig.accepted")} value={o.accepted} data-testid="fig-accepted" />
          </Col>
          {RATES.map((k) => (
            <Col xs={12} md={6} key={k}>
              <Statistic title={t(`fig.${k}`)} value={pct(o[k])} data-testid={`fig-${k}`} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("fig.ofCount", { n: o[k].numerator, d: o[k].denominator })}
              </Typography.Text>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {t("fig.definitions")}
        </Typography.Paragraph>
        <Space wrap size={16}>
          <OpenDataLink />
          <Link to="/satisfaction">{t("fig.satisfactionLink")}</Link>
        </Space>
      </Card>
      {empty ? (
        <Card>
          <Empty description={t("fig.empty")} />
        </Card>
      ) : (
        <>
          <Card title={t("fig.byMonth")} size="small">
            {monthOption && (
              <Chart
                label={t("fig.byMonthAria")}
                option={monthOption}
                height={300}
                testId="fig-month-chart"
              />
            )}
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t("fig.tableMonth")}
            </Typography.Title>
            <Table
              rowKey="month"
              size="small"
              pagination={false}
              dataSource={f.byMonth}
              scroll={{ x: 560 }}
              columns={[{ title: t("fig.month"), dataIndex: "month" }, ...counts, ...rateColumns]}
              data-testid="fig-month-table"
            />
          </Card>
          <Card title={t("fig.byDepartment")} size="small">
            {deptOption && (
              <Chart
                label={t("fig.byDepartmentAria")}
                option={deptOption}
                height={Math.max(200, 72 * f.byDepartment.length + 60)}
                testId="fig-dept-chart"
              />
            )}
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t("fig.tableDepartment")}
            </Typography.Title>
            <Table
              rowKey="orgName"
              size="small"
              pagination={false}
              dataSource={f.byDepartment}
              scroll={{ x: 560 }}
              columns={[
                { title: t("fig.department"), dataIndex: "orgName", render: zhCell },
                ...counts,
                ...rateColumns,
              ]}
              data-testid="fig-dept-table"
            />
          </Card>
        </>
      )}
    </Space>
  );
}
