import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Space, Switch, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useI18n } from "../../../i18n/useT";
import { SpotFees } from "../../workbench/SpotFees";
import { CommandModal } from "./CommandModal";
import type { ModalProps } from "./SimpleCommandModals";

type Row = { materialCode?: string; dueOn?: Dayjs; commitmentSigned?: boolean };

/**
 * 受理: optionally with 容缺 (non-key materials deferred, with a due date and the applicant's signed
 * commitment); for 即办件 the window may finish the case on the spot (当场办结, Art. 34).
 */
export function AcceptModal(p: ModalProps) {
  const { t } = useI18n();
  const onSpot = p.caseData.abilities.finishOnTheSpot === true;
  const candidates = p.caseData.materials.filter((m) => m.status !== "pass");
  return (
    <CommandModal
      {...p}
      command="accept"
      title={t("action.accept")}
      width={720}
      fields={["deferred", "finishOnTheSpot", "reasons"]}
      initialValues={{ deferred: [], finishOnTheSpot: false }}
      toBody={(v) => {
        const rows = (v.deferred as Row[] | undefined) ?? [];
        return {
          deferred: rows.length
            ? rows.map((r) => ({
                materialCode: String(r.materialCode),
                dueOn: r.dueOn?.format("YYYY-MM-DD") ?? "",
                commitmentSigned: r.commitmentSigned === true,
              }))
            : undefined,
          finishOnTheSpot: v.finishOnTheSpot === true ? true : undefined,
          reasons: typeof v.reasons === "string" && v.reasons.trim() ? v.reasons.trim() : undefined,
        };
      }}
    >
      <Typography.Paragraph type="secondary">{t("action.acceptHint")}</Typography.Paragraph>
      <Typography.Text strong>{t("action.deferred")}</Typography.Text>
      <Form.List name="deferred">
        {(rows, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {rows.map((row) => (
              <Space key={row.key} align="start" style={{ display: "flex" }} data-testid="deferred-row">
                <Form.Item
                  name={[row.name, "materialCode"]}
                  rules={[{ required: true, message: t("action.materialRequired") }]}
                  style={{ width: 260 }}
                >
                  <Select
                    aria-label={t("action.pickMaterial")}
                    placeholder={t("action.pickMaterial")}
                    options={candidates.map((m) => ({ value: m.code, label: m.name }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[row.name, "dueOn"]}
                  rules={[{ required: true, message: t("action.dueRequired") }]}
                >
                  <DatePicker aria-label={t("action.deferredDue")} placeholder={t("action.deferredDue")} />
                </Form.Item>
                <Form.Item
                  name={[row.name, "commitmentSigned"]}
                  valuePropName="checked"
                  rules={[
                    {
                      validator: async (_, v: boolean | undefined) => {
                        if (!v) throw new Error(t("action.commitmentRequired"));
                      },
                    },
                  ]}
                >
                  <Checkbox>{t("action.commitmentSigned")}</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t("action.remove")}
                  onClick={() => remove(row.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ commitmentSigned: false })}
              block
            >
              {t("action.addDeferred")}
            </Button>
          </div>
        )}
      </Form.List>
      {onSpot && (
        <>
          <Alert type="info" showIcon style={{ margin: "16px 0 8px" }} title={t("action.onTheSpotHint")} />
          <Form.Item name="finishOnTheSpot" label={t("case.finishedOnSpot")} valuePropName="checked">
            <Switch data-testid="accept-on-the-spot" />
          </Form.Item>
          <Form.Item noStyle dependencies={["finishOnTheSpot"]}>
            {({ getFieldValue }) =>
              getFieldValue("finishOnTheSpot") ? (
                <>
                  <SpotFees caseId={p.caseData.id} />
                  <Form.Item name="reasons" label={t("action.reasons")}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </>
              ) : null
            }
          </Form.Item>
        </>
      )}
    </CommandModal>
  );
}
