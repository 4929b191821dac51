import { useQuery } from "@tanstack/react-query";
import { ApiError, call, setCsrfToken, yz } from "../api/client";
import type { Me } from "./types";

export const ME_KEY = ["auth", "me"] as const;

/** Loads the signed-in user; `null` when nobody is signed in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await call(yz.GET("/api/auth/me"));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw err;
  }
}

/** The current user (`me` is `null` when signed out, `undefined` while loading). */
export function useMe() {
  const q = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
  return { me: q.data, isLoading: q.isPending, error: q.error, refetch: q.refetch };
}
