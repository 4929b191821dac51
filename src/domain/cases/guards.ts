import { type Bilingual, type FieldProblem, YizhanError } from "../errors";
import type { CaseState } from "./caseState";
import type { CorrectionItem, DeferredMaterial } from "./commands";
import type { TransitionContext } from "./context";

const problem = (field: string, code: string, zh: string, en: string): FieldProblem => ({
  field,
  code,
  message: { "zh-CN": zh, "en-US": en },
});

/** A guard failure: 422 with every problem named by field. */
export function guardError(problems: FieldProblem[], summary?: Bilingual): YizhanError {
  const text = (lang: keyof Bilingual) =>
    problems.map((p) => p.message[lang]).join(lang === "zh-CN" ? "；" : "; ");
  const fees = problems[0]?.code === "fees_unpaid" || problems[0]?.code === "fees_not_assessed";
  return new YizhanError(
    fees ? "fees_unpaid" : "rule_violation",
    422,
    summary ?? { "zh-CN": text("zh-CN"), "en-US": text("en-US") },
    { errors: problems },
  );
}

/**
 * 一次性告知 and 不刁 (行政许可法 Art. 32): a correction notice names every problem at once, only
 * materials of the item's published list, and never a material already passed at an earlier check.
 */
export function correctionProblems(items: CorrectionItem[], ctx: TransitionContext): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (items.length === 0) {
    out.push(
      problem(
        "items",
        "empty_notice",
        "补正告知书须列明全部需补正的材料",
        "A correction notice must list every problem",
      ),
    );
  }
  const listed = new Map(ctx.item.materials.map((m) => [m.code, m]));
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const field = `items[${i}].materialCode`;
    if (!listed.has(it.materialCode)) {
      out.push(
        problem(
          field,
          "material_not_on_list",
          `材料“${it.materialCode}”不在本事项公布的申请材料清单中，不得要求（清单之外无要求）`,
          `Material "${it.materialCode}" is not on the item's published list and may not be requested`,
        ),
      );
    } else if (ctx.passedBefore.has(it.materialCode)) {
      const name = listed.get(it.materialCode)?.name ?? it.materialCode;
      out.push(
        problem(
          field,
          "material_already_passed",
          `材料“${name}”已在此前审核中通过，不得再次要求补正`,
          `Material "${name}" already passed an earlier check and may not be requested again`,
        ),
      );
    }
    if (seen.has(it.materialCode)) {
      out.push(problem(field, "duplicate", "同一材料重复列出", "The same material is listed twice"));
    }
    seen.add(it.materialCode);
  });
  return out;
}

/**
 * 容缺受理: only secondary materials the item allows may be missing at acceptance, each with the
 * applicant's signed commitment and a due date no later than 20 working days after acceptance and at
 * least 2 working days before the promised limit (local practice, a setting in REFERENCE.md).
 */
export function deferralProblems(
  deferred: DeferredMaterial[],
  state: CaseState,
  ctx: TransitionContext,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const listed = new Map(ctx.item.materials.map((m) => [m.code, m]));
  const acceptedOn = ctx.effectiveDate;
  const limitEnd = ctx.calendar.addWorkingDays(acceptedOn, state.limitDays);
  const latest = ctx.calendar.addWorkingDays(acceptedOn, 20);
  deferred.forEach((d, i) => {
    const m = listed.get(d.materialCode);
    const f = `deferred[${i}]`;
    if (!m) {
      out.push(
        problem(
          `${f}.materialCode`,
          "material_not_on_list",
          `材料“${d.materialCode}”不在清单中`,
          `Material "${d.materialCode}" is not on the list`,
        ),
      );
      return;
    }
    if (m.key || !m.mayBeDeferred) {
      out.push(
        problem(
          `${f}.materialCode`,
          "deferral_not_allowed",
          `材料“${m.name}”为关键材料或本事项不允许容缺`,
          `Material "${m.name}" is a key material or may not be deferred for this item`,
        ),
      );
    }
    if (!d.commitmentSigned) {
      out.push(
        problem(
          `${f}.commitmentSigned`,
          "commitment_required",
          "容缺受理须申请人签署承诺书",
          "Deferral needs the applicant's signed commitment",
        ),
      );
    }
    const daysBeforeLimit = ctx.calendar.workingDaysBetween(d.dueOn, limitEnd);
    if (d.dueOn < acceptedOn || d.dueOn > latest || (state.limitDays >= 2 && daysBeforeLimit < 2)) {
      out.push(
        problem(
          `${f}.dueOn`,
          "invalid_due_date",
          "补齐期限须在受理后 20 个工作日内，且不晚于承诺时限前 2 个工作日",
          "The due date must fall within 20 working days of acceptance and at least 2 working days before the promised limit",
        ),
      );
    }
  });
  return out;
}

/** Acceptance needs every required material passed, provided from elsewhere, or deferred (容缺). */
export function acceptanceProblems(deferred: DeferredMaterial[], ctx: TransitionContext): FieldProblem[] {
  const deferredCodes = new Set(deferred.map((d) => d.materialCode));
  return ctx.item.materials
    .filter((m) => m.required)
    .filter(
      (m) =>
        ctx.checks[m.code] !== "pass" && !ctx.providedElsewhere.has(m.code) && !deferredCodes.has(m.code),
    )
    .map((m) =>
      problem(
        `materials.${m.code}`,
        "material_not_passed",
        `必要材料“${m.name}”尚未审核通过`,
        `Required material "${m.name}" has not passed the check`,
      ),
    );
}

/**
 * No result before the fees are settled (行政许可法 Art. 58–59; 发改价格规〔2016〕2559号): an item whose
 * schedule charges fees needs an assessment (收费单, even one exempted to 0) and nothing open on it.
 */
export function feeProblems(ctx: TransitionContext): FieldProblem[] {
  if (ctx.item.chargesFees && !ctx.feesAssessed) {
    return [
      problem(
        "fees",
        "fees_not_assessed",
        "本事项依法收费，须先核定收费并缴清，方可出证",
        "This item charges fees: assess them and have them paid before the result is issued",
      ),
    ];
  }
  return ctx.feesSettled
    ? []
    : [
        problem(
          "fees",
          "fees_unpaid",
          "费用尚未缴清，不能出证",
          "Fees are unpaid; the result cannot be issued",
        ),
      ];
}
