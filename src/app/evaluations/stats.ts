import { and, desc, eq, gt, gte, lte, ne } from "drizzle-orm";
import { cases, evaluationMonthCounts, evaluations, organizations, rectifications } from "../../db/schema";
import { invalid } from "../../domain/errors";
import { LEVELS, type Level, satisfactionFigures } from "../../domain/evaluations/evaluation";
import type { TSatisfactionStats } from "../../shared/api/evaluations";
import { calendarFor, localDates } from "../calendar/access";
import type { AppContext } from "../context";
import { publishableComment } from "./present";
import { overdueOf } from "./rectifications";
import { shanghaiMonth } from "./submit";

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const t = y * 12 + (m - 1) - n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

/**
 * The published figures (getSatisfactionStats, public, anonymous; 阳光下工作): satisfaction rate (share
 * of 基本满意 or better), number of ratings, bad ratings and their rectification status — overall and
 * per month, department and item. Ratings whose appeal was upheld do not count; dismissed ones do.
 * Comments only where the applicant allowed it, with personal data removed.
 */
export async function getSatisfactionStats(
  ctx: AppContext,
  q: { from?: string; to?: string },
): Promise<TSatisfactionStats> {
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const to = q.to ?? shanghaiMonth(now);
  const from = q.from ?? monthsBefore(to, 5);
  if (from > to)
    throw invalid("from", "after_to", { "zh-CN": "起始月份晚于结束月份", "en-US": "`from` is after `to`" });
  const inRange = and(
    gte(evaluations.month, from),
    lte(evaluations.month, to),
    ne(evaluations.appealStatus, "upheld"),
  );
  // The counted ratings by month, office, item and level: from the summary kept with every rating and
  // appeal decision (evaluation_month_counts), not a count over the ratings of the months.
  const groups = await db
    .select({
      month: evaluationMonthCounts.month,
      orgId: evaluationMonthCounts.orgId,
      orgName: organizations.name,
      itemCode: evaluationMonthCounts.itemCode,
      itemName: evaluationMonthCounts.itemName,
      level: evaluationMonthCounts.level,
      n: evaluationMonthCounts.n,
    })
    .from(evaluationMonthCounts)
    .innerJoin(organizations, eq(organizations.id, evaluationMonthCounts.orgId))
    .where(
      and(
        gte(evaluationMonthCounts.month, from),
        lte(evaluationMonthCounts.month, to),
        gt(evaluationMonthCounts.n, 0),
      ),
    );
  const fold = <K extends string>(key: (g: (typeof groups)[number]) => K) => {
    const m = new Map<K, { levels: Level[]; sample: (typeof groups)[number] }>();
    for (const g of groups) {
      const k = key(g);
      const e = m.get(k) ?? { levels: [], sample: g };
      for (let i = 0; i < g.n; i++) e.levels.push(g.level as Level);
      m.set(k, e);
    }
    return m;
  };
  const months: string[] = [];
  for (let m = from; m <= to; m = monthsBefore(m, -1)) months.push(m);
  const byMonth = fold((g) => g.month);
  const byOrg = fold((g) => g.orgId);
  const byItem = fold((g) => g.itemCode);

  // Rectifications of the counted bad ratings of the range.
  const cal = await calendarFor(ctx, null);
  const { today } = localDates(cal, now);
  const rects = await db
    .select({ r: rectifications })
    .from(rectifications)
    .innerJoin(evaluations, eq(evaluations.id, rectifications.evaluationId))
    // A rectification is opened with (or after) its rating: those opened before the first month's
    // start cannot belong to the range, and leaving them out lets the join probe the ratings by key
    // instead of reading every rating (docs/performance.md §3).
    .where(
      and(
        gte(rectifications.createdAt, new Date(`${from}-01T00:00:00+08:00`)),
        gte(evaluations.month, from),
        lte(evaluations.month, to),
      ),
    );
  const rectCounts = { open: 0, rectified: 0, overdue: 0, void: 0 };
  for (const { r } of rects) {
    if (r.status === "rectified") rectCounts.rectified++;
    else if (r.status === "void") rectCounts.void++;
    else {
      rectCounts.open++;
      if (overdueOf(r, today)) rectCounts.overdue++;
    }
  }

  const published = await db
    .select({
      month: evaluations.month,
      itemName: evaluations.itemName,
      level: evaluations.level,
      comment: evaluations.comment,
      applicant: cases.applicant,
      agent: cases.agent,
    })
    .from(evaluations)
    .innerJoin(cases, eq(cases.id, evaluations.caseId))
    .where(and(inRange, eq(evaluations.commentPublic, true)))
    .orderBy(desc(evaluations.submittedAt))
    .limit(20);

  const all = groups.flatMap((g) => Array<Level>(g.n).fill(g.level as Level));
  return {
    fromMonth: from,
    toMonth: to,
    overall: satisfactionFigures(all),
    rectifications: rectCounts,
    byMonth: months.map((month) => ({ month, ...satisfactionFigures(byMonth.get(month)?.levels ?? []) })),
    byDepartment: [...byOrg.values()]
      .map((e) => ({ orgId: e.sample.orgId, orgName: e.sample.orgName, ...satisfactionFigures(e.levels) }))
      .sort((a, b) => b.ratings - a.ratings),
    byItem: [...byItem.values()]
      .map((e) => ({
        itemCode: e.sample.itemCode,
        itemName: e.sample.itemName,
        ...satisfactionFigures(e.levels),
      }))
      .sort((a, b) => b.ratings - a.ratings),
    comments: published.flatMap((p) =>
      p.comment && LEVELS.includes(p.level as Level)
        ? [
            {
              month: p.month,
              itemName: p.itemName,
              level: p.level as Level,
              text: publishableComment(p.comment, [
                p.applicant.name,
                p.applicant.legalRepresentative,
                p.agent?.name,
              ]),
            },
          ]
        : [],
    ),
  };
}
