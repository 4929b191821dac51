import { Alert, Form, type FormInstance, Modal } from "antd";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { ApiError } from "../../api/ApiError";
import { useI18n } from "../../i18n/useT";

type Props<V> = {
  open: boolean;
  title: ReactNode;
  okText: string;
  testId: string;
  danger?: boolean;
  /** The OK button stays disabled while something must be done first (e.g. fees collected). */
  okDisabled?: boolean;
  initialValues?: Partial<V>;
  onCancel: () => void;
  /** Runs the command; an ApiError's field problems are put on the form's fields. */
  onSubmit: (values: V) => Promise<void>;
  children: (form: FormInstance<V>) => ReactNode;
};

/**
 * A modal form for one case command: validates, calls the API, shows the server's field errors on
 * the fields (problem+json `errors`) and any other problem — a stale version (409), a refusal (403) —
 * above the form.
 */
export function ActionModal<V extends object>(props: Props<V>) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Each opening starts from the initial values as they are now: the form store outlives the hidden
  // modal, and a field removed on close kept the default of that moment (a stale page's next stage).
  // Read when opening only: later changes of the initial values must not overwrite what the user typed.
  const initial = useRef(props.initialValues);
  initial.current = props.initialValues;
  useLayoutEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (initial.current) form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
    setProblem(null);
  }, [props.open, form]);

  const ok = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await props.onSubmit(values);
    } catch (e) {
      if (e instanceof ApiError) {
        const byField = e.fieldMessages(locale);
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const onFields = Object.entries(byField).filter(([f]) => known.has(f));
        form.setFields(onFields.map(([name, errors]) => ({ name: name as never, errors })));
        if (onFields.length === 0 || e.status === 409) setProblem(e.messageIn(locale) ?? e.code);
      } else setProblem(t("error.generic"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t("wb.cancel")}
      okButtonProps={
        {
          danger: props.danger,
          loading: busy,
          disabled: props.okDisabled,
          "data-testid": `${props.testId}-ok`,
        } as never
      }
      onOk={() => void ok()}
      onCancel={props.onCancel}
      destroyOnHidden
      width={640}
    >
      <div data-testid={props.testId}>
        {problem ? (
          <Alert
            type="error"
            showIcon
            title={problem}
            style={{ marginBottom: 16 }}
            data-testid="action-error"
          />
        ) : null}
        <Form<V> form={form} layout="vertical" initialValues={props.initialValues} preserve={false}>
          {props.children(form)}
        </Form>
      </div>
    </Modal>
  );
}
