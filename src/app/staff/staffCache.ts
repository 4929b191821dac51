/**
 * Who works where, as case commands read it on their hot path — the posts of an organization (AB岗
 * routing) and the holders of a role in it (whom a command notifies) — cached per process for
 * {@link STAFF_TTL_MS} (ADR 0007's bound, ADR 0017g). A change made through this process (a post's
 * holder, a user's roles or activation, a new user, the demo staff) calls {@link staffChanged}, which
 * drops every entry at once; a change made by another server or process is seen within the bound.
 * Measured on real time, not the context's clock: a test that freezes its clock still sees a change
 * another process made after a second.
 */
import type { Database } from "../../db/client";
import type { AppContext } from "../context";

/** How long a cached answer is used (ms of real time). */
export const STAFF_TTL_MS = 1_000;

type Entry = { value: unknown; at: number; epoch: number };
const caches = new WeakMap<Database, Map<string, Entry>>();
let epoch = 0;

/** Drops every cached answer of this process (call it when staff, posts or roles change). */
export function staffChanged(): void {
  epoch++;
}

/**
 * The cached answer for `key` in the context's database, or what `load` reads (then kept). `load` reads
 * through the caller's executor (its transaction); only its result is shared.
 */
export async function cachedStaff<T>(ctx: AppContext, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(ctx.database);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.database, cache);
  }
  const now = performance.now();
  const hit = cache.get(key);
  if (hit && hit.epoch === epoch && now - hit.at < STAFF_TTL_MS) return hit.value as T;
  const seenEpoch = epoch;
  const value = await load();
  if (cache.size > 10_000) cache.clear();
  // A change made while this read ran may not be in it: keep it only if none was.
  if (seenEpoch === epoch) cache.set(key, { value, at: now, epoch });
  return value;
}
