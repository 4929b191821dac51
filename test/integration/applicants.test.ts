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

  it("代录: every field problem at once, on its field (GB 11643 / GB 32100, legal representative, phone)", async () => {
    const clerk = await t.as("clerk");
    const person = await clerk.post<{ code: string; errors: { field: string; code: string }[] }>(
      "/api/applicants",
      { kind: "person", name: "王芳", idNumber: "340321199002301234" },
    );
    expect(person.status).toBe(422);
    expect(person.body.errors.map((e) => [e.field, e.code])).toEqual([
      ["idNumber", "invalid_id_number"],
      ["phone", "required"],
    ]);
    const enterprise = await clerk.post<{ errors: { field: string; code: string }[] }>("/api/applicants", {
      kind: "enterprise",
      name: "怀远县禹王建材有限公司",
      creditCode: "91340321MA2TXXXXXX",
      phone: "13900001111",
    });
    expect(enterprise.status).toBe(422);
    expect(enterprise.body.errors.map((e) => [e.field, e.code])).toEqual([
      ["creditCode", "invalid_credit_code"],
      ["legalRepresentative", "required"],
    ]);
  });

  it("代录: an enterprise registered on the spot is filed for at once; the same code again is 409 offering it", async () => {
    const clerk = await t.as("clerk");
    const body = {
      kind: "enterprise",
      name: "怀远县禹王建材有限公司",
      creditCode: "91340321MA2T5HQB0W",
      legalRepresentative: "陈明",
      phone: "13900001111",
      address: "怀远县经济开发区禹王路8号",
    };
    const ok = await clerk.post<Applicant>("/api/applicants", {
      ...body,
      creditCode: body.creditCode.toLowerCase(),
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      kind: "enterprise",
      creditCode: "91340321MA2T5HQB0W",
      phoneMasked: "139****1111",
    });
    expect(ok.text).not.toContain("13900001111");
    const again = await clerk.post<{ code: string; field: string; details: { applicant: Applicant } }>(
      "/api/applicants",
      { ...body, name: "禹王建材" },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("applicant_exists");
    expect(again.body.field).toBe("creditCode");
    expect(again.body.details.applicant).toMatchObject({ id: ok.body.id, name: "怀远县禹王建材有限公司" });
    // A person already registered (张伟 of the demo) is found by ID number, masked, and offered.
    const zhang = await clerk.post<{ code: string; details: { applicant: Applicant } }>("/api/applicants", {
      kind: "person",
      name: "张伟",
      idNumber: "340321198503122011",
      phone: "13805529876",
    });
    expect(zhang.status).toBe(409);
    expect(zhang.body.details.applicant.idNumberMasked).toBe("3403**********2011");
    expect(JSON.stringify(zhang.body)).not.toContain("340321198503122011");
    const filed = await clerk.post<{ applicant: { name: string }; channel: string }>("/api/cases", {
      itemCode: "construction-land-planning-permit",
      applicantId: ok.body.id,
      formData: {},
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ channel: "window", applicant: { name: "怀远县禹王建材有限公司" } });
  });
});
