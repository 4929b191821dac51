/**
 * Demo inquiries: about three months of questions to the demo bureau's window (generated with a fixed
 * seed, so every demo database tells the same story), most answered at once at the window, some by phone
 * or online the next working day, some handed over to a section, a few published as FAQ and a few still
 * waiting. Idempotent (a meta flag); one multi-row insert.
 */
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type InquiryHandover, inquiries, meta, organizations, serviceItems, users } from "../../db/schema";
import { localDateTime } from "../../domain/calendar/intake";
import { dayToIso, isoToDay } from "../../domain/calendar/isoDate";
import { officialCalendar } from "../../domain/calendar/officialData";
import { OFFICE_HOURS, workingMinutesBetween } from "../../domain/calendar/workingHours";
import { faqText } from "../../domain/inquiries/rules";

const FLAG = "demo_inquiries_seeded";
/** Working days of history generated before the seed day. */
const HISTORY_WORKING_DAYS = 65;

/** mulberry32: a small fixed-seed PRNG (the same sequence on every machine). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Topic = { item: string; q: string; a: string; policy?: string; section?: "planning" | "registry" };

/** Questions people ask about the bureau's items, with the answers the window gives. */
const TOPICS: Topic[] = [
  {
    item: "construction-land-planning-permit",
    q: "办理建设用地规划许可证需要准备哪些材料？",
    a: "需提交申请表、营业执照、国有建设用地使用权出让合同、规划条件、用地红线图和项目批准（核准、备案）文件；委托办理的还需授权委托书。材料清单以办事指南为准。",
    policy: "《中华人民共和国城乡规划法》第三十八条",
  },
  {
    item: "construction-land-planning-permit",
    q: "出让合同签订后多久可以拿到建设用地规划许可证？",
    a: "材料齐全的，本县承诺自受理之日起 2 个工作日内办结；与不动产首次登记可作为“拿地即办证”一并申请。",
  },
  {
    item: "construction-land-planning-permit",
    q: "规划条件中的容积率可以申请调整吗？",
    a: "规划条件依控制性详细规划确定，调整须按法定程序修改控规并报批，不能在许可环节直接调整。具体请与国土空间规划股沟通。",
    policy: "《中华人民共和国城乡规划法》第四十三条",
    section: "planning",
  },
  {
    item: "building-planning-permit",
    q: "建设工程规划许可证办理要多长时间？需要批前公示吗？",
    a: "承诺时限 2 个工作日（法定 20 个工作日）；需批前公示的，公示期不计入办理时限。",
  },
  {
    item: "building-planning-permit",
    q: "设计方案总平面图需要提交电子文件吗？格式有什么要求？",
    a: "需要，提交 DWG 格式电子文件和盖章的纸质图纸各一份，坐标系采用 2000 国家大地坐标系。",
    section: "planning",
  },
  {
    item: "rural-construction-planning-permit",
    q: "农村自建房需要办理乡村建设规划许可证吗？到哪里办？",
    a: "在乡、村庄规划区内建房需要办理，先向所在乡镇人民政府提出申请，经乡镇审查后报县局核发。",
    policy: "《中华人民共和国城乡规划法》第四十一条",
  },
  {
    item: "site-selection-and-land-pre-review",
    q: "用地预审与选址意见书和用地规划许可可以一起办吗？",
    a: "可以并联办理，材料共享，一次提交即可；选址意见书承诺时限 5 个工作日。",
  },
  {
    item: "state-land-first-registration",
    q: "土地出让金缴清后怎么办理国有建设用地使用权首次登记？",
    a: "持出让合同、土地出让价款缴纳凭证、契税完税凭证、宗地图等到窗口申请，承诺 1 个工作日内办结，证书可邮寄。",
  },
  {
    item: "state-land-and-house-transfer-registration",
    q: "二手房过户买卖双方都要到场吗？",
    a: "买卖双方均需到场签字；不能到场的可委托代理人持经公证的授权委托书办理。",
    policy: "《不动产登记暂行条例实施细则》第十条",
  },
  {
    item: "state-land-and-house-transfer-registration",
    q: "二手房过户需要缴哪些税费？在哪里交？",
    a: "登记费住宅 80 元/件；契税、增值税等由税务部门核定，在政务服务中心税务窗口一并缴纳，一窗受理。",
    policy: "发改价格规〔2016〕2559号",
    section: "registry",
  },
  {
    item: "mortgage-first-registration",
    q: "抵押登记当天能办结吗？",
    a: "材料齐全的抵押权首次登记当场办结；银行可通过线上端口直接申请。",
  },
  {
    item: "mortgage-first-registration",
    q: "公积金贷款的抵押登记需要本人到场吗？",
    a: "抵押人和抵押权人共同申请，银行已开通线上申请的，借款人在银行签字后无需再到登记窗口。",
    section: "registry",
  },
  {
    item: "temporary-land-use-approval",
    q: "临时用地最长可以使用多久？到期还能续期吗？",
    a: "临时用地期限一般不超过两年；建设周期较长的能源、交通、水利等项目可以延长，但最长不超过四年。",
    policy: "《中华人民共和国土地管理法实施条例》第二十条",
  },
  {
    item: "facility-agricultural-land-filing",
    q: "设施农业用地备案是在县局办理吗？",
    a: "自 2020 年起设施农业用地备案由乡镇人民政府受理，请到土地所在乡镇办理；窗口可帮您转办并跟踪结果。",
    policy: "自然资规〔2019〕4号",
  },
  {
    item: "real-estate-records-inquiry",
    q: "怎样查询自己名下有几套房产？",
    a: "本人持身份证到窗口或通过网上申请查询，符合条件的当场出具查询结果。",
    policy: "《不动产登记资料查询暂行办法》",
  },
  {
    item: "real-estate-certificate-replacement",
    q: "不动产权证书破损了怎么换发？收费吗？",
    a: "持破损证书和身份证到窗口申请换发，只收取证书工本费 10 元/本，不收登记费。",
    policy: "《不动产登记暂行条例实施细则》第二十二条",
  },
];

const SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
const HANDOVER_REASON = {
  planning: "涉及规划技术问题，转国土空间规划股答复",
  registry: "涉及登记业务细节，转不动产登记中心答复",
};

/** Local (Asia/Shanghai) instant of a day number and minutes since midnight. */
const instantOf = (day: number, minutes: number) =>
  new Date(
    `${dayToIso(day)}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00+08:00`,
  );

/** Generates and inserts the demo inquiries once; returns how many were created. */
export async function seedDemoInquiries(ex: Executor, now: Date): Promise<number> {
  const [done] = await ex.select().from(meta).where(eq(meta.key, FLAG));
  if (done) return 0;
  const people = await ex
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ["clerk", "reviewer-planning", "reviewer-registry", "supervisor"]));
  const byName = new Map(people.map((p) => [p.username, p.id]));
  const names = new Map<string, string>();
  for (const p of await ex
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...byName.values()])))
    names.set(p.id, p.name);
  const clerk = byName.get("clerk");
  const [bureau] = await ex.select().from(organizations).where(eq(organizations.code, "HY-ZRZY"));
  const [window] = await ex.select().from(organizations).where(eq(organizations.code, "HY-ZRZY-WIN"));
  const items = await ex.select({ code: serviceItems.code, name: serviceItems.name }).from(serviceItems);
  const itemName = new Map(items.map((i) => [i.code, i.name]));
  if (!clerk || !bureau || !window || items.length === 0) return 0;

  const cal = officialCalendar();
  const rand = prng(20261207);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const today = isoToDay(localDateTime(now, "Asia/Shanghai").date);
  const days: number[] = [];
  for (let d = today - 1; days.length < HISTORY_WORKING_DAYS && d > today - 200; d--)
    if (cal.isWorkingDayN(d)) days.push(d);
  days.reverse();
  const officeMinute = () => {
    const w = pick(OFFICE_HOURS);
    return w.from + Math.floor(rand() * (w.to - w.from - 10));
  };
  const code = () => {
    const abc = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let s = "D";
    for (let i = 0; i < 7; i++) s += abc[Math.floor(rand() * abc.length)];
    return s;
  };

  const rows: (typeof inquiries.$inferInsert)[] = [];
  let faqs = 0;
  const published = new Set<string>();
  days.forEach((day, index) => {
    const recent = index >= days.length - 2;
    const perDay = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < perDay; k++) {
      const topic = pick(TOPICS);
      const channel = pick(["window", "window", "window", "phone", "phone", "online"] as const);
      const askedAt = instantOf(day, officeMinute());
      const askerName = `${pick(SURNAMES)}${rand() < 0.5 ? "先生" : "女士"}`;
      const askerContact = `139${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
      const handTo = topic.section && rand() < 0.6 ? byName.get(`reviewer-${topic.section}`) : undefined;
      // The last two working days: a few questions still wait (online unclaimed, or owned and open).
      const waiting = recent && rand() < 0.5;
      const owner = channel === "online" && waiting && rand() < 0.5 ? null : (handTo ?? clerk);
      const recorder = channel === "online" ? null : clerk;
      let answeredAt: Date | null = null;
      if (!waiting) {
        if (channel === "window" && !handTo)
          answeredAt = new Date(askedAt.getTime() + (3 + rand() * 12) * 60_000);
        else {
          const next = cal.addWorkingDaysN(day, rand() < 0.6 ? 0 : 1);
          const base = next === day ? localDateTime(askedAt, "Asia/Shanghai").minutes + 20 : 0;
          const minute = Math.max(base, officeMinute());
          answeredAt = instantOf(next, Math.min(minute, 17 * 60 + 25));
          if (answeredAt <= askedAt) answeredAt = new Date(askedAt.getTime() + 20 * 60_000);
        }
        if (answeredAt >= now) answeredAt = null;
      }
      const handovers: InquiryHandover[] = handTo
        ? [
            {
              fromId: clerk,
              fromName: names.get(clerk) ?? "",
              toId: handTo,
              toName: names.get(handTo) ?? "",
              reason: HANDOVER_REASON[topic.section as "planning" | "registry"],
              at: new Date(askedAt.getTime() + 10 * 60_000).toISOString(),
            },
          ]
        : [];
      // Online askers sometimes leave their number in the text: the FAQ and the public page mask it.
      const question =
        channel === "online" && rand() < 0.3 ? `${topic.q}（我的电话 ${askerContact}）` : topic.q;
      const faq = answeredAt !== null && !published.has(topic.q) && faqs < 8 && rand() < 0.25;
      if (faq) {
        published.add(topic.q);
        faqs++;
      }
      rows.push({
        orgId: channel === "online" ? bureau.id : window.id,
        orgPath: channel === "online" ? bureau.path : window.path,
        channel,
        status: answeredAt ? "answered" : owner ? "open" : "unclaimed",
        question,
        askerName: channel === "online" && rand() < 0.3 ? null : askerName,
        askerContact: rand() < 0.8 ? askerContact : null,
        itemCode: topic.item,
        itemName: itemName.get(topic.item) ?? null,
        policyReference: answeredAt ? (topic.policy ?? null) : null,
        queryCode: code(),
        ownerId: answeredAt ? (handTo ?? clerk) : owner,
        recordedBy: recorder,
        askedAt,
        claimedAt: owner || answeredAt ? askedAt : null,
        handovers,
        answer: answeredAt ? topic.a : null,
        answeredBy: answeredAt ? (handTo ?? clerk) : null,
        answeredAt,
        workingMinutesToAnswer: answeredAt ? workingMinutesBetween(cal, askedAt, answeredAt) : null,
        faqQuestion: faq ? faqText(question, [askerName, askerContact]) : null,
        faqAnswer: faq ? faqText(topic.a, [askerName, askerContact]) : null,
        faqPublishedAt:
          faq && answeredAt ? new Date(Math.min(answeredAt.getTime() + 3_600_000, now.getTime())) : null,
        faqPublishedBy: faq ? clerk : null,
      });
    }
  });
  await ex.insert(inquiries).values(rows);
  await ex.insert(meta).values({ key: FLAG, value: true }).onConflictDoNothing();
  return rows.length;
}
