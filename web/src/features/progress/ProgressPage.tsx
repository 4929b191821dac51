import { FieldTimeOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.progress: placeholder until the issue that builds this area. */
export default function ProgressPage() {
  return (
    <ComingLater
      id="progress"
      titleKey="nav.progress"
      descKey="page.progress.desc"
      icon={FieldTimeOutlined}
    />
  );
}
