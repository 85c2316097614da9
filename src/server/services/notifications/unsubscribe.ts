import { createHmac, timingSafeEqual } from 'node:crypto';

/** A one-click unsubscribe link for one person and one kind of notification, signed so it cannot be forged or altered. */
export function unsubscribeSignature(secret: string, userId: string, kind: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}`).digest('base64url');
}

export function unsubscribeLink(publicUrl: string, secret: string, userId: string, kind: string): string {
  const params = new URLSearchParams({ u: userId, k: kind, s: unsubscribeSignature(secret, userId, kind) });
  return `${publicUrl}/api/v1/unsubscribe?${params.toString()}`;
}

export function verifyUnsubscribe(secret: string, userId: string, kind: string, signature: string): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, userId, kind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
