import { eq } from "drizzle-orm";
import { meta, organizations, users } from "../../db/schema";
import type { TCreateTrainingSession } from "../../shared/api/requests/training";
import { FixedClock } from "../../shared/clock";
import { loadActor } from "../auth/loadActor";
import type { AppContext } from "../context";
import { createTrainingSession, recordAttendance } from "./sessions";

const SEEDED = "demo_training_seeded";

type DemoSession = {
  heldOn: string;
  topic: string;
  documents: TCreateTrainingSession["documents"];
  sections: string[];
  record: string;
  /** Usernames not present (others of the roster: present). */
  absent?: string[];
  excused?: string[];
};

/** Four past study sessions of the demo bureau (fixed, so every demo database holds the same). */
export const DEMO_TRAINING: DemoSession[] = [
  {
    heldOn: "2026-09-15",
    topic: "不动产登记法规集中学习",
    documents: [
      { title: "不动产登记暂行条例", number: "国务院令第656号" },
      { title: "不动产登记暂行条例实施细则", number: "国土资源部令第63号" },
    ],
    sections: ["HY-ZRZY-WIN", "HY-ZRZY-BDC", "HY-ZRZY-SP"],
    record: "逐条学习登记申请材料和审查要求；窗口与登记中心对照收件清单，统一一次性告知口径。",
    excused: ["reviewer-registry"],
  },
  {
    heldOn: "2026-10-20",
    topic: "优化营商环境专题学习",
    documents: [{ title: "优化营商环境条例", number: "国务院令第722号" }],
    sections: ["HY-ZRZY-WIN", "HY-ZRZY-SP"],
    record: "学习条例关于政务服务的规定，讨论压缩办理时限和减少跑动次数的做法。",
  },
  {
    heldOn: "2026-11-10",
    topic: "政务服务“好差评”制度学习",
    documents: [
      {
        title: "国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见",
        number: "国办发〔2019〕51号",
      },
    ],
    sections: ["HY-ZRZY-WIN", "HY-ZRZY-SP"],
    record: "学习差评回访和整改要求；通报近期差评一件，明确整改责任人和时限。",
    absent: ["helper"],
  },
  {
    heldOn: "2026-11-17",
    topic: "窗口服务规范与文明用语",
    documents: [],
    sections: ["HY-ZRZY-WIN", "HY-ZRZY-SP", "HY-ZRZY-GH"],
    record: "统一首问负责、一次性告知和限时办结的窗口用语；规划审查员讲解审查意见的写法。",
    excused: ["clerk"],
  },
];

/**
 * 教育培训 demo data (issue 14): four past sessions of the demo bureau held by the supervisor, with
 * attendance, through the app functions on a fixed clock. Idempotent (a `meta` flag); skipped when
 * the demo bureau is not loaded.
 */
export async function seedDemoTraining(ctx: AppContext): Promise<{ created: number }> {
  const db = ctx.database.db;
  const [done] = await db.select().from(meta).where(eq(meta.key, SEEDED));
  if (done) return { created: 0 };
  const [sup] = await db.select({ id: users.id }).from(users).where(eq(users.username, "supervisor"));
  const [bureau] = await db.select().from(organizations).where(eq(organizations.code, "HY-ZRZY"));
  const actor = sup && (await loadActor(db, sup.id));
  if (!actor || !bureau) return { created: 0 };
  const orgs = new Map((await db.select().from(organizations)).map((o) => [o.code, o.id]));
  const staff = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.id, u.username]),
  );
  let created = 0;
  for (const d of DEMO_TRAINING) {
    const at: AppContext = { ...ctx, clock: new FixedClock(new Date(`${d.heldOn}T08:00:00Z`)) };
    const s = await createTrainingSession(at, actor, {
      orgId: bureau.id,
      heldOn: d.heldOn,
      topic: d.topic,
      documents: d.documents,
      sectionIds: d.sections.flatMap((c) => orgs.get(c) ?? []),
      record: d.record,
    });
    const entries = s.roster.map((r) => {
      const username = staff.get(r.user.id) ?? "";
      const status = d.absent?.includes(username)
        ? ("absent" as const)
        : d.excused?.includes(username)
          ? ("excused" as const)
          : ("present" as const);
      return { userId: r.user.id, status };
    });
    await recordAttendance(at, actor, s.id, { expectedVersion: s.version, entries });
    created++;
  }
  await db
    .insert(meta)
    .values({ key: SEEDED, value: true })
    .onConflictDoUpdate({ target: meta.key, set: { value: true } });
  return { created };
}
