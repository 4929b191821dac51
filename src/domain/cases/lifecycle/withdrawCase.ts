import { BEFORE_DECISION, type CaseCommandDefinition, to } from "./definition";

/** 申请人撤回: any time before the decision. */
export const withdrawCase: CaseCommandDefinition<"withdraw"> = {
  from: BEFORE_DECISION,
  to: to("withdrawn"),
  event: "case.withdrawn",
  label: "申请人撤回",
};
