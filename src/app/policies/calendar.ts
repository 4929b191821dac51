import { hasRole, hasRoleOver } from "../actor";
import { allow } from "./registry";

/** What an override policy needs to know: the path of the organization the override belongs to. */
export type CalendarOverridePolicyRecord = { orgPath: string };

declare module "./registry" {
  interface PolicyResources {
    /** The national working-day calendar (国务院节假日安排): one, shared by every organization. */
    calendar: null;
    /** A local calendar decision of one organization (closure, extra working day). */
    calendarOverride: CalendarOverridePolicyRecord;
  }
}

// Official arrangements are national: any administrator may preview and import a year's notice.
allow("calendar", ["previewArrangement", "importArrangement", "listOverrides"], (a) => hasRole(a, "admin"));
// The missing-year warning (待国务院公布) is shown to administrators and supervisors.
allow("global", "calendarStatus", (a) => hasRole(a, "admin", "supervisor"));
// An administrator manages the overrides of their organization and every organization below it.
allow("calendarOverride", ["read", "create", "delete"], (a, o) => hasRoleOver(a, o.orgPath, "admin"));
