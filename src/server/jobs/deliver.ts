import type { outbox } from '../../db/schema/index.js';
import type { Mailer } from '../mail/mailer.js';

type OutboxRow = typeof outbox.$inferSelect;

// A webhook that does not answer within this long counts as failed and is retried later.
const WEBHOOK_TIMEOUT_MS = 10_000;

async function sendEmail(mailer: Mailer, row: OutboxRow): Promise<void> {
  const message = { to: row.recipient, subject: row.subject ?? '(no subject)', text: row.body };
  if (mailer.deliver) return mailer.deliver(message);
  const outcome = await mailer.send(message);
  if (outcome !== 'sent')
    throw new Error(
      outcome === 'not_configured' ? 'SMTP is not configured.' : 'The SMTP server did not take the message (see the server log).',
    );
}

/** POSTs the stored JSON (Slack's `{text}`); any 2xx is delivered, anything else is an error to retry. */
async function postWebhook(row: OutboxRow): Promise<void> {
  const response = await fetch(row.recipient, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Cairn' },
    body: JSON.stringify(row.payload ?? { text: row.body }),
    redirect: 'error',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`The webhook answered HTTP ${response.status}.`);
}

/** Delivers one outbox row; the error message, if any, becomes its last_error. */
export async function deliver(mailer: Mailer, row: OutboxRow): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await (row.channel === 'email' ? sendEmail(mailer, row) : postWebhook(row));
    return { ok: true };
  } catch (error) {
    // fetch says only "fetch failed"; the reason (refused, DNS, TLS, timeout) is its cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${message}${cause}`.slice(0, 500) };
  }
}
