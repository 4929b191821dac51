import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimIdempotencyKey } from "../../src/app/idempotency/keys";
import { runSweep } from "../../src/app/sweep/runSweep";
import { caseEvents, idempotencyKeys } from "../../src/db/schema";
import { type CaseBody, draftWithMaterials, passAll, submit } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { createTestApp, type TestApp } from "../helpers/testApp";

let t: TestApp;
let clerk: TestClient;
let applicant: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.as("clerk");
  applicant = await t.as("sanmu");
});
afterAll(async () => t?.close());

/** A case submitted and checked, ready for the window to accept. */
async function checkedCase(): Promise<CaseBody> {
  return passAll(clerk, await submit(applicant, await draftWithMaterials(t, applicant)));
}

async function eventCount(caseId: string): Promise<number> {
  const rows = await t.ctx.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  return rows.length;
}

function withKey(key: string) {
  return { "content-type": "application/json", "idempotency-key": key };
}

describe("Idempotency-Key on writes", () => {
  it("a change that committed but lost its answer (its server died) is not run again: 409 idempotency_applied", async () => {
    const c = await checkedCase();
    const key = `applied-${c.id}`;
    const body = JSON.stringify({ expectedVersion: c.version });
    const first = await clerk.request<CaseBody>("POST", `/api/cases/${c.id}/accept`, body, withKey(key));
    expect(first.status).toBe(200);
    const events = await eventCount(c.id);
    // What a SIGKILL between the commit and the kept answer leaves: the key marked in the change's
    // transaction, no answer, the holder gone (test/integration/crash.test.ts makes it for real).
    await t.ctx.database.db
      .update(idempotencyKeys)
      .set({ state: "committed", statusCode: null, body: null, headers: null, leaseUntil: new Date(0) })
      .where(eq(idempotencyKeys.key, key));
    const retry = await clerk.request<{ code: string }>(
      "POST",
      `/api/cases/${c.id}/accept`,
      body,
      withKey(key),
    );
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe("idempotency_applied");
    expect(await eventCount(c.id)).toBe(events);
  });

  it("a retry with the same key gets the first answer and changes nothing", async () => {
    const c = await checkedCase();
    const key = `accept-${c.id}`;
    const body = JSON.stringify({ expectedVersion: c.version });
    const first = await clerk.request<CaseBody>("POST", `/api/cases/${c.id}/accept`, body, withKey(key));
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("in_review");
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const events = await eventCount(c.id);

    const retry = await clerk.request<CaseBody>("POST", `/api/cases/${c.id}/accept`, body, withKey(key));
    expect(retry.status).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.text).toBe(first.text);
    expect(retry.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(await eventCount(c.id)).toBe(events);
    const now = await clerk.get<CaseBody>(`/api/cases/${c.id}`);
    expect(now.body.version).toBe(first.body.version);

    // Without a key, the same retry is told the case changed: the problem the key solves.
    const bare = await clerk.request("POST", `/api/cases/${c.id}/accept`, body, {
      "content-type": "application/json",
    });
    expect(bare.status).toBe(409);
  });

  it("the same key on a different request is 422; a malformed key is 422 naming the header", async () => {
    const c = await checkedCase();
    const key = `k-${c.id}`;
    const ok = await clerk.request(
      "POST",
      `/api/cases/${c.id}/accept`,
      JSON.stringify({ expectedVersion: c.version }),
      withKey(key),
    );
    expect(ok.status).toBe(200);
    const other = await clerk.request<{ code: string }>(
      "POST",
      `/api/cases/${c.id}/accept`,
      JSON.stringify({ expectedVersion: c.version + 1 }),
      withKey(key),
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");

    const bad = await clerk.request<{ code: string; errors: { field: string }[] }>(
      "POST",
      `/api/cases/${c.id}/accept`,
      JSON.stringify({ expectedVersion: c.version }),
      withKey("x".repeat(201)),
    );
    expect(bad.status).toBe(422);
    expect(bad.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e) => e.field)).toEqual(["Idempotency-Key"]);
  });

  it("an answer below 500 is kept too: a refused request stays refused on retry", async () => {
    const c = await checkedCase();
    const body = JSON.stringify({ expectedVersion: c.version + 7 });
    const first = await clerk.request("POST", `/api/cases/${c.id}/accept`, body, withKey(`stale-${c.id}`));
    expect(first.status).toBe(409);
    const retry = await clerk.request("POST", `/api/cases/${c.id}/accept`, body, withKey(`stale-${c.id}`));
    expect(retry.status).toBe(409);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.text).toBe(first.text);
  });

  it("keys belong to their caller: another user's same key runs on its own", async () => {
    const c = await checkedCase();
    const key = `shared-${c.id}`;
    const mine = await clerk.request(
      "POST",
      `/api/cases/${c.id}/accept`,
      JSON.stringify({ expectedVersion: c.version }),
      withKey(key),
    );
    expect(mine.status).toBe(200);
    // The applicant may not accept: the same key does not hand them the clerk's answer.
    const theirs = await applicant.request(
      "POST",
      `/api/cases/${c.id}/accept`,
      JSON.stringify({ expectedVersion: c.version }),
      withKey(key),
    );
    expect(theirs.status).toBe(403);
    expect(theirs.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("a retry while the first runs is 409; a dead first request's key is taken over after its lease", async () => {
    const ref = { scope: "test-scope", key: "lease-1" };
    expect(await claimIdempotencyKey(t.ctx, ref, "fp")).toEqual({ kind: "claimed" });
    expect(await claimIdempotencyKey(t.ctx, ref, "fp")).toEqual({ kind: "in_progress" });
    expect(await claimIdempotencyKey(t.ctx, ref, "other")).toEqual({ kind: "mismatch" });
    t.clock.advance(61 * 1000);
    expect(await claimIdempotencyKey(t.ctx, ref, "fp")).toEqual({ kind: "claimed" });
  });

  it("the sweep deletes keys after 24 hours", async () => {
    const ref = { scope: "test-scope", key: "old-1" };
    await claimIdempotencyKey(t.ctx, ref, "fp");
    t.clock.advance(25 * 3600 * 1000);
    const report = await runSweep(t.ctx);
    expect(report.idempotencyKeysExpired).toBeGreaterThanOrEqual(1);
    const left = await t.ctx.database.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, "old-1"));
    expect(left).toEqual([]);
  });

  it("the OpenAPI document offers the header on every write and on no read", async () => {
    const doc = (
      await t.client().get<{
        paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
      }>("/api/openapi.json")
    ).body;
    let writes = 0;
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const has = (op.parameters ?? []).some((p) => p.in === "header" && p.name === "idempotency-key");
        if (method === "get") expect(has, `${method} ${path}`).toBe(false);
        else {
          writes++;
          expect(has, `${method} ${path}`).toBe(true);
        }
      }
    expect(writes).toBeGreaterThan(50);
  });
});
