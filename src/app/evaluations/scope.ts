import { type SQL, sql } from "drizzle-orm";
import { cases, organizations } from "../../db/schema";
import type { Actor, Role } from "../actor";

/**
 * Row scope of ratings and rectifications (joined to their case and its organization): the applicant
 * their own cases; staff holding one of `roles` their organization tree (above or below).
 */
export function evaluationScope(actor: Actor, roles: readonly Role[]): SQL {
  const parts: SQL[] = [];
  if (actor.kind !== "staff") parts.push(sql`${cases.applicantId} = ${actor.userId}`);
  for (const m of actor.memberships) {
    if (!m.orgPath || !roles.includes(m.role)) continue;
    parts.push(
      sql`(${organizations.path} like ${`${m.orgPath}%`} or ${m.orgPath} like ${organizations.path} || '%')`,
    );
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}
