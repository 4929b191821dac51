import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogFileSmsSender } from "../../src/adapters/notify/logFile";
import { SmtpEmailSender } from "../../src/adapters/notify/smtp";
import type { AppContext } from "../../src/app/context";
import {
  defaultOutboxHandlers,
  enqueueNotification,
  recipientForUser,
  type TNotifyPayload,
} from "../../src/app/notifications/notify";
import { messageLog, notifications, outbox, users } from "../../src/db/schema";
import { enqueue, type OutboxHandlers, processOutboxBatch, startOutboxWorker } from "../../src/jobs/outbox";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Mail = { from: string; to: string[]; subject: string; text: string };
type NotificationView = {
  id: string;
  kind: string;
  title: { "zh-CN": string; "en-US": string };
  body: { "zh-CN": string; "en-US": string };
  link: string | null;
  readAt: string | null;
};
type NotificationList = { items: NotificationView[]; unreadCount: number };

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQp(data.replace(/_/g, " ")),
    );
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i] ?? "", "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Just enough MIME for one text/plain message as nodemailer writes it. */
function parseMail(raw: string, from: string, to: string[]): Mail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    head
      .split("\r\n")
      .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? "";
  const cte = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    cte === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : cte === "quoted-printable"
        ? decodeQp(body)
        : body;
  return { from, to, subject: decodeWords(header("Subject")), text };
}

let t: TestApp;
let smtp: SMTPServer;
let dir: string;
let smsPath: string;
const inbox: Mail[] = [];
let refuseNext = 0;
let handlers: OutboxHandlers<AppContext>;
let citizenId: string;
let clerkId: string;

const payload = (over: Partial<TNotifyPayload> = {}): TNotifyPayload => ({
  kind: "case.accepted",
  recipients: [{ userId: citizenId, email: "citizen@example.cn", phone: "13800138000" }],
  data: {
    caseNumber: "HY-2026-000123",
    itemName: "建设用地规划许可证核发",
    applicantName: "张三",
    deadline: "2026-12-08",
    link: "/cases/HY-2026-000123",
  },
  ...over,
});

