import type { Database, Executor } from "./client";
import { outbox } from "./schema";

/**
 * What the worker needs of its host: the database and the clock. The application's context satisfies it;
 * handlers receive the context the worker was started with (`C`), so jobs/ imports nothing of app/.
 */
export type WorkerContext = {
  database: Pick<Database, "db">;
  clock: { now(): Date };
  /** This server among those on the database: claims carry its id; a dead holder's are taken over. */
  instance?: { id: string; alive(id: string): Promise<boolean> };
};

/** A message as handlers see it. */
export type OutboxMessage = {
  id: string;
  topic: string;
  payload: unknown;
  orgId: string | null;
  createdAt: Date;
  /** This attempt's number, from 1. */
  attempt: number;
};

/** Processes one message after commit. Throwing schedules a retry (or, with {@link PermanentError}, fails it). */
export type OutboxHandler<C extends WorkerContext = WorkerContext> = (
  message: OutboxMessage,
  ctx: C,
) => Promise<void>;

/** Handlers by topic. A worker claims only the topics it has a handler for. */
export type OutboxHandlers<C extends WorkerContext = WorkerContext> = Readonly<
  Record<string, OutboxHandler<C>>
>;

/** An error no retry will cure (e.g. a malformed payload): the message is marked failed at once. */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentError";
  }
}

/**
 * Writes a message to the outbox. Call it with the transaction of the state change it announces:
 * the message exists if and only if the change committed. `at` is the instant of the change (the
 * context's clock); the message is due at `availableAt` (default: `at`).
 */
export async function enqueue(
  tx: Executor,
  message: { topic: string; payload: unknown; at: Date; availableAt?: Date; orgId?: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({
      topic: message.topic,
      payload: message.payload ?? null,
      orgId: message.orgId ?? null,
      createdAt: message.at,
      availableAt: message.availableAt ?? message.at,
    })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned no row");
  return row.id;
}

/** Writes several messages to the outbox in one statement (same rules as {@link enqueue}); returns their ids in order. */
export async function enqueueMany(
  tx: Executor,
  messages: { topic: string; payload: unknown; at: Date; availableAt?: Date; orgId?: string | null }[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await outboxInsert(tx, messages).returning({ id: outbox.id });
  if (rows.length !== messages.length) throw new Error("outbox insert returned fewer rows");
  return rows.map((r) => r.id);
}

/** The insert of {@link enqueueMany} (at least one message), not yet run: to send it with another write. */
export function outboxInsert(
  tx: Executor,
  messages: { topic: string; payload: unknown; at: Date; availableAt?: Date; orgId?: string | null }[],
) {
  return tx.insert(outbox).values(
    messages.map((m) => ({
      topic: m.topic,
      payload: m.payload ?? null,
      orgId: m.orgId ?? null,
      createdAt: m.at,
      availableAt: m.availableAt ?? m.at,
    })),
  );
}
