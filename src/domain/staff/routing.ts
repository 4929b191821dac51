/**
 * Staff posts (岗位) and the AB岗 rule: each post has a holder (A岗) and a backup (B岗); new work for
 * the post goes to the holder, or to the backup while the holder is absent on that working day.
 * Pure: the app layer reads the posts and absences and applies what these functions decide.
 */

/** What a post does: intake at a window (窗口受理), or the review work of its section (审查). */
export const POST_DUTIES = ["window_intake", "review"] as const;
export type PostDuty = (typeof POST_DUTIES)[number];

/** Why someone is away: leave (请假), training (培训), a business trip (出差), other. */
export const ABSENCE_REASONS = ["leave", "training", "business_trip", "other"] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export type PostForRouting = {
  id: string;
  orgId: string;
  duty: PostDuty;
  /** A review step code: the post takes only that step's tasks; null = all of its section's review work. */
  stepCode: string | null;
  holderId: string | null;
  backupId: string | null;
  createdAt: Date;
};

export type AbsenceForRouting = {
  userId: string;
  fromDate: string;
  toDate: string;
  reason: AbsenceReason;
  /** An absence ended early (the person came back) counts no longer. */
  endedAt: Date | null;
};

/** The absence of `userId` covering `day` (inclusive dates), if any and not ended. */
export function absenceOn<A extends AbsenceForRouting>(absences: A[], userId: string, day: string): A | null {
  return (
    absences.find((a) => a.userId === userId && !a.endedAt && a.fromDate <= day && day <= a.toDate) ?? null
  );
}

/**
 * The post responsible for a piece of work: a post of the organization with the duty, the one naming
 * the step before a general one, then the oldest.
 */
export function postFor<P extends PostForRouting>(
  posts: P[],
  work: { orgId: string; duty: PostDuty; stepCode?: string | null },
): P | null {
  const mine = posts
    .filter((p) => p.orgId === work.orgId && p.duty === work.duty)
    .filter((p) => p.stepCode === null || p.stepCode === (work.stepCode ?? null))
    .sort(
      (a, b) =>
        Number(b.stepCode !== null) - Number(a.stepCode !== null) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  return mine[0] ?? null;
}

/** Who gets a piece of new work, and why (what the case log records). */
export type Routing =
  | { assigneeId: string; via: "holder" }
  | { assigneeId: string; via: "backup"; holderId: string; reason: AbsenceReason }
  /** Nobody in particular: no holder, or the holder away with no backup present (the section claims it). */
  | { assigneeId: null; via: "unassigned"; holderId: string | null; reason: AbsenceReason | null };

/**
 * AB岗: the holder, or the backup while the holder is absent on `day`; when both are away (or the post
 * has nobody) the work stays with the section, unassigned, for anyone of it to claim.
 */
export function routeWork(post: PostForRouting, absences: AbsenceForRouting[], day: string): Routing {
  if (!post.holderId) return { assigneeId: null, via: "unassigned", holderId: null, reason: null };
  const away = absenceOn(absences, post.holderId, day);
  if (!away) return { assigneeId: post.holderId, via: "holder" };
  if (post.backupId && post.backupId !== post.holderId && !absenceOn(absences, post.backupId, day))
    return { assigneeId: post.backupId, via: "backup", holderId: post.holderId, reason: away.reason };
  return { assigneeId: null, via: "unassigned", holderId: post.holderId, reason: away.reason };
}

/** How pressing a piece of open work is, from the case's clock and the task's own due date. */
export type Urgency = "normal" | "yellow" | "red";

/**
 * 黄牌 / 红牌 of an open task, with the clock states the rest of the platform uses: red when the task
 * is past its due date or the case's clock is red; yellow when the case's clock is yellow or the task
 * is due within `warnDays` working days (default 1: today or the next working day).
 */
export function taskUrgency(t: {
  caseClock: string;
  /** Working days from today to the task's due date (negative: overdue); null without a due date. */
  workingDaysToDue: number | null;
  warnDays?: number;
}): Urgency {
  const warn = t.warnDays ?? 1;
  if (t.caseClock === "red" || (t.workingDaysToDue !== null && t.workingDaysToDue < 0)) return "red";
  if (t.caseClock === "yellow" || (t.workingDaysToDue !== null && t.workingDaysToDue <= warn))
    return "yellow";
  return "normal";
}