const smsLines = (): { to: string; text: string }[] => {
  try {
    return readFileSync(smsPath, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { to: string; text: string });
  } catch {
    return [];
  }
};

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), "yizhan-notify-"));
  smsPath = join(dir, "sms.log");
  smtp = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === "yizhan" && auth.password === "s3cret") cb(null, { user: "yizhan" });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuseNext > 0) {
          refuseNext--;
          cb(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        inbox.push(
          parseMail(
            Buffer.concat(chunks).toString("utf8"),
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t.ctx.notify = {
    email: new SmtpEmailSender({
      url: `smtp://yizhan:s3cret@127.0.0.1:${port}`,
      from: "一站 <noreply@yizhan.test>",
    }),
    sms: new LogFileSmsSender(smsPath, () => t.clock.now()),
  };
  handlers = defaultOutboxHandlers({ publicUrl: "https://yizhan.example.gov.cn" });
  const db = t.ctx.database.db;
  const byName = async (username: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ?? "";
  citizenId = await byName("citizen");
  clerkId = await byName("clerk");
});

afterAll(async () => {
  await t?.ctx.notify?.email.close?.();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("transactional outbox", () => {
  it("sends nothing when the enqueuing transaction rolls back", async () => {
    const db = t.ctx.database.db;
    await expect(
      db.transaction(async (tx) => {
        await enqueueNotification(tx, payload(), { at: t.clock.now() });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    const r = await processOutboxBatch(t.ctx, handlers);
    expect(r.claimed).toBe(0);
    expect(await db.select().from(outbox)).toHaveLength(0);
    expect(inbox).toHaveLength(0);
    expect(smsLines()).toHaveLength(0);
  });

  it("after commit: e-mail over SMTP in Chinese, an SMS log line, an in-app notification, every attempt logged", async () => {
    const db = t.ctx.database.db;
    const id = await db.transaction(async (tx) => {
      const applicant = await recipientForUser(tx, citizenId);
      expect(applicant).toMatchObject({ userId: citizenId, locale: "zh-CN" });
      return enqueueNotification(
        tx,
        payload({
          recipients: [
            { userId: citizenId, email: "citizen@example.cn", phone: "13800138000" },
            { email: "agent@example.com", locale: "en-US" },
          ],
        }),
        { at: t.clock.now() },
      );
    });
    const r = await processOutboxBatch(t.ctx, handlers);
    expect(r).toMatchObject({ claimed: 1, processed: [id], retried: [], failed: [] });

    expect(inbox).toHaveLength(2);
    const zh = inbox.find((m) => m.to.includes("citizen@example.cn"));
    expect(zh?.subject).toBe("办件已受理：HY-2026-000123");
    expect(zh?.from).toBe("noreply@yizhan.test");
    expect(zh?.text).toContain("您申请的“建设用地规划许可证核发”（办件编号 HY-2026-000123）已受理");
    expect(zh?.text).toContain("承诺办结日期：2026-12-08");
    expect(zh?.text).toContain("https://yizhan.example.gov.cn/cases/HY-2026-000123");
    expect(zh?.text).not.toContain("Application accepted");
    const en = inbox.find((m) => m.to.includes("agent@example.com"));
    expect(en?.subject).toBe("办件已受理：HY-2026-000123 / Application accepted: HY-2026-000123");
    expect(en?.text).toContain("Promised completion date: 2026-12-08");

    const sms = smsLines();
    expect(sms).toHaveLength(1);
    // The SMS log holds the number masked; the message log holds it encrypted (ADR 0016).
    expect(sms[0]?.to).toBe("138****8000");
    expect(sms[0]?.text).toMatch(/^【一站】张三，您申请的/);

    const logs = await db.select().from(messageLog).where(eq(messageLog.outboxId, id));
    expect(logs.map((l) => `${l.channel}:${l.recipient}:${l.status}`).sort()).toEqual([
      "email:agent@example.com:sent",
      "email:citizen@example.cn:sent",
      "sms:13800138000:sent",
    ]);
    expect(logs.every((l) => l.providerId)).toBe(true);

    const citizen = await t.as("citizen");
    const list = await citizen.get<NotificationList>("/api/notifications");
    expect(list.status).toBe(200);
    expect(list.body.unreadCount).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      kind: "case.accepted",
      title: { "zh-CN": "办件已受理：HY-2026-000123", "en-US": "Application accepted: HY-2026-000123" },
      link: "/cases/HY-2026-000123",
      readAt: null,
    });
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ attempts: 1, lastError: null, failedAt: null, lockedUntil: null });
    expect(row?.processedAt).toBeInstanceOf(Date);
  });

  it("retries a failing channel with exponential backoff, then succeeds without duplicates", async () => {
    const db = t.ctx.database.db;
    inbox.length = 0;
    const smsBefore = smsLines().length;
    refuseNext = 2;
    const id = await db.transaction((tx) =>
      enqueueNotification(
        tx,
        payload({ kind: "case.correction_requested", data: { ...payload().data, reason: "身份证明" } }),
        {
          at: t.clock.now(),
        },
      ),
    );
    expect((await processOutboxBatch(t.ctx, handlers)).retried).toEqual([id]);
    expect(inbox).toHaveLength(0);
    // Not due again before the first backoff (30 s) has passed.
    expect((await processOutboxBatch(t.ctx, handlers)).claimed).toBe(0);
    t.clock.advance(30_000);
    expect((await processOutboxBatch(t.ctx, handlers)).retried).toEqual([id]);
    // The second delay is twice the first.
    t.clock.advance(30_000);
    expect((await processOutboxBatch(t.ctx, handlers)).claimed).toBe(0);
    t.clock.advance(30_000);
    expect((await processOutboxBatch(t.ctx, handlers)).processed).toEqual([id]);
    expect((await processOutboxBatch(t.ctx, handlers)).claimed).toBe(0);

    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.subject).toBe("请补正申请材料：HY-2026-000123");
    expect(smsLines()).toHaveLength(smsBefore + 1);
    expect(await db.select().from(notifications).where(eq(notifications.outboxId, id))).toHaveLength(1);
    const emailLog = await db
      .select()
      .from(messageLog)
      .where(and(eq(messageLog.outboxId, id), eq(messageLog.channel, "email")));
    expect(emailLog.map((l) => l.status)).toEqual(["failed", "failed", "sent"]);
    expect(emailLog[0]?.error).toMatch(/Mailbox busy/);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ attempts: 3, lastError: null, failedAt: null });
  });

  it("gives up after the last attempt but keeps the message; a malformed payload fails at once", async () => {
    const db = t.ctx.database.db;
    let calls = 0;
    const failing: OutboxHandlers = {
      "test.fails": async () => {
        calls++;
        throw new Error("provider down");
      },
    };
    const opts = { maxAttempts: 3, baseDelayMs: 1_000 };
    const id = await enqueue(db, { topic: "test.fails", payload: { n: 1 }, at: t.clock.now() });
    for (let i = 0; i < 10; i++) {
      await processOutboxBatch(t.ctx, failing, opts);
      t.clock.advance(60_000);
    }
    expect(calls).toBe(3);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
    expect(row).toMatchObject({ attempts: 3, lastError: "Error: provider down", processedAt: null });
    expect(row?.failedAt).toBeInstanceOf(Date);

    const bad = await enqueue(db, { topic: "notify", payload: { kind: "no.such.kind" }, at: t.clock.now() });
    expect((await processOutboxBatch(t.ctx, handlers)).failed).toEqual([bad]);
    const [badRow] = await db.select().from(outbox).where(eq(outbox.id, bad));
    expect(badRow?.attempts).toBe(1);
    expect(badRow?.lastError).toMatch(/invalid notify payload/);
  });

  it("two concurrent batches never process the same message", async () => {
    const db = t.ctx.database.db;
    const seen: string[] = [];
    const counting: OutboxHandlers = {
      "test.count": async (m) => {
        seen.push(m.id);
        await new Promise((r) => setTimeout(r, 2));
      },
    };
    const ids = await db.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 60; i++)
        out.push(await enqueue(tx, { topic: "test.count", payload: { i }, at: t.clock.now() }));
      return out;
    });
    const [a, b] = await Promise.all([
      processOutboxBatch(t.ctx, counting, { batchSize: 40 }),
      processOutboxBatch(t.ctx, counting, { batchSize: 40 }),
    ]);
    const overlap = a?.processed.filter((id) => b?.processed.includes(id)) ?? [];
    expect(overlap).toEqual([]);
    expect((a?.claimed ?? 0) + (b?.claimed ?? 0)).toBe(60);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "skips rows another transaction holds instead of waiting (PostgreSQL)",
    async () => {
      const db = t.ctx.database.db;
      const handled: string[] = [];
      const h: OutboxHandlers = { "test.lock": async (m) => void handled.push(m.id) };
      const id = await enqueue(db, { topic: "test.lock", payload: {}, at: t.clock.now() });
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let onLocked = () => {};
      const locked = new Promise<void>((r) => {
        onLocked = r;
      });
      const holder = db.transaction(async (tx) => {
        await tx.select().from(outbox).where(eq(outbox.id, id)).for("update");
        onLocked();
        await held;
      });
      await locked;
      expect((await processOutboxBatch(t.ctx, h)).claimed).toBe(0);
      release();
      await holder;
      expect((await processOutboxBatch(t.ctx, h)).processed).toEqual([id]);
      expect(handled).toEqual([id]);
    },
  );

  it("the worker polls and processes after commit, and stops cleanly", async () => {
    const db = t.ctx.database.db;
    const done: string[] = [];
    const worker = startOutboxWorker(
      t.ctx,
      { "test.worker": async (m) => void done.push(m.id) },
      { intervalMs: 20 },
    );
    const id = await enqueue(db, { topic: "test.worker", payload: {}, at: t.clock.now() });
    worker.wake();
    for (let i = 0; i < 100 && done.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(done).toEqual([id]);
  });
});

