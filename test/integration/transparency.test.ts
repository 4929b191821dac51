import { createHash, createPublicKey, verify } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdftotextFlat } from "../../src/adapters/pdf/pdftotext";
import { canonicalJson } from "../../src/adapters/signing/canonicalJson";
import { sealLegacyEntries } from "../../src/app/cases/commands/runner";
import { integrateTransparencyLog } from "../../src/app/transparency/sequencer";
import { queryRows } from "../../src/db/client";
import {
  fromHex,
  MemoryTree,
  merkleHasher,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from "../../src/domain/transparency/merkle";
import { startYizhan } from "../../src/http/start";
import type {
  TCheckpoint,
  TConsistencyProof,
  TInclusionProof,
  TLogEntry,
  TLogKeys,
} from "../../src/shared/api/transparency";
import { FixedClock } from "../../src/shared/clock";
import type { CaseBody } from "../helpers/cases";
import { cliDatabase } from "../helpers/cli";
import { caseIn, caseRead } from "../helpers/factories";
import { INQUIRY_FORM } from "../helpers/forms";
import { createTestApp, TEST_NOW, type TestApp, testAppOn } from "../helpers/testApp";

// Issue 18 items 1–2: every case event and every administrators' audit entry in an RFC 6962 log, each
// case's events chained by hash, signed checkpoints, proofs — and nothing personal in any entry.

const PUBLIC_URL = "https://zwfw.huaiyuan.example.gov.cn";
const ZHANG = { name: "张伟", id: "340321198503122011", phone: "13805529876", address: "禹王路66号" };

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const H = merkleHasher(sha256);
const utf8 = (s: string) => new TextEncoder().encode(s);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
});
afterAll(async () => t?.close());

const get = async <T>(url: string) => {
  const res = await t.client().get<T>(url);
  return res;
};

async function ok<T>(url: string): Promise<T> {
  const res = await get<T>(url);
  expect(res.status, `${url}: ${res.text}`).toBe(200);
  return res.body;
}

/** Integrates everything queued (as the background sequencer would within its merge delay). */
async function integrateAll() {
  for (;;) {
    const r = await integrateTransparencyLog(t.ctx, { batchSize: 500 });
    expect(r.skipped).toBe(false);
    if (r.integrated === 0) return;
  }
}

/** Every entry of the log, read through the API 1000 at a time. */
async function allEntries(size: number): Promise<TLogEntry[]> {
  const out: TLogEntry[] = [];
  for (let start = 0; start < size; start += 1000)
    out.push(
      ...(
        await ok<{ items: TLogEntry[] }>(
          `/api/transparency/entries?start=${start}&end=${Math.min(size, start + 1000)}`,
        )
      ).items,
    );
  return out;
}

