import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiData, call, type Schemas, yz } from "../../api/client";
import { type CaseCommandName, type CommandBodies, postCaseCommand } from "../cases/api";
import type { QueueFilterValues } from "../cases/QueueFilters";
import type { CaseQueue } from "../cases/types";

/** The window's queues, in the order the workbench shows them. */
export const QUEUES = [
  "today",
  "awaiting_check",
  "corrections",
  "in_progress",
  "ready_to_issue",
  "deferred",
  "drafts",
] as const satisfies readonly CaseQueue[];
export type WorkbenchQueue = (typeof QUEUES)[number];

/** A page of GET /api/cases. */
export type CaseList = ApiData<"/api/cases">;

/** An applicant the window may file for (GET /api/applicants; identifiers masked). */
export type ApplicantHit = ApiData<"/api/applicants">["items"][number];

/** One material of an item's published list (catalog content). */
export type ItemMaterial = Schemas["ServiceItem"]["content"]["materials"][number];

/** An item version as GET /api/catalog/items/:code answers. */
export type ServiceItem = Schemas["ServiceItem"];

export type ItemSummary = ApiData<"/api/catalog/items">["items"][number];
export type OrgNode = ApiData<"/api/organizations">["items"][number];

export const CASES_KEY = ["cases"] as const;

// The case itself and uploads come from features/cases (useCase, uploadMaterialFile).

/** One queue of the staff pages under the filters of the page. */
export function useQueue(queue: CaseQueue, filters: QueueFilterValues, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, "queue", queue, filters],
    queryFn: () => call(yz.GET("/api/cases", { params: { query: { ...filters, queue, limit: 100 } } })),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
    enabled,
  });
}

/** The count of every queue under the same filters: one request, one query on the server. */
export function useCaseCounts(filters: QueueFilterValues) {
  return useQuery({
    queryKey: [...CASES_KEY, "counts", filters],
    queryFn: () => call(yz.GET("/api/cases/counts", { params: { query: filters } })),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}

/** Applicants matching `q` (name, credit code, ID number or phone). */
export function useApplicantSearch(q: string) {
  return useQuery({
    queryKey: ["applicants", q],
    queryFn: () => call(yz.GET("/api/applicants", { params: { query: { q } } })).then((r) => r.items),
    placeholderData: (prev) => prev,
  });
}

/** The active items of the catalog the window may file (not those handled by townships). */
export function useFileableItems() {
  return useQuery({
    queryKey: ["catalog", "items", "fileable"],
    queryFn: () =>
      call(yz.GET("/api/catalog/items", { params: { query: { pageSize: 100 } } })).then((r) =>
        r.items.filter((i) => !i.handledByTownship),
      ),
  });
}

/** An item's guide: form schema and materials list. */
export function useServiceItem(code: string | undefined) {
  return useQuery({
    queryKey: ["catalog", "item", code],
    queryFn: () => call(yz.GET("/api/catalog/items/{code}", { params: { path: { code: code ?? "" } } })),
    enabled: !!code,
  });
}

/** Township governments and other bodies a matter can be referred to (转办). */
export function useReferralTargets() {
  return useQuery({
    queryKey: ["organizations"],
    queryFn: () =>
      call(yz.GET("/api/organizations")).then((r) =>
        flatten(r.items).filter((o) => o.kind === "township" || o.kind === "department"),
      ),
  });
}

function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

/** A lifecycle command of one case, with the version the user saw. */
export type CaseAction = {
  [C in CaseCommandName]: { id: string; command: C; version: number; body: CommandBodies[C] };
}[CaseCommandName];

/** One of the case's lifecycle commands (a path of the contract), refreshing case queries. */
export function useCaseAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: CaseAction) => postCaseCommand(a.id, a.command, a.version, a.body),
    onSuccess: (c) => {
      qc.setQueryData([...CASES_KEY, "detail", c.id], c);
      return qc.invalidateQueries({ queryKey: CASES_KEY });
    },
  });
}
