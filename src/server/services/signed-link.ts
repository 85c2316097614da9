import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A link token that names a row and proves Cairn issued it: `<row id>.<HMAC(secret, purpose:id)>`.
 * Nothing secret is stored; deleting or revoking the row ends the link. `purpose` keeps a calendar
 * token from opening a report share.
 */
const signature = (secret: string, purpose: string, id: string) =>
  createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url');

export const signedToken = (secret: string, purpose: string, id: string) => `${id}.${signature(secret, purpose, id)}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The row id a token names, or null when it is malformed or its signature is not ours. */
export function verifiedId(secret: string, purpose: string, token: string): string | null {
  const [id, given, ...rest] = token.split('.');
  if (!id || !given || rest.length > 0 || !UUID.test(id)) return null;
  const expected = Buffer.from(signature(secret, purpose, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
