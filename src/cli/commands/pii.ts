import { parseArgs } from "node:util";
import { addPiiKey, loadPiiKeyring, setPiiKeyring } from "../../adapters/pii/keyring";
import { defaultKeysDir } from "../../adapters/signing";
import { reencryptPersonalData } from "../../app/pii/rewrite";
import { openDatabase } from "../../db/client";
import { type Command, databaseOptions } from "../command";
import { UsageError } from "../output";

export const piiCommand: Command = {
  name: "pii",
  summary: "Personal data at rest (ID numbers, phones, TOTP secrets): rotate the encryption key",
  usage: [
    "yizhan pii rotate [--keys-dir DIR] [--data-dir DIR]",
    "",
    "Adds a new key to pii-keys.json in --keys-dir, $YIZHAN_KEYS_DIR or <data dir>/keys (the old keys stay",
    "there, to read backups) and re-encrypts every stored value with it, printing its progress. With",
    "$YIZHAN_PII_KEY set, no key is added: set the new key there and the old one in $YIZHAN_PII_OLD_KEYS",
    "first. The keyed hashes for lookups keep their own key. Safe to run again after an interruption.",
    "On the embedded database stop the server first; on PostgreSQL servers may keep running.",
  ].join("\n"),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const { values } = parseArgs({
      args: rest,
      options: { "keys-dir": { type: "string" }, "data-dir": { type: "string" } },
      strict: true,
    });
    if (sub !== "rotate") throw new UsageError("yizhan pii rotate");
    const keysDir = values["keys-dir"] ?? defaultKeysDir(io.env);
    const ring = setPiiKeyring(io.env.YIZHAN_PII_KEY ? loadPiiKeyring(keysDir, io.env) : addPiiKey(keysDir));
    io.stdout.write(`Active key ${ring.active} (${ring.source})\n`);
    const database = await openDatabase(databaseOptions(values, io.env));
    try {
      await database.migrate();
      const counts = await reencryptPersonalData(database.db, (table, done, total) =>
        io.stdout.write(`${table}: ${done}/${total}\n`),
      );
      const all = Object.values(counts).reduce((a, b) => a + b, 0);
      io.stdout.write(`Re-encrypted ${all} rows with key ${ring.active}\n`);
    } finally {
      await database.close();
    }
    return 0;
  },
};
