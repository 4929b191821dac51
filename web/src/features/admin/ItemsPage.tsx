import { ProfileOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.admin.items: placeholder until the issue that builds this area. */
export default function ItemsPage() {
  return (
    <ComingLater
      id="admin-items"
      titleKey="nav.admin.items"
      descKey="page.admin.items.desc"
      icon={ProfileOutlined}
    />
  );
}
