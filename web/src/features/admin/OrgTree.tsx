import { useQuery } from "@tanstack/react-query";
import { type ApiData, call, yz } from "../../api/client";

/** An organization of the tree (GET /api/organizations), with its children. */
export type OrgNode = ApiData<"/api/organizations">["items"][number];

/** The organization tree (public; shared cache key with the guide's organization list). */
export function useOrgTree() {
  return useQuery({
    queryKey: ["organizations"],
    queryFn: () => call(yz.GET("/api/organizations")),
    staleTime: 60_000,
  });
}

/** The organizations from a root down to `code` (inclusive), or [] when absent. */
export function pathTo(nodes: readonly OrgNode[], code: string): OrgNode[] {
  for (const n of nodes) {
    if (n.code === code) return [n];
    const below = pathTo(n.children, code);
    if (below.length) return [n, ...below];
  }
  return [];
}
