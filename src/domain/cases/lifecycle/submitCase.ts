import { type CaseCommandDefinition, to } from "./definition";

/** 提交申请: the applicant (or the window) files a draft; it is received on that day (Art. 29). */
export const submitCase: CaseCommandDefinition<"submit"> = {
  from: ["draft"],
  to: to("submitted"),
  event: "case.submitted",
  label: "提交申请",
  apply(s, _cmd, ctx) {
    s.receivedOn ??= ctx.effectiveDate;
  },
};
