import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type MailOutcome = 'sent' | 'failed' | 'not_configured';

export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<MailOutcome>;
}

/** Sends over SMTP_URL when set. A failure is reported, never thrown: mail must not fail a request. */
export function createMailer(smtpUrl: string | undefined, from: string, log: (error: unknown) => void = () => {}): Mailer {
  const transport: Transporter | null = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    configured: transport !== null,
    async send(message) {
      if (!transport) return 'not_configured';
      try {
        await transport.sendMail({ from, ...message });
        return 'sent';
      } catch (error) {
        log(error);
        return 'failed';
      }
    },
  };
}
