import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailStatus } from '../../domain/vocabulary.js';

/** SMTP_URL is checked at start, so a typo stops `cairn serve` with a clear message instead of failing every e-mail later. */
export class SmtpUrlError extends Error {
  readonly field = 'SMTP_URL';
}

/** What is wrong with an SMTP_URL, or null. The value is never echoed: it usually holds a password. */
export function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'SMTP_URL is not a valid URL: use smtp://user:password@host:587 or smtps://user:password@host:465 (percent-encode special characters in the password).';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//.`;
  if (!url.hostname) return 'SMTP_URL has no host: use smtp://user:password@host:587.';
  if (url.port && !(Number(url.port) >= 1 && Number(url.port) <= 65535)) return 'SMTP_URL has a port outside 1–65535.';
  return null;
}

export function assertSmtpUrl(value: string | undefined): void {
  if (value === undefined) return;
  const problem = smtpUrlProblem(value);
  if (problem) throw new SmtpUrlError(problem);
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A notification's signed unsubscribe URL: sent as List-Unsubscribe with RFC 8058 one-click POST. */
  listUnsubscribe?: string;
}

/** nodemailer's fields for a message: the `list` header set and the one-click header RFC 8058 adds. */
function mailFields(from: string, { listUnsubscribe, ...message }: MailMessage) {
  if (!listUnsubscribe) return { from, ...message };
  return {
    from,
    ...message,
    list: { unsubscribe: { url: listUnsubscribe, comment: 'Stop these e-mails' } },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** What became of a message; an invitation stores it as its e-mail status. */
export type MailOutcome = EmailStatus;

export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<MailOutcome>;
  /** Sends or throws the SMTP error, for the outbox dispatcher to keep as last_error and retry. */
  deliver?(message: MailMessage): Promise<void>;
}

// A dead SMTP server must not hold a request or a dispatcher for nodemailer's default minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends over SMTP_URL when set (a malformed one throws SmtpUrlError at once). `send` reports a
 * failure, never throws: mail must not fail a request.
 */
export function createMailer(smtpUrl: string | undefined, from: string, log: (error: unknown) => void = () => {}): Mailer {
  assertSmtpUrl(smtpUrl);
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS }) : null;
  const deliver = async (message: MailMessage) => {
    if (!transport) throw new Error('SMTP is not configured (SMTP_URL).');
    await transport.sendMail(mailFields(from, message));
  };
  return {
    configured: transport !== null,
    deliver,
    async send(message) {
      if (!transport) return 'not_configured';
      try {
        await deliver(message);
        return 'sent';
      } catch (error) {
        log(error);
        return 'failed';
      }
    },
  };
}
