import { Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import type { Bilingual } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";
import type { CaseClock } from "../cases/types";

/*
 * Small status and clock tags for the workbench and the inbox. features/cases is to own the shared
 * StatusTag and ClockTag; until it does, these live here (swap the imports when it lands).
 */

const STATUS_COLORS: Record<string, string> = {
  draft: "default",
  submitted: "processing",
  correction_requested: "warning",
  accepted: "cyan",
  in_review: "blue",
  suspended: "purple",
  approved: "green",
  denied: "volcano",
  completed: "success",
  not_accepted: "error",
  referred: "geekblue",
  withdrawn: "default",
};

/** A case's status, in the current language, coloured by status. */
export function CaseStatusTag({ status, label }: { status: string; label: Bilingual }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? "default"} data-testid="case-status" data-status={status}>
      {label[locale]}
    </Tag>
  );
}

const CLOCK_COLORS: Record<string, string> = {
  normal: "green",
  yellow: "gold",
  red: "red",
  paused: "purple",
  not_started: "default",
  stopped: "default",
};

/** A case's clock: remaining working days and deadline, paused, or not started. */
export function CaseClockTag({ clock }: { clock: CaseClock }) {
  const { t } = useI18n();
  let text: string;
  if (clock.state === "paused") text = t("wb.clock.paused");
  else if (clock.state === "not_started") text = t("wb.clock.notStarted");
  else if (clock.state === "stopped") text = t("wb.clock.stopped");
  else if (clock.remainingWorkingDays !== null && clock.remainingWorkingDays < 0)
    text = t("wb.clock.overdue", { n: -clock.remainingWorkingDays });
  else text = t("wb.clock.remaining", { n: clock.remainingWorkingDays ?? 0 });
  const tip = clock.deadline ? t("wb.clock.deadline", { date: clock.deadline }) : undefined;
  return (
    <Tooltip title={tip}>
      <Tag color={CLOCK_COLORS[clock.state]} data-testid="case-clock" data-clock={clock.state}>
        {text}
        {clock.deadline && clock.state !== "stopped" ? ` · ${clock.deadline}` : ""}
        {clock.provisional ? " *" : ""}
      </Tag>
    </Tooltip>
  );
}

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
