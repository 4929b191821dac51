import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  configuredAlgorithm,
  KeyStore,
  type PublishedKey,
  publishedKeySet,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  verifyDocument,
} from "../../adapters/signing";
import { openDatabase } from "../../db/client";
import { organizations } from "../../db/schema";
import { type Command, databaseOptions } from "../command";
import { UsageError } from "../output";

const alg = (v: string | undefined): SigningAlgorithm => {
  if (v === undefined) return configuredAlgorithm();
  if (!(SIGNING_ALGORITHMS as readonly string[]).includes(v))
    throw new UsageError(`--alg must be ${SIGNING_ALGORITHMS.join(" or ")}`);
  return v as SigningAlgorithm;
};

/** Organization codes to act on: --org, else every bureau and township government in the database. */
async function orgCodes(values: { org?: string[]; "data-dir"?: string }): Promise<string[]> {
  if (values.org?.length) return values.org;
  const database = await openDatabase(databaseOptions(values));
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
    "the server publishes every public key at /.well-known/yizhan-keys.json.",
  ].join("\n"),
  async run(argv) {
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
    const store = new KeyStore(values["keys-dir"] ?? undefined);
    if (sub === "init") {
      for (const code of await orgCodes(values)) {
        const before = store.active(code);
        const k = store.init(code, alg(values.alg));
        process.stdout.write(`${before ? "exists " : "created"} ${k.kid} (${k.algorithm}) for ${code}\n`);
      }
      process.stdout.write(`Keys in ${store.dir}\n`);
      return 0;
    }
    if (sub === "rotate") {
      if (!values.org?.length) throw new UsageError("rotate needs --org CODE");
      for (const code of values.org) {
        const old = store.active(code);
        const k = store.rotate(code, alg(values.alg));
        process.stdout.write(
          `rotated ${code}: ${old?.kid ?? "(none)"} retired, ${k.kid} (${k.algorithm}) active\n`,
        );
      }
      return 0;
    }
    if (sub === "list") {
      const keys = store.list();
      if (values.json) process.stdout.write(`${JSON.stringify(publishedKeySet("local", keys), null, 2)}\n`);
      else
        for (const k of keys)
          process.stdout.write(
            `${k.kid}\t${k.algorithm}\t${k.orgCode}\t${k.createdAt}\t${k.retiredAt ? `retired ${k.retiredAt}` : "active"}\n`,
          );
      return 0;
    }
    throw new UsageError("expected init, rotate or list");
  },
};

/** Loads published keys from a URL (the well-known document), a JSON file, or the local key store. */
async function loadKeys(source: string | undefined, keysDir: string | undefined): Promise<PublishedKey[]> {
  if (!source) return publishedKeySet("local", new KeyStore(keysDir).list()).keys;
  const text = /^https?:\/\//.test(source)
    ? await (await fetch(source)).text()
    : readFileSync(source, "utf8");
  const parsed = JSON.parse(text) as { keys?: PublishedKey[] };
  return (parsed.keys ?? []).filter((k) => typeof k.publicKeyPem === "string");
}

export const verifyCertificateCommand: Command = {
  name: "verify-certificate",
  summary: "Verify a certificate JSON offline against the published keys",
  usage:
    "yizhan verify-certificate FILE.json [--keys URL|FILE] [--keys-dir DIR]\n  exit 0 valid signature, 1 tampered or unknown key",
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { keys: { type: "string" }, "keys-dir": { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError("give one certificate file");
    const doc = JSON.parse(readFileSync(positionals[0], "utf8")) as unknown;
    const check = verifyDocument(doc, await loadKeys(values.keys, values["keys-dir"]));
    if (check.ok) {
      const p = (doc as { payload: { name?: string; number?: string; issuer?: { name?: string } } }).payload;
      process.stdout.write(
        `valid signature: ${p.name ?? ""} ${p.number ?? ""} issued by ${p.issuer?.name ?? "?"} (key ${check.kid}, ${check.key.alg}${check.key.retired ? ", retired key" : ""})\n`,
      );
      process.stdout.write("Revocation is not checked offline; check online at /verify.\n");
      return 0;
    }
    process.stdout.write(
      `${check.reason === "bad_signature" ? "tampered" : check.reason === "unknown_key" ? "unknown key" : "malformed"}: the certificate does not verify\n`,
    );
    return 1;
  },
};
