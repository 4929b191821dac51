import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExchangeSweep } from "../../src/app/sweep/exchangeSweep";
import type { TAdminAuditList } from "../../src/shared/api/audit";
import { caseRead } from "../helpers/factories";
import { otherCountyStaff } from "../helpers/otherCounty";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Referral = {
  id: string;
  status: string;
  caseId: string | null;
  toOrgName: string;
  policyReference: string;
  applicant: { name: string; idNumber: string | null; phone: string | null };
  progress: { status: string; note: string; actorName: string }[];
  abilities: Record<string, boolean>;
  version: number;
};
type Problem = { status: number; code: string; errors?: { field: string; code: string }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("referral (转办)", () => {
  it("the window registers 设施农业用地备案 only to refer it; the township follows it to done; the applicant sees it", async () => {
    const clerk = await t.as("clerk");
    const citizen = await t.as("citizen");
    const me = await citizen.get<{ id: string }>("/api/auth/me");
    const online = await citizen.post<Problem>("/api/cases", {
      itemCode: "facility-agricultural-land-filing",
      formData: {},
    });
    expect(online.status).toBe(422);
    expect(online.body.code).toBe("outside_competence");
    const wrongOrg = await clerk.post<Problem>("/api/referrals", {
      itemCode: "facility-agricultural-land-filing",
      applicantId: me.body.id,
      toOrgCode: "HY-SW",
    });
    expect(wrongOrg.body.errors?.[0]?.code).toBe("not_competent");
    const notReferrable = await clerk.post<Problem>("/api/referrals", {
      itemCode: "construction-land-planning-permit",
      applicantId: me.body.id,
      toOrgCode: "HY-SQJ",
    });
    expect(notReferrable.body.errors?.[0]?.code).toBe("not_referrable");
    // Another county's window refers nothing to this county's townships (an item of this bureau).
    const outsider = await otherCountyStaff(t, "x-clerk", "clerk");
    const foreign = await outsider.post<Problem>("/api/referrals", {
      itemCode: "facility-agricultural-land-filing",
      applicantId: me.body.id,
      toOrgCode: "HY-SQJ",
    });
    expect(foreign.status).toBe(403);
    const created = await clerk.post<Referral>("/api/referrals", {
      itemCode: "facility-agricultural-land-filing",
      applicantId: me.body.id,
      toOrgCode: "HY-SQJ",
      details: { township: "双桥集镇", village: "姚湾村", area: 12, facilityType: "作物种植设施" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "sent", toOrgName: "双桥集镇人民政府" });
    expect(created.body.policyReference).toContain("自然资规〔2019〕4号");
    expect(created.body.applicant.idNumber).toBe("340321198503122011");
    expect(
      (
        await citizen.post("/api/referrals", {
          itemCode: "facility-agricultural-land-filing",
          applicantId: me.body.id,
          toOrgCode: "HY-SQJ",
        })
      ).status,
    ).toBe(403);

    const township = await t.as("township");
    const inbox = await township.get<{ items: Referral[] }>("/api/referrals?open=true");
    const mine = inbox.body.items.find((r) => r.id === created.body.id) as Referral;
    expect(mine.abilities.reportProgress).toBe(true);
    expect(mine.applicant.phone).toBe("13805529876");
    // The receiving body was shown the phone whole: recorded in the audit log (issue 16 point 8).
    const reads = await (await t.as("supervisor")).get<TAdminAuditList>(
      "/api/admin/audit-entries?action=personal_data.read&targetType=applicant&limit=100",
    );
    expect(
      reads.body.items.find((e) => e.detail.referralId === created.body.id && e.actorUsername === "township"),
    ).toMatchObject({ detail: { via: "referral", fields: expect.arrayContaining(["phone"]) } });
    const tax = await t.as("tax");
    expect((await tax.get<Referral>(`/api/referrals/${created.body.id}`)).status).toBe(404);
    expect(
      (await tax.post(`/api/referrals/${created.body.id}/progress`, { status: "received" })).status,
    ).toBe(404);
    expect(
      (await clerk.post(`/api/referrals/${created.body.id}/progress`, { status: "received" })).status,
    ).toBe(403);

    const url = `/api/referrals/${created.body.id}/progress`;
    expect(
      (await township.post<Referral>(url, { status: "received", note: "已接收，材料齐全" })).body.status,
    ).toBe("received");
    expect(
      (await township.post<Referral>(url, { status: "in_progress", note: "村内公示中" })).body.status,
    ).toBe("in_progress");
    const back = await township.post<Problem>(url, { status: "received" });
    expect(back.body.errors?.[0]?.code).toBe("backwards");
    const noNote = await township.post<Problem>(url, { status: "done" });
    expect(noNote.body.errors?.[0]?.field).toBe("note");
    const stale = await township.post<Problem>(url, { status: "done", note: "x", expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const done = await township.post<Referral>(url, {
      status: "done",
      note: "已备案，回执号 双桥设农备〔2026〕7号",
    });
    expect(done.body.status).toBe("done");
    expect(done.body.progress.map((p) => p.status)).toEqual(["sent", "received", "in_progress", "done"]);
    expect(done.body.abilities.reportProgress).toBe(false);
    expect((await township.post(url, { status: "done", note: "again" })).status).toBe(409);
    // Each report is notified to the applicant and to the clerk who referred it (through the outbox).
    const notes = (await t.ctx.database.db.query.outbox.findMany()).filter(
      (o) => (o.payload as { kind: string }).kind === "referral.progress",
    );
    expect(notes).toHaveLength(3);
    expect((notes[2].payload as { recipients: unknown[] }).recipients).toHaveLength(2);

    const seen = await citizen.get<{ items: Referral[] }>("/api/referrals");
    expect(seen.body.items.find((r) => r.id === created.body.id)?.status).toBe("done");
    const byClerk = await clerk.get<{ items: Referral[] }>("/api/referrals");
    expect(byClerk.body.items.some((r) => r.id === created.body.id)).toBe(true);
    const sanmu = await t.as("sanmu");
    expect(
      (await sanmu.get<{ items: Referral[] }>("/api/referrals")).body.items.some(
        (r) => r.id === created.body.id,
      ),
    ).toBe(false);
  });

  it("referring a case creates the referral from the refer command, with the applicant's details", async () => {
    const sanmu = await t.as("sanmu");
    const clerk = await t.as("clerk");
    const c = await caseRead(t, "submitted", sanmu);
    const res = await clerk.post(`/api/cases/${c.id}/refer`, {
      expectedVersion: c.version,
      toOrgCode: "HY-SQJ",
      reason: "属乡镇办理事项",
      policyReference: "自然资规〔2019〕4号",
    });
    expect(res.status).toBe(200);
    const township = await t.as("township");
    const list = await township.get<{ items: Referral[] }>("/api/referrals");
    const r = list.body.items.find((x) => x.caseId === c.id) as Referral;
    expect(r).toMatchObject({ status: "sent", policyReference: "自然资规〔2019〕4号" });
    expect(r.applicant.name).toBe("安徽三木新材料科技有限公司");
    expect(
      (await sanmu.get<{ items: Referral[] }>("/api/referrals")).body.items.some((x) => x.caseId === c.id),
    ).toBe(true);
  });

  it("a referral without progress for more than 3 working days raises one alert", async () => {
    const clerk = await t.as("clerk");
    const citizen = await t.as("citizen");
    const me = await citizen.get<{ id: string }>("/api/auth/me");
    const r = await clerk.post<Referral>("/api/referrals", {
      itemCode: "facility-agricultural-land-filing",
      applicantId: me.body.id,
      toOrgCode: "HY-SQJ",
    });
    t.clock.set(new Date("2026-11-27T01:00:00Z"));
    try {
      expect((await runExchangeSweep(t.ctx)).idleReferrals).not.toContain(r.body.id);
      t.clock.set(new Date("2026-11-30T01:00:00Z"));
      expect((await runExchangeSweep(t.ctx)).idleReferrals).toContain(r.body.id);
      expect((await runExchangeSweep(t.ctx)).idleReferrals).not.toContain(r.body.id);
    } finally {
      t.clock.set(new Date("2026-11-24T01:00:00Z"));
    }
  });
});
