import { type CaseCommandDefinition, problem, required, same } from "./definition";

/** 延期 (Art. 42): once, within the item's maximum, with the reason. */
export const extendCase: CaseCommandDefinition<"extend"> = {
  from: ["accepted", "in_review", "suspended"],
  to: same,
  event: "case.extended",
  label: "延期",
  guard(state, cmd, ctx) {
    const out = required("reason", cmd.reason, "延期理由", "The reason for the extension");
    if (state.extensionDays > 0) {
      out.push(problem("days", "already_extended", "延期只能批准一次", "A case may be extended only once"));
    }
    if (!Number.isInteger(cmd.days) || cmd.days < 1 || cmd.days > ctx.item.maxExtensionDays) {
      out.push(
        problem(
          "days",
          "too_long",
          `延期天数须为 1–${ctx.item.maxExtensionDays} 个工作日（行政许可法第四十二条）`,
          `An extension must be 1–${ctx.item.maxExtensionDays} working days (Art. 42)`,
        ),
      );
    }
    return out;
  },
  apply(s, cmd) {
    s.extensionDays = cmd.days;
  },
};
