import { createTransport, type Transporter } from "nodemailer";
import type { EmailMessage, EmailSender, SendResult } from "./types";

/** Settings of the SMTP sender: `url` like `smtp://user:pass@host:587` (or `smtps://` for TLS on connect). */
export type SmtpOptions = {
  url: string;
  /** The sender address, e.g. `"一站政务服务 <noreply@example.gov.cn>"`. */
  from: string;
  /** Connection, greeting and socket timeouts in milliseconds (default 10 s / 10 s / 30 s). */
  timeoutMs?: { connection?: number; greeting?: number; socket?: number };
};

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid SMTP_URL)";
  }
}

/** E-mail over SMTP through nodemailer: one connection per message, plain text in UTF-8. */
export class SmtpEmailSender implements EmailSender {
  readonly describe: string;
  private readonly transporter: Transporter;

  constructor(private readonly opts: SmtpOptions) {
    this.describe = `smtp ${redactUrl(opts.url)}`;
    this.transporter = createTransport({
      url: opts.url,
      connectionTimeout: opts.timeoutMs?.connection ?? 10_000,
      greetingTimeout: opts.timeoutMs?.greeting ?? 10_000,
      socketTimeout: opts.timeoutMs?.socket ?? 30_000,
    });
  }

  /** Sends one message; the SMTP server's refusal becomes a thrown error (the outbox retries it). */
  async send(message: EmailMessage): Promise<SendResult> {
    const info = await this.transporter.sendMail({
      from: this.opts.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    return { providerId: typeof info.messageId === "string" ? info.messageId : null };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
