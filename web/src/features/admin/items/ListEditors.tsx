import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Select, Switch } from "antd";
import { MATERIAL_FORMS, MATERIAL_SOURCES } from "../../../../../src/shared/catalog/enums";
import type { Locale } from "../../../api/ApiError";
import { type EnumTable, enumLabel } from "../../../i18n/catalogEnums";
import { useI18n } from "../../../i18n/useT";
import { modeKey } from "../../guide/labels";

/** A catalogue list's entries as select options, named in the page's language. */
const options = (locale: Locale, table: EnumTable, o: Record<string, string>) =>
  Object.keys(o).map((value) => ({ value, label: enumLabel(locale, table, value) }));
const row = { display: "grid", gap: 8, alignItems: "start" } as const;

/** 申请材料 as an editable list: one row per material, every field a control. */
export function MaterialsEditor() {
  const { t, locale } = useI18n();
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <div data-testid="materials-editor">
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${i + 1}`}
              extra={
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t("editor.remove")}
                />
              }
            >
              <div style={{ ...row, gridTemplateColumns: "160px 1fr 140px 80px" }}>
                <Form.Item
                  name={[f.name, "code"]}
                  label={t("mat.code")}
                  rules={[{ required: true, message: t("editor.required") }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[f.name, "name"]}
                  label={t("mat.name")}
                  rules={[{ required: true, message: t("editor.required") }]}
                >
                  <Input data-testid={`material-${i}-name`} />
                </Form.Item>
                <Form.Item name={[f.name, "form"]} label={t("mat.form")}>
                  <Select options={options(locale, "materialForm", MATERIAL_FORMS)} />
                </Form.Item>
                <Form.Item name={[f.name, "copies"]} label={t("mat.copies")}>
                  <InputNumber min={0} style={{ width: "100%" }} />
                </Form.Item>
              </div>
              <div style={{ ...row, gridTemplateColumns: "90px 90px 90px 160px 1fr" }}>
                <Form.Item name={[f.name, "required"]} label={t("mat.requiredYes")} valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item name={[f.name, "key"]} label={t("mat.key")} valuePropName="checked">
                  <Switch />
                </Form.Item>
                <Form.Item
                  name={[f.name, "mayBeDeferred"]}
                  label={t("mat.deferrable")}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
                <Form.Item name={[f.name, "source"]} label={t("mat.source")}>
                  <Select options={options(locale, "materialSource", MATERIAL_SOURCES)} />
                </Form.Item>
                <Form.Item name={[f.name, "sourceRef"]} label={t("mat.sourceRef")}>
                  <Input data-testid={`material-${i}-sourceRef`} />
                </Form.Item>
              </div>
              <Form.Item
                name={[f.name, "acceptanceStandard"]}
                label={t("mat.standard")}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea autoSize />
              </Form.Item>
              <Form.Item noStyle dependencies={[["materials", f.name, "mayBeDeferred"]]}>
                {({ getFieldValue }) =>
                  getFieldValue(["materials", f.name, "mayBeDeferred"]) ||
                  getFieldValue(["materials", f.name, "issueFirstCondition"]) ? (
                    <Form.Item
                      name={[f.name, "issueFirstCondition"]}
                      label={t("mat.issueFirstCondition")}
                      extra={t("mat.issueFirstConditionHint")}
                      style={{ marginTop: 8, marginBottom: 0 }}
                    >
                      <Input.TextArea
                        autoSize
                        maxLength={300}
                        data-testid={`material-${i}-issueFirstCondition`}
                      />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                code: "",
                name: "",
                required: true,
                key: false,
                form: "original",
                copies: 1,
                source: "applicant",
                mayBeDeferred: false,
                acceptanceStandard: "",
              })
            }
            data-testid="add-material"
          >
            {t("editor.addMaterial")}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** 审查环节 as an editable list: organization, mode, lead, limit and predecessors of each step. */
export function StepsEditor({ orgs }: { orgs: { code: string; name: string; depth: number }[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const steps = (Form.useWatch("reviewSteps", form) as { code?: string; name?: string }[] | undefined) ?? [];
  const orgOptions = orgs.map((o) => ({ value: o.code, label: `${"　".repeat(o.depth)}${o.name}` }));
  return (
    <Form.List name="reviewSteps">
      {(fields, { add, remove }) => (
        <div data-testid="steps-editor">
          {fields.map((f, i) => (
            <div
              key={f.key}
              style={{ ...row, gridTemplateColumns: "110px 1fr 1.3fr 100px 60px 90px 1fr 32px" }}
            >
              <Form.Item
                name={[f.name, "code"]}
                label={i === 0 ? t("step.code") : undefined}
                rules={[{ required: true, message: t("editor.required") }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, "name"]}
                label={i === 0 ? t("step.name") : undefined}
                rules={[{ required: true, message: t("editor.required") }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name={[f.name, "orgCode"]} label={i === 0 ? t("step.org") : undefined}>
                <Select
                  showSearch={{ optionFilterProp: "label" }}
                  options={orgOptions}
                  data-testid={`step-${i}-org`}
                />
              </Form.Item>
              <Form.Item name={[f.name, "mode"]} label={i === 0 ? t("step.mode") : undefined}>
                <Select
                  options={["parallel", "sequential"].map((m) => ({ value: m, label: t(modeKey(m)) }))}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, "lead"]}
                label={i === 0 ? t("step.lead") : undefined}
                valuePropName="checked"
              >
                <Switch size="small" />
              </Form.Item>
              <Form.Item name={[f.name, "limitDays"]} label={i === 0 ? t("step.limit") : undefined}>
                <InputNumber min={0} style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name={[f.name, "after"]} label={i === 0 ? t("step.after") : undefined}>
                <Select
                  mode="multiple"
                  options={steps
                    .filter((_s, j) => j !== i && _s?.code)
                    .map((s) => ({ value: s.code as string, label: s.name || s.code }))}
                />
              </Form.Item>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(f.name)}
                aria-label={t("editor.remove")}
                style={{ marginTop: i === 0 ? 30 : 0 }}
              />
            </div>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                code: "",
                name: "",
                orgCode: undefined,
                mode: "parallel",
                lead: fields.length === 0,
                limitDays: 1,
              })
            }
          >
            {t("editor.addStep")}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
