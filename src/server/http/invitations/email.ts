import type { MailMessage } from '../../mail/mailer.js';

export function invitationEmail({ to, inviter, link }: { to: string; inviter: string; link: string }): MailMessage {
  return {
    to,
    subject: `${inviter} invited you to Cairn`,
    text: [
      `${inviter} invited you to join your organisation's OKRs on Cairn.`,
      '',
      `Accept the invitation: ${link}`,
      '',
      'The link works once and expires in 14 days.',
    ].join('\n'),
  };
}
