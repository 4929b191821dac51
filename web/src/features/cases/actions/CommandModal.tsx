import { Alert, App, Form, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { useI18n } from "../../../i18n/useT";
import { type CaseCommandName, type CommandBodies, isVersionConflict, useCaseCommand } from "../api";
import type { CaseDetail } from "../types";
import { applyServerErrors } from "./serverErrors";

type Values = Record<string, unknown>;

/** `data-testid` for antd props typed without it. */
const testId = (id: string) => ({ "data-testid": id }) as object;

type Props<C extends CaseCommandName> = {
  caseData: CaseDetail;
  command: C;
  open: boolean;
  onClose: () => void;
  title: string;
  okText?: string;
  danger?: boolean;
  width?: number;
  /** Top-level field names, so server errors land on their fields. */
  fields: readonly string[];
  initialValues?: Values;
  /** Builds the request body from the form's values. */
  toBody: (values: Values) => CommandBodies[C];
  children: ReactNode;
};

/**
 * A modal form for one lifecycle command: posts it with the case's version, shows server field errors on
 * the fields and the general message above them, keeps the OK button loading while it runs.
 */
export function CommandModal<C extends CaseCommandName>(p: Props<C>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<string[]>([]);
  const run = useCaseCommand(p.caseData.id);

  const submit = async () => {
    const values = await form.validateFields();
    setProblems([]);
    try {
      await run.mutateAsync({ command: p.command, version: p.caseData.version, body: p.toBody(values) });
      void message.success(t("action.done", { action: p.title }));
      form.resetFields();
      p.onClose();
    } catch (err) {
      if (isVersionConflict(err)) {
        p.onClose();
        return;
      }
      setProblems(applyServerErrors(form, err, locale, p.fields, t("error.generic")));
    }
  };

  return (
    <Modal
      open={p.open}
      title={p.title}
      width={p.width ?? 560}
      okText={p.okText ?? p.title}
      cancelText={t("action.cancel")}
      okButtonProps={{ danger: p.danger, loading: run.isPending, ...testId(`modal-ok-${p.command}`) }}
      onOk={submit}
      onCancel={() => {
        setProblems([]);
        p.onClose();
      }}
      destroyOnHidden
    >
      <div data-testid={`modal-${p.command}`}>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="command-error"
            title={problems.length === 1 ? problems[0] : t("action.problems")}
            description={
              problems.length > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {problems.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <Form form={form} layout="vertical" initialValues={p.initialValues} preserve={false}>
          {p.children}
        </Form>
      </div>
    </Modal>
  );
}
