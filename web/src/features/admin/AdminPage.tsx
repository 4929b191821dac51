import { SettingOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.admin: placeholder until the issue that builds this area. */
export default function AdminPage() {
  return <ComingLater id="admin" titleKey="nav.admin" descKey="page.admin.desc" icon={SettingOutlined} />;
}
