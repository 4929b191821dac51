import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppContext, defaultConfig } from "../../src/app/context";
import { type Database, openDatabase } from "../../src/db/client";
import { buildServer } from "../../src/http/server";
import { serverFileStorage } from "../../src/http/start";
import { FixedClock } from "../../src/shared/clock";
import type { CaseBody } from "../helpers/cases";
import { LAND_PERMIT_FORM, PDF } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { caseRead } from "../helpers/factories";
import { TEST_NOW, testAppOn } from "../helpers/testApp";
import { openTestDatabase } from "../setup/testDatabase";

// Issue 16, point 4: files live with the data. Two app servers on one database, each with the file
// store a real server gets (serverFileStorage) and a local directory of its own: what one stored, the
// other serves — uploads and rendered documents alike. On PostgreSQL the second server has its own
// connection pool, as a second machine would; PGlite is one process, so both share its instance.

type Server = { app: FastifyInstance; ctx: AppContext; dir: string; database: Database };

let base: Awaited<ReturnType<typeof openTestDatabase>>;
let a: Server;
let b: Server;

async function server(database: Database): Promise<Server> {
  const clock = new FixedClock(TEST_NOW);
  const dir = mkdtempSync(join(tmpdir(), "yizhan-server-"));
  const ctx: AppContext = {
    database,
    clock,
    config: { ...defaultConfig, demo: true, loginRateLimitPerMinute: 1000 },
    storage: serverFileStorage(database, dir, {}, clock),
  };
  const app = await buildServer(ctx, { logger: false, checkResponses: true });
  await app.ready();
  return { app, ctx, dir, database };
}

beforeAll(async () => {
  base = await openTestDatabase();
  a = await server(base);
  b = await server(
    base.kind === "postgresql" ? await openDatabase({ databaseUrl: base.location, poolSize: 4 }) : base,
  );
});
afterAll(async () => {
  await a?.app.close();
  await b?.app.close();
  if (b && b.database !== base) await b.database.close();
  await base?.drop();
  for (const s of [a, b]) if (s) rmSync(s.dir, { recursive: true, force: true });
});

/** GET `url` on `s` with the session of `client` (signed in on the other server: sessions are in the database). */
function getOn(s: Server, client: TestClient, url: string) {
  return s.app.inject({ method: "GET", url, headers: { cookie: client.cookieHeader() } });
}

describe("two app servers on one database serve each other's files (issue 16, point 4)", () => {
  it("an upload made on one server downloads from the other, byte for byte", async () => {
    const ta = testAppOn(a.app, a.ctx);
    const applicant = await ta.as("sanmu");
    const created = await applicant.post<CaseBody>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      formData: LAND_PERMIT_FORM,
    });
    expect(created.status).toBe(201);
    const material = created.body.materials.find((m) => m.source === "upload");
    if (!material) throw new Error("the item has no uploaded material");
    const bytes = Buffer.concat([PDF, Buffer.from(`% two servers ${Date.now()}\n`)]);
    const up = await applicant.upload<{ case: CaseBody; file: { id: string } }>(
      `/api/cases/${created.body.id}/materials/${material.code}/files`,
      "规划图.pdf",
      bytes,
      "application/pdf",
    );
    expect(up.status).toBe(201);
    const uploaded = up.body.case.materials.find((m) => m.code === material.code)?.files as { id: string }[];
    const fileId = uploaded.at(-1)?.id;
    const fromB = await getOn(b, applicant, `/api/cases/${created.body.id}/files/${fileId}`);
    expect(fromB.statusCode).toBe(200);
    expect(Buffer.compare(fromB.rawPayload, bytes)).toBe(0);
  });

  it("a document rendered on one server is served by the other, the same bytes", async () => {
    const ta = testAppOn(a.app, a.ctx);
    const applicant = await ta.as("sanmu");
    const c = await caseRead(ta, "approved", applicant, { decisionReasons: "符合法定条件、标准。" });
    const doc = c.documents.find((d) => d.kind === "approval_decision");
    if (!doc) throw new Error("no decision document");
    const url = `/api/cases/${c.id}/documents/${doc.id}/pdf`;
    const onA = await getOn(a, applicant, url);
    expect(onA.statusCode).toBe(200);
    expect(onA.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const onB = await getOn(b, applicant, url);
    expect(onB.statusCode).toBe(200);
    expect(Buffer.compare(onB.rawPayload, onA.rawPayload)).toBe(0);
  });
});
