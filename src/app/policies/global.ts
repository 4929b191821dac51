import { hasRole } from "../actor";
import { allow } from "./registry";

declare module "./registry" {
  interface PolicyResources {
    /** Abilities that do not depend on a record: which areas of the application the actor may use. */
    global: null;
  }
}

allow("global", "apply", (a) => hasRole(a, "applicant"));
allow("global", "workbench", (a) => hasRole(a, "clerk"));
allow("global", "reviewInbox", (a) => hasRole(a, "reviewer", "approver"));
allow("global", "helperDesk", (a) => hasRole(a, "helper"));
allow("global", "dashboard", (a) => hasRole(a, "supervisor", "admin"));
allow("global", "partnerDesk", (a) => hasRole(a, "partner"));
allow("global", "administer", (a) => hasRole(a, "admin"));
allow("global", "changePassword", () => true);
