import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliDatabase, runCliInProcess } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "yizhan-exchange-"));
// A copy of the migrated database: the CLI imports into it in this process (test/helpers/cli.ts).
let env: Record<string, string | undefined> = {};
let db: Awaited<ReturnType<typeof cliDatabase>>;

beforeAll(async () => {
  db = await cliDatabase();
  env = db.env;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

/** GBK bytes of a text (the encoder Node lacks): the few characters the test uses, from the GBK table. */
const GBK: Record<string, number[]> = {
  安: [0xb0, 0xb2],
  徽: [0xbb, 0xd5],
  三: [0xc8, 0xfd],
  木: [0xc4, 0xbe],
  公: [0xb9, 0xab],
  司: [0xcb, 0xbe],
  坏: [0xbb, 0xb5],
};
function gbk(text: string): Buffer {
  return Buffer.from(
    [...text].flatMap((c) => GBK[c] ?? (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : fail(c))),
  );
}
function fail(c: string): never {
  throw new Error(`no GBK bytes for ${c}`);
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .*\(/);

describe("yizhan exchange import", { timeout: 120_000 }, () => {
  it("imports a GBK file with quoted line breaks; a bad date is rejected by line and the rest imported", async () => {
    const file = join(dir, "licences-gbk.csv");
    writeFileSync(
      file,
      gbk(
        'subject_code,subject_name,valid_until\r\n91340321MA2T5ABC0H,"安徽三木\r\n公司",2049-03-17\r\n91350100M000100Y43,坏,2026-02-30\r\n',
      ),
    );
    const res = await runCliInProcess(
      ["exchange", "import", file, "--dataset", "business_licence", "--json"],
      env,
    );
    noStack(res.stderr);
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({
      imported: 1,
      encoding: "gb18030",
      rejected: [{ line: 4, field: "valid_until", code: "date_invalid" }],
    });
    const text = await runCliInProcess(["exchange", "import", file, "--dataset", "business_licence"], env);
    expect(text.stdout).toContain(
      "Imported 1 record(s) into business_licence; 1 rejected (decoded from GB18030).",
    );
    expect(text.stdout).toContain("line 4: valid_until: 有效期 2026-02-30 不是有效日期");
  });

  it("ordinary mistakes give one clear line and a non-zero exit, never a stack trace", async () => {
    const unclosed = join(dir, "unclosed.csv");
    writeFileSync(unclosed, 'subject_code,subject_name\n91340321MA2T5ABC0H,"never closed\n');
    const header = join(dir, "header.csv");
    writeFileSync(header, "code,name\n1,2\n");
    const binary = join(dir, "binary.csv");
    writeFileSync(binary, Buffer.from([0x80, 0x20, 0xff, 0xfe, 0xff]));
    const cases: [string[], number, string][] = [
      [["exchange", "import", join(dir, "missing.csv"), "--dataset", "business_licence"], 2, "no such file"],
      [["exchange", "import", unclosed, "--dataset", "nope"], 2, "no shared dataset nope"],
      [
        ["exchange", "import", unclosed, "--dataset", "business_licence"],
        1,
        "line 2: a quoted field is never closed",
      ],
      [["exchange", "import", header, "--dataset", "business_licence"], 1, "lacks the column subject_code"],
      [["exchange", "import", binary, "--dataset", "business_licence"], 1, "unknown file encoding"],
      [["exchange", "import", header], 2, "--dataset is required"],
      [["exchange", "import", header, "--dataset", "business_licence", "--bogus"], 2, "Unknown option"],
      [["calendar", "import", join(dir, "missing.txt")], 2, "no such file"],
      [["user", "add", "--username", "x"], 2, "--name is required"],
    ];
    for (const [args, code, message] of cases) {
      const res = await runCliInProcess(args, env);
      expect(res.code, args.join(" ")).toBe(code);
      expect(res.stderr, args.join(" ")).toContain(message);
      noStack(res.stderr);
    }
  });
});
