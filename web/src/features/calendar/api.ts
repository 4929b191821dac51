import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Bilingual } from "../../api/ApiError";
import { api } from "../../api/client";

/** How a day is shown (GET /api/calendar/days, docs/calendar.md). */
export type DayKind = "holiday" | "makeup" | "weekend" | "workday" | "closed" | "open";
export type CalendarDay = {
  date: string;
  working: boolean;
  kind: DayKind;
  name: string | null;
  provisional: boolean;
};
export type CalendarStatus = {
  today: string;
  lastOfficialYear: number;
  provisionalFrom: number;
  nextYearMissing: boolean;
  warning: boolean;
  message: Bilingual | null;
};
export type ArrangementDay = { date: string; kind: "rest" | "work"; name: string };
export type ArrangementError = { line: number; code: string; zh: string; en: string; path?: string };
export type NoticeSource = { line: number; holiday: string; text: string; rest: string[]; work: string[] };
export type ArrangementPreview = {
  ok: boolean;
  format: "notice" | "lines" | "json";
  sources: NoticeSource[];
  ignored: { line: number; text: string }[];
  docNo: string | null;
  errors: ArrangementError[];
  year: number | null;
  title: string | null;
  days: ArrangementDay[];
  existing: { source: "seed" | "imported"; importedAt: string | null } | null;
  requiresReplace: boolean;
  diff: { added: ArrangementDay[]; removed: ArrangementDay[]; changed: unknown[] };
};
export type ArrangementInput = { text?: string; json?: unknown; replace?: boolean };
export type CalendarOverride = {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  date: string;
  kind: "closed" | "open";
  reason: string;
  abilities: Record<string, boolean>;
};
export type NewOverride = { org: string; date: string; kind: "closed" | "open"; reason: string };

const KEY = ["calendar"] as const;

/** The classified days from `from` to `to` for an organization (code) or nationally. */
export function useCalendarDays(from: string, to: string, org: string | null) {
  return useQuery({
    queryKey: [...KEY, "days", from, to, org],
    queryFn: () => {
      const q = new URLSearchParams({ from, to });
      if (org) q.set("org", org);
      return api<{ items: CalendarDay[] }>(`/api/calendar/days?${q}`).then((r) => r.items);
    },
    placeholderData: (prev) => prev,
  });
}

/** The missing-year status (GET /api/calendar/status). */
export function useCalendarStatus(enabled = true) {
  return useQuery({
    queryKey: [...KEY, "status"],
    queryFn: () => api<CalendarStatus>("/api/calendar/status"),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** The local overrides the administrator manages. */
export function useOverrides() {
  return useQuery({
    queryKey: [...KEY, "overrides"],
    queryFn: () => api<{ items: CalendarOverride[] }>("/api/calendar/overrides").then((r) => r.items),
  });
}

/** Parses and validates an arrangement without saving it. */
export function usePreviewArrangement() {
  return useMutation({
    mutationFn: (input: ArrangementInput) =>
      api<ArrangementPreview>("/api/calendar/arrangements/preview", { method: "POST", body: input }),
  });
}

/** Every calendar query is stale after a change. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

/** Saves an arrangement (admin). */
export function useImportArrangement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ArrangementInput) =>
      api<{ year: number; days: number; replaced: boolean }>("/api/calendar/arrangements", {
        method: "POST",
        body: input,
      }),
    onSuccess: invalidate,
  });
}

/** Adds a local override. */
export function useCreateOverride() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewOverride) =>
      api<CalendarOverride>("/api/calendar/overrides", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

/** Deletes a local override. */
export function useDeleteOverride() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/calendar/overrides/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

/** The organizations, flattened from the public tree, for the organization pickers. */
export function useOrganizations() {
  type Node = { id: string; code: string; name: string; children: Node[] };
  return useQuery({
    queryKey: ["organizations", "flat"],
    queryFn: async () => {
      const { items } = await api<{ items: Node[] }>("/api/organizations");
      const out: { code: string; name: string; depth: number }[] = [];
      const walk = (nodes: Node[], depth: number) => {
        for (const n of nodes) {
          out.push({ code: n.code, name: n.name, depth });
          walk(n.children, depth + 1);
        }
      };
      walk(items, 0);
      return out;
    },
    staleTime: 10 * 60_000,
  });
}
