import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Card, Col, DatePicker, Row, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useMe } from "../../auth/useMe";
import { useI18n } from "../../i18n/useT";
import { useOrganizations } from "./api";
import { ImportPanel } from "./ImportPanel";
import { initialMonth, MonthGrid } from "./MonthGrid";
import { OverridesPanel } from "./OverridesPanel";

const LEGEND = [
  { key: "cal.legend.holiday", color: "#cf1322" },
  { key: "cal.legend.makeup", color: "#1d39c4" },
  { key: "cal.legend.weekend", color: "#666666" },
  { key: "cal.legend.closed", color: "#ad4e00" },
  { key: "cal.legend.open", color: "#2f7512" },
] as const;

/**
 * 工作日历 (admin): the month grid of an organization's working days, the import of a new year's
 * State Council arrangement (preview, then save), and local changes. `?month=YYYY-MM` opens a month.
 * The missing-year warning (CalendarStatusBanner) is shown by the shell above every page.
 */
export default function CalendarAdminPage() {
  const { t } = useI18n();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const [month, setMonthState] = useState<Dayjs>(() => initialMonth(params.get("month")));
  const adminOrg = me?.roles.find((r) => r.role === "admin")?.orgCode ?? null;
  const [org, setOrg] = useState<string | null>(adminOrg);
  const orgs = useOrganizations();

  const setMonth = (m: Dayjs) => {
    const next = m.startOf("month");
    setMonthState(next);
    setParams({ month: next.format("YYYY-MM") }, { replace: true });
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-admin-calendar">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
          {t("cal.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("cal.subtitle")}</Typography.Text>
      </div>
      <Card
        title={
          <Space wrap>
            <Button
              icon={<LeftOutlined />}
              aria-label={t("cal.prevMonth")}
              data-testid="cal-prev"
              onClick={() => setMonth(month.subtract(1, "month"))}
            />
            <DatePicker
              aria-label={t("cal.month")}
              picker="month"
              allowClear={false}
              value={month}
              onChange={(v) => v && setMonth(v)}
              minDate={dayjs("2007-01-01")}
              maxDate={dayjs("2100-12-31")}
              data-testid="cal-month"
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t("cal.nextMonth")}
              data-testid="cal-next"
              onClick={() => setMonth(month.add(1, "month"))}
            />
            <Button onClick={() => setMonth(dayjs())}>{t("cal.today")}</Button>
          </Space>
        }
        extra={
          <Select<string>
            style={{ width: 260 }}
            value={org ?? ""}
            onChange={(v) => setOrg(v === "" ? null : v)}
            aria-label={t("cal.org")}
            data-testid="cal-org"
            options={[
              { value: "", label: t("cal.orgNational") },
              ...(orgs.data ?? []).map((o) => ({ value: o.code, label: `${"　".repeat(o.depth)}${o.name}` })),
            ]}
          />
        }
      >
        <MonthGrid month={month} org={org} />
        <Space wrap size="middle" style={{ marginTop: 12 }}>
          {LEGEND.map((l) => (
            <Typography.Text key={l.key} style={{ color: l.color, fontSize: 12 }}>
              ■ {t(l.key)}
            </Typography.Text>
          ))}
          <Typography.Text style={{ fontSize: 12 }} type="secondary">
            ┆ {t("cal.provisional")}
          </Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t("cal.import.title")}>
            <ImportPanel />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("cal.ovr.title")}>
            <OverridesPanel defaultOrg={adminOrg} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
