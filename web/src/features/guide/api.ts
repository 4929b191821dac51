import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ServiceItemSummary, TServiceItemContent } from "../../../../src/shared/catalog";
import { api } from "../../api/client";

export type { TServiceItemContent };

/** A row of the item list (GET /api/catalog/items): the server's own type. */
export type ItemSummary = ServiceItemSummary;

export type ItemList = {
  items: ItemSummary[];
  total: number;
  page: number;
  pageSize: number;
  abilities: Record<string, boolean>;
};

export type Facet = { code: string; label: string; count: number };
export type Facets = {
  departments: Facet[];
  kinds: Facet[];
  handlingTypes: Facet[];
  lifeEvents: Facet[];
  total: number;
};

/** An item with one version (GET /api/catalog/items/:code). */
export type ItemView = {
  id: string;
  code: string;
  orgCode: string;
  orgName: string;
  active: boolean;
  latestVersion: number;
  versionId: string;
  version: number;
  effectiveFrom: string;
  changeNote: string;
  inEffect: boolean;
  content: TServiceItemContent;
  abilities: Record<string, boolean>;
};

export type VersionEntry = {
  versionId: string;
  version: number;
  effectiveFrom: string;
  changeNote: string;
  createdAt: string;
  createdBy: string | null;
  inEffect: boolean;
};

export type FieldChange = { field: string; before: unknown; after: unknown };
export type ListDiff = {
  added: Record<string, unknown>[];
  removed: Record<string, unknown>[];
  changed: { code: string; name: string; changes: FieldChange[] }[];
};
export type Comparison = {
  code: string;
  from: { version: number; effectiveFrom: string };
  to: { version: number; effectiveFrom: string };
  fields: FieldChange[];
  materials: ListDiff;
  reviewSteps: ListDiff;
  same: boolean;
};

/** Filters of the list, as in the page's query string. */
export type ItemFilters = {
  q?: string;
  department?: string;
  kind?: string;
  lifeEvent?: string;
  handlingType?: string;
  page?: number;
  pageSize?: number;
};

const qs = (o: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
};

/** The item list with filters (public). */
export function useItemList(f: ItemFilters) {
  return useQuery({
    queryKey: ["catalog", "items", f],
    queryFn: () => api<ItemList>(`/api/catalog/items${qs(f)}`),
    placeholderData: keepPreviousData,
  });
}

/** What the guide browses by (public). */
export function useFacets() {
  return useQuery({
    queryKey: ["catalog", "facets"],
    queryFn: () => api<Facets>("/api/catalog/facets"),
    staleTime: 60_000,
  });
}

/** One item: the version in effect, or `version` (public). */
export function useItem(code: string | undefined, version?: number) {
  return useQuery({
    queryKey: ["catalog", "item", code, version ?? null],
    queryFn: () => api<ItemView>(`/api/catalog/items/${encodeURIComponent(code ?? "")}${qs({ version })}`),
    enabled: Boolean(code),
  });
}

/** An item's version history. */
export function useVersions(code: string | undefined) {
  return useQuery({
    queryKey: ["catalog", "versions", code],
    queryFn: () =>
      api<{ code: string; latestVersion: number; items: VersionEntry[]; abilities: Record<string, boolean> }>(
        `/api/catalog/items/${encodeURIComponent(code ?? "")}/versions`,
      ),
    enabled: Boolean(code),
  });
}

/** Differences between two versions of an item. */
export function useComparison(code: string | undefined, from?: number, to?: number) {
  return useQuery({
    queryKey: ["catalog", "compare", code, from, to],
    queryFn: () =>
      api<Comparison>(`/api/catalog/items/${encodeURIComponent(code ?? "")}/compare${qs({ from, to })}`),
    enabled: Boolean(code && from && to),
  });
}

/** Address of the item's one-time notice sheet PDF. */
export function noticeSheetUrl(code: string, version?: number): string {
  return `/api/catalog/items/${encodeURIComponent(code)}/notice-sheet${qs({ version })}`;
}
