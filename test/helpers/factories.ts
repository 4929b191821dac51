import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../src/app/actor";
import { loadActor } from "../../src/app/auth/loadActor";
import { calendarFor, localDates } from "../../src/app/calendar/access";
import { caseCommand, finishOnTheSpot } from "../../src/app/cases/commands/requests";
import {
  checkMaterials,
  createApplication,
  submitApplication,
  uploadMaterial,
} from "../../src/app/cases/intake/intake";
import { itemInfo } from "../../src/app/cases/itemInfo";
import { completeReviewTask } from "../../src/app/cases/review/reviewTasks";
import { assessFees } from "../../src/app/fees/assess";
import { recordWindowPayment } from "../../src/app/fees/payments";
import { getCaseFees } from "../../src/app/fees/queries";
import { caseMaterials, cases, organizations, reviewTasks, users } from "../../src/db/schema";
import type { CaseStatus } from "../../src/domain/cases/caseStatus";
import type { ZSuspensionKind } from "../../src/shared/api/cases";
import { type CaseBody, LAND_PERMIT_FORM, PDF } from "./cases";
import type { TestClient } from "./client";
import type { TestApp } from "./testApp";

/**
 * The states {@link caseIn} builds. Most are a case status; a few name a way into one:
 * `deferred` (容缺受理: accepted with one non-key material deferred, in review), `denied_completed`
 * (a denial served: completed), `finished_on_the_spot` (即办件 accepted, decided and issued in one
 * visit: completed).
 */
export const FACTORY_STATES = [
  "draft",
  "submitted",
  "correction_requested",
  "not_accepted",
  "referred",
  "withdrawn",
  "in_review",
  "deferred",
  "suspended",
  "approved",
  "denied",
  "completed",
  "denied_completed",
  "finished_on_the_spot",
] as const;
export type FactoryState = (typeof FACTORY_STATES)[number];

/**
 * The status a case built in each state reads as, for an item with review steps (the land permit,
 * the registrations). An item without review steps stays `accepted` where this says `in_review`.
 */
export const FACTORY_STATUS: Record<FactoryState, CaseStatus> = {
  draft: "draft",
  submitted: "submitted",
  correction_requested: "correction_requested",
  not_accepted: "not_accepted",
  referred: "referred",
  withdrawn: "withdrawn",
  in_review: "in_review",
  deferred: "in_review",
  suspended: "suspended",
  approved: "approved",
  denied: "denied",
  completed: "completed",
  denied_completed: "completed",
  finished_on_the_spot: "completed",
};

export type SuspensionKind = z.infer<typeof ZSuspensionKind>;

export type CaseInOptions = {
  /** The service item (default the land-use planning permit). */
  itemCode?: string;
  /** The application form (default {@link LAND_PERMIT_FORM}; required for any other item). */
  formData?: Record<string, unknown>;
  /** The applicant's demo account (default `sanmu`, an enterprise). */
  applicant?: string;
  /** `suspended`: the special procedure started (default `expert_review`). */
  suspension?: SuspensionKind;
  /** `suspended`: its expected length in working days (default 5). */
  expectedDays?: number;
  /** `deferred`: the material deferred (default the item's first required non-key deferrable material). */
  deferredMaterial?: string;
  /** `deferred`: its due date (default the latest the guard allows, 2 working days before the limit). */
  deferredDueOn?: string;
  /** `withdrawn`: the state the applicant withdraws from (default `submitted`). */
  withdrawnFrom?: "draft" | "submitted" | "correction_requested" | "in_review" | "suspended";
  /** `approved`, `denied` and later: the approver's reasons (default a stock sentence). */
  decisionReasons?: string;
  /** `correction_requested`: the material reported defective (default the first required upload). */
  correctionMaterial?: string;
  /** The agent (代理人) filing for the applicant. */
  agent?: { name: string; idNumber?: string; phone?: string };
};

/** Who acts on the path (demo accounts): the window, the approver, the reviewer of each section. */
const CLERK = "clerk";
const APPROVER = "approver";
const REVIEWERS: Record<string, string> = {
  "HY-ZRZY-GH": "reviewer-planning",
  "HY-ZRZY-LY": "reviewer-land",
  "HY-ZRZY-BDC": "reviewer-registry",
  "HY-ZRZY-GB": "reviewer-land",
  "HY-ZRZY-YT": "reviewer-land",
};

