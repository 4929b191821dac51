import type { FieldProblem } from "../errors";
import type { CaseCommand } from "./commands";
import type { OwedMaterial, TransitionContext } from "./context";

const problem = (field: string, code: string, zh: string, en: string): FieldProblem => ({
  field,
  code,
  message: { "zh-CN": zh, "en-US": en },
});

/**
 * 容缺受理 fulfilled: no approval and no result while a deferred material is owed (the applicant's
 * signed commitment is not the material), unless the item lets the result be issued first on a stated
 * condition. Each owed material is named, with its due date.
 */
export function owedBlocking(ctx: TransitionContext, act: "decide" | "issue"): FieldProblem[] {
  return ctx.owed
    .filter((m) => !m.issueFirstCondition)
    .map((m) =>
      problem(
        `materials.${m.code}`,
        "deferred_material_owed",
        `容缺材料“${m.name}”尚未补齐（应于 ${m.dueOn} 前补交并经窗口核验通过），${act === "decide" ? "不能作出准予决定" : "不能出证"}`,
        `Deferred material "${m.name}" is still owed (due ${m.dueOn}, to be delivered and checked); ${act === "decide" ? "no approval can be decided" : "the result cannot be issued"}`,
      ),
    );
}

/** The owed material a delivery or check names, or the problem that it is not owed. */
function owedOne(ctx: TransitionContext, code: string): OwedMaterial | FieldProblem {
  const m = ctx.owed.find((o) => o.code === code);
  if (m) return m;
  const listed = ctx.item.materials.find((x) => x.code === code);
  return problem(
    "materialCode",
    "material_not_owed",
    `材料“${listed?.name ?? code}”不是本办件待补交的容缺材料`,
    `Material "${listed?.name ?? code}" is not a deferred material this case is owed`,
  );
}

/**
 * Guards of the two follow-up commands of 容缺: a delivery must name a material still owed; a check
 * needs something delivered, and a defective verdict says what is wrong (it goes to the applicant).
 */
export function deferredProblems(
  cmd: Extract<CaseCommand, { type: "deliverDeferred" | "checkDeferred" }>,
  ctx: TransitionContext,
): FieldProblem[] {
  const m = owedOne(ctx, cmd.materialCode);
  if ("field" in m) return [m];
  if (cmd.type === "deliverDeferred") return [];
  const out: FieldProblem[] = [];
  if (!m.delivered) {
    out.push(
      problem(
        "materialCode",
        "nothing_delivered",
        `容缺材料“${m.name}”尚未补交，无可核验`,
        `Nothing has been delivered for "${m.name}" yet`,
      ),
    );
  }
  if (cmd.verdict === "defective" && !cmd.note?.trim()) {
    out.push(
      problem(
        "note",
        "required",
        "请写明补交材料存在的问题（将告知申请人）",
        "Say what is wrong with the delivered material (the applicant is told)",
      ),
    );
  }
  return out;
}
