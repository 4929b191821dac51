/**
 * Open data (政府数据开放): the published decisions and figures as CSV (UTF-8 with a byte order mark, so
 * Excel reads the Chinese) and JSON, and the catalogue that lists them with absolute links built on the
 * configured public address and a description of every field.
 */
import { csvBytes } from "../../adapters/spreadsheet/xlsx";
import type { TOpenDataCatalog, TPublicDecision } from "../../shared/api/publicPortal";
import type { AppContext } from "../context";
import { allPublicDecisions } from "./decisions";
import { getPublicFigures } from "./figures";

type Field = { name: string; zh: string; en: string };

const DECISION_FIELDS: Field[] = [
  { name: "caseNumber", zh: "办件编号", en: "Case number" },
  { name: "permitNumber", zh: "许可证号（尚未发证时为空）", en: "Permit number (empty until issued)" },
  { name: "permitName", zh: "证照名称", en: "Certificate name" },
  {
    name: "permitState",
    zh: "证照状态：valid 有效，revoked 已撤销/注销，expired 已过期，pending 待发证",
    en: "Permit state: valid, revoked (revoked or cancelled), expired, pending (not issued yet)",
  },
  { name: "revokedOn", zh: "撤销/注销日期", en: "Date revoked or cancelled" },
  {
    name: "holderName",
    zh: "被许可人（仅企业或其他法人；自然人不公开，为空）",
    en: "Holder (enterprises and other legal persons only; empty for a natural person)",
  },
  {
    name: "holderCode",
    zh: "被许可人统一社会信用代码（仅企业）",
    en: "Holder's unified social credit code (enterprises only)",
  },
  {
    name: "holderKind",
    zh: "被许可人类型：enterprise 法人，person 自然人",
    en: "Holder kind: enterprise or person",
  },
  { name: "itemCode", zh: "事项代码", en: "Item code" },
  { name: "itemName", zh: "事项名称", en: "Item name" },
  { name: "decidedOn", zh: "决定日期", en: "Date of the decision" },
  {
    name: "location",
    zh: "项目或用地位置（自然人的不公开，为空）",
    en: "Project or land location (empty for a natural person)",
  },
  { name: "orgName", zh: "作出决定的机关", en: "Deciding organization" },
];

const FIGURE_FIELDS: Field[] = [
  { name: "month", zh: "月份（YYYY-MM）", en: "Month (YYYY-MM)" },
  { name: "orgName", zh: "部门（空：全部部门）", en: "Department (empty: all departments)" },
  { name: "accepted", zh: "受理量", en: "Cases accepted" },
  { name: "completed", zh: "办结量", en: "Cases completed" },
  {
    name: "completionRate",
    zh: "办结率（当月受理件中已办结的比例）",
    en: "Completion rate (of the month's accepted cases)",
  },
  {
    name: "onTimeRate",
    zh: "按时办结率（按期办结件 / 办结件）",
    en: "On-time rate (completed by the deadline / completed)",
  },
  {
    name: "satisfactionRate",
    zh: "满意率（基本满意及以上 / 评价数）",
    en: "Satisfaction rate (rated fair or better / ratings)",
  },
];

const fieldsOf = (list: Field[]) =>
  list.map((f) => ({ name: f.name, description: { "zh-CN": f.zh, "en-US": f.en } }));

/** The catalogue of the open data sets, with absolute links (getOpenDataCatalog). */
export function openDataCatalog(ctx: AppContext): TOpenDataCatalog {
  const base = `${ctx.config.publicUrl}/api/public/open-data`;
  return {
    publicUrl: ctx.config.publicUrl,
    licence: {
      "zh-CN": "可自由下载、使用和转载，请注明来源；数据不含自然人个人信息。",
      "en-US":
        "Free to download, use and republish with attribution; the data holds no natural person's data.",
    },
    datasets: [
      {
        key: "decisions",
        title: { "zh-CN": "行政许可决定公开", "en-US": "Published licence decisions" },
        description: {
          "zh-CN":
            "已作出准予许可决定的行政许可事项，含许可证号、法人被许可人、事项、决定日期、位置和决定机关。",
          "en-US":
            "Approved decisions on administrative licences: permit number, enterprise holder, item, date, location and deciding organization.",
        },
        csvUrl: `${base}/decisions.csv`,
        jsonUrl: `${base}/decisions.json`,
        fields: fieldsOf(DECISION_FIELDS),
      },
      {
        key: "figures",
        title: { "zh-CN": "政务服务运行数据", "en-US": "Service figures" },
        description: {
          "zh-CN": "近12个月按月、按部门统计的受理量、办结量、办结率、按时办结率和满意率。",
          "en-US":
            "The last 12 months by month and department: accepted, completed, completion rate, on-time rate, satisfaction rate.",
        },
        csvUrl: `${base}/figures.csv`,
        jsonUrl: `${base}/figures.json`,
        fields: fieldsOf(FIGURE_FIELDS),
      },
    ],
  };
}

/** The decisions data set (JSON). */
export async function openDecisions(ctx: AppContext) {
  return {
    dataset: "decisions" as const,
    generatedAt: ctx.clock.now().toISOString(),
    source: `${ctx.config.publicUrl}/decisions`,
    items: await allPublicDecisions(ctx),
  };
}

/** The figures data set (JSON): one row per month for all departments, then per month and department. */
export async function openFigures(ctx: AppContext) {
  const f = await getPublicFigures(ctx, {});
  const items = [
    ...f.byMonth.map((m) => ({ ...m, orgName: null })),
    ...f.byDepartment.map((d) => ({ ...d, month: `${f.fromMonth}/${f.toMonth}` })),
  ];
  return {
    dataset: "figures" as const,
    generatedAt: ctx.clock.now().toISOString(),
    source: `${ctx.config.publicUrl}/figures`,
    items,
  };
}

const rate = (r: { value: number | null }) => (r.value === null ? "" : r.value);

/** The decisions as CSV (header row in Chinese, then the field names' order of the catalogue). */
export async function decisionsCsv(ctx: AppContext): Promise<Uint8Array> {
  const { items } = await openDecisions(ctx);
  const row = (d: TPublicDecision) => DECISION_FIELDS.map((f) => d[f.name as keyof TPublicDecision] ?? null);
  return csvBytes([DECISION_FIELDS.map((f) => f.zh.replace(/（.*$/, "")), ...items.map(row)]);
}

/** The figures as CSV. */
export async function figuresCsv(ctx: AppContext): Promise<Uint8Array> {
  const { items } = await openFigures(ctx);
  return csvBytes([
    FIGURE_FIELDS.map((f) => f.zh.replace(/（.*$/, "")),
    ...items.map((r) => [
      r.month,
      r.orgName,
      r.accepted,
      r.completed,
      rate(r.completionRate),
      rate(r.onTimeRate),
      rate(r.satisfactionRate),
    ]),
  ]);
}
