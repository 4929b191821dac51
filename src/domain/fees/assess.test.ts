import { describe, expect, it } from "vitest";
import { assessFeeLines, feeFacts } from "./assess";

const fees = {
  charged: true,
  items: [
    {
      code: "registration_fee",
      name: "不动产登记费（非住宅类）",
      basis: "发改价格规〔2016〕2559号",
      amountFen: 55000,
      unit: "per_case" as const,
      appliesTo: "non_housing",
    },
    {
      code: "registration_fee_housing",
      name: "不动产登记费（住宅类）",
      basis: "2559号",
      amountFen: 8000,
      unit: "per_case" as const,
      appliesTo: "housing",
    },
    {
      code: "certificate_fee",
      name: "不动产权证书工本费",
      basis: "2559号",
      amountFen: 1000,
      unit: "per_certificate" as const,
      freeQuantity: 1,
    },
  ],
  exemptions: [
    {
      code: "small_micro_enterprise",
      name: "小微企业免收不动产登记费",
      basis: "财税〔2016〕79号",
      condition: "small_micro_enterprise" as const,
      feeCodes: ["registration_fee"],
    },
  ],
};

describe("assessFeeLines (收费单)", () => {
  it("charges the non-housing registration fee and extra certificates beyond the free one", () => {
    const lines = assessFeeLines(fees, feeFacts({ landUse: "工业用地", extraCertificates: 2 }, {}));
    expect(lines.map((l) => [l.code, l.quantity, l.amountFen])).toEqual([
      ["registration_fee", 1, 55000],
      ["certificate_fee", 2, 2000],
    ]);
  });
  it("exempts small and micro enterprises from the registration fee only (财税〔2016〕79号)", () => {
    const lines = assessFeeLines(
      fees,
      feeFacts({ landUse: "工业用地", isSmallMicroEnterprise: true, extraCertificates: 1 }, {}),
    );
    expect(lines.find((l) => l.code === "registration_fee")).toMatchObject({
      grossFen: 55000,
      amountFen: 0,
      exemptionCode: "small_micro_enterprise",
    });
    expect(lines.find((l) => l.code === "certificate_fee")?.amountFen).toBe(1000);
    const viaProfile = assessFeeLines(
      fees,
      feeFacts({ landUse: "工业用地" }, { smallMicroEnterprise: true }),
    );
    expect(viaProfile.reduce((s, l) => s + l.amountFen, 0)).toBe(0);
  });
  it("uses the housing fee for 住宅 and charges nothing when the item is not charged", () => {
    expect(assessFeeLines(fees, feeFacts({ housingType: "住宅" }, {})).map((l) => l.amountFen)).toEqual([
      8000,
    ]);
    expect(assessFeeLines({ ...fees, charged: false }, feeFacts({}, {}))).toEqual([]);
  });
});
