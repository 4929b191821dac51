import { deferredProblems } from "../deferred";
import { type CaseCommandDefinition, DEFERRED_OWED_IN, same } from "./definition";

/** 核验补交的容缺材料: passed (the commitment is fulfilled) or defective (still owed, with a note). */
export const checkDeferred: CaseCommandDefinition<"checkDeferred"> = {
  from: DEFERRED_OWED_IN,
  to: same,
  event: "material.deferred_checked",
  label: "核验补交的容缺材料",
  guard: (_state, cmd, ctx) => deferredProblems(cmd, ctx),
};
