import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { CaseDetail, CaseQueue, CaseSummary } from "../cases/types";

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

export type CaseList = { items: CaseSummary[]; total: number };

/** An applicant the window may file for (GET /api/applicants; identifiers masked). */
export type ApplicantHit = {
  id: string;
  username: string;
  kind: "person" | "enterprise";
  name: string;
  idNumberMasked: string | null;
  creditCode: string | null;
  phoneMasked: string | null;
};

/** One material of an item's published list (catalog content). */
export type ItemMaterial = {
  code: string;
  name: string;
  required: boolean;
  key: boolean;
  source: string;
  mayBeDeferred: boolean;
  acceptanceStandard?: string;
};

/** The parts of GET /api/catalog/items/:code the window uses. */
export type ServiceItem = {
  code: string;
  content: {
    name: string;
    handlingType: string;
    promisedLimitDays: number;
    formSchema?: Record<string, unknown>;
    uiSchema?: Record<string, unknown>;
    materials: ItemMaterial[];
  };
};

export type ItemSummary = { code: string; name: string; handlingType: string; handledByTownship: boolean };
export type OrgNode = { code: string; name: string; kind: string; children: OrgNode[] };

export const CASES_KEY = ["cases"] as const;

// The case itself and uploads come from features/cases (useCase, uploadMaterialFile).

/** Every queue of the workbench with its count (one request a queue). */
export function useQueues() {
  return useQueries({
    queries: QUEUES.map((queue) => ({
      queryKey: [...CASES_KEY, "queue", queue],
      queryFn: () => api<CaseList>(`/api/cases?queue=${queue}&limit=100`),
      refetchInterval: 60_000,
    })),
  });
}

/** Applicants matching `q` (name, credit code, ID number or phone). */
export function useApplicantSearch(q: string) {
  return useQuery({
    queryKey: ["applicants", q],
    queryFn: () =>
      api<{ items: ApplicantHit[] }>(`/api/applicants?q=${encodeURIComponent(q)}`).then((r) => r.items),
    placeholderData: (prev) => prev,
  });
}

/** The active items of the catalog the window may file (not those handled by townships). */
export function useFileableItems() {
  return useQuery({
    queryKey: ["catalog", "items", "fileable"],
    queryFn: () =>
      api<{ items: ItemSummary[] }>("/api/catalog/items?pageSize=100").then((r) =>
        r.items.filter((i) => !i.handledByTownship),
      ),
  });
}

/** An item's guide: form schema and materials list. */
export function useServiceItem(code: string | undefined) {
  return useQuery({
    queryKey: ["catalog", "item", code],
    queryFn: () => api<ServiceItem>(`/api/catalog/items/${code}`),
    enabled: !!code,
  });
}

/** Township governments and other bodies a matter can be referred to (转办). */
export function useReferralTargets() {
  return useQuery({
    queryKey: ["organizations"],
    queryFn: () =>
      api<{ items: OrgNode[] }>("/api/organizations").then((r) =>
        flatten(r.items).filter((o) => o.kind === "township" || o.kind === "department"),
      ),
  });
}

function flatten(nodes: OrgNode[]): OrgNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

/** A POST to one of the case's command routes (`/api/cases/:id/<path>`), refreshing case queries. */
export function useCaseAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, path, body }: { id: string; path: string; body: Record<string, unknown> }) =>
      api<CaseDetail>(`/api/cases/${id}/${path}`, { method: "POST", body }),
    onSuccess: (c) => {
      qc.setQueryData([...CASES_KEY, "detail", c.id], c);
      return qc.invalidateQueries({ queryKey: CASES_KEY });
    },
  });
}
