import { useQuery } from "@tanstack/react-query";
import { call, type Schemas, yz } from "../../api/client";

export type JsonSchemaObject = {
  type?: string;
  title?: string;
  required?: string[];
  properties?: Record<
    string,
    { title?: string; type?: string; enum?: unknown[]; format?: string } & Record<string, unknown>
  >;
} & Record<string, unknown>;

/** A material as the item's published list gives it (the contract's `ServiceItem`). */
export type ItemMaterial = Schemas["ServiceItem"]["content"]["materials"][number];

/** The item version in effect, as far as the application form and the materials go. */
export type ItemForm = {
  code: string;
  name: string;
  handlingType: string;
  promisedLimitDays: number;
  formSchema: JsonSchemaObject;
  uiSchema: Record<string, unknown>;
  materials: ItemMaterial[];
};

/** The application form (JSON Schema + uiSchema) and materials of an item (public catalog API). */
export function useItemForm(code: string | undefined) {
  return useQuery({
    queryKey: ["catalog-item-form", code],
    queryFn: async (): Promise<ItemForm> => {
      const v = await call(yz.GET("/api/catalog/items/{code}", { params: { path: { code: code ?? "" } } }));
      return {
        code: v.code,
        name: v.content.name,
        handlingType: v.content.handlingType,
        promisedLimitDays: v.content.promisedLimitDays,
        // The contract leaves the form's JSON Schema open (`{ [key]: unknown }`).
        formSchema: v.content.formSchema as JsonSchemaObject,
        uiSchema: v.content.uiSchema ?? {},
        materials: v.content.materials,
      };
    },
    enabled: Boolean(code),
    staleTime: 5 * 60_000,
  });
}

/** The form's field names in display order: uiSchema `ui:order` first, then the rest of the schema. */
export function fieldOrder(
  schema: JsonSchemaObject | undefined,
  uiSchema: Record<string, unknown> | undefined,
  data: Record<string, unknown>,
): string[] {
  const props = Object.keys(schema?.properties ?? {});
  const order = Array.isArray(uiSchema?.["ui:order"])
    ? (uiSchema["ui:order"] as unknown[]).filter((x): x is string => typeof x === "string" && x !== "*")
    : [];
  const all = [...order, ...props, ...Object.keys(data)];
  return [...new Set(all)].filter((k) => k in data);
}
