import { TranslationOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n/useT";

/**
 * Switches between 中文 and English; the button names the language it switches to (`compact`, on phones:
 * "EN" / "中", with the full name as its accessible name).
 */
export function LanguageToggle({ compact = false }: { compact?: boolean }) {
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
      icon={compact ? undefined : <TranslationOutlined />}
      onClick={onClick}
      loading={busy}
      title={t("lang.switchTitle")}
      aria-label={compact ? t("lang.switch") : undefined}
      lang={next}
      data-testid="lang-toggle"
    >
      {compact ? (next === "en-US" ? "EN" : "中") : t("lang.switch")}
    </Button>
  );
}
