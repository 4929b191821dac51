import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Image, Input, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { type ApiData, ApiError, call, yz } from "../../api/client";
import { useI18n } from "../../i18n/useT";
import { formatDateTime } from "../cases/labels";

type Enrolment = ApiData<"/api/auth/totp/enrolment", "post">;
const KEY = ["auth", "totp"] as const;

/**
 * 两步验证 on the account page (staff): off → scan the QR code, type one code → on, with the recovery
 * codes shown once; on → since when, recovery codes left (an administrator resets it after a lost phone).
 */
export function TotpCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: KEY, queryFn: () => call(yz.GET("/api/auth/totp")) });
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [codes, setCodes] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const errorText = (e: unknown) =>
    e instanceof ApiError ? (e.messageIn(locale) ?? e.message) : t("error.generic");

  if (status.isLoading)
    return (
      <Card title={t("totp.title")}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    );
  if (status.error) return <Alert type="error" showIcon title={t("totp.loadError")} />;
  if (!status.data?.available) return null;

  const start = async () => {
    setBusy(true);
    try {
      setEnrolment(await call(yz.POST("/api/auth/totp/enrolment")));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      const r = await call(yz.POST("/api/auth/totp/enrolment/confirm", { body: { code: code.trim() } }));
      setCodes(r.recoveryCodes);
      setEnrolment(undefined);
      message.success(t("totp.enabled"));
      await qc.invalidateQueries({ queryKey: KEY });
    } catch (e) {
      if (e instanceof ApiError && e.field === "code")
        form.setFields([{ name: "code", errors: [errorText(e)] }]);
      else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const s = status.data;
  return (
    <Card title={t("totp.title")} data-testid="totp-card">
      <Typography.Paragraph type="secondary">{t("totp.hint")}</Typography.Paragraph>
      <Typography.Paragraph data-testid="totp-state">
        {s.enabled
          ? t("totp.on", {
              at: s.enabledAt ? formatDateTime(s.enabledAt) : "",
              left: s.recoveryCodesLeft,
            })
          : t("totp.off")}
      </Typography.Paragraph>
      {codes && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("totp.recoveryTitle")}
          description={
            <Typography.Paragraph copyable={{ text: codes.join("\n") }} style={{ margin: 0 }}>
              <pre data-testid="totp-recovery-codes" style={{ margin: 0 }}>
                {codes.join("\n")}
              </pre>
            </Typography.Paragraph>
          }
        />
      )}
      {s.enabled ? (
        <Typography.Text type="secondary">{t("totp.lostPhone")}</Typography.Text>
      ) : enrolment ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text>{t("totp.scan")}</Typography.Text>
          <Image
            src={enrolment.qrDataUrl}
            width={200}
            preview={false}
            alt="otpauth QR"
            data-testid="totp-qr"
          />
          <Typography.Text code copyable data-testid="totp-secret">
            {enrolment.secret}
          </Typography.Text>
          <Form form={form} layout="inline" onFinish={confirm}>
            <Form.Item
              name="code"
              label={t("totp.code")}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("totp.codeInvalid") }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
              {t("totp.confirm")}
            </Button>
          </Form>
        </Space>
      ) : (
        <Button type="primary" onClick={start} loading={busy} data-testid="totp-start">
          {t("totp.start")}
        </Button>
      )}
    </Card>
  );
}
