/**
 * Demo history (issue 14, item 6): months of a county window's work generated through the real app
 * functions — filing, acceptance, corrections, refusals, withdrawals, review tasks claimed, commented
 * and completed (a few sent back), extensions, decisions, fees and issue, ratings (好差评) with their
 * rectifications, inquiries — on a fixed clock that moves day by day over the working days and office
 * hours, with the periodic sweep run after every simulated day so that clock and task alerts appear as
 * they would have. Every case change goes through the case runner; nothing here writes a case table.
 *
 * Deterministic for a seed (a fixed-seed PRNG draws every choice, in a fixed order), except for the
 * random parts the app itself draws (UUIDs, applicants' usernames). Once per database: a `meta` row
 * records progress and the outcome, and a second run is refused (docs/adr/0013-demo-history.md).
 */
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  caseMaterials,
  cases,
  evaluationInvitations,
  evaluations,
  inquiries,
  meta,
  organizations,
  rectifications,
  reviewTasks,
  roleMemberships,
  supervisionAlerts,
  users,
} from "../../db/schema";
import { dayToIso, isoToDay } from "../../domain/calendar/isoDate";
import { OFFICE_HOURS } from "../../domain/calendar/workingHours";
import { YizhanError } from "../../domain/errors";
import type { TSubmitEvaluation } from "../../shared/api/requests/evaluations";
import { FixedClock } from "../../shared/clock";
import type { Actor } from "../actor";
import { registerApplicant } from "../applicants/applicants";
import { loadActor } from "../auth/loadActor";
import { calendarFor, localDates } from "../calendar/access";
import { caseCommand, finishOnTheSpot } from "../cases/commands/requests";
import { checkMaterials, createApplication, submitApplication, uploadMaterial } from "../cases/intake/intake";
import { itemInfo } from "../cases/itemInfo";
import { claimReviewTask, commentReviewTask, completeReviewTask } from "../cases/review/reviewTasks";
import type { AppContext } from "../context";
import { updateRectification } from "../evaluations/rectifications";
import { submitEvaluation } from "../evaluations/submit";
import { assessFees } from "../fees/assess";
import { recordWindowPayment } from "../fees/payments";
import { getCaseFees } from "../fees/queries";
import { answerInquiry, claimInquiry, createInquiry } from "../inquiries/inquiries";
import { runSweep } from "../sweep/runSweep";
import { isDemoSeeded, type Progress } from "./demo";
import {
  between,
  demoAddress,
  demoCreditCode,
  demoIdNumber,
  demoPhone,
  firmName,
  HISTORY_ITEMS,
  type HistoryApplicant,
  personName,
  pick,
  prng,
  type Rnd,
} from "./historyForms";

/** The `meta` key of the demo history: its progress while it runs, its outcome once done. */
export const HISTORY_META_KEY = "demo_history";

export type HistoryOptions = {
  /** Months of history before today (default 6). */
  months?: number;
  /** The PRNG seed (default 1): the same seed on the same database tells the same story. */
  seed?: number;
  /** New cases a working day, drawn between the two (default 10–30, a county window). */
  casesPerDay?: [number, number];
  /** Working days of history instead of months (small demos, tests). */
  days?: number;
  /** The last simulated working day is the one before this instant's local date (default: ctx's now). */
  until?: Date;
  onProgress?: Progress;
  /** Asked between actions: true stops the history where it is (a server shutting down). */
  shouldStop?: () => boolean;
};

/** What `meta.demo_history` holds. */
export type HistoryStatus = {
  state: "running" | "done" | "stopped";
  seed: number;
  months: number;
  from: string;
  to: string;
  /** Simulated working days done, of `total`. */
  done: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
  cases?: number;
};

export type HistoryReport = {
  from: string;
  to: string;
  workingDays: number;
  cases: number;
  byStatus: Record<string, number>;
  /** Cases that passed their deadline while running (a red clock alert). */
  overdue: number;
  extended: number;
  reviewTasks: number;
  ratings: number;
  badRatings: number;
  rectifications: { open: number; rectified: number };
  inquiries: number;
  alertsByRule: Record<string, number>;
  applicants: number;
  /** Actions the application refused (each is logged in `errors`, the first 10): 0 on the demo catalog. */
  failures: number;
  errors: string[];
  seconds: number;
  stopped: boolean;
};

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The state of the demo history in this database, or null when none was started. */
export async function readHistoryStatus(db: Db): Promise<HistoryStatus | null> {
  const [row] = await db.select().from(meta).where(eq(meta.key, HISTORY_META_KEY));
  return (row?.value as HistoryStatus | undefined) ?? null;
}

