import { join } from "node:path";
import { LogFileEmailSender, LogFileSmsSender } from "./logFile";
import { SmtpEmailSender } from "./smtp";
import type { NotifyChannels } from "./types";

/** The default sender address when `MAIL_FROM` is not set. */
export const DEFAULT_MAIL_FROM = "一站政务服务平台 <noreply@yizhan.local>";

/**
 * Builds the outbound channels from the environment: `SMTP_URL` (smtp://user:pass@host:port) and
 * `MAIL_FROM` for e-mail, otherwise a mail log file; `SMS_LOG_PATH` (default `<logDir>/sms.log`) for
 * SMS, and `MAIL_LOG_PATH` (default `<logDir>/mail.log`) for the e-mail fallback.
 */
export function notifyChannelsFromEnv(env: NodeJS.ProcessEnv, logDir: string): NotifyChannels {
  const smtpUrl = env.SMTP_URL?.trim();
  const email = smtpUrl
    ? new SmtpEmailSender({ url: smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM })
    : new LogFileEmailSender(env.MAIL_LOG_PATH?.trim() || join(logDir, "mail.log"));
  const sms = new LogFileSmsSender(env.SMS_LOG_PATH?.trim() || join(logDir, "sms.log"));
  return { email, sms };
}
