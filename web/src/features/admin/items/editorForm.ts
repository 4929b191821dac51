import type { TServiceItemContent } from "../../guide/api";

/** Content fields edited as form controls; every other field is edited as JSON. */
export const BASIC_KEYS = [
  "code",
  "catalogCode",
  "name",
  "kind",
  "implementingOrgCode",
  "handlingType",
  "statutoryLimitDays",
  "promisedLimitDays",
  "visitsRequired",
  "place",
  "hours",
  "consultationPhone",
  "complaintPhone",
  "resultName",
  "resultType",
  "lifeEvents",
] as const;
export const MATERIAL_FIELDS = new Set([
  "code",
  "name",
  "required",
  "key",
  "form",
  "copies",
  "source",
  "sourceRef",
  "mayBeDeferred",
  "issueFirstCondition",
  "acceptanceStandard",
  "note",
]);
export const STEP_FIELDS = new Set(["code", "name", "orgCode", "mode", "lead", "limitDays", "after"]);
const STRUCTURED = new Set<string>([...BASIC_KEYS, "materials", "reviewSteps", "formSchema"]);

/** The editor's form values: basic fields, the two lists, and JSON texts for the rest. */
export type EditorValues = Record<string, unknown> & {
  materials: Record<string, unknown>[];
  reviewSteps: Record<string, unknown>[];
  formSchemaText: string;
  otherText: string;
  effectiveFrom: string;
  changeNote: string;
};

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** Form values for a content (and the date the new version should take effect). */
export function toEditorValues(c: TServiceItemContent, effectiveFrom: string): EditorValues {
  const rec = c as unknown as Record<string, unknown>;
  const other = Object.fromEntries(Object.entries(rec).filter(([k]) => !STRUCTURED.has(k)));
  const basic = Object.fromEntries(BASIC_KEYS.map((k) => [k, rec[k]]));
  return {
    ...basic,
    materials: c.materials as unknown as Record<string, unknown>[],
    reviewSteps: c.reviewSteps as unknown as Record<string, unknown>[],
    formSchemaText: pretty(c.formSchema),
    otherText: pretty(other),
    effectiveFrom,
    changeNote: "",
  };
}

/** A JSON text that does not parse, named by its form field. */
export class JsonFieldError extends Error {
  constructor(
    readonly field: "formSchemaText" | "otherText",
    message: string,
  ) {
    super(message);
  }
}

function parseJson(field: "formSchemaText" | "otherText", text: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new JsonFieldError(field, e instanceof Error ? e.message : String(e));
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new JsonFieldError(field, "{ … }");
  return v as Record<string, unknown>;
}

const clean = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ""));

/** The content to send from the form values (all values, registered or not); throws JsonFieldError. */
export function toContent(values: EditorValues): Record<string, unknown> {
  const other = parseJson("otherText", values.otherText);
  const formSchema = parseJson("formSchemaText", values.formSchemaText);
  // An empty 事项编码 means "none published yet": left out, not sent as "".
  const basic = Object.fromEntries(
    BASIC_KEYS.map((k) => [k, values[k]]).filter(([k, v]) => k !== "catalogCode" || (v ?? "") !== ""),
  );
  return {
    ...other,
    ...basic,
    lifeEvents: (values.lifeEvents as string[] | undefined) ?? [],
    materials: (values.materials ?? []).map((m) => clean(m)),
    reviewSteps: (values.reviewSteps ?? []).map((s) => {
      const step = clean(s);
      const after = s.after as string[] | undefined;
      if (s.mode === "sequential" && after?.length) step.after = after;
      else delete step.after;
      return step;
    }),
    formSchema,
  };
}

/**
 * Where a server problem's field (`content.materials[2].sourceRef`) shows in the form: a control's
 * name path, or the JSON text that holds it.
 */
export function formFieldFor(field: string): (string | number)[] {
  const path = field.replace(/^content\./, "");
  const parts = path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
  const segs = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const head = String(segs[0]);
  if (head === "effectiveFrom" || head === "changeNote") return [head];
  if (head === "formSchema") return ["formSchemaText"];
  if ((head === "materials" || head === "reviewSteps") && typeof segs[1] === "number") {
    const known = head === "materials" ? MATERIAL_FIELDS : STEP_FIELDS;
    if (segs[2] !== undefined && known.has(String(segs[2]))) return [head, segs[1], String(segs[2])];
    return [head, segs[1], "code"];
  }
  if ((BASIC_KEYS as readonly string[]).includes(head)) return [head];
  return ["otherText"];
}

/** A starting point for a new item: valid shapes, to be filled in. */
export function blankContent(orgCode: string): TServiceItemContent {
  return {
    code: "",
    name: "",
    kind: "administrative_licence",
    implementingOrgCode: orgCode,
    legalBasis: [{ title: "" }],
    acceptanceConditions: [""],
    processDescription: [{ name: "申请", description: "" }],
    serviceObject: ["enterprise"],
    statutoryLimitDays: 20,
    promisedLimitDays: 5,
    handlingType: "promised",
    visitsRequired: 1,
    specialProcedures: [],
    fees: { charged: false, items: [], exemptions: [] },
    place: "",
    hours: "法定工作日 上午8:30—12:00，下午14:30—17:30",
    consultationPhone: "",
    complaintPhone: "12345",
    online: { available: false, onlinePayment: false, postalDelivery: false, appointment: false },
    resultName: "",
    resultType: "certificate",
    lifeEvents: [],
    materials: [],
    formSchema: { type: "object", properties: {} },
    reviewSteps: [],
  } as unknown as TServiceItemContent;
}
