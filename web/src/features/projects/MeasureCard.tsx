import { useQuery } from "@tanstack/react-query";
import { Card, Statistic, Table, Tag } from "antd";
import { Link } from "react-router-dom";
import { api } from "../../api/client";
import type { Measure } from "./api";

type Figures = {
  bundles: {
    id: string;
    projectId: string;
    projectName: string;
    template: string;
    status: string;
    measure: Measure;
  }[];
  summary: { total: number; completed: number; sameDay: number; averageWorkingHours: number | null };
};

/** The supervisor's figure (怀远速度): contract-to-certificate working hours of every bundle. */
export function MeasureCard() {
  const q = useQuery({ queryKey: ["bundle-measure"], queryFn: () => api<Figures>("/api/bundles/measure") });
  if (!q.data) return null;
  const s = q.data.summary;
  return (
    <Card title="怀远速度 · 拿地即办证" data-testid="bundle-measure-card">
      <div style={{ display: "flex", gap: 48, marginBottom: 16 }}>
        <Statistic title="套餐办件" value={s.total} />
        <Statistic title="已全部发证" value={s.completed} />
        <Statistic title="当日办结" value={s.sameDay} />
        <Statistic title="平均工作小时" value={s.averageWorkingHours ?? "—"} />
      </div>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={q.data.bundles}
        columns={[
          {
            title: "项目",
            dataIndex: "projectName",
            render: (v: string, r) => <Link to={`/projects/${r.projectId}`}>{v}</Link>,
          },
          { title: "套餐", dataIndex: "template" },
          { title: "状态", dataIndex: "status", render: (v: string) => <Tag>{v}</Tag> },
          {
            title: "工作小时",
            render: (_: unknown, r) => (r.measure.workingHours === null ? "—" : r.measure.workingHours),
          },
          {
            title: "当日办结",
            render: (_: unknown, r) => (r.measure.sameDay ? <Tag color="gold">当日</Tag> : "—"),
          },
        ]}
      />
    </Card>
  );
}
