import { createHmac } from 'node:crypto';

/**
 * An invitation's link token is derived from the instance secret and the invitation's id, so an admin can
 * copy the link of a pending invitation again without Cairn storing it: only its hash is kept, as before.
 */
export const invitationToken = (secret: string, invitationId: string) =>
  createHmac('sha256', secret).update(`invitation-link:${invitationId}`).digest('base64url');

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/invite/${token}`;
