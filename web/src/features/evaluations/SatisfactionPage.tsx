import { LikeOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from "antd";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useMemo } from "react";
import { dataLang, ZhText, zhCell } from "../../components/ZhText";
import { useI18n } from "../../i18n/useT";
import { EChart } from "../cases/tabs/EChart";
import { type TSatisfactionStats, useSatisfactionStats } from "./api";
import { LevelTag, percent } from "./labels";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row_ = TSatisfactionStats["byItem"][number];

/** `/satisfaction` (public): the published 好差评 figures — rate, ratings, bad ratings and their rectification. */
export default function SatisfactionPage() {
  const { t } = useI18n();
  const q = useSatisfactionStats();
  const s = q.data;
  const monthOption = useMemo(
    () =>
      s && {
        tooltip: { trigger: "axis" },
        legend: { data: [t("stats.ratings"), t("stats.rate")], top: 0 },
        grid: { left: 48, right: 56, top: 64, bottom: 32 },
        xAxis: { type: "category", data: s.byMonth.map((m) => m.month) },
        yAxis: [
          { type: "value", name: t("stats.ratings"), minInterval: 1 },
          { type: "value", name: "%", min: 0, max: 100 },
        ],
        series: [
          {
            name: t("stats.ratings"),
            type: "bar",
            data: s.byMonth.map((m) => m.ratings),
            itemStyle: { color: "#91caff" },
          },
          {
            name: t("stats.rate"),
            type: "line",
            yAxisIndex: 1,
            data: s.byMonth.map((m) => (m.rate === null ? null : Math.round(m.rate * 1000) / 10)),
            itemStyle: { color: "#389e0d" },
            connectNulls: true,
          },
        ],
      },
    [s, t],
  );
  const deptOption = useMemo(
    () =>
      s && {
        tooltip: { trigger: "axis" },
        grid: { left: 8, right: 40, top: 16, bottom: 16, containLabel: true },
        xAxis: { type: "value", min: 0, max: 100, interval: 50, axisLabel: { formatter: "{value}%" } },
        yAxis: { type: "category", data: s.byDepartment.map((d) => d.orgName), inverse: true },
        series: [
          {
            name: t("stats.rate"),
            type: "bar",
            data: s.byDepartment.map((d) => (d.rate === null ? 0 : Math.round(d.rate * 1000) / 10)),
            label: { show: true, position: "right", formatter: "{c}%" },
            itemStyle: { color: "#1677ff" },
          },
        ],
      },
    [s, t],
  );

  if (q.isLoading)
    return (
      <Card data-testid="page-satisfaction">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (q.isError || !s)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="stats-error"
        title={t("stats.loadError")}
        action={
          <Button icon={<ReloadOutlined />} onClick={() => q.refetch()}>
            {t("stats.retry")}
          </Button>
        }
      />
    );
  const o = s.overall;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-satisfaction">
      <Card>
        <Typography.Title level={4} data-testid="page-title">
          <LikeOutlined /> {t("stats.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t("stats.subtitle", { from: s.fromMonth, to: s.toMonth })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t("stats.rate")} value={percent(o.rate)} data-testid="stats-rate" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t("stats.ratings")} value={o.ratings} data-testid="stats-ratings" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t("stats.bad")} value={o.bad} data-testid="stats-bad" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t("stats.rectified")}
              value={`${s.rectifications.rectified} / ${s.rectifications.rectified + s.rectifications.open}`}
              data-testid="stats-rectified"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("stats.rectOpen")} {s.rectifications.open} · {t("stats.rectOverdue")}{" "}
              {s.rectifications.overdue} · {t("stats.rectVoid")} {s.rectifications.void}
            </Typography.Text>
          </Col>
        </Row>
      </Card>
      {o.ratings === 0 ? (
        <Card>
          <Empty description={t("stats.empty")} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card title={t("stats.byMonth")} size="small">
                {monthOption && <EChart option={monthOption} style={{ height: 300 }} />}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t("stats.byDepartment")} size="small">
                {deptOption && (
                  <EChart
                    option={deptOption}
                    style={{ height: Math.max(160, 48 * s.byDepartment.length + 40) }}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Card title={t("stats.byItem")} size="small">
            <Table<Row_>
              rowKey="itemCode"
              size="small"
              pagination={false}
              dataSource={s.byItem}
              scroll={{ x: 560 }}
              data-testid="stats-items"
              columns={[
                { title: t("stats.item"), dataIndex: "itemName", render: zhCell },
                { title: t("stats.ratings"), dataIndex: "ratings", align: "right" },
                { title: t("stats.rate"), key: "rate", align: "right", render: (_, r) => percent(r.rate) },
                { title: t("stats.bad"), dataIndex: "bad", align: "right" },
              ]}
            />
          </Card>
        </>
      )}
      <Card title={t("stats.comments")} size="small">
        {s.comments.length === 0 ? (
          <Empty description={t("stats.noComments")} />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="stats-comments">
            {s.comments.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: published comments carry no id
              <div key={i} style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}>
                <Space wrap>
                  <LevelTag level={c.level} />
                  <Typography.Text type="secondary">
                    <ZhText>{c.itemName}</ZhText> · {c.month}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph style={{ margin: "4px 0 0" }} lang={dataLang(c.text)}>
                  {c.text}
                </Typography.Paragraph>
              </div>
            ))}
          </Space>
        )}
      </Card>
    </Space>
  );
}
