import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { ApiError, type ProblemBody } from "../../api/ApiError";
import { api, readCookie } from "../../api/client";
import { useT } from "../../i18n/useT";
import type { CaseDetail, CaseListFilters, CaseSummary, CaseTimeline } from "./types";

/** Query keys of the case feature: every write invalidates `CASES`. */
export const CASES = ["cases"] as const;
export const caseKey = (id: string) => [...CASES, "detail", id] as const;
export const timelineKey = (id: string) => [...CASES, "timeline", id] as const;

function query(f: CaseListFilters): string {
  const p = new URLSearchParams();
  if (f.queue) p.set("queue", f.queue);
  for (const s of f.status ?? []) p.append("status", s);
  if (f.q) p.set("q", f.q);
  if (f.bundleId) p.set("bundleId", f.bundleId);
  if (f.limit) p.set("limit", String(f.limit));
  if (f.offset) p.set("offset", String(f.offset));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Cases the user may see (listCases): a queue, statuses, search. */
export function useCases(filters: CaseListFilters, enabled = true) {
  return useQuery({
    queryKey: [...CASES, "list", filters],
    queryFn: () => api<{ items: CaseSummary[]; total: number }>(`/api/cases${query(filters)}`),
    enabled,
  });
}

/** One case in full, with abilities (getCase). */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKey(id ?? ""),
    queryFn: () => api<CaseDetail>(`/api/cases/${id}`),
    enabled: Boolean(id),
  });
}

/** Events, task spans and pauses of a case (getCaseTimeline). */
export function useCaseTimeline(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: timelineKey(id ?? ""),
    queryFn: () => api<CaseTimeline>(`/api/cases/${id}/timeline`),
    enabled: Boolean(id) && enabled,
  });
}

/** Lifecycle commands and the path each is posted to (src/http/routes/cases.ts). */
export const COMMAND_PATHS = {
  submit: "submit",
  resubmit: "resubmit",
  withdraw: "withdraw",
  requestCorrection: "correction",
  checkMaterials: "material-checks",
  accept: "accept",
  refuse: "refuse",
  refer: "refer",
  suspend: "suspend",
  resume: "resume",
  extend: "extend",
  decide: "decide",
  issue: "issue",
  complete: "complete",
  sendBack: "send-back",
} as const;
export type CaseCommandName = keyof typeof COMMAND_PATHS;

/** What a command sends besides `expectedVersion` (the server's zod schemas, src/app/cases/commands.ts). */
export type CommandBodies = {
  submit: { reason?: string };
  resubmit: { reason?: string };
  withdraw: { reason?: string };
  issue: { reason?: string };
  complete: { reason?: string };
  requestCorrection: {
    items: { materialCode: string; problem: "missing" | "defective"; note?: string }[];
    dueOn?: string;
  };
  checkMaterials: {
    checks: { materialCode: string; status: "pass" | "missing" | "defective"; note?: string }[];
  };
  accept: {
    deferred?: { materialCode: string; dueOn: string; commitmentSigned: boolean }[];
    finishOnTheSpot?: boolean;
    reasons?: string;
  };
  refuse: { legalBasis: string; reason: string };
  refer: { toOrgCode: string; reason: string; policyReference?: string };
  suspend: { kind: string; reason: string; expectedDays: number };
  resume: { result?: string };
  extend: { days: number; reason: string };
  decide: { outcome: "approve" | "deny"; reasons: string };
  sendBack: { taskId: string; opinion: string };
};

export type CommandInput<C extends CaseCommandName = CaseCommandName> = {
  command: C;
  /** The version the user saw (optimistic check; 409 when someone changed the case meanwhile). */
  version: number;
  body: CommandBodies[C];
};

/** True for the API's answer to a stale `expectedVersion`. */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && err.code === "version_conflict";
}

/**
 * Stores a case the server answered with and marks the lists and the timeline stale; on a version
 * conflict, tells the user and refetches the case.
 */