describe("the transparency log (issue 18)", () => {
  let caseId: string;
  let first: TCheckpoint;

  it("has no checkpoint before the sequencer's first run; entries wait in the queue", async () => {
    expect((await get("/api/transparency/checkpoints/latest")).status).toBe(404);
    const c = await caseIn(t, "completed", {
      itemCode: "real-estate-records-inquiry",
      formData: INQUIRY_FORM,
      applicant: "citizen",
    });
    caseId = c.id;
    const queued = await t.ctx.database.db.execute(
      sql`select count(*)::int as n from transparency_queue q join case_events e on e.id = q.source_id where e.case_id = ${caseId}`,
    );
    expect((queued as unknown as { rows: { n: number }[] }).rows[0].n).toBeGreaterThanOrEqual(4);
    await integrateAll();
    first = await ok<TCheckpoint>("/api/transparency/checkpoints/latest");
    expect(first.treeSize).toBeGreaterThanOrEqual(4);
  });

  it("logs every event of the case's lifecycle in order, each linked to the previous one by hash", async () => {
    const rows = (
      (await t.ctx.database.db.execute(
        sql`select id, seq, type from case_events where case_id = ${caseId} order by seq`,
      )) as unknown as { rows: { id: string; seq: number; type: string }[] }
    ).rows;
    expect(rows.map((r) => r.type)).toEqual(
      expect.arrayContaining([
        "case.created",
        "case.submitted",
        "case.accepted",
        "case.decided",
        "case.issued",
      ]),
    );
    const entries = (await allEntries(first.treeSize))
      .map((e) => ({ ...e, json: JSON.parse(e.entry) as Record<string, unknown> }))
      .filter((e) => e.json.caseId === caseId);
    expect(entries.map((e) => e.json.id)).toEqual(rows.map((r) => r.id));
    expect(entries.map((e) => e.json.seq)).toEqual(rows.map((_, i) => i + 1));
    // Leaf indexes follow the case's order; each entry is its own canonical JSON and its leaf hash.
    for (let i = 1; i < entries.length; i++)
      expect(entries[i].leafIndex).toBeGreaterThan(entries[i - 1].leafIndex);
    let prev = "0".repeat(64);
    for (const e of entries) {
      expect(e.kind).toBe("case_event");
      expect(canonicalJson(e.json)).toBe(e.entry);
      expect(e.leafHash).toBe(toHex(sha256(new Uint8Array([0]), utf8(e.entry))));
      expect(e.json).toMatchObject({ v: 1, kind: "case_event", prevHash: prev });
      // hash = SHA-256(prevHash bytes ‖ canonical JSON of the entry without prevHash and hash).
      const { prevHash: _p, hash, ...body } = e.json;
      expect(hash).toBe(toHex(sha256(fromHex(prev), utf8(canonicalJson(body)))));
      prev = hash as string;
    }
    const [head] = (
      (await t.ctx.database.db.execute(
        sql`select event_head, event_seq from cases where id = ${caseId}`,
      )) as unknown as {
        rows: { event_head: string; event_seq: number }[];
      }
    ).rows;
    expect(head).toEqual({ event_head: prev, event_seq: rows.length });
  });

  it("publishes checkpoints signed with the bureau's key over the exact note, and the root of the entries", async () => {
    const keys = await ok<TLogKeys>("/api/transparency/keys");
    const key = keys.items.find((k) => k.keyId === first.keyId);
    expect(key?.algorithm).toBe(first.algorithm);
    expect(first.note).toBe(
      `yizhan-transparency/v1\n${PUBLIC_URL}\n${first.treeSize}\n${first.rootHash}\n${first.timestamp}\n`,
    );
    expect(first.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const pub = createPublicKey(key?.publicKeyPem ?? "");
    const sig = Buffer.from(first.signature, "base64");
    expect(verify(null, Buffer.from(first.note, "utf8"), pub, sig)).toBe(true);
    expect(verify(null, Buffer.from(first.note.replace(/\n\d+\n/, "\n1\n"), "utf8"), pub, sig)).toBe(false);
    const tree = new MemoryTree(
      H,
      (await allEntries(first.treeSize)).map((e) => H.leafHash(utf8(e.entry))),
    );
    expect(toHex(tree.root())).toBe(first.rootHash);
  });

  it("proves the inclusion of every entry and the consistency of the log as it grows", async () => {
    // More entries: an administrator's change through HTTP and a second case.
    const admin = await t.as("admin");
    const created = await admin.post("/api/users", {
      username: "log-clerk",
      displayName: "李四 透明",
      password: "Stable-horse-42",
      roles: [{ role: "clerk", org: "HY-ZRZY-WIN" }],
    });
    expect(created.status, created.text).toBe(201);
    await caseIn(t, "in_review");
    await integrateAll();
    const latest = await ok<TCheckpoint>("/api/transparency/checkpoints/latest");
    expect(latest.treeSize).toBeGreaterThan(first.treeSize);
    const list = await ok<{ items: TCheckpoint[] }>("/api/transparency/checkpoints?limit=100");
    expect(list.items[0]).toEqual(latest);
    expect(list.items.map((c) => c.treeSize)).toContain(first.treeSize);
    const older = await ok<{ items: TCheckpoint[] }>(
      `/api/transparency/checkpoints?beforeSize=${latest.treeSize}&limit=1`,
    );
    expect(older.items[0].treeSize).toBeLessThan(latest.treeSize);

    const entries = await allEntries(latest.treeSize);
    const root = fromHex(latest.rootHash);
    for (const e of entries) {
      const p = await ok<TInclusionProof>(`/api/transparency/proofs/inclusion?leafIndex=${e.leafIndex}`);
      expect(p).toMatchObject({ leafIndex: e.leafIndex, treeSize: latest.treeSize, leafHash: e.leafHash });
      expect(
        verifyInclusion(
          H,
          H.leafHash(utf8(e.entry)),
          e.leafIndex,
          latest.treeSize,
          p.auditPath.map(fromHex),
          root,
        ),
      ).toBe(true);
    }
    // A proof in an older tree verifies against that tree's checkpoint.
    const old = await ok<TInclusionProof>(
      `/api/transparency/proofs/inclusion?leafIndex=0&treeSize=${first.treeSize}`,
    );
    expect(
      verifyInclusion(
        H,
        fromHex(old.leafHash),
        0,
        first.treeSize,
        old.auditPath.map(fromHex),
        fromHex(first.rootHash),
      ),
    ).toBe(true);
    const c = await ok<TConsistencyProof>(
      `/api/transparency/proofs/consistency?first=${first.treeSize}&second=${latest.treeSize}`,
    );
    expect(
      verifyConsistency(
        H,
        first.treeSize,
        latest.treeSize,
        c.proof.map(fromHex),
        fromHex(first.rootHash),
        root,
      ),
    ).toBe(true);
    expect(
      verifyConsistency(
        H,
        first.treeSize,
        latest.treeSize,
        c.proof.map(fromHex),
        fromHex(latest.rootHash),
        root,
      ),
    ).toBe(false);

    // The administrator's change is an entry too, with its target hashed (a user is a person).
    const audit = entries.map((e) => JSON.parse(e.entry)).filter((e) => e.kind === "admin_audit");
    const userCreated = audit.find((e) => e.action === "user.created");
    expect(userCreated).toMatchObject({ v: 1, targetType: "user" });
    expect(userCreated.target).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(userCreated.actor).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.stringify(audit)).not.toContain("log-clerk");
  });

  it("shows no name, ID number, phone or address in any entry", async () => {
    const latest = await ok<TCheckpoint>("/api/transparency/checkpoints/latest");
    const text = (await allEntries(latest.treeSize)).map((e) => e.entry).join("\n");
    for (const value of [...Object.values(ZHANG), "李四", "127.0.0.1", "系统"])
      expect(text).not.toContain(value);
    expect(text).not.toMatch(/\b\d{17}[\dX]\b/);
    expect(text).not.toMatch(/\b1[3-9]\d{9}\b/);
    // What is hashed is hashed with the entry's own salt, which the API never shows.
    expect(text).not.toContain("salt");
    const salts = (
      (await t.ctx.database.db.execute(
        sql`select salt from case_events where case_id = ${caseId}`,
      )) as unknown as {
        rows: { salt: string }[];
      }
    ).rows.map((r) => r.salt);
    expect(new Set(salts).size).toBe(salts.length);
    for (const s of salts) expect(text).not.toContain(s);
  });

  it("refuses proofs past the log's end and pages too large", async () => {
    const latest = await ok<TCheckpoint>("/api/transparency/checkpoints/latest");
    const n = latest.treeSize;
    expect((await get(`/api/transparency/proofs/inclusion?leafIndex=${n}&treeSize=${n}`)).status).toBe(422);
    expect((await get(`/api/transparency/proofs/inclusion?leafIndex=0&treeSize=${n + 5}`)).status).toBe(422);
    expect((await get(`/api/transparency/proofs/consistency?first=${n}&second=1`)).status).toBe(422);
    expect((await get("/api/transparency/entries?start=0&end=1001")).status).toBe(422);
    expect((await get("/api/transparency/entries?start=5&end=4")).status).toBe(422);
    expect((await get("/api/transparency/checkpoints?limit=101")).status).toBe(422);
    const problem = await get<{ type: string }>("/api/transparency/proofs/inclusion?leafIndex=x");
    expect(problem.status).toBe(422);
    expect(problem.headers["content-type"]).toContain("application/problem+json");
  });

  it("integrates nothing twice: a run with an empty queue publishes no new checkpoint", async () => {
    const before = await ok<{ items: TCheckpoint[] }>("/api/transparency/checkpoints?limit=100");
    const r = await integrateTransparencyLog(t.ctx);
    expect(r).toMatchObject({ skipped: false, integrated: 0, checkpoint: null });
    expect((await ok<{ items: TCheckpoint[] }>("/api/transparency/checkpoints?limit=100")).items).toEqual(
      before.items,
    );
  });

  it("prints the leaf index and the proof link on the acceptance notice and the certificate, once integrated", async () => {
    const applicant = await t.as("sanmu");
    const c = await caseRead<CaseBody>(t, "completed", applicant);
    const notice = c.documents.find((d) => d.kind === "acceptance");
    if (!notice) throw new Error("no acceptance notice");
    const pdf = async (url: string) => {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: applicant.cookieHeader() } });
      expect(res.statusCode, url).toBe(200);
      return pdftotextFlat(res.rawPayload);
    };
    const noticeUrl = `/api/cases/${c.id}/documents/${notice.id}/pdf`;
    const [accepted] = (
      (await t.ctx.database.db.execute(
        sql`select id from case_events where case_id = ${c.id} and type = 'case.accepted'`,
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    // Before integration: the event's id and the log's page, no index (a document states only facts).
    const before = await pdf(noticeUrl);
    expect(before).toContain(`事件编号${accepted.id}）待记入透明日志`);
    expect(before).toContain(`${PUBLIC_URL}/transparency查询`);
    expect(before).not.toContain("transparency?leaf=");

    await integrateAll();
    const latest = await ok<TCheckpoint>("/api/transparency/checkpoints/latest");
    const entries = (await allEntries(latest.treeSize)).map((e) => ({
      i: e.leafIndex,
      json: JSON.parse(e.entry),
    }));
    const leafOf = (type: string) => entries.find((e) => e.json.caseId === c.id && e.json.type === type)?.i;
    const acceptedLeaf = leafOf("case.accepted");
    const issuedLeaf = leafOf("case.issued");
    expect(acceptedLeaf).toBeTypeOf("number");
    const after = await pdf(noticeUrl);
    expect(after).toContain(`已记入透明日志第${acceptedLeaf}号记录`);
    expect(after).toContain(`${PUBLIC_URL}/transparency?leaf=${acceptedLeaf}`);
    // Kept once integrated: the same bytes again.
    expect(await pdf(noticeUrl)).toBe(after);

    const certs = await applicant.get<{ items: { id: string }[] }>(`/api/cases/${c.id}/certificates`);
    expect(certs.status).toBe(200);
    const cert = await pdf(`/api/certificates/${certs.body.items[0].id}/pdf`);
    expect(cert).toContain(`已记入透明日志第${issuedLeaf}号记录`);
    expect(cert).toContain(`${PUBLIC_URL}/transparency?leaf=${issuedLeaf}`);
  });

  it("never gives two leaves to one entry when two integrations run at once", async () => {
    await caseIn(t, "submitted");
    const [a, b] = await Promise.all([integrateTransparencyLog(t.ctx), integrateTransparencyLog(t.ctx)]);
    // On PostgreSQL the second finds the lock taken and skips; on PGlite (one connection) it runs after.
    expect(a.integrated + b.integrated).toBeGreaterThan(0);
    const [check] = (
      (await t.ctx.database.db.execute(
        sql`select count(*)::int as n, count(distinct source_id)::int as sources, coalesce(max(leaf_index) + 1, 0)::int as size,
                   (select count(*)::int from transparency_queue) as queued from transparency_leaves`,
      )) as unknown as { rows: { n: number; sources: number; size: number; queued: number }[] }
    ).rows;
    expect(check).toEqual({ n: check.size, sources: check.size, size: check.size, queued: 0 });
  });
});

