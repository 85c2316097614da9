import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
// 32 random bytes: the Standard Webhooks form asks for between 24 and 64.
const SECRET_BYTES = 32;

/** A new signing secret in the Standard Webhooks form: `whsec_` + base64 of random bytes. */
export const newWebhookSecret = () => PREFIX + randomBytes(SECRET_BYTES).toString('base64');

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * The Standard Webhooks headers for one attempt: HMAC-SHA256 of `id.timestamp.body`, keyed by the
 * secret's base64-decoded bytes, as `v1,<base64>`. The timestamp is the attempt's (seconds), so a
 * receiver's replay window applies to each attempt; the id stays the event's on every retry.
 */
export function signWebhook(secret: string, id: string, at: Date, body: string): SignedHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
