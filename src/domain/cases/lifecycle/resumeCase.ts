import type { CaseCommandDefinition } from "./definition";

/** 特别程序结束，恢复计时: back to the status it was suspended in; the pause is closed on the record. */
export const resumeCase: CaseCommandDefinition<"resume"> = {
  from: ["suspended"],
  to: (s) => s.resumeTo ?? "in_review",
  event: "case.resumed",
  label: "特别程序结束，恢复计时",
  apply(s, cmd, ctx) {
    const open = s.pauses.find((p) => p.to === null);
    if (open) {
      // The pause covers the days from the suspension up to the day before resumption; resumed on
      // the day it began, it covers no day (to = the day before from) but stays on the record.
      const resumedOn = [ctx.today, open.from].sort()[1];
      open.to = ctx.calendar.previousDate(resumedOn);
      open.resumedOn = resumedOn;
      if (cmd.result?.trim()) open.result = cmd.result.trim();
    }
    s.resumeTo = null;
  },
  eventData(_cmd, prev, next) {
    const i = prev.pauses.findIndex((p) => p.to === null);
    return { pause: i >= 0 ? next.pauses[i] : null };
  },
};
