import { Alert, Skeleton, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { CSSProperties } from "react";
import { useI18n } from "../../i18n/useT";
import { type CalendarDay, type DayKind, useCalendarDays } from "./api";

type Props = { month: Dayjs; org: string | null };

const CELL: Record<DayKind, CSSProperties> = {
  holiday: { background: "#fff1f0", borderColor: "#ffccc7" },
  makeup: { background: "#f0f5ff", borderColor: "#adc6ff" },
  weekend: { background: "#fafafa" },
  workday: {},
  closed: { background: "#fff7e6", borderColor: "#ffd591" },
  open: { background: "#f6ffed", borderColor: "#b7eb8f" },
};
const BADGE: Partial<
  Record<
    DayKind,
    { key: "cal.badge.holiday" | "cal.badge.makeup" | "cal.badge.closed" | "cal.badge.open"; color: string }
  >
> = {
  holiday: { key: "cal.badge.holiday", color: "#cf1322" },
  makeup: { key: "cal.badge.makeup", color: "#1d39c4" },
  closed: { key: "cal.badge.closed", color: "#ad4e00" },
  open: { key: "cal.badge.open", color: "#2f7512" },
};

/** The weeks shown for a month: Monday before the 1st to Sunday after the last day. */
export function monthSpan(month: Dayjs): { from: string; to: string } {
  const first = month.startOf("month");
  const last = month.endOf("month");
  const from = first.subtract((first.day() + 6) % 7, "day");
  const to = last.add((7 - last.day()) % 7, "day");
  return { from: from.format("YYYY-MM-DD"), to: to.format("YYYY-MM-DD") };
}

function DayCell({ day, inMonth }: { day: CalendarDay; inMonth: boolean }) {
  const { t } = useI18n();
  const badge = BADGE[day.kind];
  const red = day.kind === "holiday" || (!day.working && day.kind === "weekend");
  // In a provisional year a holiday is the law's statutory day (全国年节及纪念日放假办法); the swaps are unknown.
  const statutory = day.provisional && day.kind === "holiday";
  return (
    <div
      data-testid={`cal-day-${day.date}`}
      data-kind={day.kind}
      data-provisional={day.provisional ? "true" : "false"}
      title={day.name ? (statutory ? `${day.name}（${t("cal.statutory")}）` : day.name) : undefined}
      style={{
        minHeight: 64,
        padding: "4px 6px",
        // Longhands only: a shorthand `border` beside CELL's borderColor confuses React on rerender.
        borderWidth: 1,
        borderStyle: day.provisional ? "dashed" : "solid",
        borderColor: "#f0f0f0",
        borderRadius: 6,
        ...CELL[day.kind],
        // Days of the months around: grey, not faded (faded text would fail WCAG's 4.5:1 contrast).
        ...(inMonth ? {} : { background: "#f5f5f5", borderColor: "#f5f5f5" }),
      }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
        <span
          style={{ fontWeight: 600, color: red ? "#cf1322" : day.working && inMonth ? "#262626" : "#595959" }}
        >
          {Number(day.date.slice(8))}
        </span>
        {badge && (
          <span
            style={{
              color: "#fff",
              background: badge.color,
              borderRadius: 4,
              padding: "0 5px",
              fontSize: 12,
              lineHeight: "18px",
            }}
          >
            {t(badge.key)}
          </span>
        )}
      </div>
      {day.name && (
        <Typography.Text
          ellipsis
          style={{ fontSize: 12, color: badge?.color ?? "#595959", display: "block" }}
        >
          {day.name}
        </Typography.Text>
      )}
      {statutory && (
        <Typography.Text
          ellipsis
          data-testid={`cal-statutory-${day.date}`}
          style={{ fontSize: 11, color: "#ad4e00", display: "block" }}
        >
          {t("cal.statutory")}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * One month of the working-day calendar: 休 holidays in red, 班 makeup working days, local closures,
 * weekends, and a visible 待国务院公布 mark on dates of a year without an official arrangement.
 */
export function MonthGrid({ month, org }: Props) {
  const { t } = useI18n();
  const span = monthSpan(month);
  const q = useCalendarDays(span.from, span.to, org);
  const prefix = month.format("YYYY-MM");
  if (q.isPending) return <Skeleton active paragraph={{ rows: 8 }} data-testid="cal-loading" />;
  if (q.isError) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="cal-error"
        title={t("cal.loadError", { message: q.error.message })}
      />
    );
  }
  const days = q.data;
  const provisional = days.some((d) => d.provisional && d.date.startsWith(prefix));
  const working = days.filter((d) => d.working && d.date.startsWith(prefix)).length;
  return (
    <div data-testid="cal-grid" data-month={prefix}>
      {provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cal-provisional"
          title={<Tag color="orange">{t("cal.provisional")}</Tag>}
          description={t("cal.provisionalHint", { year: month.year() })}
        />
      )}
      <div style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gap: 6 }}>
        {t("cal.weekdays")
          .split(",")
          .map((w, i) => (
            <div
              key={w}
              style={{ textAlign: "center", fontWeight: 600, color: i >= 5 ? "#cf1322" : "#595959" }}
            >
              {w}
            </div>
          ))}
        {days.map((d) => (
          <DayCell key={d.date} day={d} inMonth={d.date.startsWith(prefix)} />
        ))}
      </div>
      <Typography.Text
        type="secondary"
        style={{ display: "block", marginTop: 8 }}
        data-testid="cal-working-count"
      >
        {t("cal.workingCount", { count: working })}
      </Typography.Text>
    </div>
  );
}

/** The current month, or `?month=YYYY-MM` when the address names one. */
export function initialMonth(param: string | null): Dayjs {
  const m = param && /^\d{4}-\d{2}$/.test(param) ? dayjs(`${param}-01`) : dayjs();
  return m.isValid() ? m.startOf("month") : dayjs().startOf("month");
}
