import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  actionItems,
  coordinationMeetings,
  organizations,
  projectContacts,
  projects,
  siteSurveys,
  users,
} from "../../db/schema";
import { ensureBundleTemplates } from "../bundles/templates";
import { appendProjectEvent } from "./projectRows";

/** Project code of the demo project (投资项目统一代码). */
export const DEMO_PROJECT_CODE = "2026-340321-30-03-012345";

/** The red-line boundary of the demo parcel (经开区 涂山路与禹王路交叉口东南侧). */
const DEMO_BOUNDARY = {
  type: "Polygon" as const,
  coordinates: [
    [
      [117.2001, 32.9701],
      [117.2049, 32.9702],
      [117.2051, 32.9663],
      [117.2003, 32.9661],
      [117.2001, 32.9701],
    ],
  ],
};

/**
 * Loads the bundle templates and the demo project: 安徽三木新材料's new-materials plant with the helper
 * assigned, a contact, a site survey and a coordination meeting with two action items (idempotent:
 * nothing is added when the project code exists). Returns how many rows were created.
 */
export async function seedDemoProject(ex: Executor, now: Date): Promise<number> {
  const created = await ensureBundleTemplates(ex, now);
  const [existing] = await ex
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.code, DEMO_PROJECT_CODE));
  if (existing) return created;
  const [sanmu] = await ex.select().from(users).where(eq(users.username, "sanmu"));
  const [helper] = await ex.select().from(users).where(eq(users.username, "helper"));
  const [bureau] = await ex.select().from(organizations).where(eq(organizations.code, "HY-ZRZY"));
  if (!sanmu || !helper || !bureau) return created;
  const [p] = await ex
    .insert(projects)
    .values({
      code: DEMO_PROJECT_CODE,
      name: "安徽三木新材料年产5万吨功能新材料项目",
      enterpriseId: sanmu.id,
      parcel: {
        location: "怀远县经济开发区涂山路与禹王路交叉口东南侧",
        areaSqm: 53333.5,
        use: "工业用地",
        boundary: DEMO_BOUNDARY,
      },
      stage: "land_planning",
      helperId: helper.id,
      orgId: bureau.id,
      createdBy: helper.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await appendProjectEvent(ex, p.id, helper.id, now, "project.created", `项目立项建档：${p.name}`, {
    code: p.code,
  });
  await ex.insert(projectContacts).values({
    projectId: p.id,
    party: "enterprise",
    contactName: "李三木（法定代表人）",
    channel: "上门服务",
    notes: "讲解拿地即办证流程，列出需提前准备的材料清单。",
    contactedAt: now,
    recordedBy: helper.id,
  });
  await appendProjectEvent(
    ex,
    p.id,
    helper.id,
    now,
    "project.contact",
    "对接李三木（法定代表人）（上门服务）",
  );
  const today = now.toISOString().slice(0, 10);
  await ex.insert(siteSurveys).values({
    projectId: p.id,
    surveyedOn: today,
    people: ["帮办代办员 孙丽", "国土空间规划股", "不动产登记中心", "企业代表 李三木"],
    findings: "地块已完成净地，界址与宗地图一致，具备供地条件。",
    recordedBy: helper.id,
    recordedAt: now,
  });
  await appendProjectEvent(ex, p.id, helper.id, now, "project.site_survey", `现场踏勘（${today}，4 人）`);
  const [m] = await ex
    .insert(coordinationMeetings)
    .values({
      projectId: p.id,
      heldOn: today,
      topic: "拿地即办证 协调会",
      attendees: [
        { name: "孙丽", department: "行政审批和营商环境股" },
        { name: "规划股负责人", department: "国土空间规划股" },
        { name: "登记中心负责人", department: "不动产登记中心" },
        { name: "税务所", department: "县税务局" },
      ],
      decisions: ["合同签订当日并联受理两个事项", "契税通过共享数据核验"],
      recordedBy: helper.id,
      recordedAt: now,
    })
    .returning();
  const due = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  await ex.insert(actionItems).values([
    { meetingId: m.id, projectId: p.id, description: "出具规划条件", owner: "国土空间规划股", dueOn: due },
    { meetingId: m.id, projectId: p.id, description: "完成权籍调查", owner: "不动产登记中心", dueOn: due },
  ]);
  await appendProjectEvent(
    ex,
    p.id,
    helper.id,
    now,
    "project.meeting",
    "协调会：拿地即办证 协调会（4 个部门）",
  );
  return created + 1;
}
