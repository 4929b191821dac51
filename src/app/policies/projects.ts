import type { Actor } from "../actor";
import { relatedTo } from "./cases";
import { allow } from "./registry";

/** What project policies need to know about a project (工程建设项目). */
export type ProjectPolicyRecord = {
  orgPath: string;
  enterpriseId: string;
  helperId: string | null;
  /** The organization whose land-transfer system records the contract and the delivery (or none). */
  landTransferOrgPath: string | null;
};

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
/**
 * True when the actor is a partner account of the project's land-transfer organization (or of one above
 * it): the only outside account that writes on a project. Any other partner — the tax office, market
 * regulation, another township — has nothing to record there.
 */
const landTransferSystemOf = (a: Actor, p: ProjectPolicyRecord) =>
  p.landTransferOrgPath !== null &&
  a.memberships.some(
    (m) =>
      m.role === "partner" && m.orgPath !== null && (p.landTransferOrgPath as string).startsWith(m.orgPath),
  );

// The signed land-grant contract and the land delivery (交地确认书): the bureau's helper, window and
// approver in the UI, or — through the API — the land-transfer system the project names, nobody else.
allow(
  "project",
  ["recordLandContract", "recordLandDelivery"],
  (a, p) => relatedTo(a, p.orgPath, "helper", "clerk", "approver") || landTransferSystemOf(a, p),
);
// Which organization that is: the bureau's staff on the file (as any other change of the project).
allow("project", "setLandTransferOrg", (a, p) => relatedTo(a, p.orgPath, "helper", "clerk", "approver"));
// Opening a project (pre-service file) and the list: the bureau's helpers, window and approvers.
allow("global", "createProject", (a) =>
  a.memberships.some((m) => ["helper", "clerk", "approver"].includes(m.role)),
);
