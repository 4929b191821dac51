import { eq } from "drizzle-orm";
import type { Actor } from "../../src/app/actor";
import { loadActor } from "../../src/app/auth/loadActor";
import { caseCommand } from "../../src/app/cases/commands/requests";
import {
  checkMaterials,
  createApplication,
  submitApplication,
  uploadMaterial,
} from "../../src/app/cases/intake/intake";
import { completeReviewTask } from "../../src/app/cases/review/reviewTasks";
import { caseMaterials, cases, organizations, reviewTasks, users } from "../../src/db/schema";
import { LAND_PERMIT_FORM, PDF } from "./cases";
import type { TestApp } from "./testApp";

/** The states {@link caseIn} builds, in the order of the land-use planning permit's path. */
export const FACTORY_STATES = ["draft", "submitted", "in_review", "approved", "completed"] as const;
export type FactoryState = (typeof FACTORY_STATES)[number];

/** Who acts on the path (demo accounts): the applicant, the window, the two reviewers, the approver. */
const ACTORS = {
  applicant: "sanmu",
  clerk: "clerk",
  "HY-ZRZY-GH": "reviewer-planning",
  "HY-ZRZY-LY": "reviewer-land",
  approver: "approver",
} as const;

async function actor(t: TestApp, username: string): Promise<Actor> {
  const [u] = await t.ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  const a = u && (await loadActor(t.ctx.database.db, u.id));
  if (!a) throw new Error(`caseIn: no demo account ${username}`);
  return a;
}

async function version(t: TestApp, caseId: string): Promise<number> {
  const [c] = await t.ctx.database.db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId));
  return c.v;
}

/**
 * A land-use planning permit case (建设用地规划许可证核发) in `state`, built in one call inside the
 * test process: the app functions the routes call, run with the demo accounts, no HTTP. For tests that
 * are not about the path to that state; every step is the real one (the runner writes every row), so
 * the case is indistinguishable from one filed through the API. Returns the case id and number.
 */
export async function caseIn(
  t: TestApp,
  state: FactoryState,
  formData: Record<string, unknown> = LAND_PERMIT_FORM,
): Promise<{ id: string; number: string | null }> {
  const ctx = t.ctx;
  const applicant = await actor(t, ACTORS.applicant);
  const draft = await createApplication(ctx, applicant, {
    itemCode: "construction-land-planning-permit",
    formData,
  });
  const id = draft.id;
  const result = async () => {
    const [c] = await ctx.database.db.select({ number: cases.number }).from(cases).where(eq(cases.id, id));
    return { id, number: c.number };
  };
  const materials = await ctx.database.db.select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  for (const m of materials.filter((m) => m.required && m.source === "upload")) {
    await uploadMaterial(ctx, applicant, id, m.materialCode, { fileName: `${m.name}.pdf`, bytes: PDF });
  }
  if (state === "draft") return result();

  await submitApplication(ctx, applicant, id, await version(t, id));
  if (state === "submitted") return result();

  const clerk = await actor(t, ACTORS.clerk);
  const provided = await ctx.database.db.select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  await checkMaterials(ctx, clerk, id, {
    expectedVersion: await version(t, id),
    checks: provided
      .filter((m) => m.status !== "pending" || m.required)
      .map((m) => ({ materialCode: m.materialCode, status: "pass" as const })),
  });
  await caseCommand(ctx, clerk, id, "accept", { expectedVersion: await version(t, id) });
  if (state === "in_review") return result();

  const tasks = await ctx.database.db
    .select({ id: reviewTasks.id, version: reviewTasks.version, orgCode: organizations.code })
    .from(reviewTasks)
    .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
    .where(eq(reviewTasks.caseId, id));
  for (const task of tasks) {
    const reviewer = await actor(t, ACTORS[task.orgCode as "HY-ZRZY-GH" | "HY-ZRZY-LY"]);
    await completeReviewTask(ctx, reviewer, task.id, {
      expectedVersion: task.version,
      outcome: "approve",
      opinion: "同意",
    });
  }
  await caseCommand(ctx, await actor(t, ACTORS.approver), id, "decide", {
    expectedVersion: await version(t, id),
    outcome: "approve",
    reasons: "符合规划条件",
  });
  if (state === "approved") return result();

  await caseCommand(ctx, clerk, id, "issue", { expectedVersion: await version(t, id) });
  return result();
}
