import { acceptanceProblems, deferralProblems } from "../guards";
import { type CaseCommandDefinition, to } from "./definition";

/** 受理 (Art. 32): materials complete, or secondary ones deferred with a commitment (容缺); the clock starts. */
export const acceptCase: CaseCommandDefinition<"accept"> = {
  from: ["submitted"],
  to: to("accepted"),
  event: "case.accepted",
  label: "受理",
  guard(state, cmd, ctx) {
    const deferred = cmd.deferred ?? [];
    return [...deferralProblems(deferred, state, ctx), ...acceptanceProblems(deferred, ctx)];
  },
  apply(s, _cmd, ctx) {
    s.acceptedOn = ctx.effectiveDate;
  },
  eventData: (_cmd, _prev, next) => ({ acceptedOn: next.acceptedOn }),
};
