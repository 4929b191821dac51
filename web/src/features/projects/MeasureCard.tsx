import { useQuery } from "@tanstack/react-query";
import { Card, Statistic, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import { call, yz } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { bundleStatusKey } from "./BundleCard";

/** The supervisor's figure (怀远速度): contract-to-certificate working hours of every bundle. */
export function MeasureCard() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ["bundle-measure"], queryFn: () => call(yz.GET("/api/bundles/measure")) });
  if (!q.data) return null;
  const s = q.data.summary;
  return (
    <Card title={t("prj.measure.cardTitle")} data-testid="bundle-measure-card">
      <div style={{ display: "flex", gap: 48, marginBottom: 16 }}>
        <Statistic title={t("prj.measure.total")} value={s.total} />
        <Statistic title={t("prj.measure.completed")} value={s.completed} />
        <Statistic title={t("prj.measure.sameDay")} value={s.sameDay} />
        <Statistic title={t("prj.measure.average")} value={s.averageWorkingHours ?? "—"} />
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data.bundles}
        columns={[
          {
            title: t("prj.measure.project"),
            dataIndex: "projectName",
            render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link>,
          },
          { title: t("prj.measure.template"), dataIndex: "template" },
          {
            title: t("prj.bundle.status"),
            dataIndex: "status",
            render: (v: string) => <Tag>{t(bundleStatusKey(v)) ?? v}</Tag>,
          },
          {
            title: t("prj.measure.workingHours"),
            render: (_: unknown, r) => (r.measure.workingHours === null ? "—" : r.measure.workingHours),
          },
          {
            title: t("prj.measure.sameDay"),
            render: (_: unknown, r) =>
              r.measure.sameDay ? <Tag color="gold">{t("prj.measure.sameDayTag")}</Tag> : "—",
          },
        ]}
      />
    </Card>
  );
}
