import { type CaseCommandDefinition, to } from "./definition";

/** 草稿过期: a draft left for 30 days expires (the sweep). */
export const expireDraft: CaseCommandDefinition<"expire"> = {
  from: ["draft"],
  to: to("expired"),
  event: "case.draft_expired",
  label: "草稿过期",
};
