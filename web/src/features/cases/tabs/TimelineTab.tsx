import { Alert, Card, Empty, Skeleton, Space, Timeline, Typography } from "antd";
import { useCallback } from "react";
import type { MessageKey } from "../../../i18n/translate";
import { useI18n } from "../../../i18n/useT";
import { useCaseTimeline } from "../api";
import { formatDateTime } from "../labels";
import { STATUS_HEX } from "../timelineData";
import { TimelineChart } from "./TimelineChart";

const KNOWN_EVENTS = new Set([
  "case.created",
  "case.draft_saved",
  "case.submitted",
  "case.materials_checked",
  "case.correction_requested",
  "case.resubmitted",
  "case.accepted",
  "case.deemed_accepted",
  "case.refused",
  "case.referred",
  "case.assigned",
  "case.suspended",
  "case.resumed",
  "case.extended",
  "case.decided",
  "case.issued",
  "case.completed",
  "case.withdrawn",
  "case.draft_expired",
  "material.uploaded",
  "material.deferred_delivered",
  "material.deferred_checked",
  "review.assigned",
  "review.claimed",
  "review.routed",
  "review.handed_over",
  "review.completed",
  "review.recommended",
  "review.sent_back",
  "evaluation.submitted",
  "evaluation.tablet_opened",
  "evaluation.reminded",
  "evaluation.appealed",
  "evaluation.appeal_decided",
  "rectification.callback_recorded",
  "rectification.rectified",
  "alert.closed",
]);

type Translate = ReturnType<typeof useI18n>["t"];

/** What an AB岗 event says (docs/staff.md): to whom a task was routed or handed, and why. */
function routingNote(e: { type: string; data: Record<string, unknown> }, t: Translate): string | null {
  const s = (k: string) => (typeof e.data[k] === "string" ? (e.data[k] as string) : "");
  if (e.type === "review.handed_over")
    return t("timeline.handedOver", { from: s("fromName"), to: s("toName") });
  if (e.type !== "review.routed") return null;
  const step = s("stepName");
  const via = s("via");
  const note =
    via === "backup"
      ? t("timeline.routed.backup", {
          holder: s("holderName"),
          reason: t(`staff.reason.${s("absence") || "other"}` as MessageKey),
          name: s("assigneeName"),
        })
      : via === "holder"
        ? t("timeline.routed.holder", { name: s("assigneeName") })
        : t("timeline.routed.unassigned");
  return step ? `${step}：${note}` : note;
}

/** 时间线: the Gantt-like chart and every event with its actor and time. */
export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const tl = useCaseTimeline(caseId);
  const eventLabel = useCallback(
    (type: string) => (KNOWN_EVENTS.has(type) ? t(`event.${type}` as MessageKey) : type),
    [t],
  );
  if (tl.isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (tl.isError)
    return <Alert type="error" showIcon title={t("cases.loadError", { message: tl.error.message })} />;
  const data = tl.data;
  if (!data || data.events.length === 0) return <Empty description={t("timeline.empty")} />;
  const role = (r: string | null) =>
    r ? (t(`timeline.role.${r}` as MessageKey) ?? r) : t("timeline.system");
  return (
    <Space orientation="vertical" size={24} style={{ width: "100%" }} data-testid="tab-timeline">
      <Card size="small" title={t("timeline.chart")}>
        <TimelineChart timeline={data} eventLabel={eventLabel} />
      </Card>
      <Card size="small" title={t("timeline.events")}>
        <Timeline
          data-testid="timeline-events"
          items={[...data.events].reverse().map((e) => ({
            key: e.seq,
            color: e.toStatus && e.toStatus !== e.fromStatus ? (STATUS_HEX[e.toStatus] ?? "gray") : "gray",
            title: formatDateTime(e.at),
            content: (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{eventLabel(e.type)}</Typography.Text>
                {routingNote(e, t) ? (
                  <Typography.Text data-testid="timeline-routing">{routingNote(e, t)}</Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName ?? t("timeline.system")} · {role(e.actorRole)}
                  {e.toStatus && e.toStatus !== e.fromStatus
                    ? ` · → ${t(`cases.status.${e.toStatus}` as MessageKey)}`
                    : ""}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
