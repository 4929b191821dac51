import { caseDeadline } from "../../../../domain/cases/clock";
import { createNotice } from "../documents";
import { deadlineOf, type Effect, toApplicant } from "../effects";

/** Effects of 延期 (Art. 42): the extension notice with the deadlines before and after. */
export const extendCase: Effect<"extend"> = async (env) => {
  const deadline = deadlineOf(env);
  // The deadline before the extension: the same clock without this command's extra days.
  const originalDeadline =
    caseDeadline(env.cal, { ...env.next, extensionDays: env.c.extensionDays }, env.today)?.deadline ?? null;
  const notice = await createNotice(
    env.tx,
    env.c,
    "extension",
    env.today,
    { days: env.cmd.days, reason: env.cmd.reason, originalDeadline, deadline },
    env.now,
    env.later,
  );
  return {
    eventData: { documentId: notice.id, deadline },
    notifications: [await toApplicant(env, "case.extended", { reason: env.cmd.reason, deadline })],
  };
};
