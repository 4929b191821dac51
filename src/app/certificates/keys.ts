import { eq } from "drizzle-orm";
import { KeyStore, type PublishedKeySet, publishedKeySet, type StoredKey } from "../../adapters/signing";
import type { Executor } from "../../db/client";
import { signingKeys } from "../../db/schema";

/** The key store of this process (`$YIZHAN_KEYS_DIR`, default `<data dir>/keys`); read on each use. */
export function keyStore(): KeyStore {
  return new KeyStore();
}

/** Copies the public part of every key on disk into the registry (new keys, and retirements). */
export async function syncKeyRegistry(ex: Executor, store: KeyStore = keyStore()): Promise<void> {
  for (const k of store.list()) {
    await ex
      .insert(signingKeys)
      .values({
        kid: k.kid,
        orgCode: k.orgCode,
        algorithm: k.algorithm,
        publicKeyPem: k.publicKeyPem,
        createdAt: new Date(k.createdAt),
        retiredAt: k.retiredAt ? new Date(k.retiredAt) : null,
      })
      .onConflictDoUpdate({
        target: signingKeys.kid,
        set: { retiredAt: k.retiredAt ? new Date(k.retiredAt) : null },
      });
  }
}

/**
 * The organization's active signing key with its private PEM. A deployment without keys gets one
 * created on first issue (what `yizhan keys init` does), so a fresh install can issue at once.
 */
export async function activeSigningKey(
  ex: Executor,
  orgCode: string,
  now: Date,
): Promise<StoredKey & { privateKeyPem: string }> {
  const store = keyStore();
  const key = store.active(orgCode) ?? store.init(orgCode, undefined, now);
  await syncKeyRegistry(ex, store);
  return { ...key, privateKeyPem: store.privateKeyPem(key.kid) };
}

/** Every registered public key (active and retired), as published at `/.well-known/yizhan-keys.json`. */
export async function publishedKeys(ex: Executor, issuer: string): Promise<PublishedKeySet> {
  await syncKeyRegistry(ex);
  const rows = await ex.select().from(signingKeys).orderBy(signingKeys.createdAt);
  return publishedKeySet(
    issuer,
    rows.map((r) => ({
      kid: r.kid,
      orgCode: r.orgCode,
      algorithm: r.algorithm,
      publicKeyPem: r.publicKeyPem,
      createdAt: r.createdAt.toISOString(),
      retiredAt: r.retiredAt?.toISOString() ?? null,
    })),
  );
}

/** One registered key by id. */
export async function registeredKey(ex: Executor, kid: string) {
  const [row] = await ex.select().from(signingKeys).where(eq(signingKeys.kid, kid));
  return row;
}
