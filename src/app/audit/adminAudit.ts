/**
 * The administrators' audit log (管理操作审计, 等保 2.0 安全审计): every change an administrator makes to
 * accounts, roles, organizations, service items, the working-day calendar and settings is one row of
 * `admin_audit_entries`, written in the change's own transaction (no change without its row, no row
 * without its change). The table is append-only in the database (trigger, migration `append_only`).
 * Administrators and supervisors read it (`listAdminAuditEntries`), within their bureau.
 */
import { and, desc, eq, gte, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Executor } from "../../db/client";
import { adminAuditEntries } from "../../db/schema";
import { forbidden } from "../../domain/errors";
import type { TAdminAuditEntry, TAdminAuditList, TListAdminAuditQuery } from "../../shared/api/audit";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { asStoredJson, newSalt } from "../transparency/entries";
import { runWrites, transparencyQueueInsert } from "../transparency/queue";

/** What an entry is about. */
export type AuditTarget = "user" | "organization" | "service_item" | "calendar" | "setting" | "applicant";

/** One change to record. */
export type AuditEntry = {
  action: string;
  targetType: AuditTarget;
  targetId?: string | null;
  targetLabel?: string | null;
  /** The organization the change belongs to; null for the whole system (the national calendar). */
  orgPath?: string | null;
  detail?: Record<string, unknown>;
};

/** Appends entries for `actor` at `at`, in the caller's transaction. */
export async function recordAdminAudit(
  ex: Executor,
  actor: Actor,
  at: Date,
  ...entries: AuditEntry[]
): Promise<void> {
  if (!entries.length) return;
  // Each row gets its transparency-log salt and goes into the sequencer's queue in the same statement.
  const rows = entries.map((e) => ({
    id: uuidv7(),
    at,
    actorId: actor.userId,
    actorUsername: actor.username,
    ip: actor.ip ?? null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId ?? null,
    targetLabel: e.targetLabel ?? null,
    orgPath: e.orgPath ?? null,
    detail: asStoredJson(e.detail ?? {}),
    salt: newSalt(),
  }));
  await runWrites(ex, [
    ex.insert(adminAuditEntries).values(rows),
    transparencyQueueInsert(ex, "admin_audit", rows),
  ]);
}

/**
 * The fields of `after` that differ from `before`, as `{ field: [before, after] }` (only `keys`);
 * empty when nothing changed.
 */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  keys: readonly (keyof T & string)[],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    if (!(k in after)) continue;
    const a = before[k] ?? null;
    const b = after[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = [a, b];
  }
  return out;
}

const AUDIT_READERS = new Set(["admin", "supervisor"]);

/**
 * The trees whose entries the actor reads: the top organization (the bureau, `/HY-ZRZY/`) of each
 * organization where they are admin or supervisor — a supervisor of the bureau's 审管股 reads the whole
 * bureau's log; 403 for anyone else.
 */
function readableScopes(actor: Actor): string[] {
  const roots = actor.memberships
    .filter((m) => AUDIT_READERS.has(m.role) && m.orgPath)
    .map((m) => `/${(m.orgPath as string).split("/")[1]}/`);
  if (!roots.length) throw forbidden("listAdminAuditEntries");
  return [...new Set(roots)];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The audit log, newest first, for an administrator or supervisor: entries of their bureau (every
 * organization of its tree) and the system-wide ones (the national calendar). Filters: action prefix, target type, the
 * actor's username (part), the target (part of its label), a time range; pages by `limit`/`offset`.
 */
export async function listAdminAuditEntries(
  ctx: AppContext,
  actor: Actor,
  q: TListAdminAuditQuery,
): Promise<TAdminAuditList> {
  const scopes = readableScopes(actor);
  const e = adminAuditEntries;
  const where: (SQL | undefined)[] = [
    or(isNull(e.orgPath), ...scopes.map((p) => sql`${e.orgPath} LIKE ${`${escapeLike(p)}%`}`)),
  ];
  if (q.action) where.push(sql`${e.action} LIKE ${`${escapeLike(q.action)}%`}`);
  if (q.targetType) where.push(eq(e.targetType, q.targetType));
  if (q.actor) where.push(ilike(e.actorUsername, `%${escapeLike(q.actor)}%`));
  if (q.target) where.push(ilike(e.targetLabel, `%${escapeLike(q.target)}%`));
  if (q.from) where.push(gte(e.at, new Date(q.from)));
  if (q.to) where.push(lt(e.at, new Date(q.to)));
  const limit = Number(q.limit ?? 50);
  const offset = Number(q.offset ?? 0);
  const rows = await ctx.database.db
    .select()
    .from(e)
    .where(and(...where))
    .orderBy(desc(e.at), desc(e.id))
    .limit(limit + 1)
    .offset(offset);
  const items: TAdminAuditEntry[] = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorUsername: r.actorUsername,
    ip: r.ip,
    action: r.action,
    targetType: r.targetType as TAdminAuditEntry["targetType"],
    targetId: r.targetId,
    targetLabel: r.targetLabel,
    orgPath: r.orgPath,
    detail: r.detail,
  }));
  return { items, nextOffset: rows.length > limit ? offset + limit : null };
}
