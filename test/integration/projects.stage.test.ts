import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, openProject, type Project } from "../helpers/projects";
import { createTestApp, type TestApp } from "../helpers/testApp";

type Staged = Project & { stage: string; version: number };
type Problem = { code: string; field?: string; errors?: { field: string }[] };

let t: TestApp;
let projectId = "";
beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: 30 * 24 * 60 });
  t.clock.set(at("2026-11-25", "10:00"));
  projectId = (
    await openProject(
      await t.as("helper"),
      await t.as("sanmu"),
      "2026-340321-30-03-017001",
      "三木新材料研发中心",
    )
  ).id;
});
afterAll(async () => t?.close());

const stage = (as: string, body: Record<string, unknown>) =>
  t.as(as).then((c) => c.post<Staged & Problem>(`/api/projects/${projectId}/stage`, body));

describe("changeProjectStage: 立项用地规划许可 → 工程建设许可 → 施工许可 → 竣工验收", () => {
  it("a new project starts at 立项用地规划许可, version 1, and the staff may change its stage", async () => {
    const p = await (await t.as("helper")).get<Staged>(`/api/projects/${projectId}`);
    expect(p.body).toMatchObject({ stage: "land_planning", version: 1 });
    expect(p.body.abilities).toMatchObject({ changeProjectStage: true });
    const mine = await (await t.as("sanmu")).get<Staged>(`/api/projects/${projectId}`);
    expect(mine.body.abilities.changeProjectStage).toBe(false);
  });

  it("403 for the enterprise, the supervisor, a reviewer and the land-transfer system; nothing changes", async () => {
    for (const who of ["sanmu", "supervisor", "reviewer-planning", "township"]) {
      const res = await stage(who, { expectedVersion: 1, note: "试图推进" });
      expect(res.status, who).toBe(403);
    }
    const p = await (await t.as("helper")).get<Staged>(`/api/projects/${projectId}`);
    expect(p.body).toMatchObject({ stage: "land_planning", version: 1 });
  });

  it("422 naming the field when the note is missing", async () => {
    const res = await stage("helper", { expectedVersion: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.field)).toContain("note");
  });

  it("the clerk moves it one stage on with a note: stage, version and the timeline", async () => {
    t.clock.set(at("2026-11-25", "11:00"));
    const res = await stage("clerk", {
      expectedVersion: 1,
      note: "建设用地规划许可证已核发（地字第340321202600018号）",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: "engineering_permit", version: 2 });
    const last = res.body.timeline.at(-1);
    expect(last).toMatchObject({ type: "project.stage_changed" });
    expect(last?.summary).toContain("立项用地规划许可 → 工程建设许可");
    expect(last?.summary).toContain("地字第340321202600018号");
  });

  it("409 version_conflict on a stale version; nothing changes", async () => {
    const res = await stage("helper", { expectedVersion: 1, note: "基于旧页面推进" });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("version_conflict");
    const p = await (await t.as("helper")).get<Staged>(`/api/projects/${projectId}`);
    expect(p.body).toMatchObject({ stage: "engineering_permit", version: 2 });
  });

  it("422 naming `stage` going back or staying, `reason` when skipping without one", async () => {
    for (const back of ["land_planning", "engineering_permit"]) {
      const res = await stage("helper", { expectedVersion: 2, stage: back, note: "退回" });
      expect(res.status).toBe(422);
      expect(res.body.field).toBe("stage");
    }
    const skip = await stage("helper", { expectedVersion: 2, stage: "completion", note: "直接竣工" });
    expect(skip.status).toBe(422);
    expect(skip.body.field).toBe("reason");
    const blank = await stage("helper", { expectedVersion: 2, stage: "completion", note: "x", reason: " " });
    expect(blank.body.field).toBe("reason");
  });

  it("two changes at once from the same version: one wins, the other gets 409", async () => {
    const [a, b] = await Promise.all([
      stage("helper", { expectedVersion: 2, note: "工程规划许可证已核发" }),
      stage("approver", { expectedVersion: 2, note: "工程规划许可证已核发" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const p = await (await t.as("helper")).get<Staged>(`/api/projects/${projectId}`);
    expect(p.body).toMatchObject({ stage: "construction_permit", version: 3 });
    expect(p.body.timeline.filter((e) => e.type === "project.stage_changed")).toHaveLength(2);
  });

  it("the approver moves it to 竣工验收; past the last stage there is nothing to move to (409)", async () => {
    const done = await stage("approver", { expectedVersion: 3, stage: "completion", note: "联合验收通过" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ stage: "completion", version: 4 });
    const beyond = await stage("helper", { expectedVersion: 4, note: "再推进" });
    expect(beyond.status).toBe(409);
    expect(beyond.body.code).toBe("invalid_transition");
  });

  it("skipping is allowed with a reason (工程建设许可 and 施工许可 combined)", async () => {
    const other = await openProject(
      await t.as("helper"),
      await t.as("sanmu"),
      "2026-340321-30-03-017002",
      "三木新材料门卫室（简易低风险）",
    );
    const res = await (await t.as("helper")).post<Staged>(`/api/projects/${other.id}/stage`, {
      expectedVersion: 1,
      stage: "construction_permit",
      note: "工程建设许可与施工许可合并办理",
      reason: "社会投资简易低风险项目，两阶段合并",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: "construction_permit", version: 2 });
    const list = await (await t.as("helper")).get<{ items: { id: string; stage: string }[] }>(
      "/api/projects",
    );
    expect(list.body.items.find((p) => p.id === other.id)?.stage).toBe("construction_permit");
  });
});
