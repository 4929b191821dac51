import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { defaultKeysDir } from "../signing/keyStore";

/**
 * Personal data at rest (issue 16 point 8, ADR 0016): ID numbers, phones and TOTP secrets are stored
 * as `pii:v1:<key id>:<base64url(iv ‖ tag ‖ ciphertext)>` — AES-256-GCM on node:crypto, a fresh 12-byte
 * IV per value, the key id so keys rotate. Exact lookups go through a keyed hash (HMAC-SHA256 with a
 * separate key, rotated on its own: `yizhan pii rotate --hash-key`; lookups try the retired hash keys
 * too, so they keep finding rows whose hash is not yet recomputed).
 *
 * The keys live outside the database: `pii-keys.json` in the keys directory (beside the signing keys,
 * created on first start, mode 0600), or `$YIZHAN_PII_KEY` + `$YIZHAN_PII_HASH_KEY` (base64, 32 bytes
 * each; older keys still to be read in `$YIZHAN_PII_OLD_KEYS`, retired hash keys still to be looked
 * up with in `$YIZHAN_PII_OLD_HASH_KEYS`, comma-separated). One keyring per
 * process: the Drizzle column types (src/db/schema/pii.ts) encode and decode synchronously through it.
 */
export const PII_PREFIX = "pii:v1:";
export const PII_KEY_FILE = "pii-keys.json";

type KeyFile = {
  version: 1;
  active: string;
  hashKey: string;
  /** Hash keys replaced by `yizhan pii rotate --hash-key`, newest first (lookups still try them). */
  oldHashKeys?: { key: string; retiredAt: string }[];
  keys: { kid: string; key: string; createdAt: string }[];
};

export type PiiKeyring = {
  /** Where the keys came from (a file path, or "environment"). */
  source: string;
  active: string;
  keys: Map<string, Buffer>;
  hashKey: Buffer;
  /** Retired hash keys: a lookup also tries them (rows not yet rehashed, older servers' writes). */
  oldHashKeys: Buffer[];
};

const b64 = (s: string, what: string): Buffer => {
  const k = Buffer.from(s.trim(), "base64");
  if (k.length !== 32) throw new Error(`${what} must be 32 bytes in base64 (got ${k.length})`);
  return k;
};
const kidOf = (key: Buffer) => `k${createHash("sha256").update(key).digest("hex").slice(0, 10)}`;

