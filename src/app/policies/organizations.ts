import { hasRoleOver } from "../actor";
import { allow } from "./registry";

/** What an organization policy needs to know: its materialized path (a new one's: its parent's). */
export type OrganizationPolicyRecord = { path: string };

declare module "./registry" {
  interface PolicyResources {
    organization: OrganizationPolicyRecord;
  }
}

// An administrator edits the organizations at or below the one where they hold the role, and
// creates organizations below them.
allow("organization", ["update", "createChild"], (a, o) => hasRoleOver(a, o.path, "admin"));
