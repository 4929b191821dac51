import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { ApiError, type ProblemBody } from "../../api/ApiError";
import { type ApiBody, type ApiData, apiPath, call, csrfToken, type Schemas, yz } from "../../api/client";
import { useT } from "../../i18n/useT";
import type { CaseDetail, CaseListFilters } from "./types";

/** Query keys of the case feature: every write invalidates `CASES`. */
export const CASES = ["cases"] as const;
export const caseKey = (id: string) => [...CASES, "detail", id] as const;
export const timelineKey = (id: string) => [...CASES, "timeline", id] as const;

/** Cases the user may see (listCases): a queue, statuses, search. */
export function useCases(filters: CaseListFilters, enabled = true) {
  return useQuery({
    queryKey: [...CASES, "list", filters],
    queryFn: () => call(yz.GET("/api/cases", { params: { query: filters } })),
    enabled,
  });
}

/** One case in full, with abilities (getCase). */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKey(id ?? ""),
    queryFn: () => call(yz.GET("/api/cases/{id}", { params: { path: { id: id ?? "" } } })),
    enabled: Boolean(id),
  });
}

/** Events, task spans and pauses of a case (getCaseTimeline). */
export function useCaseTimeline(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: timelineKey(id ?? ""),
    queryFn: () => call(yz.GET("/api/cases/{id}/timeline", { params: { path: { id: id ?? "" } } })),
    enabled: Boolean(id) && enabled,
  });
}

/** Lifecycle commands and the path of the contract each is posted to (src/http/routes/cases). */
export const COMMAND_PATHS = {
  submit: "/api/cases/{id}/submit",
  resubmit: "/api/cases/{id}/resubmit",
  withdraw: "/api/cases/{id}/withdraw",
  requestCorrection: "/api/cases/{id}/correction",
  checkMaterials: "/api/cases/{id}/material-checks",
  accept: "/api/cases/{id}/accept",
  refuse: "/api/cases/{id}/refuse",
  refer: "/api/cases/{id}/refer",
  suspend: "/api/cases/{id}/suspend",
  resume: "/api/cases/{id}/resume",
  extend: "/api/cases/{id}/extend",
  decide: "/api/cases/{id}/decide",
  issue: "/api/cases/{id}/issue",
  complete: "/api/cases/{id}/complete",
  sendBack: "/api/cases/{id}/send-back",
} as const;
export type CaseCommandName = keyof typeof COMMAND_PATHS;

/** What a command sends besides `expectedVersion` (the contract's request body of its path). */
export type CommandBodies = {
  [C in CaseCommandName]: Omit<ApiBody<(typeof COMMAND_PATHS)[C]>, "expectedVersion">;
};

/** Posts one lifecycle command of a case with the version the user saw; answers the case. */
export function postCaseCommand<C extends CaseCommandName>(
  caseId: string,
  command: C,
  version: number,
  body: CommandBodies[C],
): Promise<CaseDetail> {
  // The path is a key of `paths` and `body` was typed as that path's body by `CommandBodies[C]`;
  // TypeScript cannot tie the two once the path is picked at run time, hence the one cast.
  const path: (typeof COMMAND_PATHS)[CaseCommandName] = COMMAND_PATHS[command];
  const full = { expectedVersion: version, ...body };
  return call(yz.POST(path, { params: { path: { id: caseId } }, body: full as never })).then(fullCase);
}

/** The web never sends `Prefer: return=minimal`, so a command answers the full case, not a `CaseRef`. */
export function fullCase(c: CaseDetail | Schemas["CaseRef"]): CaseDetail {
  if ("abilities" in c) return c;
  throw new Error(`case ${c.number}: the answer is a reference, not the case`);
}

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
      postCaseCommand(caseId ?? "", command, version, body),
    ...handlers,
  });
}

/** The body of createApplication. */
export type NewApplication = ApiBody<"/api/cases">;

/** Starts an application as a draft (createApplication). */
export function useCreateApplication() {
  const handlers = useCaseWriteHandlers(undefined);
  return useMutation({
    mutationFn: (input: NewApplication) => call(yz.POST("/api/cases", { body: input })),
    onSuccess: handlers.onSuccess,
  });
}

/** Saves a draft (updateDraft). */
export function useUpdateDraft(caseId: string | undefined) {
  const handlers = useCaseWriteHandlers(caseId);
  return useMutation({
    mutationFn: (input: { version: number; formData?: Record<string, unknown>; title?: string }) =>
      call(
        yz.PATCH("/api/cases/{id}", {
          params: { path: { id: caseId ?? "" } },
          body: { expectedVersion: input.version, formData: input.formData, title: input.title },
        }),
      ),
    ...handlers,
  });
}

/** The answer of uploadMaterial. */
export type UploadResult = ApiData<"/api/cases/{id}/materials/{code}/files", "post">;

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
    xhr.open("POST", apiPath("/api/cases/{id}/materials/{code}/files", { id: caseId, code: materialCode }));
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    const token = csrfToken();
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

/** A node of the public organization tree (listOrganizations). */
type OrgNode = ApiData<"/api/organizations">["items"][number];
export type OrgOption = { code: string; name: string; kind: string | null; depth: number };

/** Every organization of the public tree, flattened (GET /api/organizations), for the referral target. */
export function useOrganizationOptions(enabled = true) {
  return useQuery({
    queryKey: ["organizations", "options"],
    queryFn: async () => {
      const { items } = await call(yz.GET("/api/organizations"));
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
  return apiPath("/api/cases/{id}/documents/{docId}/pdf", { id: caseId, docId });
}
