import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LogFileEmailSender, LogFileSmsSender } from "./logFile";

const dir = mkdtempSync(join(tmpdir(), "yizhan-notify-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AT = new Date("2026-11-24T01:00:00Z");
const lines = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("the log files that stand in for an SMS gateway and an SMTP server (ADR 0016)", () => {
  it("write the e-mail address masked, with the message and the provider id", async () => {
    const path = join(dir, "mail.log");
    const sender = new LogFileEmailSender(path, () => AT);
    const sent = await sender.send({
      to: "zhangsan.example@example.cn",
      subject: "办件已受理",
      text: "您的申请已受理。",
    });
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain("zhangsan");
    expect(lines(path)).toEqual([
      {
        id: sent.providerId,
        at: AT.toISOString(),
        to: "z***@example.cn",
        subject: "办件已受理",
        text: "您的申请已受理。",
      },
    ]);
  });

  it("write the phone number masked", async () => {
    const path = join(dir, "sms.log");
    const sent = await new LogFileSmsSender(path, () => AT).send({ to: "13812349876", text: "已受理" });
    expect(readFileSync(path, "utf8")).not.toContain("13812349876");
    expect(lines(path)).toEqual([
      { id: sent.providerId, at: AT.toISOString(), to: "138****9876", text: "已受理" },
    ]);
  });
});
