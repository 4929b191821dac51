/**
 * Catalog validation (事项要素校验): the rules a service item version must satisfy before it is published.
 * Pure: the caller passes the known organizations, items, shared datasets and certificate types.
 * Shape (types, required fields) is checked by ZServiceItemContent; these are the rules across fields.
 */
import Ajv from "ajv";
import type { TFees, TMaterial, TServiceItemContent } from "../../shared/catalog.ts";
import { problem, type TCatalogProblem } from "./problems.ts";
import { reviewStepProblems } from "./reviewSteps.ts";

export type { TCatalogProblem, TCatalogProblemCode } from "./problems.ts";

/** What the validation needs to know about the rest of the catalog. */
export interface TCatalogContext {
  /** Codes of existing organizations. */
  orgCodes: ReadonlySet<string>;
  /** Codes of existing service items (the item itself included). */
  itemCodes: ReadonlySet<string>;
  /** Codes of shared-data datasets; when absent, `shared_data` references are not checked. */
  sharedDatasets?: ReadonlySet<string>;
  /** Codes of certificate types; when absent, `certificateType` is not checked. */
  certificateTypes?: ReadonlySet<string>;
}

const ajv = new Ajv({ strict: false });

/**
 * Every problem of one item version, or an empty list. Rules: promised ≤ statutory limit and 即办件 promise
 * 0 days (行政许可法 Art. 34, 42); organizations exist; review steps (see reviewStepProblems); materials
 * unique, references resolvable, 容缺 only for required non-key materials; the form is a valid JSON Schema
 * of an object; fees non-negative and consistent (Art. 58).
 */
export function validateItemContent(content: TServiceItemContent, ctx: TCatalogContext): TCatalogProblem[] {
  return [
    ...limitProblems(content),
    ...orgProblems(content, ctx),
    ...reviewStepProblems(
      content.reviewSteps,
      ctx.orgCodes,
      content.handlingType === "immediate" ? 0 : content.promisedLimitDays,
    ),
    ...materialProblems(content.code, content.materials, ctx),
    ...formSchemaProblems(content.formSchema),
    ...feeProblems(content.fees),
    ...certificateProblems(content, ctx),
  ];
}

/** Time limits: the promise never exceeds the law; 即办件 are decided on the spot (Art. 34). */
function limitProblems(c: TServiceItemContent): TCatalogProblem[] {
  const out: TCatalogProblem[] = [];
  if (c.promisedLimitDays > c.statutoryLimitDays) {
    out.push(
      problem(
        "promisedLimitDays",
        "promised_exceeds_statutory",
        `承诺时限（${c.promisedLimitDays}个工作日）不能超过法定时限（${c.statutoryLimitDays}个工作日）`,
        `The promised limit (${c.promisedLimitDays} working days) cannot exceed the statutory limit (${c.statutoryLimitDays})`,
      ),
    );
  }
  if (c.handlingType === "immediate" && c.promisedLimitDays !== 0) {
    out.push(
      problem(
        "promisedLimitDays",
        "immediate_with_promised_limit",
        "即办件当场办结，承诺时限应为0个工作日",
        "An immediate item is decided on the spot: its promised limit must be 0 working days",
      ),
    );
  }
  if (c.handlingType === "promised" && c.promisedLimitDays === 0) {
    out.push(
      problem(
        "promisedLimitDays",
        "promised_without_limit",
        "承诺件须有不少于1个工作日的承诺时限；当场办结的事项请设为即办件",
        "A promised item needs a promised limit of at least 1 working day; make it immediate otherwise",
      ),
    );
  }
  return out;
}

/** The implementing organization, joint organizations and the handling bodies exist. */
function orgProblems(c: TServiceItemContent, ctx: TCatalogContext): TCatalogProblem[] {
  const refs: [string, string][] = [["implementingOrgCode", c.implementingOrgCode]];
  for (const [i, o] of (c.jointOrgs ?? []).entries()) refs.push([`jointOrgs[${i}]`, o]);
  for (const [i, o] of (c.handledBy?.orgCodes ?? []).entries()) refs.push([`handledBy.orgCodes[${i}]`, o]);
  return refs
    .filter(([, code]) => !ctx.orgCodes.has(code))
    .map(([field, code]) =>
      problem(field, "unknown_org", `机构“${code}”不存在`, `Unknown organization "${code}"`),
    );
}

/**
 * Materials: unique codes, resolvable sources, 容缺 only for required, non-key materials, and a
 * condition for issuing first only on a material that may be deferred.
 */
