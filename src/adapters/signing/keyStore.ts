import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateKeyPair, keyFingerprint, SIGNING_ALGORITHMS, type SigningAlgorithm } from "./algorithms";

/** One key of the store (public part; the private PEM stays in its file). */
export type StoredKey = {
  kid: string;
  orgCode: string;
  algorithm: SigningAlgorithm;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
};

type Manifest = { version: 1; keys: StoredKey[] };

/** The keys directory: `$YIZHAN_KEYS_DIR`, else `<data dir>/keys` (data dir: `$YIZHAN_DATA_DIR` or ./data). */
export function defaultKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.YIZHAN_KEYS_DIR) return resolve(env.YIZHAN_KEYS_DIR);
  // Under the test runner, a per-process temporary directory: tests never write keys into ./data.
  if (env.VITEST) return join(tmpdir(), `yizhan-keys-vitest-${process.pid}`);
  return resolve(join(env.YIZHAN_DATA_DIR || "./data", "keys"));
}

/** The algorithm new keys get: `$YIZHAN_SIGNING_ALG` (Ed25519 | SM2-SM3), Ed25519 by default. */
export function configuredAlgorithm(env: NodeJS.ProcessEnv = process.env): SigningAlgorithm {
  const v = env.YIZHAN_SIGNING_ALG;
  return v && (SIGNING_ALGORITHMS as readonly string[]).includes(v) ? (v as SigningAlgorithm) : "Ed25519";
}

const safe = (kid: string) => kid.replace(/[^A-Za-z0-9_.-]/g, "_");

/**
 * Signing keys on disk, OUTSIDE the database (a database dump never carries a private key):
 * `keys.json` lists every key with its public PEM, `<kid>.key.pem` holds a private key (mode 0600).
 * Rotation retires the active key of an organization; retired keys stay listed so old certificates
 * still verify (GB/T 36905 signature requirements; docs/certificates.md).
 */
export class KeyStore {
  constructor(readonly dir: string = defaultKeysDir()) {}

  private manifestPath() {
    return join(this.dir, "keys.json");
  }

  /** True when the directory holds a key store (its `keys.json`). */
  exists(): boolean {
    return existsSync(this.manifestPath());
  }

  /** Every key, active and retired (none when there is no key store). */
  list(): StoredKey[] {
    if (!existsSync(this.manifestPath())) return [];
    return (JSON.parse(readFileSync(this.manifestPath(), "utf8")) as Manifest).keys;
  }

  private save(keys: StoredKey[]) {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.manifestPath()}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ version: 1, keys } satisfies Manifest, null, 2)}\n`);
    renameSync(tmp, this.manifestPath());
  }

  /** The organization's active (not retired) key, if any. */
  active(orgCode: string): StoredKey | undefined {
    return this.list().find((k) => k.orgCode === orgCode && !k.retiredAt);
  }

  /** The private key PEM of `kid` (throws when the file is missing). */
  privateKeyPem(kid: string): string {
    return readFileSync(join(this.dir, `${safe(kid)}.key.pem`), "utf8");
  }

  private create(orgCode: string, algorithm: SigningAlgorithm, now: Date): StoredKey {
    const pair = generateKeyPair(algorithm);
    const day = now.toISOString().slice(0, 10).replaceAll("-", "");
    const kid = `${orgCode}-${day}-${keyFingerprint(pair.publicKeyPem).slice(0, 12)}`;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${safe(kid)}.key.pem`);
    writeFileSync(file, pair.privateKeyPem, { mode: 0o600 });
    chmodSync(file, 0o600);
    writeFileSync(join(this.dir, `${safe(kid)}.pub.pem`), pair.publicKeyPem);
    return {
      kid,
      orgCode,
      algorithm,
      publicKeyPem: pair.publicKeyPem,
      createdAt: now.toISOString(),
      retiredAt: null,
    };
  }

  /** `yizhan keys init`: creates the organization's first key; returns the existing one if there is one. */
  init(orgCode: string, algorithm: SigningAlgorithm = configuredAlgorithm(), now = new Date()): StoredKey {
    const existing = this.active(orgCode);
    if (existing) return existing;
    const key = this.create(orgCode, algorithm, now);
    this.save([...this.list(), key]);
    return key;
  }

  /** `yizhan keys rotate`: a new active key; the previous one is retired but kept for verification. */
  rotate(orgCode: string, algorithm: SigningAlgorithm = configuredAlgorithm(), now = new Date()): StoredKey {
    const key = this.create(orgCode, algorithm, now);
    const keys = this.list().map((k) =>
      k.orgCode === orgCode && !k.retiredAt ? { ...k, retiredAt: now.toISOString() } : k,
    );
    this.save([...keys, key]);
    return key;
  }
}
