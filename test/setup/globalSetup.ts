import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { seedDemo } from "../../src/app/seed/demo";
import { openDatabase } from "../../src/db/client";
import { TEST_PII_ENV } from "./piiKeys";
import { adminQuery, withDatabase } from "./testDatabase";

/** Migrates and seeds one database per test run, to be copied by every test file. */
export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  Object.assign(process.env, TEST_PII_ENV);
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `yz_tmpl_${randomBytes(4).toString("hex")}`;
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 2 });
    await database.migrate();
    await seedDemo(database.db);
    await database.close();
    project.provide("pgTemplate", template);
    return async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "yizhan-test-"));
  const database = await openDatabase({});
  await database.migrate();
  await seedDemo(database.db);
  const dump = await database.pglite!.dumpDataDir("none");
  const file = join(dir, "snapshot.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteSnapshot", file);
  return async () => rmSync(dir, { recursive: true, force: true });
}
