import { type CaseCommandDefinition, required, same } from "./definition";

/** 审查通过: a reviewer approves their task with an opinion. */
export const recommendTask: CaseCommandDefinition<"recommend"> = {
  from: ["in_review"],
  to: same,
  event: "review.recommended",
  label: "审查通过",
  guard: (_state, cmd) => required("opinion", cmd.opinion, "审查意见", "The review opinion"),
};
