import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSweep } from "../../src/app/sweep/runSweep";
import { type CaseBody, LAND_PERMIT_FORM, PDF } from "../helpers/cases";
import type { TestClient } from "../helpers/client";
import { createTestApp, TEST_NOW, type TestApp } from "../helpers/testApp";

type Problem = { code: string; status: number; field?: string; errors?: { field: string; code: string }[] };
type Material = CaseBody["materials"][number] & { deferredDueOn: string | null; note: string | null };
type Case = Omit<CaseBody, "materials"> & {
  materials: Material[];
  owedMaterials: { count: number; delivered: number; nextDueOn: string } | null;
};
type Cert = { id: string; fields: { name: string; value: string }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const mat = (c: Case, code: string) => c.materials.find((m) => m.code === code) as Material;

/** A land-permit application submitted online with `leftOut` not uploaded (it may be deferred). */
async function submittedWithout(applicant: TestClient, leftOut: string): Promise<Case> {
  const created = await applicant.post<Case>("/api/cases", {
    itemCode: "construction-land-planning-permit",
    formData: LAND_PERMIT_FORM,
  });
  let c = created.body;
  for (const m of c.materials.filter((x) => x.required && x.source === "upload" && x.code !== leftOut)) {
    c = (await applicant.upload<{ case: Case }>(`/api/cases/${c.id}/materials/${m.code}/files`, "f.pdf", PDF))
      .body.case;
  }
  const res = await applicant.post<Case>(`/api/cases/${c.id}/submit`, { expectedVersion: c.version });
  expect(res.status).toBe(200);
  return res.body;
}

/** The window passes what was handed in and accepts, deferring `code` to `dueOn` with the commitment. */
async function acceptDeferring(clerk: TestClient, c: Case, code: string, dueOn: string): Promise<Case> {
  const checked = await clerk.post<Case>(`/api/cases/${c.id}/material-checks`, {
    expectedVersion: c.version,
    checks: c.materials
      .filter((m) => m.required && m.source === "upload")
      .map((m) => ({ materialCode: m.code, status: m.code === code ? "missing" : "pass" })),
  });
  expect(checked.status).toBe(200);
  const accepted = await clerk.post<Case>(`/api/cases/${c.id}/accept`, {
    expectedVersion: checked.body.version,
    deferred: [{ materialCode: code, dueOn, commitmentSigned: true }],
  });
  expect(accepted.status).toBe(200);
  return accepted.body;
}

/** Both departments approve their review tasks. */
async function reviewed(c: Case): Promise<Case> {
  let cur = c;
  for (const [user, org] of [
    ["reviewer-planning", "HY-ZRZY-GH"],
    ["reviewer-land", "HY-ZRZY-LY"],
  ] as const) {
    const task = cur.reviewTasks.find((x) => x.orgCode === org);
    const res = await (await t.as(user)).post<Case>(`/api/review-tasks/${task?.id}/complete`, {
      expectedVersion: task?.version,
      outcome: "approve",
      opinion: "同意",
    });
    expect(res.status).toBe(200);
    cur = res.body;
  }
  return cur;
}

/** The text of a PDF as `pdftotext` reads it (poppler, from outside the application). */
function pdftotext(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "yz-pdf-"));
  try {
    writeFileSync(join(dir, "a.pdf"), bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", join(dir, "a.pdf"), "-"]).toString("utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("容缺受理 fulfilled", () => {
  it("left out at submission, deferred at acceptance, blocks the approval until delivered and passed", async () => {
    const sanmu = await t.as("sanmu");
    const clerk = await t.as("clerk");
    const approver = await t.as("approver");
    // The applicant may leave the deferrable red-line map out (it used to be a 422).
    let c = await submittedWithout(sanmu, "parcel_map");
    expect(mat(c, "parcel_map")).toMatchObject({ status: "pending", files: [] });
    // Nothing handed in cannot pass the check: it is deferred, or asked for in the notice.
    const passNothing = await clerk.post<Problem>(`/api/cases/${c.id}/material-checks`, {
      expectedVersion: c.version,
      checks: [{ materialCode: "parcel_map", status: "pass" }],
    });
    expect(passNothing.status).toBe(422);
    expect(passNothing.body.errors?.[0]).toMatchObject({ code: "material_not_provided" });

    c = await acceptDeferring(clerk, c, "parcel_map", "2026-11-25");
    expect(c.status).toBe("in_review");
    expect(mat(c, "parcel_map")).toMatchObject({ status: "deferred", deferredDueOn: "2026-11-25" });
    expect(c.owedMaterials).toEqual({ count: 1, delivered: 0, nextDueOn: "2026-11-25" });
    // The applicant's own view says it too, and the window's 容缺待补 queue lists the case.
    expect((await sanmu.get<Case>(`/api/cases/${c.id}`)).body.owedMaterials?.nextDueOn).toBe("2026-11-25");
    const queue = await clerk.get<{ items: { id: string; owedMaterials: unknown }[] }>(
      "/api/cases?queue=deferred",
    );
    expect(queue.body.items.find((x) => x.id === c.id)?.owedMaterials).toEqual(c.owedMaterials);

    // Reviews done, but no approval while the map is owed: 422 naming it.
    c = await reviewed(c);
    const early = await approver.post<Problem>(`/api/cases/${c.id}/decide`, {
      expectedVersion: c.version,
      outcome: "approve",
      reasons: "符合法定条件",
    });
    expect(early.status).toBe(422);
    expect(early.body.errors?.[0]).toMatchObject({
      field: "materials.parcel_map",
      code: "deferred_material_owed",
    });

    // Nothing to check yet; another applicant may not deliver; the applicant delivers online.
    const nothing = await clerk.post<Problem>(`/api/cases/${c.id}/deferred-materials/parcel_map/check`, {
      expectedVersion: c.version,
      verdict: "pass",
    });
    expect(nothing.body.errors?.[0].code).toBe("nothing_delivered");
    const stranger = await (await t.as("citizen")).upload(
      `/api/cases/${c.id}/deferred-materials/parcel_map/files`,
      "map.pdf",
      PDF,
    );
    expect(stranger.status).toBe(403);
    const notOwed = await sanmu.upload<Problem>(
      `/api/cases/${c.id}/deferred-materials/application_form/files`,
      "form.pdf",
      PDF,
    );
    expect(notOwed.status).toBe(422);
    expect(notOwed.body.errors?.[0].code).toBe("material_not_owed");
    const delivered = await sanmu.upload<Case>(
      `/api/cases/${c.id}/deferred-materials/parcel_map/files`,
      "用地红线图.pdf",
      PDF,
    );
    expect(delivered.status).toBe(201);
    c = delivered.body;
    expect(mat(c, "parcel_map")).toMatchObject({ status: "provided" });
    expect(mat(c, "parcel_map").files).toHaveLength(1);
    expect(c.owedMaterials).toMatchObject({ count: 1, delivered: 1 });

    // Defective needs a note and leaves it owed; the window scans a corrected one; it passes.
    const noNote = await clerk.post<Problem>(`/api/cases/${c.id}/deferred-materials/parcel_map/check`, {
      expectedVersion: c.version,
      verdict: "defective",
    });
    expect(noNote.body.errors?.[0].field).toBe("note");
    const defective = await clerk.post<Case>(`/api/cases/${c.id}/deferred-materials/parcel_map/check`, {
      expectedVersion: c.version,
      verdict: "defective",
      note: "未标注界址点坐标",
    });
    expect(defective.status).toBe(200);
    expect(mat(defective.body, "parcel_map")).toMatchObject({
      status: "defective",
      note: "未标注界址点坐标",
    });
    expect(defective.body.owedMaterials).toMatchObject({ count: 1, delivered: 0 });
    const stale = await clerk.post<Problem>(`/api/cases/${c.id}/deferred-materials/parcel_map/check`, {
      expectedVersion: c.version,
      verdict: "pass",
    });
    expect(stale.status).toBe(409);
    const rescanned = await clerk.upload<Case>(
      `/api/cases/${c.id}/deferred-materials/parcel_map/files`,
      "用地红线图（修正）.pdf",
      PDF,
    );
    expect(rescanned.status).toBe(201);
    const passed = await clerk.post<Case>(`/api/cases/${c.id}/deferred-materials/parcel_map/check`, {
      expectedVersion: rescanned.body.version,
      verdict: "pass",
    });
    expect(passed.status).toBe(200);
    expect(passed.body.owedMaterials).toBeNull();
    expect(mat(passed.body, "parcel_map")).toMatchObject({ status: "pass", deferredDueOn: "2026-11-25" });

    const decided = await approver.post<Case>(`/api/cases/${c.id}/decide`, {
      expectedVersion: passed.body.version,
      outcome: "approve",
      reasons: "符合法定条件",
    });
    expect(decided.status).toBe(200);
    const issued = await clerk.post<Case>(`/api/cases/${c.id}/issue`, {
      expectedVersion: decided.body.version,
    });
    expect(issued.body.status).toBe("completed");
    const certs = await sanmu.get<{ items: Cert[] }>(`/api/cases/${c.id}/certificates`);
    expect(certs.body.items[0].fields.some((f) => f.name === "附记")).toBe(false);
    const tl = await sanmu.get<{ events: { type: string }[] }>(`/api/cases/${c.id}/timeline`);
    expect(tl.body.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["material.deferred_delivered", "material.deferred_checked"]),
    );
  });

  it("an item that allows issuing first issues with the condition printed, and takes the material after", async () => {
    const sanmu = await t.as("sanmu");
    const clerk = await t.as("clerk");
    let c = await submittedWithout(sanmu, "project_approval");
    c = await acceptDeferring(clerk, c, "project_approval", "2026-11-25");
    c = await reviewed(c);
    const decided = await (await t.as("approver")).post<Case>(`/api/cases/${c.id}/decide`, {
      expectedVersion: c.version,
      outcome: "approve",
      reasons: "符合法定条件，依容缺受理先行核发",
    });
    expect(decided.status).toBe(200);
    const issued = await clerk.post<Case>(`/api/cases/${c.id}/issue`, {
      expectedVersion: decided.body.version,
    });
    expect(issued.status).toBe(200);
    expect(issued.body.status).toBe("completed");
    expect(issued.body.owedMaterials).toMatchObject({ count: 1, nextDueOn: "2026-11-25" });
    const cert = (await sanmu.get<{ items: Cert[] }>(`/api/cases/${c.id}/certificates`)).body.items[0];
    const remark = cert.fields.find((f) => f.name === "附记")?.value ?? "";
    expect(remark).toContain("本证依容缺受理先行核发");
    expect(remark).toContain("承诺于 2026-11-25 前补交");
    const pdf = await t.app.inject({
      method: "GET",
      url: `/api/certificates/${cert.id}/pdf`,
      headers: { cookie: sanmu.cookieHeader() },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdftotext(pdf.rawPayload).replace(/\s+/g, "");
    expect(text).toContain("附记");
    expect(text).toContain("本证依容缺受理先行核发");

    // The completed case still takes the owed material, and the window checks it.
    const delivered = await sanmu.upload<Case>(
      `/api/cases/${c.id}/deferred-materials/project_approval/files`,
      "项目备案文件.pdf",
      PDF,
    );
    expect(delivered.status).toBe(201);
    const passed = await clerk.post<Case>(`/api/cases/${c.id}/deferred-materials/project_approval/check`, {
      expectedVersion: delivered.body.version,
      verdict: "pass",
    });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ status: "completed", owedMaterials: null });
  });

  it("a deferred material past its due date raises one red alert and tells the window and the applicant", async () => {
    const sanmu = await t.as("sanmu");
    const c = await acceptDeferring(
      await t.as("clerk"),
      await submittedWithout(sanmu, "parcel_map"),
      "parcel_map",
      "2026-11-25",
    );
    const alerts = () =>
      t.ctx.database.db.query.supervisionAlerts.findMany({ where: (a, { eq }) => eq(a.caseId, c.id) });
    try {
      t.clock.set("2026-11-25T01:00:00Z");
      expect((await runSweep(t.ctx)).deferredOverdue).not.toContain(c.id);
      t.clock.set("2026-11-26T01:00:00Z");
      expect((await runSweep(t.ctx)).deferredOverdue).toContain(c.id);
      expect((await runSweep(t.ctx)).deferredOverdue).not.toContain(c.id);
      const alert = (await alerts()).find((a) => a.rule === "deferred_overdue");
      expect(alert).toMatchObject({ severity: "red", resolvedAt: null });
      expect(alert?.messageZh).toContain("用地红线图（宗地图）");
      const outbox = await t.ctx.database.db.query.outbox.findMany();
      const overdue = outbox.filter(
        (o) => (o.payload as { kind: string; caseId?: string }).kind === "deferred.overdue",
      );
      expect(overdue.length).toBeGreaterThanOrEqual(1);
      // Delivered and passed late: the alert is resolved by the next sweep.
      const late = await (await t.as("sanmu")).upload<Case>(
        `/api/cases/${c.id}/deferred-materials/parcel_map/files`,
        "map.pdf",
        PDF,
      );
      const passed = await (await t.as("clerk")).post<Case>(
        `/api/cases/${c.id}/deferred-materials/parcel_map/check`,
        { expectedVersion: late.body.version, verdict: "pass" },
      );
      expect(passed.status).toBe(200);
      await runSweep(t.ctx);
      expect((await alerts()).find((a) => a.rule === "deferred_overdue")?.resolvedAt).not.toBeNull();
    } finally {
      t.clock.set(TEST_NOW);
    }
  });
});
