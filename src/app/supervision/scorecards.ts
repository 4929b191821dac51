/**
 * Monthly scorecards (检查考核): per section and per person, computed from the data only (the figures of
 * src/domain/supervision/figures.ts for one month); the supervisor writes a comment and signs. A signed
 * card is stored with its figures and is frozen: later data does not alter it, signing again is 409.
 */
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { supervisionScorecards } from "../../db/schema";
import { invalid, versionConflict, YizhanError } from "../../domain/errors";
import {
  addMonths,
  alertsOf,
  casesOfOrg,
  casesOfPerson,
  type ScorecardFigures,
  type ScorecardSubject,
  scorecardFigures,
} from "../../domain/supervision/figures";
import type {
  ZListScorecardsQuery,
  ZScorecardParams,
  ZSignScorecard,
} from "../../shared/api/requests/supervisionFigures";
import type { TScorecard, TScorecardList } from "../../shared/api/supervisionFigures";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { currentMonth, type Facts, type FigureScope, figureScope, gatherFacts } from "./facts";

type Card = {
  subjectKind: ScorecardSubject;
  subjectId: string;
  subjectName: string;
  sectionName: string | null;
  figures: ScorecardFigures;
};

const SECTION_KINDS = new Set(["section", "window"]);

/** The live (unsigned) cards of a month: each section of the scope and each of its case-handling staff. */
function liveCards(scope: FigureScope, f: Facts, month: string): Card[] {
  const attended = (userIds: Set<string>) =>
    f.attendance.filter((a) => userIds.has(a.userId) && a.heldOn.slice(0, 7) === month).length;
  // Owed at the month's end (announced by then) and not acknowledged by then.
  const unacknowledged = (userIds: Set<string>) =>
    f.notices.filter(
      (n) => userIds.has(n.userId) && n.createdMonth <= month && (n.ackMonth === null || n.ackMonth > month),
    ).length;
  const orgName = new Map(scope.orgs.map((o) => [o.id, o.name]));
  const sections = scope.orgs.filter((o) => SECTION_KINDS.has(o.kind) && scope.chosen.ids.has(o.id));
  const cards: Card[] = [];
  for (const s of sections) {
    const ids = new Set([s.id]);
    const list = casesOfOrg(f.cases, ids);
    const caseIds = new Set(list.map((c) => c.id));
    const members = new Set([...f.staff.entries()].filter(([, v]) => v.orgId === s.id).map(([k]) => k));
    cards.push({
      subjectKind: "section",
      subjectId: s.id,
      subjectName: s.name,
      sectionName: null,
      figures: scorecardFigures(
        list,
        f.ratings.filter((r) => caseIds.has(r.caseId)),
        alertsOf(f.alerts, caseIds, { orgIds: ids }),
        attended(members),
        month,
        unacknowledged(members),
      ),
    });
  }
  const people = [...f.staff.entries()]
    .filter(([, v]) => scope.chosen.ids.has(v.orgId))
    .sort(([, a], [, b]) => a.name.localeCompare(b.name, "zh-CN"));
  for (const [userId, v] of people) {
    const list = casesOfPerson(f.cases, userId);
    const caseIds = new Set(list.map((c) => c.id));
    cards.push({
      subjectKind: "person",
      subjectId: userId,
      subjectName: v.name,
      sectionName: orgName.get(v.orgId) ?? null,
      figures: scorecardFigures(
        list,
        f.ratings.filter((r) => caseIds.has(r.caseId)),
        alertsOf(f.alerts, caseIds, { userId }),
        attended(new Set([userId])),
        month,
        unacknowledged(new Set([userId])),
      ),
    });
  }
  return cards;
}

type Stored = typeof supervisionScorecards.$inferSelect;

function present(card: Card, month: string, stored: Stored | undefined): TScorecard {
  if (stored)
    return {
      month,
      subjectKind: stored.subjectKind,
      subjectId: stored.subjectId,
      subjectName: stored.subjectName,
      sectionName: stored.sectionName,
      // A card signed before the notices figure existed shows it as unknown.
      figures: { ...stored.figures, noticesUnacknowledged: stored.figures.noticesUnacknowledged ?? null },
      status: "signed",
      comment: stored.comment,
      signedBy: { id: stored.signedBy, name: stored.signedByName },
      signedAt: stored.signedAt.toISOString(),
      version: stored.version,
      abilities: { sign: false },
    };
  return {
    month,
    ...card,
    status: "draft",
    comment: null,
    signedBy: null,
    signedAt: null,
    version: 0,
    abilities: { sign: true },
  };
}

/** The month asked for (default last month); 422 for a month that has not begun. */
function monthOf(ctx: AppContext, month: string | undefined): string {
  const now = currentMonth(ctx.clock.now());
  const m = month ?? addMonths(now, -1);
  if (m > now)
    throw invalid("month", "future", { "zh-CN": "该月份尚未开始", "en-US": "That month has not begun" });
  return m;
}

