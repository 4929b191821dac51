import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Applicant = {
  id: string;
  name: string;
  kind: string;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  creditCode: string | null;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("window intake: find or register the applicant", () => {
  it("the clerk finds applicants by name, credit code or ID number, masked", async () => {
    const clerk = await t.as("clerk");
    const byName = await clerk.get<{ items: Applicant[] }>(`/api/applicants?q=${encodeURIComponent("三木")}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((a) => a.name)).toEqual(["安徽三木新材料科技有限公司"]);
    const byId = await clerk.get<{ items: Applicant[] }>("/api/applicants?q=340321198503122011");
    expect(byId.body.items).toEqual([
      expect.objectContaining({
        name: "张伟",
        idNumberMasked: "3403**********2011",
        phoneMasked: "138****9876",
      }),
    ]);
    expect(byId.text).not.toContain("340321198503122011");
    expect(byId.text).not.toContain("13805529876");
  });

  it("applicants and reviewers may not search (403)", async () => {
    expect((await (await t.as("citizen")).get("/api/applicants?q=张")).status).toBe(403);
    expect((await (await t.as("reviewer-planning")).get("/api/applicants?q=张")).status).toBe(403);
  });

  it("registers a person with a valid ID number; a bad check digit names the field", async () => {
    const clerk = await t.as("clerk");
    const bad = await clerk.post<{ field: string }>("/api/applicants", {
      kind: "person",
      name: "李四",
      idNumber: "340321199007154431",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.field).toBe("idNumber");
    const ok = await clerk.post<Applicant>("/api/applicants", {
      kind: "person",
      name: "李四",
      idNumber: "340321199007154430",
      phone: "13912345678",
    });
    expect(ok.status).toBe(201);
    expect(ok.body.idNumberMasked).toBe("3403**********4430");
    const filed = await clerk.post<{ channel: string }>("/api/cases", {
      itemCode: "real-estate-records-inquiry",
      applicantId: ok.body.id,
      formData: {},
    });
    expect(filed.status).toBe(201);
    expect(filed.body.channel).toBe("window");
  });
});
