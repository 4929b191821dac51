import { BookOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.guide: placeholder until the issue that builds this area. */
export default function GuidePage() {
  return <ComingLater id="guide" titleKey="nav.guide" descKey="page.guide.desc" icon={BookOutlined} />;
}
