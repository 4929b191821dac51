import { describe, expect, it } from "vitest";
import { backoffMs } from "../../jobs/outbox";
import { absoluteLink, emailFor, NOTIFICATION_KINDS, renderNotification, smsFor } from "./templates";

const data = {
  caseNumber: "HY-2026-000001",
  itemName: "不动产首次登记",
  applicantName: "李四",
  link: "/cases/x",
};

describe("notification templates", () => {
  it.each(NOTIFICATION_KINDS)(
    "%s renders in Chinese and English, with or without optional fields",
    (kind) => {
      for (const d of [data, { ...data, deadline: "2026-12-31", reason: "听证" }]) {
        const m = renderNotification(kind, d);
        for (const text of [m.title["zh-CN"], m.title["en-US"], m.body["zh-CN"], m.body["en-US"]]) {
          expect(text.length).toBeGreaterThan(5);
          expect(text).not.toMatch(/undefined|null/);
          expect(text).toContain("HY-2026-000001");
        }
        expect(m.title["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      }
    },
  );

  it("writes Chinese only for zh-CN and adds English for en-US", () => {
    const m = renderNotification("case.refused", { ...data, reason: "不属于本机关职权范围" });
    const link = absoluteLink("/cases/x", "https://yz.example.cn/");
    expect(link).toBe("https://yz.example.cn/cases/x");
    expect(emailFor("zh-CN", m, link).subject).toBe("不予受理：HY-2026-000001");
    expect(emailFor("en-US", m, link).text).toMatch(/不予受理[\s\S]*not accepted/);
    expect(smsFor("zh-CN", m, link)).toMatch(/^【一站】李四/);
    expect(smsFor("en-US", m, link)).toContain("was not accepted");
  });
});

describe("retry backoff", () => {
  it("doubles from the base delay and stops at the cap", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(60 * 60_000);
    expect(backoffMs(3, { baseDelayMs: 1_000, maxDelayMs: 3_000 })).toBe(3_000);
  });
});
