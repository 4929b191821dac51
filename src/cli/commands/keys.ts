import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  configuredAlgorithm,
  defaultKeysDir,
  KeyStore,
  keysFromPublishedSet,
  type PublishedKey,
  publishedKeySet,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  verifyDocument,
} from "../../adapters/signing";
import { openDatabase } from "../../db/client";
import { organizations } from "../../db/schema";
import { type Command, databaseOptions } from "../command";
import type { CliEnv } from "../io";
import { UsageError } from "../output";

const alg = (v: string | undefined, env: CliEnv): SigningAlgorithm => {
  if (v === undefined) return configuredAlgorithm(env);
  if (!(SIGNING_ALGORITHMS as readonly string[]).includes(v))
    throw new UsageError(`--alg must be ${SIGNING_ALGORITHMS.join(" or ")}`);
  return v as SigningAlgorithm;
};

/** Organization codes to act on: --org, else every bureau and township government in the database. */
async function orgCodes(values: { org?: string[]; "data-dir"?: string }, env: CliEnv): Promise<string[]> {
  if (values.org?.length) return values.org;
  const database = await openDatabase(databaseOptions(values, env));
  try {
    await database.migrate();
    const rows = await database.db.select().from(organizations);
    return rows.filter((o) => o.kind === "bureau" || o.kind === "township").map((o) => o.code);
  } finally {
    await database.close();
  }
}

export const keysCommand: Command = {
  name: "keys",
  summary: "Certificate signing keys: init, rotate, list (kept in $YIZHAN_KEYS_DIR, never in the database)",
  usage: [
    "yizhan keys init   [--org CODE ...] [--alg Ed25519|SM2-SM3] [--keys-dir DIR]",
    "yizhan keys rotate  --org CODE     [--alg Ed25519|SM2-SM3] [--keys-dir DIR]",
    "yizhan keys list   [--keys-dir DIR] [--json]",
    "",
    "Keys live in --keys-dir, $YIZHAN_KEYS_DIR, or <data dir>/keys. Retired keys stay for verification;",
    "the server publishes every public key at /.well-known/yizhan-keys.json and /.well-known/jwks.json.",
    "`keys list` exits 1, saying where it looked, when there is no key store (no keys.json) or it holds",
    "no key; 0 when it lists at least one key.",
  ].join("\n"),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values } = parseArgs({
      args: rest,
      options: {
        org: { type: "string", multiple: true },
        alg: { type: "string" },
        "keys-dir": { type: "string" },
        "data-dir": { type: "string" },
        json: { type: "boolean" },
      },
      strict: true,
    });
    const store = new KeyStore(values["keys-dir"] ?? defaultKeysDir(io.env));
    if (sub === "init") {
      for (const code of await orgCodes(values, io.env)) {
        const before = store.active(code);
        const k = store.init(code, alg(values.alg, io.env));
        io.stdout.write(`${before ? "exists " : "created"} ${k.kid} (${k.algorithm}) for ${code}\n`);
      }
      io.stdout.write(`Keys in ${store.dir}\n`);
      return 0;
    }
    if (sub === "rotate") {
      if (!values.org?.length) throw new UsageError("rotate needs --org CODE");
      for (const code of values.org) {
        const old = store.active(code);
        const k = store.rotate(code, alg(values.alg, io.env));
        io.stdout.write(
          `rotated ${code}: ${old?.kid ?? "(none)"} retired, ${k.kid} (${k.algorithm}) active\n`,
        );
      }
      return 0;
    }
    if (sub === "list") {
      if (!store.exists()) {
        io.stderr.write(
          `No key store in ${store.dir} (no keys.json). Create keys with \`yizhan keys init\`, or point to the store with --keys-dir DIR or $YIZHAN_KEYS_DIR.\n`,
        );
        return 1;
      }
      const keys = store.list();
      if (keys.length === 0) {
        io.stderr.write(
          `The key store in ${store.dir} holds no key. Create one with \`yizhan keys init\`.\n`,
        );
        return 1;
      }
      if (values.json) io.stdout.write(`${JSON.stringify(publishedKeySet("local", keys), null, 2)}\n`);
      else
        for (const k of keys)
          io.stdout.write(
            `${k.kid}\t${k.algorithm}\t${k.orgCode}\t${k.createdAt}\t${k.retiredAt ? `retired ${k.retiredAt}` : "active"}\n`,
          );
      return 0;
    }
    throw new UsageError("expected init, rotate or list");
  },
};

