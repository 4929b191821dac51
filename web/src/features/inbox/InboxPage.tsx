import { InboxOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.inbox: placeholder until the issue that builds this area. */
export default function InboxPage() {
  return <ComingLater id="inbox" titleKey="nav.inbox" descKey="page.inbox.desc" icon={InboxOutlined} />;
}
