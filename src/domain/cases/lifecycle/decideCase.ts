import { owedBlocking } from "../deferred";
import { type CaseCommandDefinition, problem, required } from "./definition";

/** 作出决定 (Art. 37–38): approve or deny with reasons, once every review task is finished. */
export const decideCase: CaseCommandDefinition<"decide"> = {
  from: ["accepted", "in_review"],
  to: (_s, cmd) => (cmd.outcome === "approve" ? "approved" : "denied"),
  event: "case.decided",
  label: "作出决定",
  guard(_state, cmd, ctx) {
    const out = required("reasons", cmd.reasons, "决定理由", "The reasons of the decision");
    if (ctx.review.open > 0) {
      out.push(
        problem(
          "review",
          "review_open",
          `尚有 ${ctx.review.open} 项审查任务未完成`,
          `${ctx.review.open} review task(s) are still open`,
        ),
      );
    }
    if (cmd.outcome === "approve") out.push(...owedBlocking(ctx, "decide"));
    return out;
  },
  apply(s, cmd, ctx) {
    s.decision = { outcome: cmd.outcome, reasons: cmd.reasons, decidedAt: ctx.now.toISOString() };
  },
};
