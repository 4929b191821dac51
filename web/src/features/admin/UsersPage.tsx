import { UserOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.admin.users: placeholder until the issue that builds this area. */
export default function UsersPage() {
  return (
    <ComingLater
      id="admin-users"
      titleKey="nav.admin.users"
      descKey="page.admin.users.desc"
      icon={UserOutlined}
    />
  );
}
