import { useQuery } from "@tanstack/react-query";
import { type ApiData, call, yz } from "../../api/client";

/** An organization of the public tree (GET /api/organizations). */
export type OrgNode = ApiData<"/api/organizations">["items"][number];

function flatten(nodes: OrgNode[], depth = 0): { code: string; name: string; kind: string; depth: number }[] {
  return nodes.flatMap((n) => [
    { code: n.code, name: n.name, kind: n.kind, depth },
    ...flatten(n.children, depth + 1),
  ]);
}

/** Every organization, flattened in tree order, and a code → name map. */
export function useOrgs() {
  const q = useQuery({
    queryKey: ["organizations"],
    queryFn: () => call(yz.GET("/api/organizations")),
    staleTime: 5 * 60_000,
  });
  const list = flatten(q.data?.items ?? []);
  return { list, names: new Map(list.map((o) => [o.code, o.name])), isPending: q.isPending };
}
