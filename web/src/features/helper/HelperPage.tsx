import { TeamOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.helper: placeholder until the issue that builds this area. */
export default function HelperPage() {
  return <ComingLater id="helper" titleKey="nav.helper" descKey="page.helper.desc" icon={TeamOutlined} />;
}
