import { SafetyCertificateOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.verify: placeholder until the issue that builds this area. */
export default function VerifyPage() {
  return (
    <ComingLater
      id="verify"
      titleKey="nav.verify"
      descKey="page.verify.desc"
      icon={SafetyCertificateOutlined}
    />
  );
}
