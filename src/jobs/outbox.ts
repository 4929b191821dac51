import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type OutboxHandlers, type OutboxMessage, PermanentError, type WorkerContext } from "../db/outbox";
import { outbox } from "../db/schema";

export type { OutboxHandler, OutboxHandlers, OutboxMessage, WorkerContext } from "../db/outbox";
export { enqueue, enqueueMany, outboxInsert, PermanentError } from "../db/outbox";

/** Retry policy and batch size. */
export type OutboxOptions = {
  batchSize?: number;
  /** Attempts before a message is marked failed (kept, never deleted). Default 8. */
  maxAttempts?: number;
  /** First retry delay; doubles with each attempt up to `maxDelayMs`. Default 30 s. */
  baseDelayMs?: number;
  /** Default 1 hour. */
  maxDelayMs?: number;
  /** How long a claim lasts: a worker that dies mid-message loses it after this. Default 5 minutes. */
  leaseMs?: number;
};

export const OUTBOX_DEFAULTS = {
  batchSize: 20,
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  leaseMs: 5 * 60_000,
} as const satisfies Required<OutboxOptions>;

/** What one batch did, by message id. */
export type BatchResult = { claimed: number; processed: string[]; retried: string[]; failed: string[] };

/** Delay before the next try after `attempt` failed: base · 2^(attempt−1), capped. */
export function backoffMs(attempt: number, opts: OutboxOptions = {}): number {
  const base = opts.baseDelayMs ?? OUTBOX_DEFAULTS.baseDelayMs;
  const cap = opts.maxDelayMs ?? OUTBOX_DEFAULTS.maxDelayMs;
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * Claims due messages of the handled topics. `SELECT … FOR UPDATE SKIP LOCKED` lets concurrent
 * workers pass over each other's rows; the claim (attempts + 1, a lease in `locked_until`) commits
 * at once, so no transaction stays open while handlers talk to mail servers.
 */
async function claim(ctx: WorkerContext, topics: string[], now: Date, opts: Required<OutboxOptions>) {
  const dead = await deadHolders(ctx, now);
  return ctx.database.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          isNull(outbox.processedAt),
          isNull(outbox.failedAt),
          lte(outbox.availableAt, now),
          or(
            isNull(outbox.lockedUntil),
            lte(outbox.lockedUntil, now),
            dead.length > 0 ? inArray(outbox.lockedBy, dead) : undefined,
          ),
          inArray(outbox.topic, topics),
        ),
      )
      .orderBy(asc(outbox.availableAt), asc(outbox.id))
      .limit(opts.batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        lockedUntil: new Date(now.getTime() + opts.leaseMs),
        lockedBy: ctx.instance?.id ?? null,
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/**
 * The other servers holding claims that are no longer alive (killed mid-message): their claims are
 * taken over now rather than when the lease runs out. Without an instance (tests), none.
 */
async function deadHolders(ctx: WorkerContext, now: Date): Promise<string[]> {
  const instance = ctx.instance;
  if (!instance) return [];
  const holders = await ctx.database.db
    .selectDistinct({ by: outbox.lockedBy })
    .from(outbox)
    .where(and(isNull(outbox.processedAt), isNull(outbox.failedAt), gt(outbox.lockedUntil, now)));
  const dead: string[] = [];
  for (const { by } of holders) if (by && by !== instance.id && !(await instance.alive(by))) dead.push(by);
  return dead;
}

/** Records the outcome of one attempt, only if the claim is still ours (same attempt number). */
async function settle(
  ctx: WorkerContext,
  id: string,
  attempt: number,
  set: Partial<typeof outbox.$inferInsert>,
): Promise<void> {
  await ctx.database.db
    .update(outbox)
    .set({ ...set, lockedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.attempts, attempt), isNull(outbox.processedAt)));
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.slice(0, 2000);
}

/**
 * Processes one batch of due outbox messages: claims them, runs each topic's handler, marks the
 * message processed, or records the error and schedules a retry with exponential backoff. After
 * `maxAttempts` the message is marked failed and kept (never lost). Safe to run in several
 * processes at once: two workers never process the same message at the same time.
 */
export async function processOutboxBatch<C extends WorkerContext>(
  ctx: C,
  handlers: OutboxHandlers<C>,
  options: OutboxOptions = {},
): Promise<BatchResult> {
  const opts = { ...OUTBOX_DEFAULTS, ...options };
  const result: BatchResult = { claimed: 0, processed: [], retried: [], failed: [] };
  const topics = Object.keys(handlers);
  if (topics.length === 0) return result;
  const rows = await claim(ctx, topics, ctx.clock.now(), opts);
  result.claimed = rows.length;
  for (const row of rows) {
    const handler = handlers[row.topic];
    let error: unknown = null;
    if (row.attempts > opts.maxAttempts) {
      error = new PermanentError(`gave up after ${opts.maxAttempts} attempts (last claim expired)`);
    } else if (!handler) {
      error = new PermanentError(`no handler for topic ${row.topic}`);
    } else {
      const message: OutboxMessage = {
        id: row.id,
        topic: row.topic,
        payload: row.payload,
        orgId: row.orgId,
        createdAt: row.createdAt,
        attempt: row.attempts,
      };
      try {
        await handler(message, ctx);
      } catch (err) {
        error = err ?? new Error("handler failed");
      }
    }
    const now = ctx.clock.now();
    if (error === null) {
      await settle(ctx, row.id, row.attempts, { processedAt: now, lastError: null });
      result.processed.push(row.id);
    } else if (error instanceof PermanentError || row.attempts >= opts.maxAttempts) {
      await settle(ctx, row.id, row.attempts, { failedAt: now, lastError: errorText(error) });
      result.failed.push(row.id);
    } else {
      const availableAt = new Date(now.getTime() + backoffMs(row.attempts, opts));
      await settle(ctx, row.id, row.attempts, { availableAt, lastError: errorText(error) });
      result.retried.push(row.id);
    }
  }
  return result;
}

/** A running outbox worker. */
export type OutboxWorker = {
  /** Stops polling and waits for the batch in progress to finish. */
  stop(): Promise<void>;
  /** Polls now instead of at the next interval (e.g. right after a commit that enqueued). */
  wake(): void;
};

/**
 * Polls the outbox every `intervalMs` (default 2 s) and processes due messages, batch after batch
 * while batches come back full. Started by the server after it listens; `stop()` on close.
 */
export function startOutboxWorker<C extends WorkerContext>(
  ctx: C,
  handlers: OutboxHandlers<C>,
  options: OutboxOptions & { intervalMs?: number; onError?: (err: unknown) => void } = {},
): OutboxWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const batchSize = options.batchSize ?? OUTBOX_DEFAULTS.batchSize;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let wokenWhileRunning = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (running) {
      if (ms === 0) wokenWhileRunning = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    timer = undefined;
    running = (async () => {
      try {
        while (!stopped) {
          const r = await processOutboxBatch(ctx, handlers, options);
          if (r.claimed < batchSize) break;
        }
      } catch (err) {
        options.onError?.(err);
      }
    })().finally(() => {
      running = null;
      const again = wokenWhileRunning;
      wokenWhileRunning = false;
      schedule(again ? 0 : intervalMs);
    });
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    wake() {
      schedule(0);
    },
  };
}
