import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { projects } from "../../db/schema";
import { versionConflict } from "../../domain/errors";
import { decideStageChange, STAGE_NAMES } from "../../domain/projects/projectStage";
import type { ZChangeProjectStage } from "../../shared/api/requests/projects";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { appendProjectEvent, authorizedProject } from "./projectRows";

export type TChangeProjectStage = z.infer<typeof ZChangeProjectStage>;

/**
 * Moves a project forward to its next stage (or, with a reason, to a later one) of the four stages of
 * the construction-project approval reform (国办发〔2019〕11号), with an optimistic version check;
 * the change and its note go on the project's timeline.
 */
export async function changeProjectStage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TChangeProjectStage,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = await authorizedProject(tx, actor, id, "changeProjectStage");
    if (p.version !== input.expectedVersion) throw versionConflict(input.expectedVersion, p.version);
    const to = decideStageChange(p.stage, { to: input.stage, reason: input.reason });
    const updated = await tx
      .update(projects)
      .set({ stage: to, version: sql`${projects.version} + 1`, updatedAt: now })
      .where(and(eq(projects.id, p.id), eq(projects.version, input.expectedVersion)))
      .returning({ version: projects.version });
    if (updated.length === 0) throw versionConflict(input.expectedVersion, p.version + 1);
    const reason = input.reason?.trim() || null;
    await appendProjectEvent(
      tx,
      p.id,
      actor.userId,
      now,
      "project.stage_changed",
      `阶段推进：${STAGE_NAMES[p.stage]["zh-CN"]} → ${STAGE_NAMES[to]["zh-CN"]}（${input.note}）`,
      { from: p.stage, to, note: input.note, reason },
    );
    return { from: p.stage, to, version: updated[0].version };
  });
}
