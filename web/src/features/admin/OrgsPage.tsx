import { ApartmentOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.admin.orgs: placeholder until the issue that builds this area. */
export default function OrgsPage() {
  return (
    <ComingLater
      id="admin-orgs"
      titleKey="nav.admin.orgs"
      descKey="page.admin.orgs.desc"
      icon={ApartmentOutlined}
    />
  );
}