/** Where the keys came from, or why there are none to check against. */
type KeySource = { keys: PublishedKey[]; from: string } | { error: string };

/**
 * The published keys to check against: a URL or a saved copy of the keys document
 * (`/.well-known/yizhan-keys.json`) or of the JWKS (`/.well-known/jwks.json`), else the local key store.
 */
async function loadKeys(source: string | undefined, keysDir: string): Promise<KeySource> {
  if (!source) {
    const store = new KeyStore(keysDir);
    if (!store.exists())
      return {
        error:
          `no key store found: ${store.dir} has no keys.json. Give the issuer's published keys with ` +
          "--keys https://<server>/.well-known/jwks.json (or yizhan-keys.json, or a saved copy of either), " +
          "or the key store with --keys-dir DIR",
      };
    return { keys: publishedKeySet("local", store.list()).keys, from: `key store ${store.dir}` };
  }
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const res = await fetch(source);
      if (!res.ok) return { error: `could not fetch the keys: ${source} answered ${res.status}` };
      text = await res.text();
    } else text = readFileSync(source, "utf8");
  } catch (e) {
    return { error: `could not read the keys from ${source}: ${(e as Error).message}` };
  }
  try {
    return { keys: keysFromPublishedSet(JSON.parse(text)), from: source };
  } catch (e) {
    return { error: `${source} is not a key set (keys document or JWKS): ${(e as Error).message}` };
  }
}

const REASONS: Record<string, string> = {
  bad_signature: "tampered: the signature does not match the certificate",
  unknown_key: "unknown key: no published key has this key id and algorithm",
  wrong_issuer: "wrong issuer: the key belongs to another office than the certificate's issuer",
  malformed: "malformed: not a Yizhan certificate document",
};

export const verifyCertificateCommand: Command = {
  name: "verify-certificate",
  summary: "Verify a certificate JSON offline against the published keys (keys document or JWKS)",
  usage: [
    "yizhan verify-certificate FILE.json [--keys URL|FILE] [--keys-dir DIR]",
    "",
    "  --keys      the issuer's published keys: https://<server>/.well-known/jwks.json or",
    "              /.well-known/yizhan-keys.json, or a saved copy of either (default: the local key store)",
    "  exit 0 valid signature; 1 tampered, unknown key or wrong issuer; 2 nothing to check against",
    "  (no key store found, keys unreadable) or the file is not JSON",
  ].join("\n"),
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { keys: { type: "string" }, "keys-dir": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError("give one certificate file");
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(positionals[0], "utf8"));
    } catch (e) {
      io.stderr.write(`cannot read ${positionals[0]} as JSON: ${(e as Error).message}\n`);
      return 2;
    }
    const source = await loadKeys(values.keys, values["keys-dir"] ?? defaultKeysDir(io.env));
    if ("error" in source) {
      io.stderr.write(`cannot verify: ${source.error}\n`);
      return 2;
    }
    const check = verifyDocument(doc, source.keys);
    if (check.ok) {
      const d = doc as {
        payload: { name?: string; number?: string; issuer?: { name?: string } };
        signature: { signedAt?: string };
      };
      const p = d.payload;
      const k = check.key;
      io.stdout.write(
        `valid signature: ${p.name ?? ""} ${p.number ?? ""} issued by ${p.issuer?.name ?? "?"} ` +
          `(key ${check.kid}, ${k.alg}${k.issuerName ? ` of ${k.issuerName}` : ""}${k.retired ? ", retired key" : ""}; keys from ${source.from})\n`,
      );
      io.stdout.write(
        check.legacy
          ? "Format yizhan-certificate/1 (the first format): the signature covers the payload only, not the signing time or the key id.\n"
          : `Signed at ${d.signature.signedAt} (signing time and key id are covered by the signature).\n`,
      );
      io.stdout.write("Revocation is not checked offline; check online at /verify.\n");
      return 0;
    }
    io.stdout.write(`${REASONS[check.reason]} — the certificate does not verify\n`);
    return 1;
  },
};
