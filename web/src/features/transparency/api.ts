import { useQuery } from "@tanstack/react-query";
import type {
  TCheckpoint,
  TConsistencyProof,
  TInclusionProof,
  TLogEntry,
  TLogKeys,
} from "../../../../src/shared/api/transparency";
import { ApiError, call, yz } from "../../api/client";

export type { TCheckpoint, TConsistencyProof, TInclusionProof, TLogEntry, TLogKeys };

/** The latest signed checkpoint (getLatestCheckpoint); null while the log has none. */
export function useLatestCheckpoint() {
  return useQuery({
    queryKey: ["transparency", "latest"],
    queryFn: async (): Promise<TCheckpoint | null> => {
      try {
        return await call(yz.GET("/api/transparency/checkpoints/latest", {}));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

/** The archive of checkpoints, newest first (listCheckpoints). */
export function useCheckpoints(limit = 20) {
  return useQuery({
    queryKey: ["transparency", "checkpoints", limit],
    queryFn: async () =>
      (await call(yz.GET("/api/transparency/checkpoints", { params: { query: { limit } } }))).items,
  });
}

/** The log's public keys (getLogKeys). */
export function useLogKeys() {
  return useQuery({
    queryKey: ["transparency", "keys"],
    queryFn: async (): Promise<TLogKeys["items"]> => (await call(yz.GET("/api/transparency/keys", {}))).items,
    staleTime: 10 * 60_000,
  });
}

/** One entry of the log by its leaf index (getLogEntries with a range of one). */
export async function fetchEntry(leafIndex: number): Promise<TLogEntry | undefined> {
  const r = await call(
    yz.GET("/api/transparency/entries", { params: { query: { start: leafIndex, end: leafIndex + 1 } } }),
  );
  return r.items[0];
}

/** The inclusion proof of a leaf in the tree of `treeSize` leaves (getInclusionProof). */
export async function fetchInclusionProof(leafIndex: number, treeSize: number): Promise<TInclusionProof> {
  return call(yz.GET("/api/transparency/proofs/inclusion", { params: { query: { leafIndex, treeSize } } }));
}

/** The consistency proof between two tree sizes (getConsistencyProof). */
export async function fetchConsistencyProof(first: number, second: number): Promise<TConsistencyProof> {
  return call(yz.GET("/api/transparency/proofs/consistency", { params: { query: { first, second } } }));
}
