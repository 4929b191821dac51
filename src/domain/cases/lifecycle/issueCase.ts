import { owedBlocking } from "../deferred";
import { feeProblems } from "../guards";
import { type CaseCommandDefinition, to } from "./definition";

/** 制证送达（办结）: the result is issued once nothing owed blocks it and the fees are paid (Art. 59). */
export const issueCase: CaseCommandDefinition<"issue"> = {
  from: ["approved"],
  to: to("completed"),
  event: "case.issued",
  label: "制证送达（办结）",
  guard: (_state, _cmd, ctx) => [...owedBlocking(ctx, "issue"), ...feeProblems(ctx)],
};
