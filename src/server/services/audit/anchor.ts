import { createHmac } from 'node:crypto';

/**
 * Retention removes the oldest entries; what stays must still verify. The last removed entry's sequence
 * and hash become the chain's anchor, signed with the instance secret, so nobody with only database
 * access can move the anchor forward to hide a removal of their own.
 */
export const anchorSignature = (secret: string, orgId: string, seq: number, hash: string) =>
  createHmac('sha256', secret).update(`cairn-audit-anchor\n${orgId}\n${seq}\n${hash}`).digest('hex');
