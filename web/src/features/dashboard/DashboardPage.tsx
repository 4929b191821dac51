import { DashboardOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.dashboard: placeholder until the issue that builds this area. */
export default function DashboardPage() {
  return (
    <ComingLater
      id="dashboard"
      titleKey="nav.dashboard"
      descKey="page.dashboard.desc"
      icon={DashboardOutlined}
    />
  );
}
