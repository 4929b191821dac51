/**
 * The order of an application form's fields. A form schema's `properties` is an object, and PostgreSQL's
 * `jsonb` does not keep the order of an object's keys (it sorts them: shorter first, then bytewise), so
 * the order the item's author wrote is kept explicitly as the @rjsf `ui:order` list of the uiSchema — an
 * array, which jsonb keeps — for the form and for every nested object. Written with each item version
 * ({@link withFieldOrder}) and applied to `properties` whenever a version is read ({@link inFieldOrder}),
 * so the API, the renderers and the PDFs list the fields as the author did.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The field names in order: the explicit `ui:order` first (known names, `*` dropped), then the rest. */
export function fieldOrderOf(schema: Json, ui: Json | undefined): string[] {
  const props = isObject(schema.properties) ? Object.keys(schema.properties) : [];
  const given = Array.isArray(ui?.["ui:order"])
    ? (ui["ui:order"] as unknown[]).filter((x): x is string => typeof x === "string" && props.includes(x))
    : [];
  return [...new Set([...given, ...props])];
}

/** The uiSchema with a complete `ui:order` for the form and for each nested object, from `schema`. */
function orderUi(schema: Json, ui: Json | undefined): Json | undefined {
  if (!isObject(schema.properties)) return ui;
  const props = schema.properties as Json;
  const out: Json = { ...(ui ?? {}) };
  const order = fieldOrderOf(schema, ui);
  if (order.length > 0) out["ui:order"] = order;
  for (const key of order) {
    const child = props[key];
    if (isObject(child) && isObject(child.properties)) {
      const sub = orderUi(child, isObject(out[key]) ? (out[key] as Json) : undefined);
      if (sub) out[key] = sub;
    }
  }
  return out;
}

/** `schema` with its `properties` (and nested ones) rebuilt in the order `ui` gives. */
function orderSchema(schema: Json, ui: Json | undefined): Json {
  if (!isObject(schema.properties)) return schema;
  const props = schema.properties as Json;
  const ordered: Json = {};
  for (const key of fieldOrderOf(schema, ui)) {
    const child = props[key];
    ordered[key] =
      isObject(child) && isObject(child.properties)
        ? orderSchema(child, isObject(ui?.[key]) ? (ui?.[key] as Json) : undefined)
        : child;
  }
  return { ...schema, properties: ordered };
}

/** Content as written: the form's field order recorded in `uiSchema` (`ui:order`), before it is stored. */
export function withFieldOrder<C extends { formSchema: Json; uiSchema?: Json }>(content: C): C {
  if (!isObject(content.formSchema)) return content;
  const uiSchema = orderUi(content.formSchema, content.uiSchema);
  return uiSchema ? { ...content, uiSchema } : content;
}

/** Content as read: the form schema's `properties` in the recorded order (jsonb sorted them). */
export function inFieldOrder<C extends { formSchema: Json; uiSchema?: Json }>(content: C): C {
  if (!isObject(content?.formSchema)) return content;
  return { ...content, formSchema: orderSchema(content.formSchema, content.uiSchema) };
}
