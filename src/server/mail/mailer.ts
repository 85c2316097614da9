import nodemailer, { type Transporter } from 'nodemailer';
import { assertSmtpUrl } from './smtp-url.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type MailOutcome = 'sent' | 'failed' | 'not_configured';

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
    await transport.sendMail({ from, ...message });
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
