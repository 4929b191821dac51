import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { evaluationSettings, organizations } from "../../db/schema";
import {
  DEFAULT_CALLBACK_WORKING_DAYS,
  DEFAULT_RECTIFY_WORKING_DAYS,
} from "../../domain/evaluations/evaluation";

export type EvaluationSettings = {
  callbackWorkingDays: number;
  rectifyWorkingDays: number;
  acceptanceItemCodes: string[];
};

/**
 * The evaluation settings of an organization: its own row, else the nearest organization above it
 * with one, else the defaults (callback 1, rectification 15 working days, no invitation at acceptance).
 */
export async function settingsFor(ex: Executor, orgPath: string): Promise<EvaluationSettings> {
  const rows = await ex
    .select({ s: evaluationSettings, path: organizations.path })
    .from(evaluationSettings)
    .innerJoin(organizations, eq(organizations.id, evaluationSettings.orgId));
  const best = rows
    .filter((r) => orgPath.startsWith(r.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return best
    ? {
        callbackWorkingDays: best.s.callbackWorkingDays,
        rectifyWorkingDays: best.s.rectifyWorkingDays,
        acceptanceItemCodes: best.s.acceptanceItemCodes,
      }
    : {
        callbackWorkingDays: DEFAULT_CALLBACK_WORKING_DAYS,
        rectifyWorkingDays: DEFAULT_RECTIFY_WORKING_DAYS,
        acceptanceItemCodes: [],
      };
}
