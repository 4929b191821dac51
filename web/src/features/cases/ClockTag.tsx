import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from "@ant-design/icons";
import { Space, Tag, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { useT } from "../../i18n/useT";
import type { ClockState } from "./types";

/** What ClockTag needs: the case's `clock` (or the public progress page's smaller one). */
export type ClockLike = {
  state: ClockState | string;
  provisional: boolean;
  remainingWorkingDays: number | null;
  deadline?: string | null;
};

type Props = {
  clock: ClockLike;
  /** Overrides `clock.deadline` (the public progress page sends it beside the clock). */
  deadline?: string | null;
  /** Show the deadline after the tag (default true). */
  showDeadline?: boolean;
};

const COLOR: Record<string, string> = {
  normal: "success",
  yellow: "warning",
  red: "error",
  paused: "processing",
  not_started: "default",
  stopped: "default",
};

/**
 * The clock of a case, wherever a case appears: green while in time, yellow before the limit, red past
 * it, blue while a special procedure stops it; grey before acceptance and after the decision. Marks a
 * deadline computed without the State Council's holiday notice (待国务院公布).
 */
export function ClockTag({ clock, deadline, showDeadline = true }: Props) {
  const t = useT();
  const due = deadline !== undefined ? deadline : (clock.deadline ?? null);
  const days = clock.remainingWorkingDays;
  let text: string;
  let icon: ReactNode = <ClockCircleOutlined />;
  switch (clock.state) {
    case "normal":
      text = t("clock.normal", { days: days ?? "—" });
      break;
    case "yellow":
      text = days === 0 ? t("clock.dueToday") : t("clock.yellow", { days: days ?? "—" });
      icon = <ExclamationCircleOutlined />;
      break;
    case "red":
      text = days !== null && days < 0 ? t("clock.red", { days: -days }) : t("clock.dueToday");
      icon = <ExclamationCircleOutlined />;
      break;
    case "paused":
      text = t("clock.paused");
      icon = <PauseCircleOutlined />;
      break;
    case "stopped":
      text = t("clock.stopped");
      break;
    default:
      text = t("clock.not_started");
  }
  return (
    <Space size={4} wrap data-testid="clock-tag" data-state={clock.state}>
      <Tag color={COLOR[clock.state] ?? "default"} icon={icon} style={{ marginInlineEnd: 0 }}>
        {text}
      </Tag>
      {clock.provisional && (
        <Tooltip title={t("clock.provisionalHint")}>
          <Tag color="orange" data-testid="clock-provisional" style={{ marginInlineEnd: 0 }}>
            {t("clock.provisional")}
          </Tag>
        </Tooltip>
      )}
      {showDeadline && due && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="clock-deadline">
          {t("clock.deadline", { date: due })}
        </Typography.Text>
      )}
    </Space>
  );
}
