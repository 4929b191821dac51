/**
 * Checks of an item's review steps (审查环节): organizations, the lead department, predecessor links,
 * cycles, and whether the longest chain of steps fits inside the promised limit.
 */
import type { TReviewStep } from "../../shared/catalog.ts";
import { problem, type TCatalogProblem } from "./problems.ts";

/**
 * Problems in a list of review steps. One lead department per stage (国办发〔2019〕11号 "一家牵头");
 * task due dates must fit inside the case's limit, so the longest chain may not exceed `promisedLimitDays`
 * (for 承诺件; 即办件 steps must all take 0 days).
 */
export function reviewStepProblems(
  steps: readonly TReviewStep[],
  orgCodes: ReadonlySet<string>,
  promisedLimitDays: number,
): TCatalogProblem[] {
  const out: TCatalogProblem[] = [];
  if (steps.length === 0) return out;
  const byCode = new Map<string, TReviewStep>();
  steps.forEach((s, i) => {
    const f = `reviewSteps[${i}]`;
    if (byCode.has(s.code)) {
      out.push(
        problem(
          `${f}.code`,
          "duplicate_step_code",
          `审查环节代码“${s.code}”重复`,
          `Duplicate step code "${s.code}"`,
        ),
      );
    } else byCode.set(s.code, s);
    if (!orgCodes.has(s.orgCode)) {
      out.push(
        problem(
          `${f}.orgCode`,
          "unknown_org",
          `审查环节“${s.name}”的承办机构“${s.orgCode}”不存在`,
          `Review step "${s.name}" names an unknown organization "${s.orgCode}"`,
        ),
      );
    }
    const after = s.after ?? [];
    if (s.mode === "parallel" && after.length > 0) {
      out.push(
        problem(
          `${f}.after`,
          "parallel_with_after",
          `并联环节“${s.name}”自受理起开始，不能设置前序环节；如需在其他环节之后办理，请设为串联`,
          `Parallel step "${s.name}" starts at acceptance and cannot have predecessors; make it sequential`,
        ),
      );
    }
    if (s.mode === "sequential" && after.length === 0) {
      out.push(
        problem(
          `${f}.after`,
          "sequential_without_after",
          `串联环节“${s.name}”须写明在哪些环节之后办理`,
          `Sequential step "${s.name}" must name the steps it follows`,
        ),
      );
    }
  });
  steps.forEach((s, i) => {
    (s.after ?? []).forEach((a, j) => {
      if (!byCode.has(a)) {
        out.push(
          problem(
            `reviewSteps[${i}].after[${j}]`,
            "unknown_step",
            `环节“${s.name}”的前序环节“${a}”不存在`,
            `Step "${s.name}" follows an unknown step "${a}"`,
          ),
        );
      }
    });
  });

  const leads = steps.filter((s) => s.lead);
  if (leads.length === 0) {
    out.push(
      problem(
        "reviewSteps",
        "no_lead_step",
        "须指定一个牵头审查环节",
        "Exactly one review step must be the lead",
      ),
    );
  } else if (leads.length > 1) {
    out.push(
      problem(
        "reviewSteps",
        "multiple_lead_steps",
        `只能有一个牵头环节，现有${leads.length}个：${leads.map((s) => s.name).join("、")}`,
        `Only one review step may be the lead; found ${leads.length}`,
      ),
    );
  }

  const cycle = findCycle(byCode);
  if (cycle) {
    out.push(
      problem(
        "reviewSteps",
        "step_cycle",
        `审查环节的前后顺序形成循环：${cycle.join(" → ")}`,
        `Review steps form a cycle: ${cycle.join(" → ")}`,
      ),
    );
  } else {
    const longest = longestChain(byCode);
    if (longest > promisedLimitDays) {
      out.push(
        problem(
          "reviewSteps",
          "steps_exceed_limit",
          `审查环节最长链条合计${longest}个工作日，超过承诺时限${promisedLimitDays}个工作日`,
          `The longest chain of review steps takes ${longest} working days, more than the promised limit of ${promisedLimitDays}`,
        ),
      );
    }
  }
  return out;
}

/** A cycle through `after` links, as a list of step codes ending where it started, or null. */
function findCycle(byCode: ReadonlyMap<string, TReviewStep>): string[] | null {
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    const st = state.get(code);
    if (st === "done") return null;
    if (st === "visiting") return [...path.slice(path.indexOf(code)), code];
    state.set(code, "visiting");
    path.push(code);
    for (const a of byCode.get(code)?.after ?? []) {
      if (!byCode.has(a)) continue;
      const c = visit(a);
      if (c) return c;
    }
    path.pop();
    state.set(code, "done");
    return null;
  };
  for (const code of byCode.keys()) {
    const c = visit(code);
    if (c) return c.reverse();
  }
  return null;
}

/** Working days of the longest chain of steps (the critical path); the graph must be acyclic. */
function longestChain(byCode: ReadonlyMap<string, TReviewStep>): number {
  const memo = new Map<string, number>();
  const finish = (code: string): number => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const s = byCode.get(code);
    if (!s) return 0;
    const start = Math.max(0, ...(s.after ?? []).map(finish));
    const end = start + s.limitDays;
    memo.set(code, end);
    return end;
  };
  return Math.max(0, ...[...byCode.keys()].map(finish));
}
