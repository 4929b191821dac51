import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ApiData, type ApiQuery, apiPath, call, type Schemas, yz } from "../../api/client";

// Every type here is the contract's (src/shared/api/schema.ts): no hand-written copies.

/** The content of an item version (the contract's `ServiceItem.content`). */
export type TServiceItemContent = Schemas["ServiceItem"]["content"];

/** The item list (GET /api/catalog/items). */
export type ItemList = ApiData<"/api/catalog/items">;
/** A row of the item list. */
export type ItemSummary = ItemList["items"][number];

/** What the guide browses by (GET /api/catalog/facets). */
export type Facets = ApiData<"/api/catalog/facets">;
export type Facet = Facets["kinds"][number];

/** An item with one version (GET /api/catalog/items/:code). */
export type ItemView = ApiData<"/api/catalog/items/{code}">;

/** An item's version history (GET /api/catalog/items/:code/versions). */
export type VersionList = ApiData<"/api/catalog/items/{code}/versions">;
export type VersionEntry = VersionList["items"][number];

/** Differences between two versions (GET /api/catalog/items/:code/compare). */
export type Comparison = ApiData<"/api/catalog/items/{code}/compare">;
export type FieldChange = Comparison["fields"][number];
/** The changes of one list of the item (materials or review steps). */
export type ListDiff = Comparison["materials"] | Comparison["reviewSteps"];

/** Filters of the list, as in the page's query string (the query of listServiceItems). */
export type ItemFilters = ApiQuery<"/api/catalog/items">;

/** The item list with filters (public). */
export function useItemList(f: ItemFilters) {
  return useQuery({
    queryKey: ["catalog", "items", f],
    queryFn: () => call(yz.GET("/api/catalog/items", { params: { query: defined(f) } })),
    placeholderData: keepPreviousData,
  });
}

/** What the guide browses by (public). */
export function useFacets() {
  return useQuery({
    queryKey: ["catalog", "facets"],
    queryFn: () => call(yz.GET("/api/catalog/facets")),
    staleTime: 60_000,
  });
}

/** One item: the version in effect, or `version` (public). */
export function useItem(code: string | undefined, version?: number) {
  return useQuery({
    queryKey: ["catalog", "item", code, version ?? null],
    queryFn: () =>
      call(
        yz.GET("/api/catalog/items/{code}", {
          params: { path: { code: code ?? "" }, query: version === undefined ? {} : { version } },
        }),
      ),
    enabled: Boolean(code),
  });
}

/** An item's version history. */
export function useVersions(code: string | undefined) {
  return useQuery({
    queryKey: ["catalog", "versions", code],
    queryFn: () =>
      call(yz.GET("/api/catalog/items/{code}/versions", { params: { path: { code: code ?? "" } } })),
    enabled: Boolean(code),
  });
}

/** Differences between two versions of an item. */
export function useComparison(code: string | undefined, from?: number, to?: number) {
  return useQuery({
    queryKey: ["catalog", "compare", code, from, to],
    queryFn: () =>
      call(
        yz.GET("/api/catalog/items/{code}/compare", {
          params: { path: { code: code ?? "" }, query: { from: from ?? 0, to: to ?? 0 } },
        }),
      ),
    enabled: Boolean(code && from && to),
  });
}

/** Address of the item's one-time notice sheet PDF. */
export function noticeSheetUrl(code: string, version?: number): string {
  const path = apiPath("/api/catalog/items/{code}/notice-sheet", { code });
  return version === undefined ? path : `${path}?${new URLSearchParams({ version: String(version) })}`;
}

/** The filters without empty values (an empty search box sends nothing). */
function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as T;
}
