import { deferredProblems } from "../deferred";
import { type CaseCommandDefinition, DEFERRED_OWED_IN, same } from "./definition";

/** 补交容缺材料: from acceptance on; on a completed case too when the result was issued first on a condition. */
export const deliverDeferred: CaseCommandDefinition<"deliverDeferred"> = {
  from: DEFERRED_OWED_IN,
  to: same,
  event: "material.deferred_delivered",
  label: "补交容缺材料",
  guard: (_state, cmd, ctx) => deferredProblems(cmd, ctx),
};
