import { useMutation } from "@tanstack/react-query";
import { type ApiData, apiPath, call, sendForm, yz } from "../../api/client";
import { useCaseWriteHandlers } from "./api";
import type { CaseDetail } from "./types";

/** Delivers a file for a material deferred at acceptance (容缺后补; multipart field `file`). */
async function deliverDeferred(caseId: string, code: string, file: File): Promise<CaseDetail> {
  const form = new FormData();
  form.append("file", file, file.name);
  const url = apiPath("/api/cases/{id}/deferred-materials/{code}/files", { id: caseId, code });
  return sendForm<ApiData<"/api/cases/{id}/deferred-materials/{code}/files", "post">>(url, form);
}

/** Delivers a deferred material and refreshes the case (deliverDeferredMaterial). */
export function useDeliverDeferred(caseId: string) {
  const handlers = useCaseWriteHandlers(caseId);
  return useMutation({
    mutationFn: ({ code, file }: { code: string; file: File }) => deliverDeferred(caseId, code, file),
    ...handlers,
  });
}

/** The window's check of a delivered deferred material (checkDeferredMaterial), with the version seen. */
export function useCheckDeferred(caseId: string) {
  const handlers = useCaseWriteHandlers(caseId);
  return useMutation({
    mutationFn: (v: { code: string; version: number; verdict: "pass" | "defective"; note?: string }) =>
      call(
        yz.POST("/api/cases/{id}/deferred-materials/{code}/check", {
          params: { path: { id: caseId, code: v.code } },
          body: { expectedVersion: v.version, verdict: v.verdict, ...(v.note ? { note: v.note } : {}) },
        }),
      ),
    ...handlers,
  });
}
