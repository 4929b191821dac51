import { type CaseCommandDefinition, problem, required, to } from "./definition";

/** 启动特别程序 (Art. 45): hearing, expert review, testing… stop the clock for their expected length. */
export const suspendCase: CaseCommandDefinition<"suspend"> = {
  from: ["accepted", "in_review"],
  to: to("suspended"),
  event: "case.suspended",
  label: "启动特别程序",
  guard(_state, cmd, ctx) {
    const out = required("reason", cmd.reason, "特别程序启动理由", "The reason");
    const rule = ctx.item.specialProcedures.find((p) => p.kind === cmd.kind);
    if (!Number.isInteger(cmd.expectedDays) || cmd.expectedDays < 1) {
      out.push(
        problem(
          "expectedDays",
          "invalid",
          "预计时长须为正整数个工作日",
          "Expected length must be a positive number of working days",
        ),
      );
    } else if (rule && cmd.expectedDays > rule.maxWorkingDays) {
      out.push(
        problem(
          "expectedDays",
          "too_long",
          `该特别程序最长 ${rule.maxWorkingDays} 个工作日`,
          `This special procedure may last at most ${rule.maxWorkingDays} working days`,
        ),
      );
    }
    return out;
  },
  apply(s, cmd, ctx, prev) {
    s.resumeTo = prev.status;
    s.pauses.push({
      from: ctx.today,
      to: null,
      kind: cmd.kind,
      reason: cmd.reason,
      expectedDays: cmd.expectedDays,
    });
  },
};