async function actor(t: TestApp, username: string): Promise<Actor> {
  const [u] = await t.ctx.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  const a = u && (await loadActor(t.ctx.database.db, u.id));
  if (!a) throw new Error(`caseIn: no demo account ${username}`);
  return a;
}

async function row(t: TestApp, caseId: string) {
  const [c] = await t.ctx.database.db
    .select({
      version: cases.version,
      number: cases.number,
      status: cases.status,
      itemVersionId: cases.itemVersionId,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  return c;
}

const version = async (t: TestApp, caseId: string) => (await row(t, caseId)).version;

/**
 * A case in `state`, built in one call inside the test process: the app functions the routes call
 * (intake, the case runner, review, fees), run with the demo accounts, no HTTP and no SQL writes. For
 * tests that are not about the path to that state; every step is the real one (the runner writes every
 * row, the effects run), so the case is indistinguishable from one filed through the API. Returns the
 * case id and number.
 *
 * The path: the applicant files and uploads every required material and submits; the window passes
 * every material and accepts; every review task is approved by its section's reviewer (in the order
 * the plan opens them); the approver decides; the window assesses and takes any fees and issues.
 * Side states branch off that path where the lifecycle allows them.
 */
export async function caseIn(
  t: TestApp,
  state: FactoryState,
  options: CaseInOptions = {},
): Promise<{ id: string; number: string | null }> {
  const ctx = t.ctx;
  const itemCode = options.itemCode ?? "construction-land-planning-permit";
  const formData =
    options.formData ?? (itemCode === "construction-land-planning-permit" ? LAND_PERMIT_FORM : undefined);
  if (!formData) throw new Error(`caseIn: pass the formData of ${itemCode}`);
  const applicant = await actor(t, options.applicant ?? "sanmu");
  if (state === "withdrawn") {
    // The applicant withdraws (any time before the decision) from the state asked for.
    const built = await caseIn(t, options.withdrawnFrom ?? "submitted", options);
    await caseCommand(ctx, applicant, built.id, "withdraw", {
      expectedVersion: await version(t, built.id),
      reason: "申请人主动撤回",
    });
    return built;
  }
  const draft = await createApplication(ctx, applicant, {
    itemCode,
    formData,
    ...(options.agent ? { agent: options.agent } : {}),
  });
  const id = draft.id;
  const result = async () => ({ id, number: (await row(t, id)).number });
  const item = await itemInfo(ctx.database.db, (await row(t, id)).itemVersionId);

  const deferredCode =
    state === "deferred"
      ? (options.deferredMaterial ??
        item.content.materials.find((m) => m.required && m.mayBeDeferred && !m.key)?.code)
      : undefined;
  if (state === "deferred" && !deferredCode) throw new Error(`caseIn: ${itemCode} defers no material`);
  const materials = await ctx.database.db.select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  for (const m of materials.filter((m) => m.required && m.source === "upload")) {
    if (m.materialCode === deferredCode) continue;
    await uploadMaterial(ctx, applicant, id, m.materialCode, { fileName: `${m.name}.pdf`, bytes: PDF });
  }
  if (state === "draft") return result();

  await submitApplication(ctx, applicant, id, await version(t, id));
  if (state === "submitted") return result();

  const clerk = await actor(t, CLERK);
  if (state === "not_accepted") {
    await caseCommand(ctx, clerk, id, "refuse", {
      expectedVersion: await version(t, id),
      legalBasis: "《中华人民共和国行政许可法》第三十二条第一款第（一）项",
      reason: "申请事项依法不需要取得行政许可",
    });
    return result();
  }
  if (state === "referred") {
    await caseCommand(ctx, clerk, id, "refer", {
      expectedVersion: await version(t, id),
      toOrgCode: "HY-SQJ",
      reason: "属乡镇权限，转办至有权机关",
    });
    return result();
  }
  if (state === "correction_requested") {
    const code =
      options.correctionMaterial ??
      materials.find((m) => m.required && m.source === "upload")?.materialCode ??
      materials[0].materialCode;
    await caseCommand(ctx, clerk, id, "requestCorrection", {
      expectedVersion: await version(t, id),
      items: [{ materialCode: code, problem: "defective", note: "未加盖公章" }],
    });
    return result();
  }

  const provided = await ctx.database.db.select().from(caseMaterials).where(eq(caseMaterials.caseId, id));
  await checkMaterials(ctx, clerk, id, {
    expectedVersion: await version(t, id),
    checks: provided
      .filter((m) => m.status !== "pending" || m.required)
      .map((m) => ({
        materialCode: m.materialCode,
        status: m.materialCode === deferredCode ? ("missing" as const) : ("pass" as const),
      })),
  });
  if (state === "finished_on_the_spot") {
    await settleFees(t, clerk, id);
    await finishOnTheSpot(ctx, clerk, id, { expectedVersion: await version(t, id) });
    return result();
  }
  let deferred: { materialCode: string; dueOn: string; commitmentSigned: boolean }[] | undefined;
  if (deferredCode) {
    const cal = await calendarFor(ctx, item.orgId);
    const accepted = localDates(cal, ctx.clock.now()).effectiveDate;
    const before = Math.min(20, Math.max(0, item.content.promisedLimitDays - 2));
    const dueOn = options.deferredDueOn ?? cal.addWorkingDays(accepted, before);
    deferred = [{ materialCode: deferredCode, dueOn, commitmentSigned: true }];
  }
  await caseCommand(ctx, clerk, id, "accept", { expectedVersion: await version(t, id), deferred });
  if (state === "in_review" || state === "deferred") return result();

  const approver = await actor(t, APPROVER);
  if (state === "suspended") {
    await caseCommand(ctx, approver, id, "suspend", {
      expectedVersion: await version(t, id),
      kind: options.suspension ?? "expert_review",
      reason: "用地范围存在争议，组织专家评审",
      expectedDays: options.expectedDays ?? 5,
    });
    return result();
  }

  // Review: the plan opens sequential tasks one after another; complete what is open until none is.
  for (let round = 0; round < 20; round++) {
    const open = (
      await ctx.database.db
        .select({
          id: reviewTasks.id,
          version: reviewTasks.version,
          status: reviewTasks.status,
          orgCode: organizations.code,
        })
        .from(reviewTasks)
        .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
        .where(eq(reviewTasks.caseId, id))
    ).filter((x) => x.status === "open" || x.status === "claimed");
    if (open.length === 0) break;
    for (const task of open) {
      const reviewer = REVIEWERS[task.orgCode];
      if (!reviewer) throw new Error(`caseIn: no demo reviewer for ${task.orgCode}`);
      await completeReviewTask(ctx, await actor(t, reviewer), task.id, {
        expectedVersion: task.version,
        outcome: "approve",
        opinion: "同意",
      });
    }
  }
  const deny = state === "denied" || state === "denied_completed";
  await caseCommand(ctx, approver, id, "decide", {
    expectedVersion: await version(t, id),
    outcome: deny ? "deny" : "approve",
    reasons: options.decisionReasons ?? (deny ? "不符合法定条件" : "符合法定条件"),
  });
  if (state === "approved" || state === "denied") return result();
  if (state === "denied_completed") {
    await caseCommand(ctx, clerk, id, "complete", { expectedVersion: await version(t, id) });
    return result();
  }

  await settleFees(t, clerk, id);
  await caseCommand(ctx, clerk, id, "issue", { expectedVersion: await version(t, id) });
  return result();
}

/** The window assesses the case's fees (when the item charges any) and takes them in cash. */
async function settleFees(t: TestApp, clerk: Actor, id: string) {
  const fees = await getCaseFees(t.ctx, clerk, id);
  if (!fees.required || fees.settled) return;
  let open = fees.assessments.find((a) => a.status === "open");
  if (!open) {
    await assessFees(t.ctx, clerk, id, {});
    open = (await getCaseFees(t.ctx, clerk, id)).assessments.find((a) => a.status === "open");
  }
  if (!open) return;
  await recordWindowPayment(t.ctx, clerk, id, {
    assessmentId: open.id,
    channel: "cash",
    idempotencyKey: `factory-${open.id}`,
  });
}

/**
 * {@link caseIn}, then the case as `reader` sees it through the API (`GET /api/cases/:id`): for tests
 * that go on over HTTP from that state.
 */
export async function caseRead<T = CaseBody>(
  t: TestApp,
  state: FactoryState,
  reader: TestClient,
  options: CaseInOptions = {},
): Promise<T> {
  const { id } = await caseIn(t, state, options);
  const res = await reader.get<T>(`/api/cases/${id}`);
  if (res.status !== 200) throw new Error(`caseRead: ${res.status} ${res.text}`);
  return res.body;
}
