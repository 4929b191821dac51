import { type CaseCommandDefinition, to } from "./definition";

/** 补正后重新提交: complete materials are received on resubmission; the 5-day check runs from then (Art. 32). */
export const resubmitCase: CaseCommandDefinition<"resubmit"> = {
  from: ["correction_requested"],
  to: to("submitted"),
  event: "case.resubmitted",
  label: "补正后重新提交",
  apply(s, _cmd, ctx) {
    s.receivedOn = ctx.effectiveDate;
  },
};
