import { z } from "zod";
import { ROLES } from "../../domain/roles";
import type { Actor } from "../actor";
import { abilities } from "../policies";

export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(["staff", "person", "enterprise"]),
  locale: z.enum(["zh-CN", "en-US"]),
  roles: z.array(
    z.object({
      role: z.enum(ROLES),
      orgId: z.string().nullable(),
      orgCode: z.string().nullable(),
      orgName: z.string().nullable(),
    }),
  ),
  abilities: z.record(z.string(), z.boolean()),
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

/** The caller's own account as the API shows it: whitelisted fields, roles and global abilities. */
export function presentMe(actor: Actor, csrfToken: string): TMe {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    kind: actor.kind,
    locale: actor.locale,
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
