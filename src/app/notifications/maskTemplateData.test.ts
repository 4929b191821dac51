import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, renderNotification } from "./templates";

describe("notification messages mask personal identifiers", () => {
  it("whatever a clerk typed into a reason, no message carries a whole ID number or phone", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const m = renderNotification(kind, {
        caseNumber: "HY-2026-000001",
        itemName: "建设用地规划许可证核发",
        applicantName: "张伟",
        deadline: "2026-12-01",
        reason: "申请人身份证 340321198503122011 与电话 13805529876 不一致",
        link: "/cases/0195",
      });
      const all = JSON.stringify(m);
      expect(all, kind).not.toContain("340321198503122011");
      expect(all, kind).not.toContain("13805529876");
      if (all.includes("身份证")) expect(all, kind).toContain("3403**********2011");
    }
  });
});
