import { describe, expect, it } from "vitest";
import { faqText, inquiryStatusProblem, isContact, isUnansweredTooLong, maskContact } from "./rules";

describe("inquiry rules", () => {
  it("accepts phones and e-mail addresses as contact, nothing else", () => {
    expect(isContact("13805529876")).toBe(true);
    expect(isContact("0552-8012345")).toBe(true);
    expect(isContact("zhang@example.cn")).toBe(true);
    expect(isContact("tomorrow")).toBe(false);
    expect(isContact("12345")).toBe(false);
  });
  it("masks contacts", () => {
    expect(maskContact("13805529876")).toBe("138****9876");
    expect(maskContact("zhang@example.cn")).toBe("z***@example.cn");
  });
  it("removes the asker's name, contact, ID numbers, phones and e-mails from FAQ text", () => {
    const q =
      "我是张伟，身份证340321198503122011，电话13805529876，座机0552-8012345，邮箱zw@example.cn，张伟家的房子能登记吗？";
    const out = faqText(q, ["张伟", "13805529876"]);
    expect(out).not.toContain("张伟");
    expect(out).not.toContain("340321198503122011");
    expect(out).not.toContain("13805529876");
    expect(out).not.toContain("8012345");
    expect(out).not.toContain("zw@example.cn");
    expect(out).toContain("能登记吗");
  });
  it("alerts after one working day of office hours, never once answered", () => {
    expect(isUnansweredTooLong("open", 389)).toBe(false);
    expect(isUnansweredTooLong("open", 390)).toBe(true);
    expect(isUnansweredTooLong("unclaimed", 1000)).toBe(true);
    expect(isUnansweredTooLong("answered", 1000)).toBe(false);
  });
  it("allows each action only in its statuses", () => {
    expect(inquiryStatusProblem("unclaimed", "claim")).toBeNull();
    expect(inquiryStatusProblem("open", "claim")).not.toBeNull();
    expect(inquiryStatusProblem("answered", "answer")).not.toBeNull();
    expect(inquiryStatusProblem("answered", "handOver")).not.toBeNull();
    expect(inquiryStatusProblem("open", "publishFaq")).not.toBeNull();
    expect(inquiryStatusProblem("answered", "publishFaq")).toBeNull();
  });
});
