import type { Locale } from "../../api/ApiError";
import { ApiError } from "../../api/client";
import type { MessageKey } from "../../i18n/translate";

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A clear sentence, in the current language, for why signing in failed. */
export function loginErrorText(err: unknown, t: T, locale: Locale): string {
  if (!(err instanceof ApiError)) return t("error.generic");
  if (err.code === "totp_required") return t("totp.login.required");
  if (err.code === "totp_invalid") return t("totp.login.invalid");
  if (err.code === "invalid_credentials" || err.status === 401) return t("login.invalidCredentials");
  if (err.code === "account_locked" || err.status === 423) return t("login.locked");
  if (err.code === "rate_limited" || err.status === 429) return t("login.rateLimited");
  if (err.code === "network_error") return t("error.network");
  return t("login.failed", { message: err.messageIn(locale) ?? err.code });
}