/**
 * The scorecards of a month for the supervisor's tree (or one section of it): each section's card and
 * each person's, signed ones as frozen at sign-off, the others computed now. Supervisors only.
 */
export async function listScorecards(
  ctx: AppContext,
  actor: Actor,
  q: z.infer<typeof ZListScorecardsQuery>,
): Promise<TScorecardList> {
  const scope = await figureScope(ctx, actor, q.orgId);
  const month = monthOf(ctx, q.month);
  const facts = await gatherFacts(ctx, scope, month);
  const stored = await ctx.database.db
    .select()
    .from(supervisionScorecards)
    .where(and(eq(supervisionScorecards.rootOrgId, scope.root.id), eq(supervisionScorecards.month, month)));
  const key = (kind: string, id: string) => `${kind}:${id}`;
  const byKey = new Map(stored.map((s) => [key(s.subjectKind, s.subjectId), s]));
  const cards = liveCards(scope, facts, month).map((c) =>
    present(c, month, byKey.get(key(c.subjectKind, c.subjectId))),
  );
  return {
    month,
    sections: cards.filter((c) => c.subjectKind === "section"),
    people: cards.filter((c) => c.subjectKind === "person"),
  };
}

/**
 * The supervisor signs a month's card with a comment: the figures as computed now are stored and
 * frozen. `expectedVersion` 0 (the card unsigned); a signed card answers 409 (signed cards stay as
 * they are). 404 for a subject that has no card in the supervisor's tree.
 */
export async function signScorecard(
  ctx: AppContext,
  actor: Actor,
  params: z.infer<typeof ZScorecardParams>,
  input: z.infer<typeof ZSignScorecard>,
): Promise<TScorecard> {
  const scope = await figureScope(ctx, actor);
  const month = monthOf(ctx, params.month);
  const card = liveCards(scope, await gatherFacts(ctx, scope, month), month).find(
    (c) => c.subjectKind === params.kind && c.subjectId === params.subjectId,
  );
  if (!card)
    throw new YizhanError("not_found", 404, { "zh-CN": "考核对象不存在", "en-US": "No such scorecard" });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(supervisionScorecards)
      .where(
        and(
          eq(supervisionScorecards.month, month),
          eq(supervisionScorecards.subjectKind, params.kind),
          eq(supervisionScorecards.subjectId, params.subjectId),
        ),
      )
      .for("update");
    if (existing) {
      if (input.expectedVersion !== existing.version)
        throw versionConflict(input.expectedVersion, existing.version);
      throw new YizhanError("already_signed", 409, {
        "zh-CN": "该月考核表已签字确认，不能再改",
        "en-US": "This month's scorecard is already signed and frozen",
      });
    }
    if (input.expectedVersion !== 0) throw versionConflict(input.expectedVersion, 0);
    const [row] = await tx
      .insert(supervisionScorecards)
      .values({
        rootOrgId: scope.root.id,
        month,
        subjectKind: card.subjectKind,
        subjectId: card.subjectId,
        subjectName: card.subjectName,
        sectionName: card.sectionName,
        figures: card.figures,
        comment: input.comment,
        signedBy: actor.userId,
        signedByName: actor.displayName,
        signedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw versionConflict(0, 1);
    return present(card, month, row);
  });
}

const pct = (r: { value: number | null }) => (r.value === null ? null : Math.round(r.value * 1000) / 10);

/** The header and rows of a month's scorecards, for the XLSX and CSV exports (the columns of the page). */
export function scorecardRows(list: TScorecardList): (string | number | null)[][] {
  const head = [
    "月份",
    "类别",
    "对象",
    "所属科室",
    "办结件数",
    "按时办结率(%)",
    "当场办结率(%)",
    "件均跑动次数",
    "满意率(%)",
    "评价数",
    "预警（发生）",
    "预警（关闭）",
    "培训出勤",
    "未阅知变更通知",
    "状态",
    "考核意见",
    "签字人",
    "签字时间",
  ];
  const row = (c: TScorecard) => [
    c.month,
    c.subjectKind === "section" ? "科室" : "个人",
    c.subjectName,
    c.sectionName,
    c.figures.casesHandled,
    pct(c.figures.onTimeRate),
    pct(c.figures.onSpotRate),
    c.figures.visitsPerCase,
    pct(c.figures.satisfactionRate),
    c.figures.satisfactionRate.denominator,
    c.figures.alertsRaised,
    c.figures.alertsClosed,
    c.figures.trainingAttended,
    // null (an empty cell) on cards signed before the figure existed
    c.figures.noticesUnacknowledged,
    c.status === "signed" ? "已签字" : "未签字",
    c.comment,
    c.signedBy?.name ?? null,
    c.signedAt,
  ];
  return [head, ...list.sections.map(row), ...list.people.map(row)];
}
