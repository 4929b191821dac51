import { DashboardOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { call, yz } from "../../api/client";
import { useT } from "../../i18n/useT";
import { useAlerts } from "../alerts/api";
import { useSatisfactionStats } from "../evaluations/api";
import { MeasureCard } from "../projects/MeasureCard";
import { FiguresPanel } from "../supervision/FiguresPanel";

/** One card of the desk: its figures, or a skeleton while loading, or the error, and a link to act on them. */
function DeskCard(props: {
  testId: string;
  title: string;
  link: { to: string; label: string };
  loading: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Card
      title={props.title}
      data-testid={props.testId}
      extra={<Link to={props.link.to}>{props.link.label}</Link>}
      style={{ height: "100%" }}
    >
      {props.error ? (
        <Alert type="error" showIcon title={t("dashboard.loadFailed")} />
      ) : props.loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div style={{ display: "flex", flexWrap: "wrap", gap: "16px 40px" }}>{props.children}</div>
      )}
    </Card>
  );
}

/**
 * nav.dashboard: the supervisor's desk — the case figures with trends, offices, people and drill-down
 * (FiguresPanel), satisfaction and rectifications (好差评), questions waiting for an answer (首问负责制),
 * alerts, and the 怀远速度 figure of land-to-certificate bundles.
 */
export default function DashboardPage() {
  const t = useT();
  const stats = useSatisfactionStats();
  const inquiries = useQuery({
    queryKey: ["inquiries", "desk", "counts"],
    queryFn: () => call(yz.GET("/api/inquiries", { params: { query: { status: "open" } } })),
  });
  const alerts = useAlerts({ status: "open" });
  const s = stats.data;
  const ac = alerts.data?.counts;
  const c = inquiries.data?.counts;
  const rate = s?.overall.rate;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="page-dashboard">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
          <DashboardOutlined /> {t("nav.dashboard")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("page.dashboard.desc")}</Typography.Text>
      </div>
      <FiguresPanel />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <DeskCard
            testId="dashboard-satisfaction"
            title={t("dashboard.satisfaction")}
            link={{ to: "/supervision/evaluations", label: t("dashboard.toRectifications") }}
            loading={stats.isPending}
            error={stats.error}
          >
            <Statistic
              title={t("dashboard.rate")}
              value={rate == null ? "—" : (rate * 100).toFixed(1)}
              suffix={rate == null ? undefined : "%"}
            />
            <Statistic title={t("dashboard.ratings")} value={s?.overall.ratings ?? 0} />
            <Statistic title={t("dashboard.bad")} value={s?.overall.bad ?? 0} />
            <Statistic title={t("dashboard.openRectifications")} value={s?.rectifications.open ?? 0} />
            <Statistic
              title={t("dashboard.overdueRectifications")}
              value={s?.rectifications.overdue ?? 0}
              styles={{ content: { color: s?.rectifications.overdue ? "#a8071a" : undefined } }}
            />
          </DeskCard>
        </Col>
        <Col xs={24} lg={12}>
          <DeskCard
            testId="dashboard-inquiries"
            title={t("dashboard.inquiries")}
            link={{ to: "/inquiries", label: t("dashboard.toInquiries") }}
            loading={inquiries.isPending}
            error={inquiries.error}
          >
            <Statistic title={t("dashboard.unclaimed")} value={c?.unclaimed ?? 0} />
            <Statistic title={t("dashboard.open")} value={c?.open ?? 0} />
            <Statistic
              title={t("dashboard.overdueInquiries")}
              value={c?.overdue ?? 0}
              styles={{ content: { color: c?.overdue ? "#a8071a" : undefined } }}
            />
            <Statistic title={t("dashboard.answered")} value={c?.answered ?? 0} />
          </DeskCard>
        </Col>
        <Col xs={24} lg={12}>
          <DeskCard
            testId="dashboard-alerts"
            title={t("dashboard.alerts")}
            link={{ to: "/supervision/alerts", label: t("dashboard.toAlerts") }}
            loading={alerts.isPending}
            error={alerts.error}
          >
            <Statistic
              title={t("dashboard.alertsOpen")}
              value={ac?.open ?? 0}
              styles={{ content: { color: ac?.open ? "#a8071a" : undefined } }}
            />
            <Statistic title={t("dashboard.alertsAcknowledged")} value={ac?.acknowledged ?? 0} />
            <Statistic title={t("dashboard.alertsClosed")} value={ac?.closed ?? 0} />
          </DeskCard>
        </Col>
      </Row>
      <MeasureCard />
    </Space>
  );
}
