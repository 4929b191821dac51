import { Tag } from "antd";
import dayjs from "dayjs";
import { useI18n } from "../../i18n/useT";

/** How close the 5-working-day material check (行政许可法 Art. 32) is: over, near (≤ 2 days) or fine. */
export function checkDueState(checkDueOn: string | null, today = dayjs()): "over" | "near" | "ok" {
  if (!checkDueOn) return "ok";
  const left = dayjs(checkDueOn).startOf("day").diff(today.startOf("day"), "day");
  if (left < 0) return "over";
  return left <= 2 ? "near" : "ok";
}

/** The check due date with a warning when it is near or past. */
export function CheckDueTag({ checkDueOn }: { checkDueOn: string | null }) {
  const { t } = useI18n();
  if (!checkDueOn) return <span>—</span>;
  const state = checkDueState(checkDueOn);
  const color = state === "over" ? "red" : state === "near" ? "gold" : "default";
  const text =
    state === "over"
      ? t("wb.checkDue.over", { date: checkDueOn })
      : state === "near"
        ? t("wb.checkDue.near", { date: checkDueOn })
        : checkDueOn;
  return (
    <Tag color={color} data-testid="check-due" data-state={state}>
      {text}
    </Tag>
  );
}
