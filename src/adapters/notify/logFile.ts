import { randomUUID } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { maskContact } from "../../domain/inquiries/rules";
import type { EmailMessage, EmailSender, SendResult, SmsMessage, SmsSender } from "./types";

/** Appends one JSON object as a line to `path` (creating the folder), in one write. */
export async function appendJsonLine(path: string, record: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${JSON.stringify(record)}\n`, "utf8");
}

/**
 * SMS written as JSON lines to a file (`{ id, at, to, text }`), until a real SMS gateway is
 * contracted: the gateway implements the same {@link SmsSender} interface. The number is written masked
 * (138****8000): a log file is not where personal data is kept (ADR 0016); the line's `id` is the
 * `provider_id` of the `message_log` row, which holds the number encrypted.
 */
export class LogFileSmsSender implements SmsSender {
  readonly describe: string;
  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.describe = `sms log ${path}`;
  }

  /** Appends the message to the log file; the line id is the provider id. */
  async send(message: SmsMessage): Promise<SendResult> {
    const id = `sms-${randomUUID()}`;
    await appendJsonLine(this.path, {
      id,
      at: this.now().toISOString(),
      to: maskContact(message.to),
      text: message.text,
    });
    return { providerId: id };
  }
}

/**
 * The e-mail fallback when no SMTP server is configured: messages go to a JSON-lines file instead of
 * being dropped, so an operator can still see what would have been sent. The address is written masked
 * (z***@example.cn) like the SMS log's number (ADR 0016); the line's `id` is the `provider_id` of the
 * `message_log` row, which holds the address encrypted.
 */
export class LogFileEmailSender implements EmailSender {
  readonly describe: string;
  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.describe = `mail log ${path} (SMTP_URL not set)`;
  }

  /** Appends the message to the log file; the line id is the provider id. */
  async send(message: EmailMessage): Promise<SendResult> {
    const id = `mail-${randomUUID()}`;
    await appendJsonLine(this.path, {
      id,
      at: this.now().toISOString(),
      to: maskContact(message.to),
      subject: message.subject,
      text: message.text,
    });
    return { providerId: id };
  }
}
