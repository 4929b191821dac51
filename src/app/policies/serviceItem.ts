import { hasRole, hasRoleOver } from "../actor";
import { allow } from "./registry";

/** What a service-item policy needs to know: the path of the implementing organization. */
export type ServiceItemPolicyRecord = { orgPath: string };

declare module "./registry" {
  interface PolicyResources {
    /** A service item (政务服务事项) of the catalog, with all its versions. */
    serviceItem: ServiceItemPolicyRecord;
  }
}

// The guide is public (政务公开): anyone reads an item, its history and a comparison of two versions.
allow("serviceItem", ["read", "listVersions", "compare", "noticeSheet"], () => true);
// An administrator of the implementing organization's tree (or above it) creates and edits items.
allow("serviceItem", ["create", "update"], (a, i) => hasRoleOver(a, i.orgPath, "admin"));
// The catalog administration screens are for administrators.
allow("global", "manageCatalog", (a) => hasRole(a, "admin"));
