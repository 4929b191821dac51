import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client";
import { caseEvents, cases, files, notifications, outbox, storedFiles } from "../../src/db/schema";
import { LAND_PERMIT_FORM, PDF } from "../helpers/cases";
import { cliDatabase } from "../helpers/cli";
import { startServerProcess } from "../helpers/processes";

// Issue 16, point 3: the crash test. `yizhan start` runs as a child process; clients file, upload and
// submit applications concurrently, every write with an Idempotency-Key; the server is killed (SIGKILL)
// in the middle, started again on the same database, and every request that got no answer is sent again
// with its key. Then: every acknowledged change is there, none is half applied, no duplicate, every
// notification (outbox message) delivered once, every retry answered (replayed or run once).

const CLIENTS = 6;
/** Applications each client submits while the server is killed. */
const PER_CLIENT = 4;
/** Kill the server once this many submissions (each a state change with its messages) were acknowledged. */
const KILL_AFTER_SUBMITS = 8;
const TAG = `crash-${process.pid}-${Date.now()}`;

const dir = mkdtempSync(join(tmpdir(), "yizhan-crash-"));
let source: Awaited<ReturnType<typeof cliDatabase>>;
afterAll(async () => {
  await source?.drop();
  rmSync(dir, { recursive: true, force: true });
});

type Sent = {
  key: string;
  method: string;
  path: string;
  body: Buffer | string;
  contentType: string;
  /** What the answer acknowledged: the status and body, or null when the answer was lost. */
  status: number | null;
  answer?: Record<string, unknown>;
};

type Session = { cookie: string; csrf: string };

async function login(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "sanmu", password: "demo1234" }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = (await res.json()) as { user: { csrfToken: string } };
  return { cookie, csrf: body.user.csrfToken };
}

/** Sends one write; a lost answer (the connection dies) is recorded, not thrown. */
async function send(base: string, s: Session, w: Omit<Sent, "status">): Promise<Sent> {
  try {
    const res = await fetch(`${base}${w.path}`, {
      method: w.method,
      headers: {
        cookie: s.cookie,
        "x-csrf-token": s.csrf,
        "idempotency-key": w.key,
        "content-type": w.contentType,
      },
      body: typeof w.body === "string" ? w.body : new Uint8Array(w.body),
    });
    const text = await res.text();
    const answer = text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { ...w, status: res.status, answer, replayed: res.headers.get("idempotent-replayed") } as Sent;
  } catch {
    return { ...w, status: null };
  }
}

function json(method: string, path: string, body: unknown): Omit<Sent, "status"> {
  return { key: randomUUID(), method, path, body: JSON.stringify(body), contentType: "application/json" };
}

