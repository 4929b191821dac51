import { Alert, Button } from "antd";
import { Link, useLocation } from "react-router-dom";
import { useMe } from "../../auth/useMe";
import { useI18n } from "../../i18n/useT";
import { useCalendarStatus } from "./api";

/**
 * The warning that the coming year's holiday arrangement has not been imported (dates there are
 * provisional, 待国务院公布). Shown to administrators and supervisors only (`calendarStatus` ability);
 * renders nothing otherwise, while loading, or when the calendar is complete.
 */
export function CalendarStatusBanner() {
  const { locale, t } = useI18n();
  const { me } = useMe();
  const location = useLocation();
  const allowed = me?.abilities.calendarStatus === true;
  const q = useCalendarStatus(allowed);
  if (!allowed || !q.data?.warning || !q.data.message) return null;
  const isAdmin = me?.abilities.administer === true;
  const onPage = location.pathname.startsWith("/admin/calendar");
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-status-banner"
      style={{ marginBottom: 16 }}
      title={t("cal.status.title")}
      description={q.data.message[locale]}
      action={
        isAdmin && !onPage ? (
          <Link to="/admin/calendar">
            <Button size="small">{t("cal.status.action")}</Button>
          </Link>
        ) : undefined
      }
    />
  );
}
