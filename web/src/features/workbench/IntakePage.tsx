import Form from "@rjsf/antd";
import type { ErrorSchema, RJSFSchema, UiSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { Alert, App, Button, Card, Descriptions, Result, Select, Space, Spin, Steps, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../../api/ApiError";
import { call, yz } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { postCaseCommand, useCase } from "../cases/api";
import { withFormatHints, withoutChanged } from "../cases/formatHints";
import type { JsonSchemaObject } from "../cases/itemForm";
import type { CaseDetail } from "../cases/types";
import { ApplicantPicker } from "./ApplicantPicker";
import { type ApplicantHit, useFileableItems, useServiceItem } from "./api";
import { MaterialsUpload } from "./MaterialsUpload";

/** Server field problems on `formData.<field>` as the form's error schema. */
function formErrors(byField: Record<string, string[]>): Record<string, { __errors: string[] }> {
  const out: Record<string, { __errors: string[] }> = {};
  for (const [field, msgs] of Object.entries(byField)) {
    if (field.startsWith("formData.")) out[field.slice(9).split(".")[0]] = { __errors: msgs };
  }
  return out;
}

/**
 * 窗口收件: the clerk files an application on the applicant's behalf — find the applicant, pick the
 * item, fill its form (rendered from the item's JSON Schema), upload the materials scanned at the
 * counter, submit; then straight on to the material check. `?case=<id>` resumes a window draft.
 */
export default function IntakePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const caseId = params.get("case") ?? undefined;
  const [applicant, setApplicant] = useState<ApplicantHit | null>(null);
  const [itemCode, setItemCode] = useState<string | undefined>();
  const [step, setStep] = useState(caseId ? 2 : 0);
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  // The form as it was when the problem came: a field's error goes as soon as the field is changed.
  const [formAtProblem, setFormAtProblem] = useState<Record<string, unknown>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the snapshot is taken when a problem comes.
  useEffect(() => setFormAtProblem(formData), [problem]);
  const [busy, setBusy] = useState(false);
  const items = useFileableItems();
  const existing = useCase(caseId);
  const item = useServiceItem(c?.itemCode ?? itemCode);

  useEffect(() => {
    if (existing.data && !c) {
      setCase(existing.data);
      setFormData(existing.data.formData);
      setStep(existing.data.status === "draft" ? 2 : 3);
    }
  }, [existing.data, c]);

  const fail = (e: unknown) => {
    if (e instanceof ApiError) setProblem(e);
    else message.error(t("error.generic"));
  };

  /** Creates the draft (first time) or saves the form into it, then moves on to the materials. */
  const saveForm = async (data: Record<string, unknown>) => {
    setProblem(null);
    setBusy(true);
    try {
      const saved = c
        ? await call(
            yz.PATCH("/api/cases/{id}", {
              params: { path: { id: c.id } },
              body: { expectedVersion: c.version, formData: data },
            }),
          )
        : await call(
            yz.POST("/api/cases", {
              body: { itemCode: itemCode ?? "", applicantId: applicant?.id, formData: data },
            }),
          );
      setCase(saved);
      setParams({ case: saved.id }, { replace: true });
      setStep(3);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!c) return;
    setProblem(null);
    setBusy(true);
    try {
      const done = await postCaseCommand(c.id, "submit", c.version, {});
      message.success(t("wb.intake.submitted", { number: done.number }));
      navigate(`/workbench/cases/${done.id}/check`);
    } catch (e) {
      fail(e);
      // The form is checked against the item's schema by the server (the CSP forbids compiling it here).
      if (e instanceof ApiError && e.errors.some((x) => x.field.startsWith("formData."))) setStep(2);
    } finally {
      setBusy(false);
    }
  };

  if (caseId && existing.isLoading) return <Spin data-testid="intake-loading" />;
  if (caseId && existing.error)
    return <Result status="warning" title={t("wb.loadError", { message: String(existing.error) })} />;

  const errors = problem ? problem.fieldMessages(locale) : {};
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-intake">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }} data-testid="page-title">
          {t("wb.intake")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("wb.intake.subtitle")}</Typography.Text>
      </div>
      <Steps
        current={step}
        items={[
          { title: t("wb.intake.step.applicant") },
          { title: t("wb.intake.step.item") },
          { title: t("wb.intake.step.form") },
          { title: t("wb.intake.step.materials") },
        ]}
      />
      {problem ? (
        <Alert
          type="error"
          showIcon
          data-testid="intake-error"
          title={problem.messageIn(locale) ?? problem.code}
          description={
            Object.keys(errors).length ? (
              <ul style={{ margin: 0 }}>
                {Object.entries(errors).map(([f, msgs]) => (
                  <li key={f} data-field={f}>
                    {msgs.join("；")}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {c ? (
        <Card size="small">
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t("wb.col.number")}>{c.number}</Descriptions.Item>
            <Descriptions.Item label={t("wb.col.applicant")}>{c.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t("wb.col.item")}>{c.itemName}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Card>
        {step === 0 ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <ApplicantPicker
              value={applicant}
              onChange={setApplicant}
              onRegistered={(a) => {
                setApplicant(a);
                setStep(1);
              }}
            />
            <Button type="primary" disabled={!applicant} onClick={() => setStep(1)} data-testid="intake-next">
              {t("wb.intake.next")}
            </Button>
          </Space>
        ) : null}
        {step === 1 ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text>{t("wb.intake.for", { name: applicant?.name ?? "" })}</Typography.Text>
            <Select<string>
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 480 }}
              loading={items.isLoading}
              placeholder={t("wb.intake.pickItem")}
              value={itemCode}
              onChange={setItemCode}
              data-testid="intake-item"
              options={(items.data ?? []).map((i) => ({
                value: i.code,
                label: `${i.name}（${i.handlingType === "immediate" ? t("wb.immediate") : t("wb.promised")}）`,
              }))}
            />
            <Space>
              <Button onClick={() => setStep(0)}>{t("wb.intake.back")}</Button>
              <Button
                type="primary"
                disabled={!itemCode}
                onClick={() => setStep(2)}
                data-testid="intake-next"
              >
                {t("wb.intake.next")}
              </Button>
            </Space>
          </Space>
        ) : null}
        {step === 2 ? (
          item.isLoading ? (
            <Spin />
          ) : item.data?.content.formSchema ? (
            <div data-testid="intake-form">
              <style>{"[data-testid=intake-form] fieldset{border:0;padding:0;margin:0}"}</style>
              <Form
                schema={item.data.content.formSchema as RJSFSchema}
                uiSchema={{
                  ...(withFormatHints(
                    item.data.content.formSchema as JsonSchemaObject,
                    item.data.content.uiSchema ?? {},
                    t,
                  ) as UiSchema),
                  "ui:submitButtonOptions": {
                    submitText: t("wb.intake.saveForm"),
                    props: { type: "primary", loading: busy, "data-testid": "intake-save-form" } as Record<
                      string,
                      unknown
                    >,
                  },
                }}
                formData={formData}
                validator={validator}
                noValidate
                extraErrors={withoutChanged(formErrors(errors), formAtProblem, formData) as ErrorSchema}
                showErrorList={false}
                onChange={(e) => setFormData(e.formData as Record<string, unknown>)}
                onSubmit={(e) => void saveForm(e.formData as Record<string, unknown>)}
              />
            </div>
          ) : (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void saveForm({})}
              data-testid="intake-save-form"
            >
              {t("wb.intake.saveForm")}
            </Button>
          )
        ) : null}
        {step === 3 && c ? (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <MaterialsUpload c={c} onUploaded={setCase} />
            <Space>
              {c.status === "draft" ? (
                <>
                  <Button onClick={() => setStep(2)}>{t("wb.intake.back")}</Button>
                  <Button
                    type="primary"
                    loading={busy}
                    onClick={() => void submit()}
                    data-testid="intake-submit"
                  >
                    {t("action.submit")}
                  </Button>
                </>
              ) : (
                <Link to={`/workbench/cases/${c.id}/check`}>{t("wb.action.check")}</Link>
              )}
            </Space>
          </Space>
        ) : null}
      </Card>
    </Space>
  );
}