function materialProblems(
  itemCode: string,
  materials: readonly TMaterial[],
  ctx: TCatalogContext,
): TCatalogProblem[] {
  const out: TCatalogProblem[] = [];
  const seen = new Set<string>();
  materials.forEach((m, i) => {
    const f = `materials[${i}]`;
    if (seen.has(m.code)) {
      out.push(
        problem(
          `${f}.code`,
          "duplicate_material_code",
          `材料代码“${m.code}”重复`,
          `Duplicate material code "${m.code}"`,
        ),
      );
    }
    seen.add(m.code);
    if (m.source !== "applicant" && !m.sourceRef) {
      out.push(
        problem(
          `${f}.sourceRef`,
          "missing_source_ref",
          `材料“${m.name}”来自共享数据或前序事项，须写明来源`,
          `Material "${m.name}" comes from shared data or another item: name the source`,
        ),
      );
    }
    if (m.source === "item_result" && m.sourceRef) {
      if (m.sourceRef === itemCode) {
        out.push(
          problem(
            `${f}.sourceRef`,
            "self_reference",
            `材料“${m.name}”不能是本事项自身的办理结果`,
            `Material "${m.name}" cannot be the result of this same item`,
          ),
        );
      } else if (!ctx.itemCodes.has(m.sourceRef)) {
        out.push(
          problem(
            `${f}.sourceRef`,
            "unknown_item",
            `材料“${m.name}”引用的事项“${m.sourceRef}”不存在`,
            `Material "${m.name}" is the result of an unknown item "${m.sourceRef}"`,
          ),
        );
      }
    }
    if (
      m.source === "shared_data" &&
      m.sourceRef &&
      ctx.sharedDatasets &&
      !ctx.sharedDatasets.has(m.sourceRef)
    ) {
      out.push(
        problem(
          `${f}.sourceRef`,
          "unknown_dataset",
          `材料“${m.name}”引用的共享数据“${m.sourceRef}”不存在`,
          `Material "${m.name}" names an unknown shared dataset "${m.sourceRef}"`,
        ),
      );
    }
    if (m.mayBeDeferred && m.key) {
      out.push(
        problem(
          `${f}.mayBeDeferred`,
          "key_material_deferred",
          `“${m.name}”是主要材料，不能容缺受理`,
          `"${m.name}" is a key material and can never be deferred (容缺)`,
        ),
      );
    }
    if (m.issueFirstCondition && !m.mayBeDeferred) {
      out.push(
        problem(
          `${f}.issueFirstCondition`,
          "issue_first_not_deferrable",
          `“${m.name}”不可容缺，不能设置先行出证条件`,
          `"${m.name}" may not be deferred, so it cannot carry a condition for issuing first`,
        ),
      );
    }
    if (m.mayBeDeferred && !m.required) {
      out.push(
        problem(
          `${f}.mayBeDeferred`,
          "optional_material_deferred",
          `“${m.name}”为非必要材料，无需标记容缺`,
          `"${m.name}" is optional: marking it deferrable means nothing`,
        ),
      );
    }
  });
  return out;
}

/** The application form is a valid JSON Schema describing an object. */
function formSchemaProblems(schema: Record<string, unknown>): TCatalogProblem[] {
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) === true;
  } catch {
    valid = false;
  }
  if (!valid) {
    const detail = ajv.errorsText(ajv.errors);
    return [
      problem(
        "formSchema",
        "invalid_form_schema",
        `申请表不是有效的 JSON Schema：${detail}`,
        `The application form is not a valid JSON Schema: ${detail}`,
      ),
    ];
  }
  if (schema.type !== "object") {
    return [
      problem(
        "formSchema.type",
        "form_schema_not_object",
        "申请表的 JSON Schema 须为 object 类型",
        'The application form schema must have type "object"',
      ),
    ];
  }
  return [];
}

/** Fees: non-negative amounts, unique codes, exemptions naming existing fees; free items list none. */
function feeProblems(fees: TFees): TCatalogProblem[] {
  const out: TCatalogProblem[] = [];
  const codes = new Set<string>();
  fees.items.forEach((fee, i) => {
    if (fee.amountFen < 0) {
      out.push(
        problem(
          `fees.items[${i}].amountFen`,
          "negative_fee",
          `收费项目“${fee.name}”的金额不能为负数`,
          `Fee "${fee.name}" cannot have a negative amount`,
        ),
      );
    }
    if (codes.has(fee.code)) {
      out.push(
        problem(
          `fees.items[${i}].code`,
          "duplicate_fee_code",
          `收费项目代码“${fee.code}”重复`,
          `Duplicate fee code "${fee.code}"`,
        ),
      );
    }
    codes.add(fee.code);
  });
  if (!fees.charged && fees.items.length > 0) {
    out.push(
      problem(
        "fees.items",
        "fee_items_when_free",
        "事项标记为不收费，却列有收费项目",
        "The item is marked free of charge but lists fee items",
      ),
    );
  }
  if (fees.charged && fees.items.length === 0) {
    out.push(
      problem(
        "fees.items",
        "no_fee_items",
        "收费事项须列明收费项目和标准",
        "A charged item must list its fees",
      ),
    );
  }
  fees.exemptions.forEach((ex, i) => {
    (ex.feeCodes ?? []).forEach((code, j) => {
      if (!codes.has(code)) {
        out.push(
          problem(
            `fees.exemptions[${i}].feeCodes[${j}]`,
            "unknown_fee",
            `减免项“${ex.name}”引用的收费项目“${code}”不存在`,
            `Exemption "${ex.name}" names an unknown fee "${code}"`,
          ),
        );
      }
    });
  });
  return out;
}

/** The certificate type produced is a known one. */
function certificateProblems(c: TServiceItemContent, ctx: TCatalogContext): TCatalogProblem[] {
  const out: TCatalogProblem[] = [];
  if (c.certificateType && ctx.certificateTypes && !ctx.certificateTypes.has(c.certificateType))
    out.push(
      problem(
        "certificateType",
        "unknown_certificate_type",
        `证照类型“${c.certificateType}”不存在`,
        `Unknown certificate type "${c.certificateType}"`,
      ),
    );
  // The register reference is a field of the application form that names the earlier certificate.
  const ref = c.certificateContent?.register?.field;
  const props = (c.formSchema as { properties?: Record<string, unknown> }).properties ?? {};
  if (ref && !(ref in props))
    out.push(
      problem(
        "certificateContent.register.field",
        "unknown_form_field",
        `登记簿引用字段“${ref}”不是申请表的字段`,
        `The register reference "${ref}" is not a field of the application form`,
      ),
    );
  return out;
}
