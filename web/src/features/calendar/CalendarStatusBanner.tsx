import { Alert, Button, Grid } from "antd";
import { useState } from "react";
import { useLocation } from "react-router-dom";
import { useMe } from "../../auth/useMe";
import { LinkButton } from "../../components/LinkButton";
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
  const phone = Grid.useBreakpoint().sm === false;
  const [expanded, setExpanded] = useState(false);
  if (!allowed || !q.data?.warning || !q.data.message) return null;
  const isAdmin = me?.abilities.administer === true;
  const onPage = location.pathname.startsWith("/admin/calendar");
  // A phone shows the title and the action; the explanation opens on request, so the warning does not
  // fill the first screen.
  const brief = phone && !expanded;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-status-banner"
      style={{ marginBottom: 16 }}
      title={t("cal.status.title")}
      description={
        brief ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded(true)}>
            {t("cal.status.more")}
          </Button>
        ) : (
          q.data.message[locale]
        )
      }
      action={
        isAdmin && !onPage ? (
          <LinkButton to="/admin/calendar" size="small">
            {t("cal.status.action")}
          </LinkButton>
        ) : undefined
      }
    />
  );
}
