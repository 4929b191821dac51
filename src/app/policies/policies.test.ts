import { describe, expect, it } from "vitest";
import type { Actor, Membership, Role } from "../actor";
import { abilities, authorize, can } from "./index";

const m = (role: Role, orgPath: string | null): Membership => ({
  role,
  orgId: orgPath,
  orgCode: orgPath?.split("/").filter(Boolean).at(-1) ?? null,
  orgName: null,
  orgPath,
});
const actor = (id: string, ...memberships: Membership[]): Actor => ({
  userId: id,
  username: id,
  displayName: id,
  kind: "staff",
  locale: "zh-CN",
  memberships,
});

const countyAdmin = actor("a1", m("admin", "/HY-ZRZY/"));
const otherCountyAdmin = actor("a2", m("admin", "/BB-ZRZY/"));
const clerk = actor("c1", m("clerk", "/HY-ZRZY/HY-ZRZY-WIN/"));
const applicant = { ...actor("p1", m("applicant", null)), kind: "person" as const };

describe("global abilities", () => {
  it("follow the roles", () => {
    expect(can(clerk, "workbench", "global", null)).toBe(true);
    expect(can(clerk, "administer", "global", null)).toBe(false);
    expect(can(applicant, "apply", "global", null)).toBe(true);
    expect(can(countyAdmin, "administer", "global", null)).toBe(true);
  });
  it("unknown actions are denied", () => {
    expect(can(countyAdmin, "launchMissiles", "global", null)).toBe(false);
  });
});

describe("user policies", () => {
  const clerkRecord = { id: "c1", orgPaths: ["/HY-ZRZY/HY-ZRZY-WIN/"] };
  it("an admin manages staff below their organization, not another county's", () => {
    expect(can(countyAdmin, "update", "user", clerkRecord)).toBe(true);
    expect(can(otherCountyAdmin, "update", "user", clerkRecord)).toBe(false);
  });
  it("an admin may not deactivate themself; everyone may read their own record", () => {
    expect(can(countyAdmin, "deactivate", "user", { id: "a1", orgPaths: ["/HY-ZRZY/"] })).toBe(false);
    expect(can(clerk, "read", "user", clerkRecord)).toBe(true);
    expect(can(clerk, "update", "user", clerkRecord)).toBe(false);
  });
  it("authorize throws a 403 forbidden error; abilities lists every action", () => {
    expect(() => authorize(clerk, "create", "user", clerkRecord)).toThrowError(
      expect.objectContaining({ code: "forbidden", status: 403 }),
    );
    expect(abilities(countyAdmin, "user", clerkRecord)).toMatchObject({
      read: true,
      update: true,
      create: true,
    });
    expect(abilities(clerk, "user", clerkRecord)).toMatchObject({ read: true, update: false, create: false });
  });
});
