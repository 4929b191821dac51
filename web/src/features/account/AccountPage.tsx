import { Alert, App, Card, Descriptions, Radio, Space, Tag, Typography } from "antd";
import type { Locale } from "../../api/ApiError";
import { ApiError } from "../../api/client";
import { useMe } from "../../auth/useMe";
import { ZhText } from "../../components/ZhText";
import { translate } from "../../i18n/translate";
import { useI18n } from "../../i18n/useT";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { TotpCard } from "./TotpCard";

/** 我的账户: who I am, my roles and organizations, my password and my language. */
export default function AccountPage() {
  const { t, locale, setLocale } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  if (!me) return null;

  const onLocale = async (next: Locale) => {
    try {
      await setLocale(next);
      message.success(translate(next, "pref.saved"));
    } catch (err) {
      message.error(
        err instanceof ApiError ? (err.messageIn(locale) ?? t("error.generic")) : t("error.generic"),
      );
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }} data-testid="page-account">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("account.title")}
      </Typography.Title>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={t("password.mustChange")} data-testid="must-change-password" />
      )}
      <Card title={t("account.profile")}>
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 180 } }}>
          <Descriptions.Item label={t("account.username")}>
            <span data-testid="account-username">{me.username}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("account.displayName")}>
            <ZhText>{me.displayName}</ZhText>
          </Descriptions.Item>
          <Descriptions.Item label={t("account.kind")}>{t(`kind.${me.kind}` as const)}</Descriptions.Item>
          <Descriptions.Item label={t("account.roles")}>
            <Space orientation="vertical" size={4} data-testid="account-roles">
              {me.roles.map((r) => (
                <span key={`${r.role}:${r.orgId ?? ""}`}>
                  <Tag color="red">{t(`role.${r.role}` as const)}</Tag>
                  {r.orgName && (
                    <Typography.Text type="secondary">
                      <ZhText>{r.orgName}</ZhText>
                    </Typography.Text>
                  )}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ChangePasswordForm />
      <TotpCard />
      <Card title={t("pref.title")}>
        <Typography.Paragraph type="secondary">{t("pref.hint")}</Typography.Paragraph>
        <Radio.Group
          value={locale}
          onChange={(e) => onLocale(e.target.value as Locale)}
          optionType="button"
          data-testid="locale-preference"
          options={[
            { value: "zh-CN", label: t("lang.zh-CN") },
            { value: "en-US", label: t("lang.en-US") },
          ]}
        />
      </Card>
    </Space>
  );
}
