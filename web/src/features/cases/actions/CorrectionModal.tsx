import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Form, Input, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useI18n } from "../../../i18n/useT";
import { CommandModal } from "./CommandModal";
import type { ModalProps } from "./SimpleCommandModals";

type Row = { materialCode?: string; problem?: "missing" | "defective"; note?: string };

/**
 * 一次性告知: every problem at once, and only materials of the case's list can be named (不刁) — the
 * material picker offers nothing else.
 */
export function CorrectionModal(p: ModalProps) {
  const { t } = useI18n();
  const materials = p.caseData.materials;
  const initial: Row[] = materials
    .filter((m) => ["missing", "defective"].includes(m.status))
    .map((m) => ({ materialCode: m.code, problem: m.status as Row["problem"], note: m.note ?? undefined }));
  return (
    <CommandModal
      {...p}
      command="requestCorrection"
      title={t("action.requestCorrection")}
      width={760}
      fields={["items", "dueOn"]}
      initialValues={{ items: initial.length ? initial : [{ problem: "missing" }] }}
      toBody={(v) => ({
        items: ((v.items as Row[] | undefined) ?? []).map((r) => ({
          materialCode: String(r.materialCode),
          problem: r.problem === "defective" ? "defective" : "missing",
          note: r.note?.trim() || undefined,
        })),
        dueOn: (v.dueOn as Dayjs | undefined)?.format("YYYY-MM-DD"),
      })}
    >
      <Typography.Paragraph type="secondary">{t("action.correctionHint")}</Typography.Paragraph>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, rows: Row[] | undefined) => {
              if (!rows?.length) throw new Error(t("action.correctionEmpty"));
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} align="start" style={{ display: "flex" }} data-testid="correction-row">
                <Form.Item
                  name={[row.name, "materialCode"]}
                  rules={[{ required: true, message: t("action.materialRequired") }]}
                  style={{ width: 280 }}
                >
                  <Select
                    aria-label={t("action.pickMaterial")}
                    placeholder={t("action.pickMaterial")}
                    options={materials.map((m) => ({ value: m.code, label: m.name }))}
                    data-testid="correction-material"
                  />
                </Form.Item>
                <Form.Item name={[row.name, "problem"]} rules={[{ required: true }]} style={{ width: 130 }}>
                  <Select
                    aria-label={t("action.problemKind")}
                    options={[
                      { value: "missing", label: t("material.status.missing") },
                      { value: "defective", label: t("material.status.defective") },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[row.name, "note"]} style={{ width: 220 }}>
                  <Input placeholder={t("action.notePlaceholder")} maxLength={500} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t("action.remove")}
                  onClick={() => remove(row.name)}
                />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ problem: "missing" })} block>
              {t("action.addProblem")}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="dueOn" label={t("action.correctionDue")} style={{ marginTop: 16 }}>
        <DatePicker />
      </Form.Item>
    </CommandModal>
  );
}
