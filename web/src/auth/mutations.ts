import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Locale } from "../api/ApiError";
import { type ApiBody, ApiError, call, setCsrfToken, yz } from "../api/client";
import type { Me } from "./types";
import { ME_KEY } from "./useMe";

let signedOutOnPurpose = false;

/** True after the user chose 退出登录 (not a session expiry): the next login starts at home. */
export function userSignedOut(): boolean {
  return signedOutOnPurpose;
}

export type LoginInput = ApiBody<"/api/auth/login">;

/** Signs in (`POST /api/auth/login`) and makes the answer the current user. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation<Me, ApiError, LoginInput>({
    mutationFn: async (input) => (await call(yz.POST("/api/auth/login", { body: input }))).user,
    onSuccess: (me) => {
      signedOutOnPurpose = false;
      setCsrfToken(me.csrfToken);
      qc.setQueryData(ME_KEY, me);
    },
  });
}

/** Signs out (`POST /api/auth/logout`); forgets every cached answer of the previous user. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: async () => {
      try {
        await call(yz.POST("/api/auth/logout"));
      } catch (err) {
        // An expired session is as good as a finished logout.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
    },
    onSuccess: () => {
      signedOutOnPurpose = true;
      setCsrfToken(undefined);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
    },
  });
}

export type ChangePasswordInput = ApiBody<"/api/auth/password">;

/** Changes the signed-in user's password (`POST /api/auth/password`). */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation<unknown, ApiError, ChangePasswordInput>({
    mutationFn: (input) => call(yz.POST("/api/auth/password", { body: input })),
    // The server may rotate the session and its CSRF token: read them again.
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** Saves the user's language (`PUT /api/auth/me/preferences`). */
export function saveLocalePreference(locale: Locale): Promise<unknown> {
  return call(yz.PUT("/api/auth/me/preferences", { body: { locale } }));
}

/** Saves the user's 关怀模式 choice (`PUT /api/auth/me/preferences`). */
export function saveCareModePreference(careMode: boolean): Promise<unknown> {
  return call(yz.PUT("/api/auth/me/preferences", { body: { careMode } }));
}
