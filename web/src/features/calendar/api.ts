import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiBody, type ApiData, call, yz } from "../../api/client";

// Every type here is the contract's (src/shared/api/schema.ts): no hand-written copies.

/** How a day is shown (GET /api/calendar/days, docs/calendar.md). */
export type CalendarDay = ApiData<"/api/calendar/days">["items"][number];
export type DayKind = CalendarDay["kind"];
/** The missing-year status (GET /api/calendar/status). */
export type CalendarStatus = ApiData<"/api/calendar/status">;
/** A parsed arrangement, not yet saved (previewArrangement). */
export type ArrangementPreview = ApiData<"/api/calendar/arrangements/preview", "post">;
export type ArrangementDay = ArrangementPreview["days"][number];
export type ArrangementError = ArrangementPreview["errors"][number];
export type NoticeSource = ArrangementPreview["sources"][number];
export type ArrangementInput = ApiBody<"/api/calendar/arrangements/preview">;
export type CalendarOverride = ApiData<"/api/calendar/overrides">["items"][number];
export type NewOverride = ApiBody<"/api/calendar/overrides">;

const KEY = ["calendar"] as const;

/** The classified days from `from` to `to` for an organization (code) or nationally. */
export function useCalendarDays(from: string, to: string, org: string | null) {
  return useQuery({
    queryKey: [...KEY, "days", from, to, org],
    queryFn: () => {
      const query = org ? { from, to, org } : { from, to };
      return call(yz.GET("/api/calendar/days", { params: { query } })).then((r) => r.items);
    },
    placeholderData: (prev) => prev,
  });
}

/** The missing-year status (GET /api/calendar/status). */
export function useCalendarStatus(enabled = true) {
  return useQuery({
    queryKey: [...KEY, "status"],
    queryFn: () => call(yz.GET("/api/calendar/status")),
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** The local overrides the administrator manages. */
export function useOverrides() {
  return useQuery({
    queryKey: [...KEY, "overrides"],
    queryFn: () => call(yz.GET("/api/calendar/overrides")).then((r) => r.items),
  });
}

/** Parses and validates an arrangement without saving it. */
export function usePreviewArrangement() {
  return useMutation({
    mutationFn: (input: ArrangementInput) =>
      call(yz.POST("/api/calendar/arrangements/preview", { body: input })),
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
    mutationFn: (input: ApiBody<"/api/calendar/arrangements">) =>
      call(yz.POST("/api/calendar/arrangements", { body: input })),
    onSuccess: invalidate,
  });
}

/** Adds a local override. */
export function useCreateOverride() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NewOverride) => call(yz.POST("/api/calendar/overrides", { body: input })),
    onSuccess: invalidate,
  });
}

/** Deletes a local override. */
export function useDeleteOverride() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(yz.DELETE("/api/calendar/overrides/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** The organizations, flattened from the public tree, for the organization pickers. */
export function useOrganizations() {
  type Node = ApiData<"/api/organizations">["items"][number];
  return useQuery({
    queryKey: ["organizations", "flat"],
    queryFn: async () => {
      const { items } = await call(yz.GET("/api/organizations"));
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
