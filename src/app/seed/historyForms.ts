/**
 * Application forms for the demo history (src/app/seed/history.ts): one valid form per service item of
 * the demo catalog, varied by the history's PRNG, so months of cases read like a county window's.
 */
import { residentIdCheckChar, usccCheckChar } from "../../domain/rules/identifiers";

export type Rnd = () => number;

/** mulberry32: a small fixed-seed PRNG (the same sequence on every machine). */
export function prng(seed: number): Rnd {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
export const between = (rnd: Rnd, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid 统一社会信用代码 of a Huaiyuan (340321) enterprise. */
export function demoCreditCode(rnd: Rnd): string {
  let body = "91340321";
  for (let i = 0; i < 9; i++) body += pick(rnd, USCC_ALPHABET.split(""));
  return body + usccCheckChar(body);
}

/** A valid 居民身份证号 of a Huaiyuan resident born 1960–2000. */
export function demoIdNumber(rnd: Rnd): string {
  const y = between(rnd, 1960, 2000);
  const m = String(between(rnd, 1, 12)).padStart(2, "0");
  const d = String(between(rnd, 1, 28)).padStart(2, "0");
  const body = `340321${y}${m}${d}${String(between(rnd, 1, 999)).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
}

export const demoPhone = (rnd: Rnd) => `139${String(between(rnd, 0, 99_999_999)).padStart(8, "0")}`;

const SURNAMES =
  "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈";
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "桂英",
  "志强",
  "建华",
  "海燕",
  "小红",
  "文博",
  "子涵",
];
const FIRM_WORDS = [
  "淮河",
  "荆涂",
  "禹王",
  "涂山",
  "龙亢",
  "白莲坡",
  "榴城",
  "淝河",
  "双桥",
  "古城",
  "新港",
  "蚌怀",
];
const FIRM_TRADES = [
  "新材料",
  "建材",
  "农业发展",
  "食品",
  "置业",
  "物流",
  "机械制造",
  "纺织",
  "光伏科技",
  "生物科技",
  "商贸",
  "建设工程",
];
const TOWNSHIPS = ["双桥集镇", "城关镇", "龙亢镇"] as const;
const VILLAGES = ["新集村", "大王庄村", "魏庄村", "徐圩村", "河溜村", "马城村", "褚集村"];
const ROADS = ["涂山路", "禹王路", "淝河路", "环城路", "榴城大道", "荆山路", "龙亢路", "乳泉路"];

export const personName = (rnd: Rnd) => pick(rnd, SURNAMES.split("")) + pick(rnd, GIVEN);
export const firmName = (rnd: Rnd) => `怀远县${pick(rnd, FIRM_WORDS)}${pick(rnd, FIRM_TRADES)}有限公司`;
const address = (rnd: Rnd) => `怀远县${pick(rnd, ROADS)}${between(rnd, 1, 399)}号`;
const devZone = (rnd: Rnd) =>
  `怀远县经济开发区${pick(rnd, ROADS)}与${pick(rnd, ROADS)}交叉口${pick(rnd, ["东南侧", "西北侧", "东北侧", "西南侧"])}`;
const projectCode = (rnd: Rnd, year: string) =>
  `${year}-340321-${pick(rnd, ["30", "26", "13", "72"])}-03-${String(between(rnd, 1, 999_999)).padStart(6, "0")}`;
const isoPlus = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** An applicant as the window registers it (代录). */
export type HistoryApplicant = { kind: "person" | "enterprise"; name: string; userId: string };

/** The service items the history files, with who may apply and a valid form for each. */
export const HISTORY_ITEMS: {
  code: string;
  /** Relative share of the window's daily intake. */
  weight: number;
  kinds: readonly ("person" | "enterprise")[];
  form(rnd: Rnd, a: HistoryApplicant, today: string): Record<string, unknown>;
}[] = [
  {
    code: "construction-land-planning-permit",
    weight: 8,
    kinds: ["enterprise"],
    form: (rnd, a, today) => ({
      projectName: `${a.name.replace(/^怀远县|有限公司$/g, "")}${pick(rnd, ["年产10万吨项目", "厂房扩建项目", "研发中心项目", "仓储配套项目"])}`,
      projectCode: projectCode(rnd, today.slice(0, 4)),
      location: devZone(rnd),
      landArea: round(5_000 + rnd() * 60_000),
      landUse: pick(rnd, ["工业用地", "仓储用地", "商业服务业用地"]),
      supplyMethod: "出让",
      contractNo: `怀土出〔${today.slice(0, 4)}〕${between(rnd, 1, 90)}号`,
    }),
  },
  {
    code: "site-selection-and-land-pre-review",
    weight: 4,
    kinds: ["enterprise"],
    form: (rnd, a) => ({
      projectName: `${a.name.replace(/^怀远县|有限公司$/g, "")}${pick(rnd, ["新建项目", "二期项目"])}`,
      location: devZone(rnd),
      landArea: round(0.5 + rnd() * 8, 2),
      supplyMethod: pick(rnd, ["出让", "划拨"]),
    }),
  },
  {
    code: "rural-construction-planning-permit",
    weight: 3,
    kinds: ["enterprise", "person"],
    form: (rnd) => ({
      projectName: `${pick(rnd, VILLAGES)}${pick(rnd, ["村民活动中心", "农产品加工厂房", "村级卫生室", "文化广场配套用房"])}`,
      township: pick(rnd, TOWNSHIPS),
      village: pick(rnd, VILLAGES),
      landArea: round(200 + rnd() * 3_000),
      buildingArea: round(150 + rnd() * 2_000),
      purpose: pick(rnd, ["乡镇企业", "乡村公共设施", "乡村公益事业"]),
    }),
  },
  {
    code: "state-land-first-registration",
    weight: 6,
    kinds: ["enterprise"],
    form: (rnd, a, today) => ({
      rightHolder: a.name,
      parcelLocation: devZone(rnd),
      parcelArea: round(5_000 + rnd() * 60_000),
      landUse: pick(rnd, ["工业用地", "仓储用地", "商业服务业用地"]),
      rightNature: "出让",
      contractNo: `怀土出〔${today.slice(0, 4)}〕${between(rnd, 1, 90)}号`,
      termStart: today,
      termEnd: isoPlus(today, 50),
    }),
  },
  {
    code: "state-land-and-house-transfer-registration",
    weight: 14,
    kinds: ["person"],
    form: (rnd, a) => ({
      transferor: personName(rnd),
      transferee: a.name,
      location: `${address(rnd)}${between(rnd, 1, 30)}栋${between(rnd, 101, 2603)}室`,
      buildingArea: round(60 + rnd() * 90, 2),
      housingType: "住宅",
      rightNature: "市场化商品房",
      transferReason: pick(rnd, ["买卖", "买卖", "买卖", "赠与", "继承"]),
    }),
  },
  {
    code: "mortgage-first-registration",
    weight: 12,
    kinds: ["person"],
    form: (rnd, a, today) => ({
      mortgagor: a.name,
      mortgagee: pick(rnd, [
        "中国农业银行怀远县支行",
        "中国建设银行怀远支行",
        "怀远农村商业银行",
        "中国邮政储蓄银行怀远县支行",
      ]),
      location: `${address(rnd)}${between(rnd, 1, 30)}栋${between(rnd, 101, 2603)}室`,
      certificateNo: `皖（${Number(today.slice(0, 4)) - between(rnd, 1, 6)}）怀远县不动产权第${String(between(rnd, 1, 99_999)).padStart(7, "0")}号`,
      securedAmount: between(rnd, 10, 120),
      debtStart: today,
      debtEnd: isoPlus(today, between(rnd, 10, 30)),
    }),
  },
  {
    code: "temporary-land-use-approval",
    weight: 2,
    kinds: ["enterprise"],
    form: (rnd, a, today) => ({
      projectName: `${a.name.replace(/^怀远县|有限公司$/g, "")}施工配套`,
      purpose: pick(rnd, ["施工便道", "施工营地", "材料堆场"]),
      location: devZone(rnd),
      area: round(500 + rnd() * 5_000),
      startDate: today,
      months: between(rnd, 6, 24),
    }),
  },
  {
    code: "real-estate-records-inquiry",
    weight: 10,
    kinds: ["person"],
    form: (rnd) => ({
      applicantRole: "权利人",
      queryScope: pick(rnd, ["登记结果", "无房证明", "登记结果"]),
      purpose: pick(rnd, ["办理贷款。", "子女入学。", "办理公积金提取。", "诉讼需要。"]),
    }),
  },
];

export { address as demoAddress };