async function writeStatus(db: Db, status: HistoryStatus) {
  await db
    .insert(meta)
    .values({ key: HISTORY_META_KEY, value: status })
    .onConflictDoUpdate({ target: meta.key, set: { value: status } });
}

export const historyExists = (s: HistoryStatus) =>
  new YizhanError("history_exists", 409, {
    "zh-CN": `本数据库已有演示历史数据（${s.from} 至 ${s.to}，${s.state === "done" ? "已完成" : "未完成"}）；如需重新生成，请使用新的数据库`,
    "en-US": `This database already has a demo history (${s.from} to ${s.to}, ${s.state === "done" ? "complete" : "incomplete"}); use a fresh database to generate another`,
  });

const noDemo = () =>
  new YizhanError("demo_not_loaded", 409, {
    "zh-CN": "尚未加载演示数据：请先运行 yizhan seed --demo",
    "en-US": "The demo bureau is not loaded: run `yizhan seed --demo` first",
  });

/** `YYYY-MM-DD` minus `months` calendar months (clamped to the month's end). */
function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The instant of local (Asia/Shanghai, UTC+8) `minute` of `date`. */
const at = (date: string, minute: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + (minute - 480) * 60_000);

/** A minute inside office hours (08:30–12:00, 14:30–17:30), not before `from`. */
function officeMinute(rnd: Rnd, from = 0): number {
  const slots = OFFICE_HOURS.flatMap((w) => [{ from: Math.max(w.from, from), to: w.to }]).filter(
    (w) => w.to - w.from > 5,
  );
  const total = slots.reduce((n, w) => n + (w.to - w.from), 0);
  if (total === 0) return -1;
  let r = Math.floor(rnd() * total);
  for (const w of slots) {
    if (r < w.to - w.from) return w.from + r;
    r -= w.to - w.from;
  }
  return slots[0].from;
}

type Action = { minute: number; seq: number; run: () => Promise<void> };

type Flow = {
  id: string;
  itemCode: string;
  immediate: boolean;
  limitDays: number;
  maxExtensionDays: number;
  applicant: Actor;
  corrected: boolean;
  late: boolean;
  decideScheduled: boolean;
  sentBack: boolean;
  /** Review tasks whose claim is on the agenda (parallel tasks: one claim each). */
  claims: Set<string>;
};

const REFUSALS = [
  ["《中华人民共和国行政许可法》第三十二条第一款第（一）项", "申请事项依法不需要取得行政许可"],
  [
    "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
    "申请事项不属于本机关职权范围，已告知向有关行政机关申请",
  ],
  ["《不动产登记暂行条例》第二十二条", "申请登记的不动产权属存在争议"],
] as const;
const CORRECTIONS = [
  "未加盖公章",
  "复印件不清晰",
  "签字页缺少法定代表人签字",
  "图纸比例尺与要求不符",
  "材料已过有效期",
];
const OPINIONS = [
  "经审查，符合规划条件，同意。",
  "材料齐全，权属清楚，同意。",
  "符合法定条件，建议准予。",
  "同意，请按规定办理。",
];
const COMMENTS = [
  "红线图坐标已与出让合同附图核对一致。",
  "请土地利用股确认出让价款缴纳情况。",
  "已现场核实，地块现状与申报一致。",
  "建议在许可证附件中注明规划条件编号。",
];
const GOOD = [
  "窗口工作人员耐心细致，一次就办好了。",
  "网上申报很方便，进度随时能查。",
  "材料清单写得很清楚，没有多跑路。",
  "比承诺时间提前办结，点赞！",
];
const BAD = [
  "等候时间太长，希望增加窗口。",
  "办事指南和窗口要求不一致，多跑了一趟。",
  "审批时间比承诺的长，没有人主动告知进度。",
];
const QUESTIONS = [
  [
    "state-land-and-house-transfer-registration",
    "二手房过户需要买卖双方都到场吗？",
    "原则上双方均须到场；不能到场的可委托代理人，持经公证的授权委托书办理。",
  ],
  [
    "mortgage-first-registration",
    "抵押登记办完多久可以拿到不动产登记证明？",
    "材料齐全的当日受理，承诺 1 个工作日内办结，可选择邮寄或窗口领取电子证明。",
  ],
  [
    "real-estate-records-inquiry",
    "开无房证明需要带什么材料？",
    "本人身份证即可，可在窗口或网上办理，即时出具。",
  ],
  [
    "construction-land-planning-permit",
    "建设用地规划许可证可以网上申请吗？",
    "可以，通过网上政务服务平台提交，材料齐全的承诺 3 个工作日内办结。",
  ],
  [
    "rural-construction-planning-permit",
    "村里建公益设施要先找乡镇吗？",
    "是的，先向所在乡镇人民政府提出申请，经乡镇审查后报县局核发乡村建设规划许可证。",
  ],
  [
    "temporary-land-use-approval",
    "临时用地最长可以用多久？",
    "一般不超过两年；建设周期较长的能源、交通、水利等基础设施项目可延长至四年。",
  ],
] as const;

