import { eq } from "drizzle-orm";
import {
  caseMaterials,
  cases,
  evaluationInvitations,
  meta,
  organizations,
  rectifications,
  reviewTasks,
  users,
} from "../../db/schema";
import type { TSubmitEvaluation } from "../../shared/api/requests/evaluations";
import { FixedClock } from "../../shared/clock";
import type { Actor } from "../actor";
import { loadActor } from "../auth/loadActor";
import { caseCommand } from "../cases/commands/requests";
import { checkMaterials, createApplication, submitApplication, uploadMaterial } from "../cases/intake/intake";
import { completeReviewTask } from "../cases/review/reviewTasks";
import type { AppContext } from "../context";
import { updateRectification } from "./rectifications";
import { submitEvaluation } from "./submit";
import { openEvaluationTablet } from "./tablet";

const SEEDED = "demo_evaluations_seeded";
/** How many demo cases are completed and rated (one a fortnight, going back from today). */
export const DEMO_RATED_CASES = 8;
/** Which of them (counted from the oldest) are rated badly: one rectified, one left open. */
const DEMO_BAD = new Map<number, Level>([
  [3, "dissatisfied"],
  [7, "very_dissatisfied"],
]);

/** A tiny valid PDF for the demo uploads. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const FORMS = [
  ["安徽三木新材料年产5万吨项目", "怀远县经济开发区涂山路与禹王路交叉口东南侧", 53_333.5],
  ["三木新材料研发中心项目", "怀远县经济开发区禹王路北侧", 12_010],
  ["三木仓储物流配套项目", "怀远县经济开发区淝河路西侧", 20_800.8],
] as const;

const COMMENTS: Record<string, string[]> = {
  good: [
    "窗口工作人员耐心细致，一次就办好了。",
    "网上申报很方便，进度随时能查。",
    "材料清单写得很清楚，没有多跑路。",
    "比承诺时间提前办结，点赞！",
  ],
  bad: ["等候时间太长，希望增加窗口。", "办事指南和窗口要求不一致，多跑了一趟。"],
};

/** A deterministic PRNG (mulberry32), so every demo database holds the same ratings. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Level = TSubmitEvaluation["dimensions"][string] & string;
/** Realistic shares: most very satisfied or satisfied, a few bad. */
function pickLevel(r: number): Level {
  if (r < 0.52) return "very_satisfied";
  if (r < 0.78) return "satisfied";
  if (r < 0.88) return "basic";
  if (r < 0.95) return "dissatisfied";
  return "very_dissatisfied";
}

async function actorOf(ctx: AppContext, username: string): Promise<Actor> {
  const [u] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const a = u && (await loadActor(ctx.database.db, u.id));
  if (!a) throw new Error(`demo account ${username} missing`);
  return a;
}

const version = async (ctx: AppContext, id: string) =>
  (await ctx.database.db.select({ v: cases.version }).from(cases).where(eq(cases.id, id)))[0].v;

/** A land-use planning permit case completed at `ctx`'s clock, through the app functions (as the demo accounts). */
async function completedCase(ctx: AppContext, who: Record<string, Actor>, i: number): Promise<string> {
  const [name, location, area] = FORMS[i % FORMS.length];
  const draft = await createApplication(ctx, who.applicant, {
    itemCode: "construction-land-planning-permit",
    formData: {
      projectName: name,
      projectCode: "2026-340321-30-03-012345",
      location,
      landArea: area,
      landUse: "工业用地",
      supplyMethod: "出让",
      contractNo: `怀土出〔2026〕${10 + i}号`,
    },
  });
  const id = draft.id;
  const db = ctx.database.db;
  for (const m of (await db.select().from(caseMaterials).where(eq(caseMaterials.caseId, id))).filter(
    (m) => m.required && m.source === "upload",
  ))
    await uploadMaterial(ctx, who.applicant, id, m.materialCode, { fileName: `${m.name}.pdf`, bytes: PDF });
  await submitApplication(ctx, who.applicant, id, await version(ctx, id));
  const provided = await db.select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  await checkMaterials(ctx, who.clerk, id, {
    expectedVersion: await version(ctx, id),
    checks: provided
      .filter((m) => m.status !== "pending" || m.required)
      .map((m) => ({ materialCode: m.materialCode, status: "pass" as const })),
  });
  await caseCommand(ctx, who.clerk, id, "accept", { expectedVersion: await version(ctx, id) });
  const tasks = await db
    .select({ id: reviewTasks.id, version: reviewTasks.version, orgCode: organizations.code })
    .from(reviewTasks)
    .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
    .where(eq(reviewTasks.caseId, id));
  for (const task of tasks)
    await completeReviewTask(ctx, task.orgCode === "HY-ZRZY-GH" ? who.planning : who.land, task.id, {
      expectedVersion: task.version,
      outcome: "approve",
      opinion: "同意",
    });
  await caseCommand(ctx, who.approver, id, "decide", {
    expectedVersion: await version(ctx, id),
    outcome: "approve",
    reasons: "符合规划条件",
  });
  await caseCommand(ctx, who.clerk, id, "issue", { expectedVersion: await version(ctx, id) });
  return id;
}

