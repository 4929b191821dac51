/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone (Asia/Shanghai by default). */
export function localDate(now: Date, timeZone = "Asia/Shanghai"): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
