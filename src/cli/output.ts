import { safeErrorText } from "../adapters/logging";
import { DataDirLockedError } from "../db/dataDirLock";
import type { Sink } from "./io";

/** Writes a progress bar line to `stderr` (a terminal: redrawn in place; otherwise every 10%). */
export function progressBar(
  label: string,
  stderr: Sink,
): (done: number, total: number, what: string) => void {
  let lastDecile = -1;
  return (done, total, what) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (stderr.isTTY) {
      const width = 24;
      const filled = Math.round((pct / 100) * width);
      stderr.write(
        `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct}% ${done}/${total} ${what}`.padEnd(
          90,
        ),
      );
      if (done === total) stderr.write("\n");
    } else {
      const decile = Math.floor(pct / 10);
      if (decile !== lastDecile || done === total) {
        lastDecile = decile;
        stderr.write(`${label}: ${pct}% (${done}/${total}) ${what}\n`);
      }
    }
  };
}

/** A usage error: printed with the help hint, exit code 2. */
export class UsageError extends Error {}

const FILE_ERRORS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: "文件或目录不存在", en: "no such file or directory" },
  EACCES: { zh: "没有权限", en: "permission denied" },
  EPERM: { zh: "没有权限", en: "operation not permitted" },
  EISDIR: { zh: "这是目录，不是文件", en: "is a directory, not a file" },
  ENOTDIR: { zh: "路径中有一段不是目录", en: "a part of the path is not a directory" },
};
const NETWORK_ERRORS = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"]);

/**
 * The message and exit code for an error that ends a subcommand. Ordinary mistakes — a missing or
 * unreadable file, a database that cannot be reached, input the application refuses (YizhanError,
 * bilingual) — get one clear line and no stack trace; only an unexpected error shows its stack.
 */
export function describeError(e: unknown): { message: string; code: number } {
  const err = e as NodeJS.ErrnoException & {
    messages?: { "zh-CN": string; "en-US": string };
    errors?: { field: string; message: { "zh-CN": string; "en-US": string } }[];
    status?: number;
  };
  // The data directory is held by another process: one sentence, and exit 75 (EX_TEMPFAIL).
  if (e instanceof DataDirLockedError) return { message: e.message, code: e.exitCode };
  if (err?.messages && typeof err.status === "number") {
    const lines = [`${err.messages["zh-CN"]} / ${err.messages["en-US"]}`];
    if (err.errors && err.errors.length > 1) {
      for (const p of err.errors) lines.push(`  ${p.field}: ${p.message["zh-CN"]} / ${p.message["en-US"]}`);
    }
    return { message: lines.join("\n"), code: 1 };
  }
  const code = typeof err?.code === "string" ? err.code : "";
  if (FILE_ERRORS[code]) {
    const f = FILE_ERRORS[code];
    return { message: `${err.path ?? ""}: ${f.zh} / ${f.en}`, code: 2 };
  }
  if (NETWORK_ERRORS.has(code)) {
    return {
      message: `无法连接数据库 / cannot reach the database (${code}${err.message ? `: ${err.message}` : ""}); check DATABASE_URL`,
      code: 1,
    };
  }
  if (e instanceof Error && e.name === "ZodError") {
    const issues = (e as unknown as { issues: { path: (string | number)[]; message: string }[] }).issues;
    return { message: issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), code: 2 };
  }
  // Never the parameters of a failed statement (ID numbers, phones): src/adapters/logging.ts.
  return { message: `internal error (程序错误): ${safeErrorText(e)}`, code: 1 };
}
