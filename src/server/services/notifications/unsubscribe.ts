import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long an e-mail's unsubscribe link works; after that, people change their settings in Cairn. */
export const UNSUBSCRIBE_LINK_DAYS = 60;

export interface UnsubscribeLinkParts {
  /** The person. */
  u: string;
  /** The kind of notification. */
  k: string;
  /** Expiry, Unix seconds; signed with the rest so it cannot be extended. */
  e: string;
  /** The signature. */
  s: string;
}

/** A one-click unsubscribe link for one person and one kind of notification, signed so it cannot be forged, altered or extended. */
export function unsubscribeSignature(secret: string, userId: string, kind: string, expires: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${kind}:${expires}`).digest('base64url');
}

export function unsubscribeLink(publicUrl: string, secret: string, userId: string, kind: string, now: Date): string {
  const expires = String(Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400);
  const params = new URLSearchParams({ u: userId, k: kind, e: expires, s: unsubscribeSignature(secret, userId, kind, expires) });
  return `${publicUrl}/api/v1/unsubscribe?${params.toString()}`;
}

/** 'valid', or why not: an altered link and an expired one are told apart so the page can say which. */
export function verifyUnsubscribe(secret: string, link: UnsubscribeLinkParts, now: Date): 'valid' | 'altered' | 'expired' {
  const expected = Buffer.from(unsubscribeSignature(secret, link.u, link.k, link.e));
  const given = Buffer.from(link.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'altered';
  return Number(link.e) * 1000 > now.getTime() ? 'valid' : 'expired';
}
