import { CalendarOutlined } from "@ant-design/icons";
import { ComingLater } from "../../components/ComingLater";

/** nav.admin.calendar: placeholder until the issue that builds this area. */
export default function CalendarPage() {
  return (
    <ComingLater
      id="admin-calendar"
      titleKey="nav.admin.calendar"
      descKey="page.admin.calendar.desc"
      icon={CalendarOutlined}
    />
  );
}
