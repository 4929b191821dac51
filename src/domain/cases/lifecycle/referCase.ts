import { type CaseCommandDefinition, required, to } from "./definition";

/** 转办: the case goes to the organization competent for it (a township), with the reason. */
export const referCase: CaseCommandDefinition<"refer"> = {
  from: ["submitted", "correction_requested"],
  to: to("referred"),
  event: "case.referred",
  label: "转办",
  guard: (_state, cmd) => [
    ...required("toOrgCode", cmd.toOrgCode, "转办机构", "The receiving organization"),
    ...required("reason", cmd.reason, "转办理由", "The reason"),
  ],
};
