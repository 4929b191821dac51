import Form from "@rjsf/antd";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { Alert, App, Button, Card, Popconfirm, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../../i18n/useT";
import { isVersionConflict, useCaseCommand, useUpdateDraft } from "../cases/api";
import { withFormatHints, withoutChanged } from "../cases/formatHints";
import { useItemForm } from "../cases/itemForm";
import type { CaseDetail } from "../cases/types";
import { MaterialUploads } from "./MaterialUploads";
import { type SubmitProblems, submitProblems } from "./submitErrors";

const NONE: SubmitProblems = { form: {}, materials: {}, general: [] };

/** 新的申请, step 2: the item's form (JSON Schema, @rjsf/antd), the uploads, save draft and submit. */
export function DraftEditor({ caseData }: { caseData: CaseDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const item = useItemForm(caseData.itemCode);
  const save = useUpdateDraft(caseData.id);
  const submit = useCaseCommand(caseData.id);
  const [formData, setFormData] = useState<Record<string, unknown>>(caseData.formData);
  const [problems, setProblemsOnly] = useState<SubmitProblems>(NONE);
  const [filesAtError, setFilesAtError] = useState<Record<string, string>>({});
  const setProblems = (next: SubmitProblems | ((p: SubmitProblems) => SubmitProblems)) => {
    if (typeof next !== "function") setFilesAtError(filesByMaterial(caseData));
    setProblemsOnly(next);
  };

  const saveDraft = async (quiet = false): Promise<CaseDetail | null> => {
    try {
      const c = await save.mutateAsync({ version: caseData.version, formData });
      if (!quiet) void message.success(t("portal.draftSaved"));
      return c;
    } catch (err) {
      if (!isVersionConflict(err)) setProblems(submitProblems(err, locale, t("error.generic")));
      return null;
    }
  };

  const submitNow = async () => {
    setProblems(NONE);
    const saved = await saveDraft(true);
    if (!saved) return;
    try {
      const c = await submit.mutateAsync({ command: "submit", version: saved.version, body: {} });
      void message.success(t("portal.submitted"));
      navigate(`/cases/${c.id}`);
    } catch (err) {
      if (!isVersionConflict(err)) setProblems(submitProblems(err, locale, t("error.generic")));
    }
  };

  // A material's error goes as soon as its files change (uploaded or removed since the error was shown).
  const now = filesByMaterial(caseData);
  const materialErrors = Object.fromEntries(
    Object.entries(problems.materials).filter(([code]) => now[code] === filesAtError[code]),
  );

  const busy = save.isPending || submit.isPending;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }} data-testid="draft-editor">
      <Card
        title={
          <Space wrap>
            <span>{caseData.itemName}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {t("case.number")} {caseData.number}
            </Typography.Text>
          </Space>
        }
      >
        <Typography.Title level={5}>{t("case.form")}</Typography.Title>
        {item.isLoading && <Skeleton active />}
        {item.isError && (
          <Alert type="error" showIcon title={t("portal.formError")} description={item.error.message} />
        )}
        {item.data && (
          <div data-testid="application-form" className="yz-rjsf">
            <Form
              schema={item.data.formSchema as RJSFSchema}
              uiSchema={{
                ...(withFormatHints(item.data.formSchema, item.data.uiSchema, t) as UiSchema),
                "ui:submitButtonOptions": { norender: true },
              }}
              formData={formData}
              onChange={(e) => {
                const next = (e.formData ?? {}) as Record<string, unknown>;
                // A field's error goes as soon as the field is changed (the server checks again on submit).
                setProblems((p) => ({ ...p, form: withoutChanged(p.form, formData, next) }));
                setFormData(next);
              }}
              validator={validator}
              extraErrors={problems.form}
              showErrorList={false}
              disabled={busy}
            />
          </div>
        )}
      </Card>
      <Card title={t("portal.materials")}>
        <MaterialUploads caseData={caseData} errors={materialErrors} />
      </Card>
      {problems.general.length > 0 && (
        <Alert type="error" showIcon data-testid="submit-error" title={problems.general.join("；")} />
      )}
      {(Object.keys(problems.form).length > 0 || Object.keys(materialErrors).length > 0) && (
        <Alert type="error" showIcon data-testid="submit-field-errors" title={t("portal.fixProblems")} />
      )}
      <Card size="small">
        <Space wrap>
          <Button
            onClick={() => saveDraft()}
            loading={save.isPending && !submit.isPending}
            disabled={busy}
            data-testid="save-draft"
          >
            {t("portal.saveDraft")}
          </Button>
          <Popconfirm
            title={t("action.submit.confirm")}
            okText={t("action.confirm")}
            cancelText={t("action.cancel")}
            onConfirm={submitNow}
          >
            <Button
              type="primary"
              loading={submit.isPending}
              disabled={busy}
              data-testid="submit-application"
            >
              {t("action.submit")}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">{t("portal.draftHint")}</Typography.Text>
        </Space>
      </Card>
    </Space>
  );
}

/** Each material's files, as one comparable string. */
function filesByMaterial(c: CaseDetail): Record<string, string> {
  return Object.fromEntries(c.materials.map((m) => [m.code, m.files.map((f) => f.id).join(",")]));
}
