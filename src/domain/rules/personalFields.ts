/**
 * The names of form fields that hold an ID number or a phone (`contactPhone`, `mobile`, `idNumber`,
 * `agentIdCard`): encrypted at rest wherever a form is stored (ADR 0016).
 */
export const PII_FORM_FIELD = /(phone|mobile|idnumber|idcard)$/i;
/** The same pattern for PostgreSQL's `~*` (case-insensitive). */
export const PII_FORM_FIELD_SQL = "(phone|mobile|idnumber|idcard)$";
