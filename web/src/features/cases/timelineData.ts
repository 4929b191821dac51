import { officeDayStart } from "../../../../src/shared/localTime";
import type { CaseTimeline } from "./types";

export type Span = {
  row: number;
  start: number;
  end: number;
  color: string;
  label: string;
  kind: "status" | "task";
};
export type Marker = { at: number; row: number; type: string; actor: string | null };

export const STATUS_HEX: Record<string, string> = {
  draft: "#bfbfbf",
  submitted: "#1677ff",
  correction_requested: "#fa8c16",
  accepted: "#13c2c2",
  in_review: "#2f54eb",
  suspended: "#722ed1",
  approved: "#52c41a",
  denied: "#f5222d",
  completed: "#389e0d",
  not_accepted: "#cf1322",
  referred: "#1d39c4",
  withdrawn: "#8c8c8c",
  expired: "#8c8c8c",
};

export const TASK_HEX: Record<string, string> = {
  waiting: "#d9d9d9",
  open: "#91caff",
  claimed: "#1677ff",
  approved: "#52c41a",
  returned: "#fa8c16",
  cancelled: "#bfbfbf",
};

const CLOSED = new Set(["completed", "not_accepted", "referred", "withdrawn", "expired"]);
const DAY = 86_400_000;

/** The office's midnight (Asia/Shanghai) starting an ISO date, as a timestamp — not the browser's. */
const dateStart = officeDayStart;

/**
 * The Gantt rows of a case: row 0 the events, row 1 the case's status spans, then one row per
 * department task; the pauses as shaded intervals.
 */
export function ganttData(tl: CaseTimeline, now: number, statusLabel: (s: string) => string) {
  const rows = ["events", "status", ...tl.tasks.map((t) => `${t.stepName}（${t.orgName}）`)];
  const spans: Span[] = [];
  const changes = tl.events.filter((e) => e.toStatus && e.toStatus !== e.fromStatus);
  changes.forEach((e, i) => {
    const start = Date.parse(e.at);
    const next = changes[i + 1];
    const status = e.toStatus ?? "";
    const end = next ? Date.parse(next.at) : CLOSED.has(status) ? start : now;
    spans.push({
      row: 1,
      start,
      end: Math.max(end, start),
      color: STATUS_HEX[status] ?? "#8c8c8c",
      label: statusLabel(status),
      kind: "status",
    });
  });
  tl.tasks.forEach((t, i) => {
    const startIso = t.startedAt ?? (t.openedOn ? new Date(dateStart(t.openedOn)).toISOString() : null);
    if (!startIso) return;
    const start = Date.parse(startIso);
    const end = t.completedAt ? Date.parse(t.completedAt) : now;
    spans.push({
      row: 2 + i,
      start,
      end: Math.max(end, start),
      color: TASK_HEX[t.status] ?? "#8c8c8c",
      label: t.status,
      kind: "task",
    });
  });
  const markers: Marker[] = tl.events.map((e) => ({
    at: Date.parse(e.at),
    row: 0,
    type: e.type,
    actor: e.actorName,
  }));
  // A pause resumed the day it began (to = the day before from) stopped no day: a thin mark that day.
  const pauses = tl.pauses.map((p) => ({
    from: dateStart(p.from),
    to: p.to ? Math.max(dateStart(p.to) + DAY, dateStart(p.from) + DAY / 24) : now,
    kind: p.kind,
  }));
  const times = [
    ...spans.flatMap((s) => [s.start, s.end]),
    ...markers.map((m) => m.at),
    ...pauses.flatMap((p) => [p.from, p.to]),
  ];
  const min = times.length ? Math.min(...times) : now - DAY;
  const max = times.length ? Math.max(...times) : now;
  const pad = Math.max((max - min) * 0.04, 30 * 60_000);
  return { rows, spans, markers, pauses, min: min - pad, max: max + pad };
}