export function useCaseWriteHandlers(caseId: string | undefined) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  return {
    onSuccess: (c: CaseDetail) => {
      qc.setQueryData(caseKey(c.id), c);
      void qc.invalidateQueries({
        queryKey: CASES,
        predicate: (q) => q.queryKey[2] !== c.id || q.queryKey[1] !== "detail",
      });
    },
    onError: (err: unknown) => {
      if (!isVersionConflict(err) || !caseId) return;
      void message.warning(t("cases.conflict"));
      void qc.invalidateQueries({ queryKey: caseKey(caseId) });
      void qc.invalidateQueries({ queryKey: timelineKey(caseId) });
    },
  };
}

/** Runs one lifecycle command on a case (submit, accept, decide …), with `expectedVersion`. */
export function useCaseCommand(caseId: string | undefined) {
  const handlers = useCaseWriteHandlers(caseId);
  return useMutation({
    mutationFn: ({ command, version, body }: CommandInput) =>
      api<CaseDetail>(`/api/cases/${caseId}/${COMMAND_PATHS[command]}`, {
        method: "POST",
        body: { expectedVersion: version, ...body },
      }),
    ...handlers,
  });
}

export type NewApplication = {
  itemCode: string;
  formData?: Record<string, unknown>;
  title?: string;
  applicantId?: string;
  agent?: { name: string; idNumber?: string; phone?: string };
};

/** Starts an application as a draft (createApplication). */
export function useCreateApplication() {
  const handlers = useCaseWriteHandlers(undefined);
  return useMutation({
    mutationFn: (input: NewApplication) => api<CaseDetail>("/api/cases", { method: "POST", body: input }),
    onSuccess: handlers.onSuccess,
  });
}

/** Saves a draft (updateDraft). */
export function useUpdateDraft(caseId: string | undefined) {
  const handlers = useCaseWriteHandlers(caseId);
  return useMutation({
    mutationFn: (input: { version: number; formData?: Record<string, unknown>; title?: string }) =>
      api<CaseDetail>(`/api/cases/${caseId}`, {
        method: "PATCH",
        body: { expectedVersion: input.version, formData: input.formData, title: input.title },
      }),
    ...handlers,
  });
}

export type UploadResult = { fileId: string; sha256: string; case: CaseDetail };

/**
 * Posts one file for one material as multipart field `file`, reporting progress (0–100). Rejects with
 * `ApiError` carrying the server's problem (415 for a type the server refuses by content).
 */
export function uploadMaterialFile(
  caseId: string,
  materialCode: string,
  file: Blob & { name?: string },
  onProgress?: (percent: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/cases/${caseId}/materials/${encodeURIComponent(materialCode)}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    const token = readCookie("yz_csrf");
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: "network_error" }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResult);
      else reject(new ApiError(xhr.status, (body ?? {}) as ProblemBody));
    };
    const form = new FormData();
    form.append("file", file, file.name ?? "file");
    xhr.send(form);
  });
}

/** Uploads a material file (uploadMaterial) and refreshes the case. */
export function useUploadMaterial(caseId: string | undefined) {
  const handlers = useCaseWriteHandlers(caseId);
  return useMutation({
    mutationFn: (input: { materialCode: string; file: File; onProgress?: (p: number) => void }) =>
      uploadMaterialFile(caseId ?? "", input.materialCode, input.file, input.onProgress),
    onSuccess: (r) => handlers.onSuccess(r.case),
    onError: handlers.onError,
  });
}

type OrgNode = { id: string; code: string; name: string; kind?: string; children: OrgNode[] };
export type OrgOption = { code: string; name: string; kind: string | null; depth: number };

/** Every organization of the public tree, flattened (GET /api/organizations), for the referral target. */
export function useOrganizationOptions(enabled = true) {
  return useQuery({
    queryKey: ["organizations", "options"],
    queryFn: async () => {
      const { items } = await api<{ items: OrgNode[] }>("/api/organizations");
      const out: OrgOption[] = [];
      const walk = (nodes: OrgNode[], depth: number) => {
        for (const n of nodes) {
          out.push({ code: n.code, name: n.name, kind: n.kind ?? null, depth });
          walk(n.children ?? [], depth + 1);
        }
      };
      walk(items, 0);
      return out;
    },
    enabled,
    staleTime: 10 * 60_000,
  });
}

/** Address of a document's PDF (文书). */
export function documentPdfUrl(caseId: string, docId: string): string {
  return `/api/cases/${caseId}/documents/${docId}/pdf`;
}
