import { Descriptions, Empty } from "antd";
import { ZhText } from "../../components/ZhText";
import { useT } from "../../i18n/useT";
import { fieldOrder, type JsonSchemaObject } from "./itemForm";

type Props = {
  formData: Record<string, unknown>;
  /** The item's form schema: its field titles label the values (keys are shown without it). */
  schema?: JsonSchemaObject;
  uiSchema?: Record<string, unknown>;
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "✓" : "✗";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** An application form, read only, labelled with the item's field titles. */
export function FormDataView({ formData, schema, uiSchema }: Props) {
  const t = useT();
  const keys = fieldOrder(schema, uiSchema, formData);
  if (keys.length === 0)
    return <Empty description={t("case.formEmpty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="form-data"
      items={keys.map((k) => ({
        key: k,
        label: <ZhText>{schema?.properties?.[k]?.title ?? k}</ZhText>,
        children: <ZhText>{show(formData[k])}</ZhText>,
      }))}
    />
  );
}
