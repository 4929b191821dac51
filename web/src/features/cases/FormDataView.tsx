import { Alert, Button, Descriptions, Empty, Skeleton } from "antd";
import { ZhText } from "../../components/ZhText";
import { useT } from "../../i18n/useT";
import { fieldOrder, type JsonSchemaObject } from "./itemForm";

type Props = {
  formData: Record<string, unknown>;
  /** The item's form schema: its field titles label the values (keys are shown without it). */
  schema?: JsonSchemaObject;
  uiSchema?: Record<string, unknown>;
  /** The schema is still loading: a skeleton, not the field keys, until the titles are there. */
  loading?: boolean;
  /** Loading the schema failed: the values are shown under their keys, with a notice and a retry. */
  onRetry?: () => void;
};

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "✓" : "✗";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** An application form, read only, labelled with the item's field titles. */
export function FormDataView({ formData, schema, uiSchema, loading, onRetry }: Props) {
  const t = useT();
  if (loading)
    return <Skeleton active title={false} paragraph={{ rows: 3 }} data-testid="form-data-loading" />;
  const keys = fieldOrder(schema, uiSchema, formData);
  if (keys.length === 0)
    return <Empty description={t("case.formEmpty")} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const view = (
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
  if (!onRetry) return view;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t("case.formTitlesFailed")}
        action={
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        }
        style={{ marginBottom: 8 }}
      />
      {view}
    </>
  );
}