describe("rows written before the log existed", () => {
  it("are sealed into their case's chain once at start-up and logged; no other update passes the trigger", async () => {
    const db = t.ctx.database.db;
    const model = await caseIn(t, "submitted");
    // A case and its history as an older version wrote them: no salt, no chain, no queue row.
    const legacy = "01900000-0000-7000-8000-000000000001";
    await db.execute(sql`insert into cases select (jsonb_populate_record(null::cases, to_jsonb(c) ||
      jsonb_build_object('id', ${legacy}::text, 'number', 'LEGACY-0001', 'event_seq', 0, 'event_head', null))).*
      from cases c where c.id = ${model.id}`);
    await db.execute(sql`insert into case_events select (jsonb_populate_record(null::case_events, to_jsonb(e) ||
      jsonb_build_object('id', gen_random_uuid()::text, 'case_id', ${legacy}::text, 'salt', null, 'prev_hash', null, 'hash', null))).*
      from case_events e where e.case_id = ${model.id}`);
    await expect(
      db.execute(sql`update case_events set type = 'x' where case_id = ${legacy}`),
    ).rejects.toThrow();
    expect(await sealLegacyEntries(db)).toBeGreaterThanOrEqual(3);
    // Nothing left: the start records it, and the next start reads that instead of scanning the events.
    const flag = await queryRows<{ value: { sealed: number } }>(
      db,
      sql`select value from meta where key = 'legacy_sealed'`,
    );
    expect(flag.map((f) => f.value.sealed >= 3)).toEqual([true]);
    expect(await sealLegacyEntries(db)).toBe(0);
    await expect(
      db.execute(sql`update case_events set salt = 'aa', hash = 'bb' where case_id = ${legacy}`),
    ).rejects.toThrow();
    await integrateAll();
    const latest = await ok<TCheckpoint>("/api/transparency/checkpoints/latest");
    const entries = (await allEntries(latest.treeSize))
      .map((e) => JSON.parse(e.entry) as Record<string, unknown>)
      .filter((e) => e.caseId === legacy);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    let prev = "0".repeat(64);
    for (const e of entries) {
      const { prevHash, hash, ...body } = e;
      expect(prevHash).toBe(prev);
      expect(hash).toBe(toHex(sha256(fromHex(prev), utf8(canonicalJson(body)))));
      prev = hash as string;
    }
  });
});

