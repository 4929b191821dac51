import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiBody, type ApiData, type ApiQuery, call, yz } from "../../api/client";

// Every type here is the contract's (src/shared/api/schema.ts).

/** A row of the user list (GET /api/users): identifiers masked, roles with organizations. */
export type UserRow = ApiData<"/api/users">["items"][number];
export type UserFilters = ApiQuery<"/api/users">;
export type NewUser = ApiBody<"/api/users">;
export type UserEdit = ApiBody<"/api/users/{id}", "put">;
export type NewOrganization = ApiBody<"/api/organizations">;
export type OrganizationEdit = ApiBody<"/api/organizations/{code}", "put">;

const USERS = ["admin", "users"] as const;

/** listUsers with the page's filters. */
export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: [...USERS, filters],
    queryFn: () => call(yz.GET("/api/users", { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** Every user change refreshes the list. */
function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: USERS }) });
}

export const useCreateUser = () => useUserMutation((body: NewUser) => call(yz.POST("/api/users", { body })));

export const useUpdateUser = () =>
  useUserMutation((v: { id: string; body: UserEdit }) =>
    call(yz.PUT("/api/users/{id}", { params: { path: { id: v.id } }, body: v.body })),
  );

export const useSetUserActive = () =>
  useUserMutation((v: { id: string; active: boolean; expectedVersion: number }) =>
    call(
      yz.POST("/api/users/{id}/active", {
        params: { path: { id: v.id } },
        body: { active: v.active, expectedVersion: v.expectedVersion },
      }),
    ),
  );

export const useResetPassword = () =>
  useUserMutation((v: { id: string; expectedVersion: number }) =>
    call(
      yz.POST("/api/users/{id}/reset-password", {
        params: { path: { id: v.id } },
        body: { expectedVersion: v.expectedVersion },
      }),
    ),
  );

export const useResetTotp = () =>
  useUserMutation((v: { id: string; expectedVersion: number }) =>
    call(
      yz.POST("/api/users/{id}/reset-totp", {
        params: { path: { id: v.id } },
        body: { expectedVersion: v.expectedVersion },
      }),
    ),
  );

/** Organization changes refresh the tree (shared with the guide's and the forms' organization lists). */
function useOrgMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: ["organizations"] }),
  });
}

export const useCreateOrganization = () =>
  useOrgMutation((body: NewOrganization) => call(yz.POST("/api/organizations", { body })));

export const useUpdateOrganization = () =>
  useOrgMutation((v: { code: string; body: OrganizationEdit }) =>
    call(yz.PUT("/api/organizations/{code}", { params: { path: { code: v.code } }, body: v.body })),
  );
