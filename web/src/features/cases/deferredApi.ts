import { useMutation } from "@tanstack/react-query";
import { ApiError, type ProblemBody } from "../../api/ApiError";
import { api, readCookie } from "../../api/client";
import { useCaseWriteHandlers } from "./api";
import type { CaseDetail } from "./types";

/** Delivers a file for a material deferred at acceptance (容缺后补; multipart field `file`). */
async function deliverDeferred(caseId: string, code: string, file: File): Promise<CaseDetail> {
  const form = new FormData();
  form.append("file", file, file.name);
  const headers: Record<string, string> = { accept: "application/json" };
  const token = readCookie("yz_csrf");
  if (token) headers["x-csrf-token"] = token;
  let res: Response;
  try {
    res = await fetch(`/api/cases/${caseId}/deferred-materials/${encodeURIComponent(code)}/files`, {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: form,
    });
  } catch (err) {
    throw new ApiError(0, { code: "network_error", detail: String(err) });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw new ApiError(res.status, (body ?? {}) as ProblemBody);
  return body as CaseDetail;
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
      api<CaseDetail>(`/api/cases/${caseId}/deferred-materials/${encodeURIComponent(v.code)}/check`, {
        method: "POST",
        body: { expectedVersion: v.version, verdict: v.verdict, ...(v.note ? { note: v.note } : {}) },
      }),
    ...handlers,
  });
}