function multipart(path: string, bytes: Buffer): Omit<Sent, "status"> {
  const boundary = `----yizhan${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="m.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    key: randomUUID(),
    method: "POST",
    path,
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

type CaseAnswer = {
  id: string;
  version: number;
  materials: { code: string; required: boolean; source: string }[];
};

/** Files an application and uploads its materials (before the kill); returns the case to submit. */
async function prepare(base: string, s: Session, name: string, log: Sent[]): Promise<CaseAnswer> {
  const form = { ...LAND_PERMIT_FORM, projectName: `${TAG} ${name}` };
  const created = await send(
    base,
    s,
    json("POST", "/api/cases", { itemCode: "construction-land-planning-permit", formData: form }),
  );
  log.push(created);
  expect(created.status).toBe(201);
  let c = created.answer as unknown as CaseAnswer;
  for (const m of c.materials.filter((x) => x.required && x.source === "upload")) {
    const bytes = Buffer.concat([PDF, Buffer.from(`% ${TAG} ${c.id} ${m.code}\n`)]);
    const up = await send(base, s, multipart(`/api/cases/${c.id}/materials/${m.code}/files`, bytes));
    log.push(up);
    expect(up.status).toBe(201);
    c = (up.answer as { case: CaseAnswer }).case;
  }
  return c;
}

/** One client: submits its applications one after the other until the server is gone. */
async function client(base: string, s: Session, mine: CaseAnswer[], log: Sent[]) {
  for (const c of mine) {
    const submitted = await send(
      base,
      s,
      json("POST", `/api/cases/${c.id}/submit`, { expectedVersion: c.version }),
    );
    log.push(submitted);
    if (submitted.status !== 200) return;
  }
}

describe("the crash test: SIGKILL under concurrent writes with Idempotency-Keys (issue 16, point 3)", () => {
  it("keeps every acknowledged change, half-applies none, sends each message once, answers every retry", async () => {
    source = await cliDatabase();
    const env = {
      ...source.env,
      YIZHAN_DATA_DIR: source.env.YIZHAN_DATA_DIR ?? join(dir, "data"),
      PORT: undefined,
    };
    const first = await startServerProcess(["--port", "0", "--no-demo"], env);
    const session = await login(first.url);
    const log: Sent[] = [];
    // Applications filed and their materials uploaded first: they are all acknowledged.
    const mine: CaseAnswer[][] = [];
    for (let n = 0; n < CLIENTS; n++) {
      mine.push(
        await Promise.all(
          Array.from({ length: PER_CLIENT }, (_, k) => prepare(first.url, session, `${n}-${k}`, log)),
        ),
      );
    }
    let finished = false;
    const acknowledged = () => log.filter((w) => w.status !== null && w.status < 300).length;
    const submits = () => log.filter((w) => w.status === 200 && w.path.endsWith("/submit")).length;
    const killer = (async () => {
      while (!finished && submits() < KILL_AFTER_SUBMITS) await new Promise((r) => setTimeout(r, 5));
      process.kill(first.pid, "SIGKILL");
    })();
    // Then the submissions, concurrently, with the kill in the middle of them.
    await Promise.all(mine.map((cs) => client(first.url, session, cs, log)));
    finished = true;
    await killer;
    console.info(`crash test: killed after ${acknowledged()} acknowledged writes (${log.length} sent)`);
    const lost = log.filter((w) => w.status === null);
    const refused = log.filter((w) => w.status !== null && w.status >= 300);
    expect(refused.map((w) => `${w.status} ${w.path} ${JSON.stringify(w.answer)}`)).toEqual([]);

    // Started again on the same database; every request without an answer is sent again, same key.
    const second = await startServerProcess(["--port", "0", "--no-demo"], env);
    const retried: Sent[] = [];
    try {
      for (const w of lost) {
        let again = await send(second.url, session, w);
        for (
          let i = 0;
          again.status === 409 && again.answer?.code === "idempotency_in_progress" && i < 70;
          i++
        ) {
          await new Promise((r) => setTimeout(r, 1000));
          again = await send(second.url, session, w);
        }
        retried.push(again);
      }
      const answered = retried.filter((w) => w.status !== null && w.status < 300);
      const replayed = retried.filter((w) => (w as { replayed?: string }).replayed === "true");
      // Killed after its transaction committed and before its answer was kept: the key was marked in that
      // transaction, so the retry does not run it again (no 409 "changed by someone else" for its own
      // success) but says it was applied (409 idempotency_applied). It must have been applied exactly once
      // (checked on the database below); anything else is a failure.
      const answerLost = retried.filter((w) => w.status === 409 && w.answer?.code === "idempotency_applied");
      for (const w of answerLost) {
        const c = await fetch(`${second.url}/api/cases/${w.path.split("/")[3]}`, {
          headers: { cookie: session.cookie },
        });
        expect(((await c.json()) as { status: string }).status).toBe("submitted");
      }
      console.info(
        `crash test (${source.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}): ${log.length} writes sent, ` +
          `${acknowledged()} acknowledged, ${lost.length} lost in the kill; retries: ${answered.length} answered ` +
          `(${replayed.length} from their keys), ${answerLost.length} applied with the answer lost (idempotency_applied)`,
      );
      expect(
        retried
          .filter((w) => !answerLost.includes(w))
          .map((w) => `${w.status} ${w.path} ${JSON.stringify(w.answer)}`)
          .filter((s) => !/^2/.test(s)),
      ).toEqual([]);
      for (const w of answerLost) w.status = 200;

      // The notifications of every submission reach the applicant (the outbox worker after the restart).
      const submittedIds = new Set(
        [...log, ...retried]
          .filter((w) => w.status === 200 && w.path.endsWith("/submit"))
          .map((w) => w.path.split("/")[3] as string),
      );
      for (let i = 0; i < 60; i++) {
        const res = await fetch(`${second.url}/api/notifications?limit=200`, {
          headers: { cookie: session.cookie },
        });
        const body = (await res.json()) as { items: { kind: string; caseId: string | null }[] };
        const told = new Set(body.items.filter((n) => n.kind === "case.submitted").map((n) => n.caseId));
        if ([...submittedIds].every((id) => told.has(id))) break;
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      expect(await second.stop()).toBe(0);
    }

    // The database, read directly once the server is stopped.
    const database = await openDatabase(
      source.env.DATABASE_URL ? { databaseUrl: source.env.DATABASE_URL } : { dataDir: env.YIZHAN_DATA_DIR },
    );
    try {
      const db = database.db;
      const all = [...log, ...retried];
      const answeredCases = new Map<string, string>();
      for (const w of all.filter((x) => x.status === 201 && x.path === "/api/cases"))
        answeredCases.set((w.answer as { id: string }).id, "draft");
      for (const w of all.filter((x) => x.status === 200 && x.path.endsWith("/submit")))
        answeredCases.set(w.path.split("/")[3] as string, "submitted");
      const rows = await db
        .select({ id: cases.id, status: cases.status, submittedAt: cases.submittedAt })
        .from(cases)
        .where(sql`${cases.formData}->>'projectName' like ${`${TAG} %`}`);
      // No duplicate: every case in the database is one a client got an answer for, and the reverse.
      expect(rows.map((r) => r.id).sort()).toEqual([...answeredCases.keys()].sort());
      // Every acknowledged submission is there; none half applied (status, time and event agree).
      for (const r of rows) {
        const submitEvents = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, r.id), eq(caseEvents.toStatus, "submitted")));
        if (answeredCases.get(r.id) === "submitted") expect(r.status, r.id).toBe("submitted");
        expect(submitEvents[0]?.n, r.id).toBe(r.status === "submitted" ? 1 : 0);
        expect(r.submittedAt !== null, r.id).toBe(r.status === "submitted");
      }
      // Every file row has its bytes (a file is never recorded without them).
      const ids = rows.map((r) => r.id);
      const dangling = await db
        .select({ id: files.id })
        .from(files)
        .leftJoin(storedFiles, eq(storedFiles.key, files.storageKey))
        .where(and(inArray(files.caseId, ids), sql`${storedFiles.key} is null`));
      expect(dangling).toEqual([]);
      // Every message of these cases processed, each notification written once.
      const messages = await db
        .select({ id: outbox.id, processedAt: outbox.processedAt })
        .from(outbox)
        .where(inArray(sql`${outbox.payload}->>'caseId'`, ids));
      const submitted = rows.filter((r) => r.status === "submitted").length;
      expect(submitted).toBeGreaterThanOrEqual(KILL_AFTER_SUBMITS);
      expect(messages.length).toBeGreaterThanOrEqual(submitted);
      expect(messages.filter((m) => m.processedAt === null)).toEqual([]);
      const twice = await db
        .select({
          outboxId: notifications.outboxId,
          userId: notifications.userId,
          n: sql<number>`count(*)::int`,
        })
        .from(notifications)
        .where(inArray(notifications.caseId, ids))
        .groupBy(notifications.outboxId, notifications.userId)
        .having(sql`count(*) > 1`);
      expect(twice).toEqual([]);
      console.info(
        `crash test: ${rows.length} cases (${submitted} submitted), ${messages.length} outbox messages, all sent once`,
      );
    } finally {
      await database.close();
    }
  }, 180_000);
});
