import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeErrorText } from "../../src/adapters/logging";
import { type AppContext, defaultConfig } from "../../src/app/context";
import { buildServer } from "../../src/http/server";
import { FixedClock } from "../../src/shared/clock";
import { TEST_NOW } from "../helpers/testApp";
import { openTestDatabase } from "../setup/testDatabase";

// Issue 11, point 15: masking holds in every log line. A failed SQL statement is logged without its
// parameters (Drizzle puts them in the message) and PostgreSQL's detail; request URLs mask identifiers.
const ID = "340321198503122011";
const PHONE = "13805529876";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
const lines: string[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.drop());

async function server() {
  const ctx: AppContext = { database, clock: new FixedClock(TEST_NOW), config: { ...defaultConfig } };
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await buildServer(ctx, { logger: { level: "info", stream } });
  // A statement that fails in the database with personal data among its parameters.
  app.get("/test/failing-sql", async () => {
    await database.db.execute(sql`select ${ID}::text || ${PHONE}::text from yizhan_no_such_table`);
    return {};
  });
  await app.ready();
  return app;
}

describe("log lines", () => {
  it("a failed statement is logged with its SQLSTATE but without parameters; the client gets a 500 without internals", async () => {
    const app = await server();
    const res = await app.inject({ url: "/test/failing-sql" });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(ID);
    expect(res.body).not.toContain("select");
    const log = lines.join("");
    expect(log).toContain("request failed");
    expect(log).toContain("42P01"); // undefined_table: the code is kept
    expect(log).toContain("Failed query: select $1::text || $2::text from yizhan_no_such_table");
    expect(log).not.toContain(ID);
    expect(log).not.toContain(PHONE);
    expect(log).not.toContain("params");
  });

  it("request URLs are logged with identifiers masked", async () => {
    lines.length = 0;
    const app = await server();
    await app.inject({ url: `/api/applicants?q=${ID}` });
    await app.inject({ url: `/api/applicants?q=${encodeURIComponent(`张伟 ${PHONE}`)}` });
    await app.close();
    const log = lines.join("");
    expect(log).toContain("/api/applicants?q=3403**********2011");
    expect(log).toContain("138****9876");
    expect(log).not.toContain(ID);
    expect(log).not.toContain(PHONE);
  });

  it("the CLI prints a failed statement the same way (no parameters)", async () => {
    const err = await database.db.execute(sql`select ${ID}::int`).catch((e: unknown) => e);
    expect(String((err as Error).message)).toContain(ID); // what Drizzle itself says
    const text = safeErrorText(err);
    expect(text).toContain("Failed query: select $1::int");
    expect(text).not.toContain(ID);
  });
});
