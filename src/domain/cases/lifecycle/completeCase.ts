import { type CaseCommandDefinition, to } from "./definition";

/** 送达决定（办结）: a denial is served and the case closes. */
export const completeCase: CaseCommandDefinition<"complete"> = {
  from: ["denied"],
  to: to("completed"),
  event: "case.completed",
  label: "送达决定（办结）",
};
