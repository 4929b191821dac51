import { type CaseCommandDefinition, problem, to } from "./definition";

/** 视为受理 (Art. 32): not told within 5 working days, the case is accepted from the day of receipt. */
export const deemAccepted: CaseCommandDefinition<"deemAccepted"> = {
  from: ["submitted", "correction_requested"],
  to: to("accepted"),
  event: "case.deemed_accepted",
  label: "逾期未告知，视为受理",
  guard: (_state, _cmd, ctx) =>
    ctx.checkDueOn && ctx.today > ctx.checkDueOn
      ? []
      : [
          problem(
            "today",
            "check_not_due",
            "受理审查期限（5 个工作日）尚未届满",
            "The 5-working-day check period has not ended",
          ),
        ],
  apply(s, _cmd, ctx) {
    s.acceptedOn = s.receivedOn ?? ctx.today;
  },
  eventData: (_cmd, _prev, next) => ({ acceptedOn: next.acceptedOn }),
};
