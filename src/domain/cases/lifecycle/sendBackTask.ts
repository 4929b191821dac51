import { type CaseCommandDefinition, required, same } from "./definition";

/** 审查退回: a task is returned with an opinion; returns between departments are counted. */
export const sendBackTask: CaseCommandDefinition<"sendBack"> = {
  from: ["in_review"],
  to: same,
  event: "review.sent_back",
  label: "审查退回",
  guard: (_state, cmd) => required("opinion", cmd.opinion, "审查意见", "The review opinion"),
  apply(s) {
    s.returnsCount += 1;
  },
};
