import { DashboardOutlined } from "@ant-design/icons";
import { Space } from "antd";
import { ComingLater } from "../../components/ComingLater";
import { MeasureCard } from "../projects/MeasureCard";

/** nav.dashboard: placeholder until the issue that builds this area; the 怀远速度 figure is live. */
export default function DashboardPage() {
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <ComingLater
        id="dashboard"
        titleKey="nav.dashboard"
        descKey="page.dashboard.desc"
        icon={DashboardOutlined}
      />
      <MeasureCard />
    </Space>
  );
}