describe("in-app notifications over HTTP", () => {
  it("lists only the caller's, newest first; only the owner may mark read (404 for others)", async () => {
    const db = t.ctx.database.db;
    await db.transaction(async (tx) => {
      await enqueueNotification(tx, payload({ kind: "review.assigned", recipients: [{ userId: clerkId }] }), {
        at: t.clock.now(),
      });
    });
    t.clock.advance(1_000);
    await enqueueNotification(db, payload({ kind: "clock.yellow", recipients: [{ userId: clerkId }] }), {
      at: t.clock.now(),
    });
    await processOutboxBatch(t.ctx, handlers);

    const clerk = await t.as("clerk");
    const list = await clerk.get<NotificationList>("/api/notifications");
    expect(list.body.items.map((n) => n.kind)).toEqual(["clock.yellow", "review.assigned"]);
    expect(list.body.items[0]?.title["zh-CN"]).toBe("【黄色预警】办件即将到期：HY-2026-000123");
    expect(list.body.unreadCount).toBe(2);

    const citizen = await t.as("citizen");
    const mine = await citizen.get<NotificationList>("/api/notifications");
    expect(mine.body.items.every((n) => !["clock.yellow", "review.assigned"].includes(n.kind))).toBe(true);
    const clerksId = list.body.items[0]?.id ?? "";
    const stolen = await citizen.post<{ code: string }>(`/api/notifications/${clerksId}/read`);
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe("not_found");
    expect((await citizen.post("/api/notifications/not-a-uuid/read")).status).toBe(422);

    const read = await clerk.post<{ notification: NotificationView; unreadCount: number }>(
      `/api/notifications/${clerksId}/read`,
    );
    expect(read.status).toBe(200);
    expect(read.body.notification.readAt).toBe(t.clock.now().toISOString());
    expect(read.body.unreadCount).toBe(1);
    const unread = await clerk.get<NotificationList>("/api/notifications?unread=true");
    expect(unread.body.items.map((n) => n.kind)).toEqual(["review.assigned"]);

    const all = await clerk.post<{ updated: number; unreadCount: number }>("/api/notifications/read-all");
    expect(all.body).toEqual({ updated: 1, unreadCount: 0 });
    // The citizen's two (accepted, correction) are untouched by the clerk's read-all.
    expect((await citizen.get<NotificationList>("/api/notifications")).body.unreadCount).toBe(2);
    expect((await t.client().get("/api/notifications")).status).toBe(401);
  });
});
