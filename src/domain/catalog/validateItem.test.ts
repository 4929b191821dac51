import { describe, expect, it } from "vitest";
import { type TServiceItemContent, ZServiceItemContent } from "../../shared/catalog.ts";
import { type TCatalogContext, validateItemContent } from "./validateItem.ts";

const ctx: TCatalogContext = {
  orgCodes: new Set(["HY-ZRZY", "HY-ZRZY-GH", "HY-ZRZY-LY", "HY-ZRZY-SP", "HY-SQJ"]),
  itemCodes: new Set(["permit", "pre-permit"]),
  sharedDatasets: new Set(["business_licence"]),
  certificateTypes: new Set(["construction_land_planning_permit"]),
};

/** A valid 承诺件 with two parallel steps, one sequential sign-off, two materials and a fee. */
function item(patch: Partial<TServiceItemContent> = {}): TServiceItemContent {
  const base = ZServiceItemContent.parse({
    code: "permit",
    name: "建设用地规划许可证核发",
    kind: "administrative_licence",
    implementingOrgCode: "HY-ZRZY",
    legalBasis: [{ title: "《中华人民共和国城乡规划法》", article: "第三十八条" }],
    acceptanceConditions: ["已签订国有建设用地使用权出让合同"],
    processDescription: [{ name: "受理", description: "窗口受理" }],
    serviceObject: ["enterprise"],
    statutoryLimitDays: 20,
    promisedLimitDays: 5,
    handlingType: "promised",
    visitsRequired: 0,
    fees: {
      charged: true,
      items: [
        { code: "f1", name: "登记费", basis: "发改价格规〔2016〕2559号", amountFen: 55000, unit: "per_case" },
      ],
      exemptions: [
        {
          code: "e1",
          name: "小微企业免收",
          basis: "财税〔2016〕79号",
          condition: "small_micro_enterprise",
          feeCodes: ["f1"],
        },
      ],
    },
    place: "政务服务中心",
    hours: "工作日",
    consultationPhone: "0552-8012345",
    complaintPhone: "12345",
    online: { available: true, onlinePayment: false, postalDelivery: true, appointment: true },
    resultName: "建设用地规划许可证",
    resultType: "certificate",
    certificateType: "construction_land_planning_permit",
    materials: [
      {
        code: "m1",
        name: "营业执照",
        required: true,
        key: true,
        form: "electronic",
        copies: 0,
        source: "shared_data",
        sourceRef: "business_licence",
        acceptanceStandard: "有效期内",
      },
      {
        code: "m2",
        name: "选址意见书",
        required: true,
        form: "electronic",
        copies: 0,
        source: "item_result",
        sourceRef: "pre-permit",
        mayBeDeferred: true,
        acceptanceStandard: "有效期内",
      },
    ],
    formSchema: { type: "object", properties: { projectName: { type: "string", title: "项目名称" } } },
    reviewSteps: [
      { code: "gh", name: "规划审查", orgCode: "HY-ZRZY-GH", mode: "parallel", lead: true, limitDays: 2 },
      { code: "ly", name: "用地审查", orgCode: "HY-ZRZY-LY", mode: "parallel", lead: false, limitDays: 2 },
      {
        code: "sp",
        name: "审批",
        orgCode: "HY-ZRZY-SP",
        mode: "sequential",
        lead: false,
        limitDays: 1,
        after: ["gh", "ly"],
      },
    ],
  });
  return { ...base, ...patch };
}

const codes = (c: TServiceItemContent, context = ctx) => validateItemContent(c, context).map((p) => p.code);

