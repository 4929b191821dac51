import { HomeOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.portal: placeholder until the issue that builds this area. */
export default function PortalPage() {
  return <ComingLater id="portal" titleKey="nav.portal" descKey="page.portal.desc" icon={HomeOutlined} />;
}
