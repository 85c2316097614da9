import type { outbox } from '../../db/schema/index.js';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { MailMessage, Mailer } from '../mail/mailer.js';
import { guardedLookup, webhookUrlProblem } from '../services/webhook-url.js';
import type { SlackPoster } from '../services/slack/post-message.js';

type OutboxRow = typeof outbox.$inferSelect;

// A webhook that does not answer within this long counts as failed and is retried later.
const WEBHOOK_TIMEOUT_MS = 10_000;

/** The one-click unsubscribe link notify() kept beside a notification e-mail, if any. */
function listUnsubscribeOf(row: OutboxRow): string | undefined {
  const payload = row.payload as { listUnsubscribe?: unknown } | null;
  return typeof payload?.listUnsubscribe === 'string' ? payload.listUnsubscribe : undefined;
}

async function sendEmail(mailer: Mailer, row: OutboxRow): Promise<void> {
  const message: MailMessage = {
    to: row.recipient,
    subject: row.subject ?? '(no subject)',
    text: row.body,
    listUnsubscribe: listUnsubscribeOf(row),
  };
  if (mailer.deliver) return mailer.deliver(message);
  const outcome = await mailer.send(message);
  if (outcome !== 'sent')
    throw new Error(
      outcome === 'not_configured' ? 'SMTP is not configured.' : 'The SMTP server did not take the message (see the server log).',
    );
}

/**
 * POSTs a JSON body and answers the HTTP status (redirects are not followed: a hook that redirects
 * could send us anywhere). node:http rather than fetch so the socket's DNS lookup can refuse private
 * addresses (SSRF).
 */
export function postJson(target: string, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  const problem = webhookUrlProblem(target, allowPrivate);
  if (problem) return Promise.reject(new Error(problem));
  const url = new URL(target);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Cairn', ...headers },
        lookup: guardedLookup(allowPrivate),
        timeout: WEBHOOK_TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`The webhook did not answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** Any 2xx is delivered; anything else is an error to retry. */
export const isDelivered = (status: number) => status >= 200 && status < 300;

/** POSTs the stored JSON (Slack's `{text}`) to a team's chat webhook. */
async function postWebhook(row: OutboxRow, allowPrivate: boolean): Promise<void> {
  const status = await postJson(row.recipient, JSON.stringify(row.payload ?? { text: row.body }), {}, allowPrivate);
  if (!isDelivered(status)) throw new Error(`The webhook answered HTTP ${status}.`);
}

/** A Slack message goes through the Web API with the organisation's bot token, not to a URL. */
function postSlack(row: OutboxRow, slack: SlackPoster | undefined): Promise<void> {
  if (!slack) return Promise.reject(new Error('No Slack client was given to the dispatcher.'));
  return slack(row.orgId, (row.payload as Record<string, unknown> | null) ?? { channel: row.recipient, text: row.body });
}

/** Delivers one outbox row; the error message, if any, becomes its last_error. */
export async function deliver(
  mailer: Mailer,
  row: OutboxRow,
  options: { allowPrivateWebhooks?: boolean; slack?: SlackPoster } = {},
): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    if (row.channel === 'email') await sendEmail(mailer, row);
    else if (row.channel === 'slack') await postSlack(row, options.slack);
    else await postWebhook(row, options.allowPrivateWebhooks ?? false);
    return { ok: true };
  } catch (error) {
    // fetch says only "fetch failed"; the reason (refused, DNS, TLS, timeout) is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${message}${cause}`.slice(0, 500) };
  }
}