function writeKeyFile(path: string, f: KeyFile) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(f, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

function fromFile(f: KeyFile, source: string): PiiKeyring {
  return {
    source,
    active: f.active,
    keys: new Map(f.keys.map((k) => [k.kid, b64(k.key, `${source} key ${k.kid}`)])),
    hashKey: b64(f.hashKey, `${source} hashKey`),
    oldHashKeys: (f.oldHashKeys ?? []).map((k, i) => b64(k.key, `${source} oldHashKeys[${i}]`)),
  };
}

/** Reads the keyring of `keysDir` (creating the key file on first use) or of the environment. */
export function loadPiiKeyring(
  keysDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PiiKeyring {
  if (env.YIZHAN_PII_KEY) {
    if (!env.YIZHAN_PII_HASH_KEY) throw new Error("YIZHAN_PII_KEY needs YIZHAN_PII_HASH_KEY beside it");
    const key = b64(env.YIZHAN_PII_KEY, "YIZHAN_PII_KEY");
    const keys = new Map([[kidOf(key), key]]);
    for (const old of (env.YIZHAN_PII_OLD_KEYS ?? "").split(",").filter((s) => s.trim())) {
      const k = b64(old, "YIZHAN_PII_OLD_KEYS");
      keys.set(kidOf(k), k);
    }
    return {
      source: "environment",
      active: kidOf(key),
      keys,
      hashKey: b64(env.YIZHAN_PII_HASH_KEY, "YIZHAN_PII_HASH_KEY"),
      oldHashKeys: (env.YIZHAN_PII_OLD_HASH_KEYS ?? "")
        .split(",")
        .filter((s) => s.trim())
        .map((k) => b64(k, "YIZHAN_PII_OLD_HASH_KEYS")),
    };
  }
  const path = join(keysDir, PII_KEY_FILE);
  if (!existsSync(path)) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    const first: KeyFile = {
      version: 1,
      active: kidOf(key),
      hashKey: randomBytes(32).toString("base64"),
      keys: [{ kid: kidOf(key), key: key.toString("base64"), createdAt: new Date().toISOString() }],
    };
    // Created at most once: two servers starting together on an empty directory both read the winner's.
    const tmp = `${path}.new-${process.pid}-${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, `${JSON.stringify(first, null, 2)}\n`, { mode: 0o600 });
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  return fromFile(JSON.parse(readFileSync(path, "utf8")) as KeyFile, path);
}

/**
 * Adds a new active key to the key file of `keysDir` (the old ones stay, to read what is not yet
 * re-encrypted). Under `$YIZHAN_PII_KEY` the operator sets the new key instead.
 */
export function addPiiKey(keysDir: string, now = new Date()): PiiKeyring {
  const path = join(keysDir, PII_KEY_FILE);
  loadPiiKeyring(keysDir, {});
  const f = JSON.parse(readFileSync(path, "utf8")) as KeyFile;
  const key = randomBytes(32);
  f.keys.push({ kid: kidOf(key), key: key.toString("base64"), createdAt: now.toISOString() });
  f.active = kidOf(key);
  writeKeyFile(path, f);
  return fromFile(f, path);
}

/**
 * Replaces the hash key of the key file of `keysDir` with a new one; the old one is kept as retired
 * (lookups try it until every hash is recomputed, and after). Under `$YIZHAN_PII_HASH_KEY` the operator
 * sets the new key there and the old one in `$YIZHAN_PII_OLD_HASH_KEYS` instead.
 */
export function addPiiHashKey(keysDir: string, now = new Date()): PiiKeyring {
  const path = join(keysDir, PII_KEY_FILE);
  loadPiiKeyring(keysDir, {});
  const f = JSON.parse(readFileSync(path, "utf8")) as KeyFile;
  f.oldHashKeys = [{ key: f.hashKey, retiredAt: now.toISOString() }, ...(f.oldHashKeys ?? [])];
  f.hashKey = randomBytes(32).toString("base64");
  writeKeyFile(path, f);
  return fromFile(f, path);
}

let current: PiiKeyring | undefined;
/** The key file's modification time when `current` was read from it (a rotation rewrites the file). */
let currentMtime = 0;
let checkedAt = 0;
const reloaded = new Set<string>();

const mtimeOf = (path: string) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};
const isFile = (ring: PiiKeyring) => ring.source !== "environment";

/**
 * Makes `ring` the process's keyring. Keys already known stay readable (several servers in one test
 * process on different keys directories), the new ring's active key, hash key and retired hash keys
 * are used from now on.
 */
export function setPiiKeyring(ring: PiiKeyring): PiiKeyring {
  const keys = new Map(current?.keys ?? []);
  for (const [k, v] of ring.keys) keys.set(k, v);
  current = { ...ring, keys };
  currentMtime = isFile(ring) ? mtimeOf(ring.source) : 0;
  return current;
}

/**
 * The process's keyring: the one set at start, else that of `$YIZHAN_KEYS_DIR`. A keyring read from a
 * file is read again (at most once a second) when the file changed: a running server takes up the key
 * or hash key that `yizhan pii rotate` added, so it writes and looks up with the new keys.
 */
export function piiKeyring(): PiiKeyring {
  if (!current) return setPiiKeyring(loadPiiKeyring(defaultKeysDir()));
  if (isFile(current)) {
    const now = Date.now();
    if (now - checkedAt >= 1000) {
      checkedAt = now;
      if (mtimeOf(current.source) !== currentMtime) setPiiKeyring(loadPiiKeyring(keysDirOf(current), {}));
    }
  }
  return current;
}

const keysDirOf = (ring: PiiKeyring) => ring.source.slice(0, -PII_KEY_FILE.length - 1);

export const isEncrypted = (v: string) => v.startsWith(PII_PREFIX);
/** The key id of an encrypted value (null for plaintext). */
export const keyIdOf = (v: string): string | null =>
  isEncrypted(v) ? v.slice(PII_PREFIX.length, v.indexOf(":", PII_PREFIX.length)) : null;

export function encryptPii(plain: string, ring: PiiKeyring = piiKeyring()): string {
  const key = ring.keys.get(ring.active) as Buffer;
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  c.setAAD(Buffer.from(ring.active));
  const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return `${PII_PREFIX}${ring.active}:${Buffer.concat([iv, c.getAuthTag(), ct]).toString("base64url")}`;
}

/** The plain value; a plaintext value (written before encryption, not yet migrated) as it is. */
export function decryptPii(stored: string, ring: PiiKeyring = piiKeyring()): string {
  const kid = keyIdOf(stored);
  if (kid === null) return stored;
  let key = ring.keys.get(kid);
  // A key added by `yizhan pii rotate` while this server runs: read the key file again, once per key.
  if (!key && ring === current && ring.source !== "environment" && !reloaded.has(kid)) {
    reloaded.add(kid);
    key = setPiiKeyring(loadPiiKeyring(keysDirOf(ring), {})).keys.get(kid);
  }
  if (!key)
    throw new Error(
      `personal data encrypted with key ${kid}, which is not in the keyring (${ring.source}): restore ${PII_KEY_FILE} or set YIZHAN_PII_OLD_KEYS`,
    );
  const raw = Buffer.from(stored.slice(PII_PREFIX.length + kid.length + 1), "base64url");
  const d = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  d.setAAD(Buffer.from(kid));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
}

const hmac = (key: Buffer, value: string) =>
  createHmac("sha256", key).update(value.trim().toUpperCase(), "utf8").digest("base64url");

/** The keyed hash to store for exact lookup (ID numbers upper-cased, whitespace trimmed), under the active hash key. */
export function piiHash(value: string, ring: PiiKeyring = piiKeyring()): string {
  return hmac(ring.hashKey, value);
}

/**
 * The hashes a lookup compares with: under the active hash key and every retired one, so a row whose
 * hash a rotation has not yet recomputed is still found.
 */
export function piiHashes(value: string, ring: PiiKeyring = piiKeyring()): string[] {
  return [ring.hashKey, ...ring.oldHashKeys].map((k) => hmac(k, value));
}