describe("validateItemContent", () => {
  it("accepts a consistent item", () => {
    expect(validateItemContent(item(), ctx)).toEqual([]);
  });

  it("refuses a promised limit above the statutory one", () => {
    const problems = validateItemContent(item({ promisedLimitDays: 25 }), ctx);
    expect(problems.map((p) => p.code)).toContain("promised_exceeds_statutory");
    expect(problems[0].field).toBe("promisedLimitDays");
    expect(problems[0].message["zh-CN"]).toContain("不能超过法定时限");
    expect(codes(item({ promisedLimitDays: 20, statutoryLimitDays: 20 }))).toEqual([]);
  });

  it("requires 0 days for an immediate item and at least 1 for a promised one", () => {
    const immediate = { handlingType: "immediate" as const, reviewSteps: [] };
    expect(codes(item({ ...immediate, promisedLimitDays: 1 }))).toEqual(["immediate_with_promised_limit"]);
    expect(codes(item({ ...immediate, promisedLimitDays: 0 }))).toEqual([]);
    expect(codes(item({ promisedLimitDays: 0, reviewSteps: [] }))).toEqual(["promised_without_limit"]);
  });

  it("refuses unknown organizations in steps, implementing org and handledBy", () => {
    const steps = item().reviewSteps.map((s) => (s.code === "ly" ? { ...s, orgCode: "HY-NOPE" } : s));
    const problems = validateItemContent(item({ reviewSteps: steps }), ctx);
    expect(problems).toMatchObject([{ code: "unknown_org", field: "reviewSteps[1].orgCode" }]);
    expect(codes(item({ implementingOrgCode: "X" }))).toEqual(["unknown_org"]);
    const handledBy = { kind: "township" as const, since: "2020-01-01", reference: "自然资规〔2019〕4号" };
    expect(codes(item({ handledBy: { ...handledBy, orgCodes: ["HY-XXX"] } }))).toEqual(["unknown_org"]);
    expect(codes(item({ handledBy: { ...handledBy, orgCodes: ["HY-SQJ"] } }))).toEqual([]);
  });

  it("requires exactly one lead step", () => {
    const none = item().reviewSteps.map((s) => ({ ...s, lead: false }));
    expect(codes(item({ reviewSteps: none }))).toEqual(["no_lead_step"]);
    const two = item().reviewSteps.map((s) => ({ ...s, lead: s.mode === "parallel" }));
    expect(codes(item({ reviewSteps: two }))).toEqual(["multiple_lead_steps"]);
    expect(codes(item({ reviewSteps: [] }))).toEqual([]);
  });

  it("checks predecessor links: existing, sequential only, unique codes", () => {
    const [gh, ly, sp] = item().reviewSteps;
    expect(codes(item({ reviewSteps: [gh, ly, { ...sp, after: ["gh", "zz"] }] }))).toEqual(["unknown_step"]);
    expect(codes(item({ reviewSteps: [gh, ly, { ...sp, after: [] }] }))).toEqual([
      "sequential_without_after",
    ]);
    expect(codes(item({ reviewSteps: [gh, { ...ly, after: ["gh"] }, sp] }))).toEqual(["parallel_with_after"]);
    expect(codes(item({ reviewSteps: [gh, { ...ly, code: "gh" }, sp] }))).toContain("duplicate_step_code");
  });

  it("refuses a cycle of sequential steps", () => {
    const [gh] = item().reviewSteps;
    const a = { ...gh, code: "a", lead: false, mode: "sequential" as const, after: ["c"] };
    const b = { ...a, code: "b", after: ["a"] };
    const c = { ...a, code: "c", after: ["b"] };
    const problems = validateItemContent(item({ reviewSteps: [gh, a, b, c] }), ctx);
    expect(problems.map((p) => p.code)).toEqual(["step_cycle"]);
    expect(problems[0].message["en-US"]).toMatch(/cycle/);
  });

  it("refuses steps whose longest chain exceeds the promised limit", () => {
    const [gh, ly, sp] = item().reviewSteps;
    expect(codes(item({ reviewSteps: [gh, { ...ly, limitDays: 5 }, sp] }))).toEqual(["steps_exceed_limit"]);
    expect(codes(item({ reviewSteps: [gh, { ...ly, limitDays: 4 }, sp] }))).toEqual([]);
  });

  it("requires item_result materials to name an existing other item", () => {
    const [m1, m2] = item().materials;
    const problems = validateItemContent(item({ materials: [m1, { ...m2, sourceRef: "ghost" }] }), ctx);
    expect(problems).toMatchObject([{ code: "unknown_item", field: "materials[1].sourceRef" }]);
    expect(codes(item({ materials: [m1, { ...m2, sourceRef: "permit" }] }))).toEqual(["self_reference"]);
    expect(codes(item({ materials: [m1, { ...m2, sourceRef: undefined }] }))).toEqual(["missing_source_ref"]);
  });

  it("checks shared-data references when the datasets are known", () => {
    const [m1, m2] = item().materials;
    const bad = item({ materials: [{ ...m1, sourceRef: "unknown_set" }, m2] });
    expect(codes(bad)).toEqual(["unknown_dataset"]);
    expect(codes(bad, { ...ctx, sharedDatasets: undefined })).toEqual([]);
  });

  it("refuses duplicate material codes", () => {
    const [m1, m2] = item().materials;
    expect(codes(item({ materials: [m1, { ...m2, code: "m1" }] }))).toEqual(["duplicate_material_code"]);
  });

  it("never lets a key material be deferred (容缺), nor marks an optional one", () => {
    const [m1, m2] = item().materials;
    const problems = validateItemContent(item({ materials: [{ ...m1, mayBeDeferred: true }, m2] }), ctx);
    expect(problems).toMatchObject([{ code: "key_material_deferred", field: "materials[0].mayBeDeferred" }]);
    expect(codes(item({ materials: [m1, { ...m2, required: false }] }))).toEqual([
      "optional_material_deferred",
    ]);
  });

  it("a condition for issuing first only on a material that may be deferred", () => {
    const [m1, m2] = item().materials;
    const condition = "先行核发，申请人须在承诺期限内补交";
    expect(codes(item({ materials: [m1, { ...m2, issueFirstCondition: condition }] }))).toEqual([]);
    const problems = validateItemContent(
      item({ materials: [{ ...m1, issueFirstCondition: condition }, m2] }),
      ctx,
    );
    expect(problems).toMatchObject([
      { code: "issue_first_not_deferrable", field: "materials[0].issueFirstCondition" },
    ]);
  });

  it("requires the form to be a valid JSON Schema of an object", () => {
    expect(codes(item({ formSchema: { type: "objekt" } }))).toEqual(["invalid_form_schema"]);
    expect(codes(item({ formSchema: { type: "object", required: "projectName" } }))).toEqual([
      "invalid_form_schema",
    ]);
    expect(codes(item({ formSchema: { type: "string" } }))).toEqual(["form_schema_not_object"]);
  });

  it("checks fees: non-negative, unique, consistent with `charged`, exemptions resolvable", () => {
    const fees = item().fees;
    const [f1] = fees.items;
    expect(codes(item({ fees: { ...fees, items: [{ ...f1, amountFen: -1 }] } }))).toEqual(["negative_fee"]);
    expect(codes(item({ fees: { ...fees, items: [{ ...f1, amountFen: 0 }] } }))).toEqual([]);
    expect(codes(item({ fees: { ...fees, items: [f1, f1] } }))).toEqual(["duplicate_fee_code"]);
    expect(codes(item({ fees: { ...fees, charged: false } }))).toEqual(["fee_items_when_free"]);
    expect(codes(item({ fees: { charged: true, items: [], exemptions: [] } }))).toEqual(["no_fee_items"]);
    expect(codes(item({ fees: { charged: false, items: [], exemptions: [] } }))).toEqual([]);
    const ex = { ...fees.exemptions[0], feeCodes: ["f9"] };
    expect(codes(item({ fees: { ...fees, exemptions: [ex] } }))).toEqual(["unknown_fee"]);
  });

  it("checks the certificate type when the types are known", () => {
    expect(codes(item({ certificateType: "nope" }))).toEqual(["unknown_certificate_type"]);
    expect(codes(item({ certificateType: "nope" }), { ...ctx, certificateTypes: undefined })).toEqual([]);
  });
});
