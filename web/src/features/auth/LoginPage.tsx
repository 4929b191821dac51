import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router-dom";
import { useLogin } from "../../auth/mutations";
import type { Me } from "../../auth/types";
import { useMe } from "../../auth/useMe";
import { useI18n } from "../../i18n/useT";
import { Brand } from "../../layout/Brand";
import { LanguageToggle } from "../../layout/LanguageToggle";
import { canVisit, homePathFor, PUBLIC_PAGES } from "../../layout/nav";
import { ShellSkeleton } from "../../layout/ShellSkeleton";
import { loginErrorText } from "./loginErrors";

type Fields = { username: string; password: string; totpCode?: string; recoveryCode?: string };

/** Where to go after signing in: back where the user came from if allowed, else the role's home. */
function targetFor(me: Me, from: unknown): string {
  if (typeof from === "string" && from.startsWith("/") && from !== "/login" && canVisit(me, from))
    return from;
  return homePathFor(me);
}

/** 登录: username and password, with clear messages for wrong password, lockout and rate limits. */
export default function LoginPage() {
  const { t, locale } = useI18n();
  const { me, isLoading } = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from: unknown = (location.state as { from?: unknown } | null)?.from;
  // Two-step login: the server asked for a code (totp_required); the code field stays from then on.
  const [needCode, setNeedCode] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);

  if (isLoading) return <ShellSkeleton />;
  if (me && !login.isPending) return <Navigate to={targetFor(me, from)} replace />;

  const onFinish = (values: Fields) => {
    login.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        ...(needCode && !useRecovery && values.totpCode ? { totpCode: values.totpCode.trim() } : {}),
        ...(needCode && useRecovery && values.recoveryCode
          ? { recoveryCode: values.recoveryCode.trim() }
          : {}),
      },
      {
        onSuccess: (user) => navigate(targetFor(user, from), { replace: true }),
        onError: (err) => {
          if (err.code === "totp_required" || err.code === "totp_invalid") setNeedCode(true);
        },
      },
    );
  };

  return (
    <div
      data-testid="login-page"
      style={{
        minHeight: "100vh",
        display: "flex",
        flexDirection: "column",
        background: "linear-gradient(160deg, #fbeeee 0%, #f4f5f7 45%, #eaf1f9 100%)",
      }}
    >
      <header
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          padding: "16px clamp(12px, 4vw, 32px)",
        }}
      >
        <Brand showMotto={false} />
        <LanguageToggle />
      </header>
      <main
        style={{ flex: 1, display: "grid", placeItems: "center", padding: "24px clamp(12px, 4vw, 24px)" }}
      >
        <Card
          style={{ width: "100%", maxWidth: 400 }}
          styles={{ body: { padding: "clamp(16px, 6vw, 32px)" } }}
        >
          <Space
            orientation="vertical"
            size={4}
            style={{ width: "100%", marginBottom: 24, textAlign: "center" }}
          >
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t("app.fullName")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.motto")}</Typography.Text>
          </Space>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t("login.title")}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
          {login.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={<span data-testid="login-error">{loginErrorText(login.error, t, locale)}</span>}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<Fields> layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="username"
              label={t("login.username")}
              rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[{ required: true, message: t("login.passwordRequired") }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            {needCode && !useRecovery && (
              <Form.Item
                name="totpCode"
                label={t("totp.login.code")}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("totp.codeInvalid") }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  data-testid="login-totp"
                />
              </Form.Item>
            )}
            {needCode && useRecovery && (
              <Form.Item
                name="recoveryCode"
                label={t("totp.login.recovery")}
                rules={[{ required: true, whitespace: true, message: t("totp.login.recovery") }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="off"
                  maxLength={20}
                  data-testid="login-recovery"
                />
              </Form.Item>
            )}
            {needCode && (
              <Button
                type="link"
                style={{ padding: 0, marginBottom: 12 }}
                onClick={() => setUseRecovery(!useRecovery)}
              >
                {t(useRecovery ? "totp.login.useCode" : "totp.login.useRecovery")}
              </Button>
            )}
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t("login.submit")}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 8, fontSize: 13 }}>
            {t("login.publicHint")}
          </Typography.Paragraph>
          <Space wrap>
            {PUBLIC_PAGES.map((item) => (
              <Link key={item.key} to={item.path} data-testid={`public-${item.key}`}>
                {t(item.labelKey)}
              </Link>
            ))}
          </Space>
        </Card>
      </main>
    </div>
  );
}
