import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  TChangeNotice,
  TChangeNoticeAcknowledgements,
  TItemPolicies,
  TPolicyDocument,
  TPolicyList,
  TPolicyOptions,
  TPolicySearchResult,
  TPolicyStudy,
} from "../../../../src/shared/api/policyLibrary";
import type {
  TCreateChangeNotice,
  TListPolicies,
  TPolicyInput,
  TUpdatePolicy,
} from "../../../../src/shared/api/requests/policyLibrary";
import { type ApiBody, apiPath, call, sendForm, yz } from "../../api/client";

export { POLICY_LEVELS, POLICY_STATUSES } from "../../../../src/domain/policyLibrary/documents";
export type {
  TChangeNotice,
  TChangeNoticeAcknowledgements,
  TItemPolicies,
  TPolicyDocument,
  TPolicyInput,
  TPolicyOptions,
  TPolicySearchResult,
  TPolicyStudy,
};

export type PolicyFilters = Partial<Pick<TListPolicies, "status" | "level" | "issuer" | "itemId">>;

/** listPolicies (no query) or searchPolicies (a query): the library page's results. */
export function usePolicies(q: string, filters: PolicyFilters, offset: number) {
  return useQuery({
    queryKey: ["policies", q, filters, offset],
    queryFn: async (): Promise<TPolicyList | TPolicySearchResult> =>
      q.trim()
        ? call(
            yz.GET("/api/policy-documents/search", {
              params: { query: { q: q.trim(), ...filters, limit: 20, offset } },
            }),
          )
        : call(yz.GET("/api/policy-documents", { params: { query: { ...filters, limit: 20, offset } } })),
  });
}

/** getPolicy. */
export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: ["policy", id],
    queryFn: async (): Promise<TPolicyDocument> =>
      call(yz.GET("/api/policy-documents/{id}", { params: { path: { id: id ?? "" } } })),
    enabled: !!id,
  });
}

/** getPolicyOptions (editors). */
export function usePolicyOptions(enabled = true) {
  return useQuery({
    queryKey: ["policy-options"],
    queryFn: async (): Promise<TPolicyOptions> => call(yz.GET("/api/policy-options")),
    enabled,
  });
}

/** getItemPolicies: what the public guide shows of an item's documents and changes. */
export function useItemPolicies(code: string) {
  return useQuery({
    queryKey: ["item-policies", code],
    queryFn: async (): Promise<TItemPolicies> =>
      call(yz.GET("/api/item-policies/{code}", { params: { path: { code } } })),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      ["policies", "policy", "change-notices", "change-notice-acks", "policy-study", "item-policies"].map(
        (k) => qc.invalidateQueries({ queryKey: [k] }),
      ),
    );
}

/** createPolicy / updatePolicy. */
export function useSavePolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      id,
      body,
    }: {
      id?: string;
      body: TPolicyInput | TUpdatePolicy;
    }): Promise<TPolicyDocument> =>
      id
        ? call(
            yz.PUT("/api/policy-documents/{id}", {
              params: { path: { id } },
              body: body as ApiBody<"/api/policy-documents/{id}", "put">,
            }),
          )
        : call(yz.POST("/api/policy-documents", { body: body as ApiBody<"/api/policy-documents"> })),
    onSuccess: invalidate,
  });
}

/** markPolicyRead. */
export function useMarkRead() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string): Promise<TPolicyDocument> =>
      call(yz.POST("/api/policy-documents/{id}/read", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** uploadPolicyAttachment (multipart). */
export function useUploadAttachment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, file, extractText }: { id: string; file: File; extractText: boolean }) => {
      const form = new FormData();
      form.append("extractText", String(extractText));
      form.append("file", file);
      return sendForm<TPolicyDocument>(apiPath("/api/policy-documents/{id}/attachments", { id }), form);
    },
    onSuccess: invalidate,
  });
}

/** The download address of an attachment. */
export const attachmentUrl = (id: string, fileId: string) =>
  apiPath("/api/policy-documents/{id}/attachments/{fileId}", { id, fileId });

/** listChangeNotices. */
export function useChangeNotices(pending = false) {
  return useQuery({
    queryKey: ["change-notices", pending],
    queryFn: async (): Promise<{ items: TChangeNotice[] }> =>
      call(yz.GET("/api/change-notices", { params: { query: pending ? { pending: "true" } : {} } })),
  });
}

/** createChangeNotice. */
export function useCreateChangeNotice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: TCreateChangeNotice): Promise<TChangeNotice> =>
      call(yz.POST("/api/change-notices", { body: body as ApiBody<"/api/change-notices"> })),
    onSuccess: invalidate,
  });
}

/** acknowledgeChangeNotice. */
export function useAcknowledge() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string): Promise<TChangeNotice> =>
      call(yz.POST("/api/change-notices/{id}/acknowledgements", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** listChangeNoticeAcknowledgements (supervisors). */
export function useAcknowledgements(id: string | null) {
  return useQuery({
    queryKey: ["change-notice-acks", id],
    queryFn: async (): Promise<TChangeNoticeAcknowledgements> =>
      call(yz.GET("/api/change-notices/{id}/acknowledgements", { params: { path: { id: id ?? "" } } })),
    enabled: !!id,
  });
}

/** getPolicyStudy: documents read and notices acknowledged (training record). */
export function usePolicyStudy(userId: string | null) {
  return useQuery({
    queryKey: ["policy-study", userId],
    queryFn: async (): Promise<TPolicyStudy> =>
      call(yz.GET("/api/staff/{id}/policy-study", { params: { path: { id: userId ?? "" } } })),
    enabled: !!userId,
  });
}