/**
 * Generates the demo history into `ctx`'s database (see the module comment). Refuses (409
 * `history_exists`) when one was generated or started before, and (409 `demo_not_loaded`) without the
 * demo bureau. Returns what it made.
 */
export async function generateHistory(ctx: AppContext, options: HistoryOptions = {}): Promise<HistoryReport> {
  const started = Date.now();
  const db = ctx.database.db;
  const months = options.months ?? 6;
  const seed = options.seed ?? 1;
  const [minPerDay, maxPerDay] = options.casesPerDay ?? [10, 30];
  const onProgress = options.onProgress ?? (() => {});
  const existing = await readHistoryStatus(db);
  if (existing) throw historyExists(existing);
  if (!(await isDemoSeeded(db))) throw noDemo();

  const rnd = prng(seed);
  const [bureau] = await db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY"));
  if (!bureau) throw noDemo();
  const cal = await calendarFor(ctx, bureau.id);
  const today = localDates(cal, options.until ?? ctx.clock.now()).today;
  const from = monthsBefore(today, options.days !== undefined ? Math.ceil(options.days / 18) + 1 : months);
  const days: string[] = [];
  for (let d = isoToDay(from); d < isoToDay(today); d++) if (cal.isWorkingDayN(d)) days.push(dayToIso(d));
  if (options.days !== undefined) days.splice(0, Math.max(0, days.length - options.days));
  const status: HistoryStatus = {
    state: "running",
    seed,
    months,
    from: days[0] ?? from,
    to: days.at(-1) ?? from,
    done: 0,
    total: days.length,
    startedAt: new Date().toISOString(),
  };
  await writeStatus(db, status);

  const clock = new FixedClock(at(days[0] ?? today, 480));
  const sim: AppContext = { ...ctx, clock };

  // Who works: every clerk, reviewer, approver and supervisor of the bureau (the demo accounts, and
  // whoever else the database holds), so that staff added later share the work.
  const actors = new Map<string, Actor>();
  const actor = async (userId: string) => {
    let a = actors.get(userId);
    if (!a) {
      a = (await loadActor(db, userId)) ?? undefined;
      if (!a) throw new Error(`demo history: no account ${userId}`);
      actors.set(userId, a);
    }
    return a;
  };
  const staffRows = await db
    .select({ userId: roleMemberships.userId, role: roleMemberships.role, path: organizations.path })
    .from(roleMemberships)
    .innerJoin(organizations, eq(organizations.id, roleMemberships.orgId))
    .innerJoin(users, eq(users.id, roleMemberships.userId))
    .where(
      and(
        inArray(roleMemberships.role, ["clerk", "reviewer", "approver", "supervisor"]),
        sql`${organizations.path} like ${`${bureau.path}%`}`,
        eq(users.active, true),
      ),
    )
    .orderBy(users.username, organizations.path);
  const staff = (role: string) => [...new Set(staffRows.filter((r) => r.role === role).map((r) => r.userId))];
  const clerks = staff("clerk");
  const approvers = staff("approver");
  const supervisors = staff("supervisor");
  if (!clerks.length || !approvers.length) throw noDemo();
  const reviewerFor = (orgPath: string) => {
    const fit = staffRows.filter((r) => r.role === "reviewer" && orgPath.startsWith(r.path));
    return fit.length ? pick(rnd, fit).userId : null;
  };

  // Applicants: registered at the window (代录) on their first visit; some come back.
  const pool: { kind: "person" | "enterprise"; applicant?: HistoryApplicant }[] = [];
  const poolSize = Math.max(40, Math.round(days.length * 2.5));
  for (let i = 0; i < poolSize; i++) pool.push({ kind: rnd() < 0.35 ? "enterprise" : "person" });
  const applicantOf = async (kind: "person" | "enterprise"): Promise<HistoryApplicant> => {
    const candidates = pool.filter((p) => p.kind === kind);
    const slot = pick(rnd, candidates);
    if (slot.applicant) return slot.applicant;
    const clerk = await actor(pick(rnd, clerks));
    const name = kind === "enterprise" ? firmName(rnd) : personName(rnd);
    const row = await registerApplicant(sim, clerk, {
      kind,
      name,
      ...(kind === "enterprise"
        ? { creditCode: demoCreditCode(rnd), legalRepresentative: personName(rnd) }
        : { idNumber: demoIdNumber(rnd) }),
      phone: demoPhone(rnd),
      address: demoAddress(rnd),
    });
    slot.applicant = { kind, name, userId: row.id };
    report.applicants++;
    return slot.applicant;
  };

  const report: HistoryReport = {
    from: status.from,
    to: status.to,
    workingDays: days.length,
    cases: 0,
    byStatus: {},
    overdue: 0,
    extended: 0,
    reviewTasks: 0,
    ratings: 0,
    badRatings: 0,
    rectifications: { open: 0, rectified: 0 },
    inquiries: 0,
    alertsByRule: {},
    applicants: 0,
    failures: 0,
    errors: [],
    seconds: 0,
    stopped: false,
  };

  // The agenda: actions per working day (index into `days`), run in order of their minute.
  const agenda = new Map<number, Action[]>();
  let seq = 0;
  let today_ = 0;
  let today_minute = 510;
  const schedule = (day: number, minute: number, run: () => Promise<void>) => {
    let m = Math.min(Math.max(minute, 510), 17 * 60 + 25);
    // Never before the clock: an action for earlier today happens a few minutes from now.
    if (day <= today_ && m <= today_minute) {
      day = today_;
      m = today_minute + 5;
      if (m > 12 * 60 && m < 14 * 60 + 30) m = 14 * 60 + 30;
      if (m > 17 * 60 + 25) {
        day++;
        m = 510;
      }
    }
    if (day >= days.length) return; // after the last simulated day: left as open work
    const list = agenda.get(day) ?? [];
    list.push({ minute: m, seq: seq++, run });
    agenda.set(day, list);
  };
  /** Later the same day (office hours), or the next working day when the day is over. */
  const later = (day: number, minute: number, gap: number, run: () => Promise<void>) => {
    const m = officeMinute(rnd, minute + gap);
    if (m < 0) schedule(day + 1, officeMinute(rnd, 0), run);
    else schedule(day, m, run);
  };
  const version = async (id: string) =>
    (await db.select({ v: cases.version }).from(cases).where(eq(cases.id, id)))[0].v;
  const fileIds: string[] = [];

  const settleFees = async (clerk: Actor, id: string) => {
    const fees = await getCaseFees(sim, clerk, id);
    if (!fees.required || fees.settled) return;
    let open = fees.assessments.find((a) => a.status === "open");
    if (!open) {
      await assessFees(sim, clerk, id, {});
      open = (await getCaseFees(sim, clerk, id)).assessments.find((a) => a.status === "open");
    }
    if (open)
      await recordWindowPayment(sim, clerk, id, {
        assessmentId: open.id,
        channel: rnd() < 0.5 ? "cash" : "pos",
        idempotencyKey: `history-${open.id}`,
      });
  };

  // ── One case, step by step ────────────────────────────────────────────────────────────────────
  const file = async (day: number, minute: number) => {
    const roll = rnd();
    const totalWeight = HISTORY_ITEMS.reduce((n, i) => n + i.weight, 0);
    let item = HISTORY_ITEMS[0];
    for (let acc = 0, i = 0; i < HISTORY_ITEMS.length; i++) {
      acc += HISTORY_ITEMS[i].weight / totalWeight;
      item = HISTORY_ITEMS[i];
      if (acc > roll) break;
    }
    const applicant = await applicantOf(pick(rnd, item.kinds));
    const who = await actor(applicant.userId);
    // Most applicants come to the window, where a clerk files for them (代录: one visit, 跑动次数);
    // the rest apply online and the window checks within a day.
    const atWindow = rnd() < 0.6;
    const filer = atWindow ? await actor(pick(rnd, clerks)) : who;
    const draft = await createApplication(sim, filer, {
      itemCode: item.code,
      ...(atWindow ? { applicantId: applicant.userId } : {}),
      formData: item.form(rnd, applicant, days[day]),
    });
    const info = await itemInfo(
      db,
      (await db.select().from(cases).where(eq(cases.id, draft.id)))[0].itemVersionId,
    );
    const flow: Flow = {
      id: draft.id,
      itemCode: item.code,
      immediate: info.content.handlingType === "immediate",
      limitDays: info.content.promisedLimitDays,
      maxExtensionDays: Math.max(1, info.content.statutoryLimitDays - info.content.promisedLimitDays),
      applicant: who,
      corrected: false,
      late: rnd() < 0.06,
      decideScheduled: false,
      sentBack: false,
      claims: new Set(),
    };
    fileIds.push(flow.id);
    report.cases++;
    const materials = await db.select().from(caseMaterials).where(eq(caseMaterials.caseId, flow.id));
    for (const m of materials.filter((m) => m.required && m.source === "upload"))
      await uploadMaterial(sim, filer, flow.id, m.materialCode, { fileName: `${m.name}.pdf`, bytes: PDF });
    await submitApplication(sim, filer, flow.id, await version(flow.id));
    // At the window the check follows at once; online the window checks within a day.
    if (atWindow) later(day, minute, 10, () => check(flow, day));
    else schedule(day + between(rnd, 0, 1), officeMinute(rnd, 0), () => check(flow, day));
  };

  const check = async (flow: Flow, filedDay: number) => {
    const day = today_;
    const clerk = await actor(pick(rnd, clerks));
    const roll = rnd();
    if (roll < 0.03) {
      await caseCommand(sim, flow.applicant, flow.id, "withdraw", {
        expectedVersion: await version(flow.id),
        reason: pick(rnd, ["项目计划调整，暂不申请", "申请人主动撤回", "材料需重新准备"]),
      });
      return;
    }
    if (roll < 0.06) {
      const [legalBasis, reason] = pick(rnd, REFUSALS);
      await caseCommand(sim, clerk, flow.id, "refuse", {
        expectedVersion: await version(flow.id),
        legalBasis,
        reason,
      });
      return;
    }
    const materials = await db.select().from(caseMaterials).where(eq(caseMaterials.caseId, flow.id));
    if (!flow.corrected && roll < 0.18) {
      flow.corrected = true;
      const m = pick(
        rnd,
        materials.filter((x) => x.required && x.source === "upload"),
      );
      await caseCommand(sim, clerk, flow.id, "requestCorrection", {
        expectedVersion: await version(flow.id),
        items: [{ materialCode: m.materialCode, problem: "defective", note: pick(rnd, CORRECTIONS) }],
      });
      if (rnd() < 0.1) return; // never comes back
      schedule(day + between(rnd, 1, 3), officeMinute(rnd, 0), async () => {
        await uploadMaterial(sim, flow.applicant, flow.id, m.materialCode, {
          fileName: `${m.name}（补正）.pdf`,
          bytes: PDF,
        });
        await caseCommand(sim, flow.applicant, flow.id, "resubmit", {
          expectedVersion: await version(flow.id),
        });
        later(today_, 0, 20, () => check(flow, filedDay));
      });
      return;
    }
    await checkMaterials(sim, clerk, flow.id, {
      expectedVersion: await version(flow.id),
      checks: materials
        .filter((m) => m.status !== "pending" || m.required)
        .map((m) => ({ materialCode: m.materialCode, status: "pass" as const })),
    });
    if (flow.immediate) {
      await settleFees(clerk, flow.id);
      await finishOnTheSpot(sim, clerk, flow.id, { expectedVersion: await version(flow.id) });
      scheduleRating(flow, day);
      return;
    }
    await caseCommand(sim, clerk, flow.id, "accept", { expectedVersion: await version(flow.id) });
    const acceptedDay = day;
    if (rnd() < 0.03) {
      // 延期: the approver extends a complicated case the next day, with the reason.
      schedule(day + 1, officeMinute(rnd, 0), async () => {
        const approver = await actor(pick(rnd, approvers));
        const [c] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, flow.id));
        if (c.status !== "accepted" && c.status !== "in_review") return; // decided already
        await caseCommand(sim, approver, flow.id, "extend", {
          expectedVersion: await version(flow.id),
          days: Math.min(flow.maxExtensionDays, between(rnd, 2, 5)),
          reason: pick(rnd, ["涉及多个股室会审，需补充现场踏勘", "需征求乡镇意见，情况复杂"]),
        });
        report.extended++;
      });
    }
    later(day, officeMinute(rnd, 0), 30, () => review(flow, acceptedDay));
  };

  const review = async (flow: Flow, acceptedDay: number) => {
    const day = today_;
    const tasks = await db
      .select({ t: reviewTasks, path: organizations.path })
      .from(reviewTasks)
      .innerJoin(organizations, eq(organizations.id, reviewTasks.orgId))
      .where(eq(reviewTasks.caseId, flow.id));
    const open = tasks.filter((x) => ["open", "claimed", "returned"].includes(x.t.status));
    if (open.length === 0) {
      if (flow.decideScheduled) return;
      flow.decideScheduled = true;
      const wait = flow.late ? 0 : between(rnd, 0, 1);
      schedule(day + wait, officeMinute(rnd, 0), () => decide(flow));
      return;
    }
    for (const { t, path } of open.filter((x) => x.t.status === "open" || x.t.status === "returned")) {
      const key = `${t.id}:${t.version}`;
      if (flow.claims.has(key)) continue;
      flow.claims.add(key);
      const reviewerId = reviewerFor(path);
      if (!reviewerId) throw new Error(`demo history: no reviewer for ${path}`);
      report.reviewTasks++;
      // Most tasks are claimed the same or the next day; a late case waits past its deadline.
      const wait = flow.late
        ? Math.max(0, acceptedDay + flow.limitDays + between(rnd, 1, 3) - day)
        : rnd() < 0.8
          ? 0
          : 1;
      schedule(day + (flow.late ? between(rnd, 0, 2) : wait), officeMinute(rnd, 0), async () => {
        const reviewer = await actor(reviewerId);
        const claimed = await claimReviewTask(sim, reviewer, t.id, t.version);
        if (rnd() < 0.35) await commentReviewTask(sim, reviewer, t.id, pick(rnd, COMMENTS));
        const finish = async () => {
          const back = !flow.sentBack && rnd() < 0.03;
          if (back) flow.sentBack = true;
          await completeReviewTask(sim, reviewer, t.id, {
            expectedVersion: claimed.version,
            outcome: back ? "return" : "approve",
            opinion: back ? "用地范围与规划条件附图不一致，请核实后重新提交审查" : pick(rnd, OPINIONS),
          });
          later(today_, 0, 15, () => review(flow, acceptedDay));
        };
        const rest = flow.late
          ? Math.max(0, acceptedDay + flow.limitDays + between(rnd, 1, 3) - today_)
          : wait;
        if (rest === 0) later(today_, 0, between(rnd, 20, 120), finish);
        else schedule(today_ + rest, officeMinute(rnd, 0), finish);
      });
    }
  };

  const decide = async (flow: Flow) => {
    const approver = await actor(pick(rnd, approvers));
    const deny = rnd() < 0.04;
    await caseCommand(sim, approver, flow.id, "decide", {
      expectedVersion: await version(flow.id),
      outcome: deny ? "deny" : "approve",
      reasons: deny ? "经审查，申请用地不符合国土空间规划用途管制要求" : "符合法定条件，准予许可",
    });
    later(today_, 0, 30, async () => {
      const clerk = await actor(pick(rnd, clerks));
      if (deny) {
        await caseCommand(sim, clerk, flow.id, "complete", { expectedVersion: await version(flow.id) });
        return;
      }
      await settleFees(clerk, flow.id);
      await caseCommand(sim, clerk, flow.id, "issue", { expectedVersion: await version(flow.id) });
      scheduleRating(flow, today_);
    });
  };

  // ── 好差评: most rate, mostly well; a bad rating is called back and rectified ───────────────────
  const scheduleRating = (flow: Flow, day: number) => {
    if (rnd() > 0.7) return;
    schedule(day + between(rnd, 0, 2), officeMinute(rnd, 0), async () => {
      const [inv] = await db
        .select({ id: evaluationInvitations.id })
        .from(evaluationInvitations)
        .where(and(eq(evaluationInvitations.caseId, flow.id), eq(evaluationInvitations.stage, "completion")));
      if (!inv) return;
      const r = rnd();
      type Level = TSubmitEvaluation["dimensions"][string] & string;
      const level: Level =
        r < 0.62
          ? "very_satisfied"
          : r < 0.88
            ? "satisfied"
            : r < 0.96
              ? "basic"
              : r < 0.985
                ? "dissatisfied"
                : "very_dissatisfied";
      const bad = level === "dissatisfied" || level === "very_dissatisfied";
      const near = (): Level => (rnd() < 0.8 ? level : bad ? "basic" : "satisfied");
      const comment = rnd() < 0.5 ? pick(rnd, bad ? BAD : GOOD) : undefined;
      const result = await submitEvaluation(sim, flow.applicant, inv.id, {
        dimensions: {
          overall: level,
          efficiency: near(),
          guide_accuracy: near(),
          convenience: near(),
          usability: near(),
        },
        comment,
        tags: bad ? ["long_wait"] : rnd() < 0.5 ? ["fast", "one_visit"] : ["friendly"],
        publishComment: !!comment && rnd() < 0.7,
      });
      report.ratings++;
      if (bad) report.badRatings++;
      const rectId = result.rectificationId;
      if (!rectId || supervisors.length === 0) return;
      // Called back within a day and rectified within the week — except the last fortnight's, left open.
      if (today_ > days.length - 10) return;
      const supervisor = await actor(pick(rnd, supervisors));
      schedule(today_ + 1, officeMinute(rnd, 0), async () => {
        const [row] = await db.select().from(rectifications).where(eq(rectifications.id, rectId));
        await updateRectification(sim, supervisor, rectId, {
          action: "callback",
          note: "已电话回访申请人，了解具体情况并致歉。",
          expectedVersion: row.version,
        });
        schedule(today_ + between(rnd, 2, 4), officeMinute(rnd, 0), async () => {
          await updateRectification(sim, supervisor, rectId, {
            action: "rectify",
            outcome: "高峰时段增开综合受理窗口，并更新办事指南中的材料说明。",
            expectedVersion: row.version + 1,
          });
        });
      });
    });
  };

  // ── 咨询: a few questions a day at the window, by phone and online ──────────────────────────────
  const ask = async (day: number) => {
    const [itemCode, question, answer] = pick(rnd, QUESTIONS);
    const online = rnd() < 0.3;
    const clerk = await actor(pick(rnd, clerks));
    const created = await createInquiry(sim, online ? null : clerk, {
      channel: online ? "online" : rnd() < 0.6 ? "window" : "phone",
      question,
      askerName: personName(rnd),
      askerContact: demoPhone(rnd),
      itemCode,
    });
    report.inquiries++;
    const id = (created as { id: string }).id;
    const answerIt = async () => {
      const [r] = await db.select().from(inquiries).where(eq(inquiries.id, id));
      let v = r.version;
      if (!r.ownerId) v = (await claimInquiry(sim, clerk, id, { expectedVersion: v })).version;
      await answerInquiry(sim, clerk, id, { answer, itemCode, expectedVersion: v });
    };
    // At the window most are answered at once; online ones the same or next day (a few later: alerted).
    if (!online && rnd() < 0.7) return later(day, today_minute, 5, answerIt);
    schedule(day + (rnd() < 0.1 ? 2 : between(rnd, 0, 1)), officeMinute(rnd, 0), answerIt);
  };
  // ── The days ──────────────────────────────────────────────────────────────────────────────────
  const bad = (e: unknown) => {
    report.failures++;
    if (report.errors.length < 10) {
      const y = e as YizhanError;
      report.errors.push(`${days[today_]}: ${y.messages?.["zh-CN"] ?? (e as Error).message ?? String(e)}`);
    }
  };
  for (today_ = 0; today_ < days.length; today_++) {
    if (options.shouldStop?.()) {
      report.stopped = true;
      break;
    }
    const date = days[today_];
    today_minute = 0;
    const intake = between(rnd, minPerDay, maxPerDay);
    for (let i = 0; i < intake; i++) {
      const m = officeMinute(rnd, 0);
      const d = today_;
      schedule(d, m, () => file(d, m));
    }
    for (let i = between(rnd, 0, 3); i > 0; i--) {
      const d = today_;
      schedule(d, officeMinute(rnd, 0), () => ask(d));
    }
    // Actions scheduled while the day runs (later the same day) join it in time order.
    for (;;) {
      const list = agenda.get(today_) ?? [];
      if (list.length === 0) break;
      list.sort((a, b) => a.minute - b.minute || a.seq - b.seq);
      const next = list.shift() as Action;
      today_minute = next.minute;
      clock.set(at(date, next.minute));
      try {
        await next.run();
      } catch (e) {
        bad(e);
      }
      if (options.shouldStop?.()) break;
    }
    agenda.delete(today_);
    // The evening sweep: clock and task alerts, deemed acceptance, reminders (as the server would run it).
    clock.set(at(date, 18 * 60));
    try {
      await runSweep(sim);
    } catch (e) {
      bad(e);
    }
    status.done = today_ + 1;
    await writeStatus(db, status);
    onProgress(today_ + 1, days.length, date);
  }

  // ── What was made ─────────────────────────────────────────────────────────────────────────────
  if (fileIds.length) {
    const byStatus = await db
      .select({ status: cases.status, n: count() })
      .from(cases)
      .where(inArray(cases.id, fileIds))
      .groupBy(cases.status);
    for (const r of byStatus) report.byStatus[r.status] = r.n;
    const alerts = await db
      .select({ rule: supervisionAlerts.rule, n: count() })
      .from(supervisionAlerts)
      .where(inArray(supervisionAlerts.caseId, fileIds))
      .groupBy(supervisionAlerts.rule);
    for (const r of alerts) report.alertsByRule[r.rule] = r.n;
    report.overdue = report.alertsByRule.clock_red ?? 0;
    const rects = await db
      .select({ status: rectifications.status, n: count() })
      .from(rectifications)
      .innerJoin(evaluations, eq(evaluations.id, rectifications.evaluationId))
      .where(inArray(evaluations.caseId, fileIds))
      .groupBy(rectifications.status);
    for (const r of rects) {
      if (r.status === "rectified" || r.status === "void") report.rectifications.rectified += r.n;
      else report.rectifications.open += r.n;
    }
  }
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  status.state = report.stopped ? "stopped" : "done";
  status.finishedAt = new Date().toISOString();
  status.cases = report.cases;
  await writeStatus(db, status);
  return report;
}

/** The demo history's progress for the pages' banner (`GET /api/demo/history`). */
export async function getDemoHistoryStatus(ctx: AppContext) {
  const s = await readHistoryStatus(ctx.database.db);
  if (!s) return { state: "none" as const, done: 0, total: 0, percent: 0, from: null, to: null };
  const percent = s.total === 0 ? 100 : Math.min(100, Math.floor((s.done / s.total) * 100));
  return { state: s.state, done: s.done, total: s.total, percent, from: s.from, to: s.to };
}

/**
 * A history left `running` by a process that ended mid-way (only one process generates it) is marked
 * `stopped`, so the pages stop showing it as in progress. Returns the status after that.
 */
export async function settleInterruptedHistory(db: Db): Promise<HistoryStatus | null> {
  const s = await readHistoryStatus(db);
  if (s?.state !== "running") return s;
  const stopped = { ...s, state: "stopped" as const };
  await writeStatus(db, stopped);
  return stopped;
}
