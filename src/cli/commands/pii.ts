import { parseArgs } from "node:util";
import { addPiiHashKey, addPiiKey, loadPiiKeyring, setPiiKeyring } from "../../adapters/pii/keyring";
import { defaultKeysDir } from "../../adapters/signing";
import { reencryptPersonalData, rehashPersonalData } from "../../app/pii/rewrite";
import { openDatabase } from "../../db/client";
import { type Command, databaseOptions } from "../command";
import { UsageError } from "../output";

export const piiCommand: Command = {
  name: "pii",
  summary: "Personal data at rest (ID numbers, phones, TOTP secrets): rotate the encryption or the hash key",
  usage: [
    "yizhan pii rotate [--hash-key] [--keys-dir DIR] [--data-dir DIR]",
    "",
    "Adds a new key to pii-keys.json in --keys-dir, $YIZHAN_KEYS_DIR or <data dir>/keys (the old keys stay",
    "there, to read backups) and re-encrypts every stored value with it, printing its progress. With",
    "$YIZHAN_PII_KEY set, no key is added: set the new key there and the old one in $YIZHAN_PII_OLD_KEYS",
    "first. Safe to run again after an interruption.",
    "",
    "--hash-key replaces the key of the keyed hashes used for lookups instead (the old one is kept as",
    "retired, so lookups keep finding every row meanwhile) and recomputes every hash under the new one.",
    "With $YIZHAN_PII_HASH_KEY set, set the new hash key there and the old one in",
    "$YIZHAN_PII_OLD_HASH_KEYS first.",
    "",
    "On the embedded database stop the server first; on PostgreSQL servers may keep running (a server",
    "using the key file reads it again within a second of the change).",
  ].join("\n"),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values } = parseArgs({
      args: rest,
      options: {
        "keys-dir": { type: "string" },
        "data-dir": { type: "string" },
        "hash-key": { type: "boolean" },
      },
      strict: true,
    });
    if (sub !== "rotate") throw new UsageError("yizhan pii rotate");
    const keysDir = values["keys-dir"] ?? defaultKeysDir(io.env);
    const hashes = values["hash-key"] === true;
    const fromEnv = !!io.env.YIZHAN_PII_KEY;
    const ring = setPiiKeyring(
      fromEnv ? loadPiiKeyring(keysDir, io.env) : hashes ? addPiiHashKey(keysDir) : addPiiKey(keysDir),
    );
    io.stdout.write(
      hashes
        ? `New hash key (${ring.source}); ${ring.oldHashKeys.length} retired hash key(s) still looked up with\n`
        : `Active key ${ring.active} (${ring.source})\n`,
    );
    const database = await openDatabase(databaseOptions(values, io.env));
    try {
      await database.migrate();
      const progress = (table: string, done: number, total: number) =>
        io.stdout.write(`${table}: ${done}/${total}\n`);
      const counts = hashes
        ? await rehashPersonalData(database.db, progress)
        : await reencryptPersonalData(database.db, progress);
      const all = Object.values(counts).reduce((a, b) => a + b, 0);
      io.stdout.write(
        hashes
          ? `Rehashed ${all} rows with the new hash key\n`
          : `Re-encrypted ${all} rows with key ${ring.active}\n`,
      );
    } finally {
      await database.close();
    }
    return 0;
  },
};