describe("the server's sequencer", () => {
  it("integrates new entries by itself within the merge delay", async () => {
    const db = await cliDatabase();
    const server = await startYizhan({
      databaseUrl: db.env.DATABASE_URL,
      dataDir: db.env.YIZHAN_DATA_DIR,
      port: 0,
      logLevel: "silent",
      background: true,
      logMergeDelayMs: 200,
      clock: new FixedClock(TEST_NOW),
      config: { demo: true, loginRateLimitPerMinute: 1000 },
    });
    try {
      const s = testAppOn(server.app, server.ctx);
      const c = await caseIn(s, "submitted");
      // No call to integrate here: the background loop does it (bounded wait, not a timing assertion).
      let found: unknown;
      for (let i = 0; i < 200 && !found; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const latest = await s.client().get<TCheckpoint>("/api/transparency/checkpoints/latest");
        if (latest.status !== 200) continue;
        const entries = await s
          .client()
          .get<{ items: TLogEntry[] }>(
            `/api/transparency/entries?start=${Math.max(0, latest.body.treeSize - 1000)}&end=${latest.body.treeSize}`,
          );
        found = entries.body.items.find((e) => e.entry.includes(c.id));
      }
      expect(found).toBeTruthy();
    } finally {
      await server.close();
      await db.drop();
    }
  });
});
