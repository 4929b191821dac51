import { App, Button, Card, Form, Input } from "antd";
import type { Locale } from "../../api/ApiError";
import type { ApiError } from "../../api/client";
import { useChangePassword } from "../../auth/mutations";
import { useI18n } from "../../i18n/useT";

type Fields = { currentPassword: string; newPassword: string; confirm: string };
const FIELDS = new Set<string>(["currentPassword", "newPassword"]);

/** Server problems as form field errors; what belongs to no field comes back as `rest`. */
function fieldErrors(err: ApiError, locale: Locale, wrongCurrent: string) {
  const byField = err.fieldMessages(locale);
  const fields = Object.entries(byField)
    .filter(([name]) => FIELDS.has(name))
    .map(([name, errors]) => ({ name: name as keyof Fields, errors }));
  if (fields.length === 0 && (err.code === "invalid_credentials" || err.status === 401)) {
    fields.push({ name: "currentPassword", errors: [wrongCurrent] });
  }
  return { fields, rest: fields.length === 0 ? err.messageIn(locale) : undefined };
}

/** 修改密码: current password, new password (min 8) and its confirmation; server errors on the fields. */
export function ChangePasswordForm() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Fields>();
  const change = useChangePassword();
  const { message } = App.useApp();

  const onFinish = (v: Fields) => {
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t("password.changed"));
        },
        onError: (err) => {
          const { fields, rest } = fieldErrors(err, locale, t("password.wrongCurrent"));
          form.setFields(fields);
          if (fields.length === 0) message.error(rest ?? t("error.generic"));
        },
      },
    );
  };

  return (
    <Card title={t("password.title")} data-testid="change-password">
      <Form<Fields> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
        <Form.Item
          name="currentPassword"
          label={t("password.current")}
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("password.new")}
          rules={[
            { required: true, message: t("password.newRequired") },
            { min: 8, message: t("password.minLength") },
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          hasFeedback
          rules={[
            { required: true, message: t("password.confirmRequired") },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue("newPassword") === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {t("password.submit")}
        </Button>
      </Form>
    </Card>
  );
}
