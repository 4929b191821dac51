import { TranslationOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n/useT";

/** Switches between 中文 and English; the button names the language it switches to. */
export function LanguageToggle() {
  const { locale, setLocale, t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const next = locale === "zh-CN" ? "en-US" : "zh-CN";
  const onClick = async () => {
    setBusy(true);
    try {
      await setLocale(next);
    } catch (err) {
      message.error(
        err instanceof ApiError ? (err.messageIn(locale) ?? t("error.generic")) : t("error.generic"),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      onClick={onClick}
      loading={busy}
      title={t("lang.switchTitle")}
      lang={next}
      data-testid="lang-toggle"
    >
      {t("lang.switch")}
    </Button>
  );
}
