import { and, eq, lt } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { idempotencyKeys } from "../../db/schema";
import { IDEMPOTENCY_LEASE_SECONDS, IDEMPOTENCY_TTL_HOURS } from "../../domain/idempotency";
import type { AppContext } from "../context";

/** The answer kept for a key: what a retry receives again. */
export type KeptResponse = {
  statusCode: number;
  headers: Record<string, string>;
  body: string | Buffer;
};

/** What claiming a key found. */
export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; response: KeptResponse }
  | { kind: "mismatch" }
  | { kind: "in_progress" }
  /** The first request's change committed, its answer was lost with its server: never run it again. */
  | { kind: "applied" };

type Ref = { scope: string; key: string };

function leaseEnd(now: Date): Date {
  return new Date(now.getTime() + IDEMPOTENCY_LEASE_SECONDS * 1000);
}

function expiredBefore(now: Date): Date {
  return new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600 * 1000);
}

/**
 * Claims a key for a request with this fingerprint: the first request claims it (`pending`); a retry of
 * a finished one gets its answer; the same key on a different request is a mismatch; a retry while the
 * first still runs is in progress — unless the first's lease ran out (its server died), then the retry
 * takes the key over and runs.
 */
export async function claimIdempotencyKey(ctx: AppContext, ref: Ref, fingerprint: string): Promise<Claim> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({
        ...ref,
        fingerprint,
        state: "pending",
        leaseUntil: leaseEnd(now),
        holder: ctx.instance?.id ?? null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return { kind: "claimed" };
    const [row] = await db.select().from(idempotencyKeys).where(keyIs(ref));
    if (!row) continue; // released meanwhile: try again
    if (row.createdAt < expiredBefore(now)) {
      await db.delete(idempotencyKeys).where(and(keyIs(ref), eq(idempotencyKeys.createdAt, row.createdAt)));
      continue;
    }
    if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
    if (row.state === "done" && row.statusCode !== null) {
      return {
        kind: "replay",
        response: {
          statusCode: row.statusCode,
          headers: JSON.parse(row.headers ?? "{}") as Record<string, string>,
          body: row.bodyEncoding === "base64" ? Buffer.from(row.body ?? "", "base64") : (row.body ?? ""),
        },
      };
    }
    if (row.state === "committed") {
      // Committed: either its answer is being kept right now (its server lives), or it never will be.
      return (await holderDead(ctx, row.holder)) || row.leaseUntil <= now
        ? { kind: "applied" }
        : { kind: "in_progress" };
    }
    // Still running — unless the server that claimed it is gone (killed): then take it over at once.
    if (row.leaseUntil > now && !(await holderDead(ctx, row.holder))) return { kind: "in_progress" };
    const taken = await db
      .update(idempotencyKeys)
      .set({ leaseUntil: leaseEnd(now), holder: ctx.instance?.id ?? null })
      .where(
        and(keyIs(ref), eq(idempotencyKeys.state, "pending"), eq(idempotencyKeys.leaseUntil, row.leaseUntil)),
      )
      .returning({ key: idempotencyKeys.key });
    if (taken.length > 0) return { kind: "claimed" };
  }
  return { kind: "in_progress" };
}

/**
 * Marks the key's change as committed, in the change's own transaction: from then on a retry never
 * runs the request again, even when the answer is lost with its server (the plugin calls this at the
 * end of every transaction the request runs).
 */
export async function markIdempotencyCommitted(tx: Executor, ref: Ref): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ state: "committed" })
    .where(and(keyIs(ref), eq(idempotencyKeys.state, "pending")));
}

/** Keeps the answer of the request that claimed the key; a retry receives it again. */
export async function keepIdempotentResponse(
  ctx: AppContext,
  ref: Ref,
  response: KeptResponse,
): Promise<void> {
  const binary = Buffer.isBuffer(response.body);
  await ctx.database.db
    .update(idempotencyKeys)
    .set({
      state: "done",
      statusCode: response.statusCode,
      headers: JSON.stringify(response.headers),
      body: binary ? (response.body as Buffer).toString("base64") : (response.body as string),
      bodyEncoding: binary ? "base64" : "utf8",
    })
    .where(keyIs(ref));
}

/**
 * Lets the key go (the request failed on the server, or its answer cannot be kept): a retry runs again
 * — unless its change committed: then the key stays, and a retry is told so instead of running twice.
 */
export async function releaseIdempotencyKey(ctx: AppContext, ref: Ref): Promise<void> {
  await ctx.database.db.delete(idempotencyKeys).where(and(keyIs(ref), eq(idempotencyKeys.state, "pending")));
}

/** Deletes the keys past their time (the periodic sweep); returns how many. */
export async function deleteExpiredIdempotencyKeys(ctx: AppContext): Promise<number> {
  const gone = await ctx.database.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, expiredBefore(ctx.clock.now())))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** True when the claim's holder is known to be another server that is no longer alive. */
async function holderDead(ctx: AppContext, holder: string | null): Promise<boolean> {
  if (!holder || !ctx.instance || holder === ctx.instance.id) return false;
  return !(await ctx.instance.alive(holder));
}

function keyIs(ref: Ref) {
  return and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key));
}
