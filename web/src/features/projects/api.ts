import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiBody, type ApiData, call, type Schemas, yz } from "../../api/client";

// Every type here is the contract's (src/shared/api/schema.ts): no hand-written copies.

/** The four stages of a construction project, in order (国办发〔2019〕11号). */
export const STAGES = ["land_planning", "engineering_permit", "construction_permit", "completion"] as const;
export type Stage = (typeof STAGES)[number];

/** A project in full (the contract's `Project`). */
export type Project = Schemas["Project"];
/** A bundle of cases filed together (the contract's `Bundle`). */
export type Bundle = Schemas["Bundle"];
export type Measure = Bundle["measure"];
export type LandDelivery = Project["landDeliveries"][number];
/** A row of GET /api/projects. */
export type ProjectSummary = ApiData<"/api/projects">["items"][number];

/** Projects the signed-in user may see. */
export function useProjects() {
  return useQuery({
    queryKey: ["projects"],
    queryFn: () => call(yz.GET("/api/projects")),
  });
}

/** One project with its timeline, bundles and measure. */
export function useProject(id: string) {
  return useQuery({
    queryKey: ["project", id],
    queryFn: () => call(yz.GET("/api/projects/{id}", { params: { path: { id } } })),
  });
}

/** Records a site survey (现场踏勘). */
export function useRecordSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<"/api/projects/{id}/site-surveys">) =>
      call(yz.POST("/api/projects/{id}/site-surveys", { params: { path: { id } }, body })),
    onSuccess: (p) => qc.setQueryData(["project", id], p),
  });
}

/** Marks an action item done. */
export function useCompleteAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (actionItemId: string) =>
      call(
        yz.POST("/api/projects/{id}/action-items/{actionItemId}/complete", {
          params: { path: { id, actionItemId } },
        }),
      ),
    onSuccess: (p) => qc.setQueryData(["project", id], p),
  });
}

/** Moves the project forward (changeProjectStage) with the version the page shows. */
export function useChangeStage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<"/api/projects/{id}/stage">) =>
      call(yz.POST("/api/projects/{id}/stage", { params: { path: { id } }, body })),
    onSuccess: (p) => {
      qc.setQueryData(["project", id], p);
      void qc.invalidateQueries({ queryKey: ["projects"] });
    },
    // A stale page (409) is reloaded so the next attempt starts from what is true now.
    onError: () => qc.invalidateQueries({ queryKey: ["project", id] }),
  });
}

/** Names (or clears, with null) the project's land-transfer body, with the version the page shows. */
export function useSetLandTransferOrg(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<"/api/projects/{id}/land-transfer-org", "put">) =>
      call(yz.PUT("/api/projects/{id}/land-transfer-org", { params: { path: { id } }, body })),
    onSuccess: (p) => qc.setQueryData(["project", id], p),
    // A stale page (409) is reloaded so the next attempt starts from what is true now.
    onError: () => qc.invalidateQueries({ queryKey: ["project", id] }),
  });
}

/** The answer of recordLandDelivery: the delivery, the bundle it filed, or why it filed nothing. */
export type DeliveryResult = ApiData<"/api/projects/{id}/land-deliveries", "post">;
/** Why a contract or a delivery filed nothing: the bundle was filed already, or is not ready yet. */
export type NotFiled = NonNullable<DeliveryResult["notFiled"]>;

/** Records a land delivery (recordLandDelivery): the trigger of 交地即交证. */
export function useRecordDelivery(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<"/api/projects/{id}/land-deliveries">) =>
      call(yz.POST("/api/projects/{id}/land-deliveries", { params: { path: { id } }, body })),
    onSettled: () => qc.invalidateQueries({ queryKey: ["project", id] }),
  });
}
