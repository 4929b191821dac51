import { type CaseCommandDefinition, problem, to } from "./definition";

/** 分送审查: an accepted case goes to the review steps of its item. */
export const assignCase: CaseCommandDefinition<"assign"> = {
  from: ["accepted"],
  to: to("in_review"),
  event: "case.assigned",
  label: "分送审查",
  guard: (_state, _cmd, ctx) =>
    ctx.review.total > 0
      ? []
      : [problem("review", "no_review_steps", "本事项没有审查环节", "This item has no review steps")],
};
