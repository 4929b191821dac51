/** One e-mail to one recipient, plain text (UTF-8, Chinese first). */
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
};

/** One SMS to one phone number. */
export type SmsMessage = {
  to: string;
  text: string;
};

/** What a provider answered: its message id, when it gives one. */
export type SendResult = { providerId: string | null };

/** Sends e-mail (SMTP in production, a log file when no SMTP server is configured). */
export interface EmailSender {
  /** A short description for logs and health pages (never contains a password). */
  readonly describe: string;
  /** Sends one message; throws when the provider refuses it or cannot be reached. */
  send(message: EmailMessage): Promise<SendResult>;
  /** Releases connections, if any. */
  close?(): Promise<void>;
}

/** Sends SMS (a log file for now; a real provider implements the same interface). */
export interface SmsSender {
  readonly describe: string;
  /** Sends one message; throws when the provider refuses it or cannot be reached. */
  send(message: SmsMessage): Promise<SendResult>;
  close?(): Promise<void>;
}

/** The outbound channels of one deployment (AppContext.notify). */
export type NotifyChannels = { email: EmailSender; sms: SmsSender };
