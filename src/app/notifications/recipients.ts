import { and, eq, inArray, type SQLWrapper, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { organizations, roleMemberships, users } from "../../db/schema";
import type { Role } from "../actor";
import type { LoadedCase } from "../cases/caseRows";
import type { AppContext } from "../context";
import { cachedStaff } from "../staff/staffCache";
import { notificationsInsert, type TNotifyPayload } from "./notify";
import { NOTIFICATION_KINDS, type NotificationKind } from "./templates";

/** A person to notify about a case. */
export type Recipient = { userId?: string; email?: string | null; phone?: string | null; locale?: string };

/** A notification to send after commit (through the outbox). */
export type CaseNotification = { kind: string; recipients: Recipient[]; data: Record<string, unknown> };

/** The applicant of a case as a recipient (in-app, e-mail and SMS where known). */
export async function applicantRecipient(tx: Tx, c: LoadedCase): Promise<Recipient> {
  const [u] = await tx
    .select({ locale: users.locale, email: users.email })
    .from(users)
    .where(eq(users.id, c.applicantId));
  return applicantRecipientOf(c, u ?? null);
}

/** The applicant of a case as a recipient, from their account already read (see `loadCommandRows`). */
export function applicantRecipientOf(
  c: LoadedCase,
  account: { locale: string; email: string | null } | null,
): Recipient {
  return {
    userId: c.applicantId,
    email: c.applicant.email ?? account?.email,
    phone: c.applicant.phone,
    locale: account?.locale,
  };
}

/**
 * Staff holding `role` in the given organizations (in-app only). With `ctx` the answer comes from the
 * process's cache when it has it (staffCache.ts: role and account changes seen within 1 s).
 */
export async function staffRecipients(
  tx: Tx,
  orgIds: string[],
  role: Role,
  ctx?: AppContext,
): Promise<Recipient[]> {
  if (orgIds.length === 0) return [];
  const read = async () => {
    const rows = await tx
      .select({ userId: roleMemberships.userId, locale: users.locale })
      .from(roleMemberships)
      .innerJoin(users, eq(users.id, roleMemberships.userId))
      .where(
        and(inArray(roleMemberships.orgId, orgIds), eq(roleMemberships.role, role), eq(users.active, true)),
      );
    return rows.map((r): Recipient => ({ userId: r.userId, locale: r.locale }));
  };
  return ctx ? cachedStaff(ctx, `holders:${role}:${[...orgIds].sort().join(",")}`, read) : read();
}

/** Staff holding `role` in a case's organization tree (below and above it), in one statement (in-app only). */
export async function staffInTree(tx: Tx, orgPath: string, role: Role): Promise<Recipient[]> {
  const rows = await tx
    .select({ userId: roleMemberships.userId, locale: users.locale })
    .from(roleMemberships)
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .where(
      and(
        eq(roleMemberships.role, role),
        eq(users.active, true),
        sql`(${organizations.path} like ${`${orgPath}%`} or ${orgPath} like ${organizations.path} || '%')`,
      ),
    );
  return rows.map((r) => ({ userId: r.userId, locale: r.locale }));
}

/** Organizations of a case's tree (the implementing organization, those below it and above it). */
export async function orgTreeIds(tx: Tx, orgPath: string): Promise<string[]> {
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.path} like ${`${orgPath}%`} or ${orgPath} like ${organizations.path} || '%'`);
  return rows.map((r) => r.id);
}

/** The data every case notification template receives. */
export function caseNotificationData(
  c: LoadedCase,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    caseId: c.id,
    caseNumber: c.number,
    itemName: c.itemName,
    applicantName: c.applicant.name,
    link: `/cases/${c.id}`,
    ...extra,
  };
}

/**
 * Enqueues the notifications of a command in its transaction (outbox): they are sent after commit,
 * retried, never lost, and never sent for a change that rolled back.
 */
export async function dispatchNotifications(
  tx: Tx,
  c: LoadedCase,
  list: CaseNotification[],
  at: Date,
  later?: (write: SQLWrapper) => void,
): Promise<void> {
  const payloads: TNotifyPayload[] = [];
  for (const n of list) {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(n.kind)) continue;
    const recipients = n.recipients
      .filter((r) => r.userId || r.email || r.phone)
      .map((r) => ({
        userId: r.userId,
        email: r.email ?? undefined,
        phone: r.phone ?? undefined,
        locale: r.locale === "en-US" ? ("en-US" as const) : ("zh-CN" as const),
      }));
    if (recipients.length === 0) continue;
    const d = n.data;
    const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
    payloads.push({
      kind: n.kind as NotificationKind,
      recipients,
      caseId: c.id,
      data: {
        caseNumber: c.number,
        itemName: c.itemName,
        applicantName: c.applicant.name,
        deadline: str(d.deadline) ?? str(d.dueOn) ?? str(d.checkDueOn),
        reason: str(d.reason),
        document: str(d.document),
        link: str(d.link) ?? `/cases/${c.id}`,
      },
    });
  }
  // One statement for all the messages of the command (with `later`: sent with the case's save).
  const insert = notificationsInsert(tx, payloads, { at, orgId: c.orgId });
  if (insert && later) later(insert);
  else if (insert) await insert;
}