/** 09:30 Asia/Shanghai of the Tuesday `weeks` weeks before `now`. */
function pastTuesday(now: Date, weeks: number): Date {
  const d = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const back = (d.getUTCDay() + 5) % 7; // days since Tuesday
  const day = new Date(d.getTime() - back * 86_400_000);
  return new Date(`${day.toISOString().slice(0, 10)}T01:30:00Z`);
}

/**
 * 好差评 demo data (issue 13, point 5): the cases of a second demo company (`huaishang`, so that the
 * first company's portal stays as a newcomer finds it) of the past few months, one a fortnight,
 * completed through the real path and rated through the real one — in the portal or on the window
 * tablet — with levels, comments and tags from a fixed-seed PRNG and two bad ratings at fixed places; the
 * first bad rating's rectification is called back and rectified, the latest is left open. Idempotent (a `meta` flag); skipped when the demo
 * bureau is not loaded.
 */
/** The demo company whose past cases are rated. */
export const DEMO_RATER = "huaishang";

export async function seedDemoEvaluations(ctx: AppContext): Promise<{ created: number }> {
  const db = ctx.database.db;
  const [done] = await db.select().from(meta).where(eq(meta.key, SEEDED));
  if (done) return { created: 0 };
  const [company] = await db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_RATER));
  if (!company) return { created: 0 };
  const who = {
    applicant: await actorOf(ctx, DEMO_RATER),
    clerk: await actorOf(ctx, "clerk"),
    planning: await actorOf(ctx, "reviewer-planning"),
    land: await actorOf(ctx, "reviewer-land"),
    approver: await actorOf(ctx, "approver"),
    supervisor: await actorOf(ctx, "supervisor"),
  };
  const rnd = prng(20261207);
  const now = ctx.clock.now();
  const clock = new FixedClock(now);
  const at: AppContext = { ...ctx, clock };
  let created = 0;
  const bad: { rectificationId: string; when: Date }[] = [];
  for (let i = DEMO_RATED_CASES; i >= 1; i--) {
    const when = pastTuesday(now, 2 * i);
    clock.set(when);
    const caseId = await completedCase(at, who, i);
    // Rated a day or two later, in the portal or on the tablet at the window.
    clock.set(new Date(when.getTime() + (1 + Math.floor(rnd() * 2)) * 86_400_000));
    const drawn = pickLevel(rnd());
    const forced = DEMO_BAD.get(DEMO_RATED_CASES - i + 1);
    const level: Level =
      forced ?? (drawn === "dissatisfied" || drawn === "very_dissatisfied" ? "basic" : drawn);
    const isBad = level === "dissatisfied" || level === "very_dissatisfied";
    const atWindow = rnd() < 0.4;
    const near = (l: Level): Level => (rnd() < 0.7 ? l : pickLevel(rnd()));
    const pool = isBad ? COMMENTS.bad : COMMENTS.good;
    const comment = rnd() < 0.6 ? pool[Math.floor(rnd() * pool.length)] : undefined;
    const input: TSubmitEvaluation = {
      dimensions: atWindow
        ? {
            overall: level,
            service_efficiency: near(level),
            service_level: near(level),
            attitude: near(level),
          }
        : {
            overall: level,
            efficiency: near(level),
            guide_accuracy: near(level),
            convenience: near(level),
            usability: near(level),
          },
      comment,
      tags: isBad ? ["long_wait"] : rnd() < 0.5 ? ["fast", "one_visit"] : ["friendly"],
      publishComment: !!comment && rnd() < 0.7,
    };
    let result: { rectificationId: string | null };
    if (atWindow) {
      const tablet = await openEvaluationTablet(at, who.clerk, caseId, { deviceLabel: "8号窗口评价器" });
      result = await submitEvaluation(at, null, tablet.token, input);
    } else {
      const [inv] = await db
        .select({ id: evaluationInvitations.id })
        .from(evaluationInvitations)
        .where(eq(evaluationInvitations.caseId, caseId));
      result = await submitEvaluation(at, who.applicant, inv.id, input);
    }
    if (result.rectificationId) bad.push({ rectificationId: result.rectificationId, when: clock.now() });
    created++;
  }
  // Called back the next day and rectified within the week, except the latest (left for the supervisor).
  for (const b of bad.slice(0, -1)) {
    const [r] = await db.select().from(rectifications).where(eq(rectifications.id, b.rectificationId));
    clock.set(new Date(b.when.getTime() + 86_400_000));
    await updateRectification(at, who.supervisor, r.id, {
      action: "callback",
      note: "已电话回访申请人，了解具体情况并致歉。",
      expectedVersion: r.version,
    });
    clock.set(new Date(b.when.getTime() + 4 * 86_400_000));
    await updateRectification(at, who.supervisor, r.id, {
      action: "rectify",
      outcome: "高峰时段增开综合受理窗口，并更新办事指南中的材料说明。",
      expectedVersion: r.version + 1,
    });
  }
  await db
    .insert(meta)
    .values({ key: SEEDED, value: true })
    .onConflictDoUpdate({ target: meta.key, set: { value: true } });
  return { created };
}
