import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseBody, draftWithMaterials, passAll, submit } from "../helpers/cases";
import { caseRead } from "../helpers/factories";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Problem = { code: string; status: number; field?: string; errors?: { field: string; code: string }[] };
type Fees = {
  required: boolean;
  settled: boolean;
  assessments: { id: string; number: string; status: string; totalFen: number }[];
  payments: { status: string; receiptNumber: string | null }[];
};

/**
 * 不动产权证书换发: an immediate item with a ¥10 工本费 per certificate. The original was issued before
 * Yizhan held the register: the window transcribes its content from the surrendered original.
 */
const REPLACEMENT = {
  rightHolder: "张伟",
  certificateNo: "皖（2024）怀远县不动产权第0001234号",
  location: "怀远县城关镇禹王路88号",
  reason: "污损",
  rightType: "国有建设用地使用权/房屋所有权",
  rightNature: "出让/市场化商品房",
  housingType: "住宅",
  buildingArea: 118.5,
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function checkedReplacement(): Promise<CaseBody> {
  const citizen = await t.as("citizen");
  const c = await submit(
    citizen,
    await draftWithMaterials(t, citizen, "real-estate-certificate-replacement", REPLACEMENT),
  );
  return passAll(await t.as("clerk"), c);
}

describe("即办件 with fees: collected before the case is finished on the spot", () => {
  it("refuses to finish unassessed or unpaid (422 naming fees, nothing written); assess → pay → finish", async () => {
    const clerk = await t.as("clerk");
    const c = await checkedReplacement();
    expect(c.abilities.finishOnTheSpot).toBe(true);

    const unassessed = await clerk.post<Problem>(`/api/cases/${c.id}/accept`, {
      expectedVersion: c.version,
      finishOnTheSpot: true,
    });
    expect(unassessed.status).toBe(422);
    expect(unassessed.body.code).toBe("fees_unpaid");
    expect(unassessed.body.errors?.[0]).toMatchObject({ field: "fees", code: "fees_not_assessed" });
    const still = await clerk.get<CaseBody>(`/api/cases/${c.id}`);
    expect(still.body).toMatchObject({ status: "submitted", version: c.version, documents: [] });

    const fees = await clerk.get<Fees>(`/api/cases/${c.id}/fees`);
    expect(fees.body).toMatchObject({ required: true, settled: false, assessments: [] });
    const assessed = await clerk.post<Fees>(`/api/cases/${c.id}/fees/assessments`, {});
    expect(assessed.status).toBe(201);
    const a = assessed.body.assessments[0];
    expect(a).toMatchObject({ status: "open", totalFen: 1000 });

    const unpaid = await clerk.post<Problem>(`/api/cases/${c.id}/accept`, {
      expectedVersion: c.version,
      finishOnTheSpot: true,
    });
    expect(unpaid.status).toBe(422);
    expect(unpaid.body.errors?.[0]).toMatchObject({ field: "fees", code: "fees_unpaid" });

    const paid = await clerk.post(`/api/cases/${c.id}/fees/window-payments`, {
      assessmentId: a.id,
      channel: "cash",
      idempotencyKey: "spot-cash-0001",
    });
    expect(paid.status).toBe(201);
    const done = await clerk.post<CaseBody>(`/api/cases/${c.id}/accept`, {
      expectedVersion: c.version,
      finishOnTheSpot: true,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "completed", finishedOnSpot: true });
    const after = await clerk.get<Fees>(`/api/cases/${c.id}/fees`);
    expect(after.body.settled).toBe(true);
    expect(after.body.payments[0]).toMatchObject({ status: "paid" });
  });

  it("the `issue` command of any charged item needs its assessment too", async () => {
    const clerk = await t.as("clerk");
    // Accepted without finishing on the spot, then decided: the issue is the step under test.
    const decided = await caseRead(t, "approved", clerk, {
      itemCode: "real-estate-certificate-replacement",
      formData: REPLACEMENT,
      applicant: "citizen",
    });
    expect(decided.status).toBe("approved");
    const issued = await clerk.post<Problem>(`/api/cases/${decided.id}/issue`, {
      expectedVersion: decided.version,
    });
    expect(issued.status).toBe(422);
    expect(issued.body.errors?.[0]).toMatchObject({ field: "fees", code: "fees_not_assessed" });
  });

  it("a case closed without a result owes nothing: its unpaid assessment is voided", async () => {
    const clerk = await t.as("clerk");
    const c = await checkedReplacement();
    await clerk.post(`/api/cases/${c.id}/fees/assessments`, {});
    const refused = await clerk.post<CaseBody>(`/api/cases/${c.id}/refuse`, {
      expectedVersion: c.version,
      legalBasis: "《不动产登记暂行条例实施细则》第二十二条",
      reason: "原证书无法辨认证号，应申请补发",
    });
    expect(refused.status).toBe(200);
    const fees = await clerk.get<Fees>(`/api/cases/${c.id}/fees`);
    expect(fees.body.assessments.map((x) => x.status)).toEqual(["void"]);
    const tl = await clerk.get<{ events: { type: string; data: Record<string, unknown> }[] }>(
      `/api/cases/${c.id}/timeline`,
    );
    expect(tl.body.events.find((e) => e.type === "case.refused")?.data.feesVoided).toEqual([
      fees.body.assessments[0].number,
    ]);
  });
});
