import type { TMe } from "../../shared/api/auth";
import type { Actor } from "../actor";
import { abilities } from "../policies";

/** The caller's own account as the API shows it: whitelisted fields, roles and global abilities. */
export function presentMe(actor: Actor, csrfToken: string): TMe {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    locale: actor.locale,
    mustChangePassword: actor.mustChangePassword ?? false,
    careMode: actor.careMode ?? false,
    roles: actor.memberships.map((m) => ({
      role: m.role,
      orgId: m.orgId,
      orgCode: m.orgCode,
      orgName: m.orgName,
    })),
    abilities: abilities(actor, "global", null),
    csrfToken,
  };
}
