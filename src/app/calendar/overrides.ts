/**
 * Local calendar decisions of an organization (本地调整): offices closed on a working day (e.g. extreme
 * weather) or open on a rest day. They apply to the organization and every organization below it,
 * and are managed by the administrators over that organization.
 */
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "../../db/client";
import { calendarOverrides, organizations } from "../../db/schema";
import { tryIsoToDay } from "../../domain/calendar";
import { invalid, notFound, YizhanError } from "../../domain/errors";
import type { ZCreateOverride } from "../../shared/api/requests/calendar";
import { type Actor, hasRoleOver } from "../actor";
import { recordAdminAudit } from "../audit/adminAudit";
import type { AppContext } from "../context";
import { abilities, authorize } from "../policies";
import { bumpCalendarVersion } from "./arrangements";
import { type CalendarOrg, calendarChanged, getWorkingCalendar, resolveOrg } from "./getWorkingCalendar";

export type TCreateOverride = z.infer<typeof ZCreateOverride>;

/** An override as the API shows it. */
export type OverrideItem = {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  date: string;
  kind: "closed" | "open";
  reason: string;
  createdAt: string;
  abilities: Record<string, boolean>;
};

const SELECT = {
  id: calendarOverrides.id,
  orgId: calendarOverrides.orgId,
  orgCode: organizations.code,
  orgName: organizations.name,
  orgPath: organizations.path,
  date: calendarOverrides.date,
  kind: calendarOverrides.kind,
  reason: calendarOverrides.reason,
  createdAt: calendarOverrides.createdAt,
};

type Row = { orgPath: string; createdAt: Date } & Omit<OverrideItem, "createdAt" | "abilities">;

function present(actor: Actor, r: Row): OverrideItem {
  const { orgPath, ...rest } = r;
  return {
    ...rest,
    createdAt: r.createdAt.toISOString(),
    abilities: abilities(actor, "calendarOverride", { orgPath }),
  };
}

/** 409 when the organization already has an override on that date (one per organization and date). */
async function refuseDuplicate(ex: Executor, org: CalendarOrg, date: string): Promise<void> {
  const [dup] = await ex
    .select({ id: calendarOverrides.id })
    .from(calendarOverrides)
    .where(and(eq(calendarOverrides.orgId, org.id), eq(calendarOverrides.date, date)));
  if (dup) {
    throw new YizhanError(
      "calendar_override_exists",
      409,
      {
        "zh-CN": `${org.name} 在 ${date} 已有本地调整，请先删除`,
        "en-US": `${org.code} already has an override on ${date}; delete it first`,
      },
      { field: "date" },
    );
  }
}

/** The overrides of the organizations the administrator manages (optionally of one of them), by date. */
export async function listOverrides(ctx: AppContext, actor: Actor, org?: string): Promise<OverrideItem[]> {
  authorize(actor, "listOverrides", "calendar", null);
  const only = org ? await resolveOrg(ctx, org) : null;
  const rows = await ctx.database.db
    .select(SELECT)
    .from(calendarOverrides)
    .innerJoin(organizations, eq(organizations.id, calendarOverrides.orgId))
    .where(only ? eq(calendarOverrides.orgId, only.id) : undefined)
    .orderBy(asc(calendarOverrides.date), asc(organizations.code));
  return rows.filter((r) => hasRoleOver(actor, r.orgPath, "admin")).map((r) => present(actor, r));
}

/**
 * Adds a local closure or extra working day. A closure must fall on a working day and an opening on a
 * rest day of the organization's calendar; one override per organization and date.
 */
export async function createOverride(
  ctx: AppContext,
  actor: Actor,
  input: TCreateOverride,
): Promise<OverrideItem> {
  const org = await resolveOrg(ctx, input.org);
  authorize(actor, "create", "calendarOverride", { orgPath: org.path });
  await refuseDuplicate(ctx.database.db, org, input.date);
  const cal = await getWorkingCalendar(ctx, org.id);
  const day = tryIsoToDay(input.date);
  if (Number.isNaN(day) || day < cal.minDay || day > cal.maxDay) {
    throw invalid("date", "date_invalid", {
      "zh-CN": `日期无效或超出日历范围：${input.date}`,
      "en-US": `Invalid date or outside the calendar: ${input.date}`,
    });
  }
  const working = cal.isWorkingDayN(day);
  if (input.kind === "closed" && !working) {
    throw invalid("date", "not_a_working_day", {
      "zh-CN": `${input.date} 本来就不是工作日，无需闭馆调整`,
      "en-US": `${input.date} is not a working day; there is nothing to close`,
    });
  }
  if (input.kind === "open" && working) {
    throw invalid("date", "already_working_day", {
      "zh-CN": `${input.date} 本来就是工作日，无需加班调整`,
      "en-US": `${input.date} is already a working day`,
    });
  }
  const presented = await ctx.database.db.transaction(async (tx) => {
    await refuseDuplicate(tx, org, input.date);
    const [created] = await tx
      .insert(calendarOverrides)
      .values({ ...input, orgId: org.id, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning({ id: calendarOverrides.id });
    await bumpCalendarVersion(tx);
    await recordAdminAudit(tx, actor, ctx.clock.now(), {
      action: "calendar.override_created",
      targetType: "calendar",
      targetId: created.id,
      targetLabel: `${org.code} ${input.date}`,
      orgPath: org.path,
      detail: { org: org.code, date: input.date, kind: input.kind, reason: input.reason ?? null },
    });
    const [row] = await tx
      .select(SELECT)
      .from(calendarOverrides)
      .innerJoin(organizations, eq(organizations.id, calendarOverrides.orgId))
      .where(eq(calendarOverrides.id, created.id));
    return present(actor, row);
  });
  calendarChanged();
  return presented;
}

/** Removes a local override (administrator over its organization). */
export async function deleteOverride(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        orgPath: organizations.path,
        orgCode: organizations.code,
        date: calendarOverrides.date,
        kind: calendarOverrides.kind,
      })
      .from(calendarOverrides)
      .innerJoin(organizations, eq(organizations.id, calendarOverrides.orgId))
      .where(eq(calendarOverrides.id, id));
    if (!row) throw notFound({ "zh-CN": "本地调整", "en-US": "Calendar override" });
    authorize(actor, "delete", "calendarOverride", row);
    await tx.delete(calendarOverrides).where(eq(calendarOverrides.id, id));
    await bumpCalendarVersion(tx);
    await recordAdminAudit(tx, actor, ctx.clock.now(), {
      action: "calendar.override_deleted",
      targetType: "calendar",
      targetId: id,
      targetLabel: `${row.orgCode} ${row.date}`,
      orgPath: row.orgPath,
      detail: { org: row.orgCode, date: row.date, kind: row.kind },
    });
  });
  calendarChanged();
}
