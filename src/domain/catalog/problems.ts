/** Problems found by the catalog validation, with a bilingual message that explains itself. */

export type TCatalogProblemCode =
  | "promised_exceeds_statutory"
  | "immediate_with_promised_limit"
  | "promised_without_limit"
  | "unknown_org"
  | "no_lead_step"
  | "multiple_lead_steps"
  | "duplicate_step_code"
  | "unknown_step"
  | "parallel_with_after"
  | "sequential_without_after"
  | "step_cycle"
  | "steps_exceed_limit"
  | "unknown_item"
  | "unknown_dataset"
  | "missing_source_ref"
  | "self_reference"
  | "duplicate_material_code"
  | "key_material_deferred"
  | "optional_material_deferred"
  | "issue_first_not_deferrable"
  | "invalid_form_schema"
  | "form_schema_not_object"
  | "negative_fee"
  | "duplicate_fee_code"
  | "fee_items_when_free"
  | "no_fee_items"
  | "unknown_fee"
  | "unknown_certificate_type"
  | "unknown_form_field";

export interface TCatalogProblem {
  /** Path of the offending field, e.g. `materials[2].sourceRef`. */
  field: string;
  code: TCatalogProblemCode;
  message: { "zh-CN": string; "en-US": string };
}

/** Builds a problem record; `zh` and `en` are the two message texts. */
export function problem(field: string, code: TCatalogProblemCode, zh: string, en: string): TCatalogProblem {
  return { field, code, message: { "zh-CN": zh, "en-US": en } };
}
