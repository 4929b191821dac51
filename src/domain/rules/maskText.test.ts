import { describe, expect, it } from "vitest";
import { containsPersonalIdentifier, maskPersonalText } from "./maskText";

describe("maskPersonalText", () => {
  it("masks ID numbers and mobile numbers inside text, keeping the rest", () => {
    expect(maskPersonalText("申请人张伟（340321198503122011，电话 13805529876）材料不全")).toBe(
      "申请人张伟（3403**********2011，电话 138****9876）材料不全",
    );
    expect(maskPersonalText("/api/applicants?q=34032119850312201X&x=+8613805529876")).toBe(
      "/api/applicants?q=3403**********201X&x=+86138****9876",
    );
  });

  it("leaves numbers that are no ID numbers or phones alone (tax receipts, credit codes, case numbers)", () => {
    for (const s of ["税票号码 334036261100012345", "113403210030000013", "HY-2026-000123", "12345678901"])
      expect(maskPersonalText(s)).toBe(s);
  });
});

describe("containsPersonalIdentifier", () => {
  it("finds an ID number anywhere, and the person's own identifiers", () => {
    expect(containsPersonalIdentifier("p-340321198503122011")).toBe(true);
    expect(containsPersonalIdentifier("zhang340321198503122011x")).toBe(true);
    expect(containsPersonalIdentifier("zhang-13805529876", [null, "13805529876"])).toBe(true);
    expect(containsPersonalIdentifier("e-113403210030000013")).toBe(false);
    expect(containsPersonalIdentifier("p-7k3m9q2x")).toBe(false);
  });
});
