import { eq } from "drizzle-orm";
import {
  jwkOf,
  KeyStore,
  type PublicJwk,
  type PublishedKey,
  type PublishedKeySet,
  publishedKey,
  publishedKeySet,
  type StoredKey,
} from "../../adapters/signing";
import type { Executor } from "../../db/client";
import { organizations, signingKeys } from "../../db/schema";

/**
 * The key store in `dir` (the server's `config.keysDir`), else the process's (`$YIZHAN_KEYS_DIR`, default
 * `<data dir>/keys`), read on each use.
 */
export function keyStore(dir?: string): KeyStore {
  return new KeyStore(dir);
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
  keysDir?: string,
): Promise<StoredKey & { privateKeyPem: string }> {
  const store = keyStore(keysDir);
  const key = store.active(orgCode) ?? store.init(orgCode, undefined, now);
  await syncKeyRegistry(ex, store);
  return { ...key, privateKeyPem: store.privateKeyPem(key.kid) };
}

/** Every registered public key (active and retired), as published at `/.well-known/yizhan-keys.json`. */
export async function publishedKeys(ex: Executor, issuer: string): Promise<PublishedKeySet> {
  await syncKeyRegistry(ex);
  const rows = await keyRows(ex);
  return publishedKeySet(issuer, rows);
}

/**
 * The same keys as a JWKS (`/.well-known/jwks.json`): Ed25519 as RFC 8037 OKP JWKs, SM2 as EC JWKs with
 * `crv: "SM2"` (no IANA-registered curve name exists for it), each naming its issuer.
 */
export async function publishedJwks(ex: Executor): Promise<{ keys: PublicJwk[] }> {
  return { keys: (await publishedKeys(ex, "")).keys.map(jwkOf) };
}

/**
 * The registered keys with the issuer each belongs to, as certificates name it (`payload.issuer`:
 * the office's 统一社会信用代码, else its code, and its name).
 */
async function keyRows(ex: Executor, kid?: string) {
  const rows = await ex
    .select({ key: signingKeys, orgName: organizations.name, creditCode: organizations.creditCode })
    .from(signingKeys)
    .leftJoin(organizations, eq(organizations.code, signingKeys.orgCode))
    .where(kid ? eq(signingKeys.kid, kid) : undefined)
    .orderBy(signingKeys.createdAt);
  return rows.map((r) => ({
    kid: r.key.kid,
    orgCode: r.key.orgCode,
    algorithm: r.key.algorithm,
    publicKeyPem: r.key.publicKeyPem,
    createdAt: r.key.createdAt.toISOString(),
    retiredAt: r.key.retiredAt?.toISOString() ?? null,
    issuerCode: r.orgName ? (r.creditCode ?? r.key.orgCode) : undefined,
    issuerName: r.orgName ?? undefined,
  }));
}

/** One registered key by id, published form (with its issuer), or undefined. */
export async function registeredKey(ex: Executor, kid: string): Promise<PublishedKey | undefined> {
  const [row] = await keyRows(ex, kid);
  return row ? publishedKey(row) : undefined;
}
