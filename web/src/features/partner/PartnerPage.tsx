import { InteractionOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.partner: placeholder until the issue that builds this area. */
export default function PartnerPage() {
  return (
    <ComingLater id="partner" titleKey="nav.partner" descKey="page.partner.desc" icon={InteractionOutlined} />
  );
}
