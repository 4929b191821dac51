import type { Actor } from "../actor";
import { relatedTo } from "./cases";
import { allow } from "./registry";

/** What project policies need to know about a project (工程建设项目). */
export type ProjectPolicyRecord = { orgPath: string; enterpriseId: string; helperId: string | null };

declare module "./registry" {
  interface PolicyResources {
    project: ProjectPolicyRecord;
  }
}

const staff = (a: Actor, p: ProjectPolicyRecord) =>
  relatedTo(a, p.orgPath, "helper", "clerk", "approver", "supervisor", "admin");

// Reading: the enterprise sees its own projects; the bureau's staff those of their organization tree.
allow("project", "read", (a, p) => a.userId === p.enterpriseId || staff(a, p));
// Early intervention (提前介入) and filing: the helper, the window and the approver of the organization.
allow(
  "project",
  ["update", "recordContact", "savePrecheck", "recordSiteSurvey", "recordCoordinationMeeting", "fileBundle"],
  (a, p) => relatedTo(a, p.orgPath, "helper", "clerk", "approver"),
);
// The project's stage (立项用地规划许可 → … → 竣工验收) is moved forward by the bureau's staff on the file.
allow("project", "changeProjectStage", (a, p) => relatedTo(a, p.orgPath, "helper", "clerk", "approver"));
// Action items are marked done by the project's staff.
allow("project", "completeActionItem", (a, p) => relatedTo(a, p.orgPath, "helper", "clerk", "approver"));
// The signed land-grant contract: a clerk in the UI, or the land-transfer system (a partner account) by API.
allow(
  "project",
  "recordLandContract",
  (a, p) =>
    relatedTo(a, p.orgPath, "helper", "clerk", "approver") || a.memberships.some((m) => m.role === "partner"),
);
// The land delivery (交地确认书): likewise the window or the land-transfer system.
allow(
  "project",
  "recordLandDelivery",
  (a, p) =>
    relatedTo(a, p.orgPath, "helper", "clerk", "approver") || a.memberships.some((m) => m.role === "partner"),
);
// Opening a project (pre-service file) and the list: the bureau's helpers, window and approvers.
allow("global", "createProject", (a) =>
  a.memberships.some((m) => ["helper", "clerk", "approver"].includes(m.role)),
);
