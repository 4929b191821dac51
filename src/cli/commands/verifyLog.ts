import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { entryChainHash, verifyDatabaseLog } from "../../app/transparency/verify/databaseLog";
import type { VerifyReport } from "../../app/transparency/verify/logChecker";
import {
  describeFindings,
  type KnownCheckpoint,
  verifyRemoteLog,
} from "../../app/transparency/verify/remoteLog";
import { openDatabase } from "../../db/client";
import { type Command, databaseOptions } from "../command";
import type { CliIo } from "../io";
import { progressBar, UsageError } from "../output";

function readState(path: string): KnownCheckpoint | undefined {
  if (!existsSync(path)) return undefined;
  const s = JSON.parse(readFileSync(path, "utf8")) as Partial<KnownCheckpoint>;
  if (!Number.isSafeInteger(s.treeSize) || typeof s.rootHash !== "string")
    throw new UsageError(`--state ${path}: not a checkpoint ({ "treeSize", "rootHash" })`);
  return { treeSize: s.treeSize as number, rootHash: s.rootHash };
}

function print(io: CliIo, report: VerifyReport, what: string, json: boolean): number {
  if (json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  }
  const s = report.stats;
  if (report.ok) {
    io.stdout.write(
      `OK 通过: ${what}: ${report.treeSize} entries, ${s.cases ?? 0} case chains, ${report.checkpointsChecked} checkpoint roots and signatures` +
        (s.consistencyProofs !== undefined ? `, ${s.consistencyProofs} consistency proofs` : "") +
        (s.inclusionProofs !== undefined ? `, ${s.inclusionProofs} inclusion proofs` : "") +
        (s.rowsChecked !== undefined ? `, ${s.rowsChecked} rows recomputed` : "") +
        (s.pending ? ` (${s.pending} events not yet integrated)` : "") +
        `\nroot ${report.rootHash} at tree size ${report.treeSize}\n`,
    );
    return 0;
  }
  const first = report.firstBad;
  const where =
    first?.leafIndex !== undefined
      ? `first bad leaf index ${first.leafIndex}${first.caseId ? ` (case ${first.caseId}, seq ${first.seq})` : ""}`
      : `first problem: ${first?.code}`;
  io.stdout.write(
    `FAILED 未通过: ${what}: ${s.findings ?? report.findings.length} problems; ${where}\n${describeFindings(report.findings).join("\n")}\n`,
  );
  return 1;
}

export const verifyLogCommand: Command = {
  name: "verify-log",
  summary: "Verify the transparency log: recompute it from the database, or check a server's published log",
  usage: [
    "yizhan verify-log [--data-dir DIR] [--json]",
    "yizhan verify-log --from-url URL [--sample N] [--state FILE] [--origin URL] [--json]",
    "",
    "Without --from-url, opens the configured database (DATABASE_URL, else PGlite in --data-dir) and",
    "recomputes every log entry from its case event or admin audit row and its stored salt, each case's",
    "hash chain, every leaf hash and the tree, and checks every archived checkpoint (root and signature).",
    "Any row that was changed, deleted, reordered or inserted after the fact is reported with the first",
    "leaf index where the log and the rows disagree (and the case and seq). Exit code 1 on any problem.",
    "",
    "With --from-url, uses only the server's public operations (no database): verifies the checkpoint",
    "signatures with the published keys, fetches every entry and recomputes the tree, checks the root of",
    "every archived checkpoint and the latest, a consistency proof between each two successive",
    "checkpoints, and --sample inclusion proofs (default 16). --state FILE keeps the last verified",
    "checkpoint between runs: the next run also checks that the log still extends it.",
    "Progress goes to stderr; the result to stdout (--json: the whole report).",
  ].join("\n"),
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        "from-url": { type: "string" },
        sample: { type: "string" },
        state: { type: "string" },
        origin: { type: "string" },
        json: { type: "boolean" },
        "data-dir": { type: "string" },
      },
      strict: true,
    });
    const json = values.json ?? false;
    const url = values["from-url"];
    if (url) {
      if (!/^https?:\/\//.test(url)) throw new UsageError(`--from-url must be an http(s) URL, got ${url}`);
      const sample = values.sample === undefined ? 16 : Number(values.sample);
      if (!Number.isSafeInteger(sample) || sample < 0)
        throw new UsageError("--sample must be a whole number");
      const known = values.state ? readState(values.state) : undefined;
      const report = await verifyRemoteLog({
        baseUrl: url,
        sample,
        known,
        origin: values.origin,
        chainHash: entryChainHash,
        progress: progressBar("verify-log", io.stderr),
      });
      if (!json && report.origin) io.stdout.write(`origin ${report.origin}\n`);
      const code = print(io, report, url, json);
      if (code === 0 && values.state && report.latest)
        writeFileSync(
          values.state,
          `${JSON.stringify({ treeSize: report.latest.treeSize, rootHash: report.latest.rootHash }, null, 2)}\n`,
        );
      return code;
    }
    if (values.sample || values.state || values.origin)
      throw new UsageError("--sample, --state and --origin go with --from-url");
    const database = await openDatabase(databaseOptions(values, io.env));
    try {
      const report = await verifyDatabaseLog(database.db, { progress: progressBar("verify-log", io.stderr) });
      return print(io, report, "database", json);
    } finally {
      await database.close();
    }
  },
};
