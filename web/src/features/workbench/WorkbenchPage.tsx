import { SolutionOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.workbench: placeholder until the issue that builds this area. */
export default function WorkbenchPage() {
  return (
    <ComingLater
      id="workbench"
      titleKey="nav.workbench"
      descKey="page.workbench.desc"
      icon={SolutionOutlined}
    />
  );
}
