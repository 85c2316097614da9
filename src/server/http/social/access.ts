import type { Actor } from '../../auth/actor.js';
import { isAdmin } from '../../policies/index.js';
import type { Writer } from '../../services/social/comments.js';
import { forbidden } from '../../errors.js';
import type { AppContext } from '../context.js';

/** Anyone in the organisation may comment and react; a comment is edited or deleted by its author or an admin. */
export function authorizeCommentChange(actor: Actor, authorId: string | null): void {
  if (isAdmin(actor) || authorId === actor.userId) return;
  throw forbidden('Only its author or an admin can change a comment.');
}

export const writerOf = (actor: Actor): Writer => ({ orgId: actor.orgId, actorId: actor.userId, name: actor.name });

/** After commit: pages showing the target refetch, and the people notified see their bell move. */
export function tellPages(
  ctx: AppContext,
  orgId: string,
  change: { type: 'comment' | 'check_in' | 'objective'; entityId?: string },
  notified: Iterable<string> = [],
): void {
  ctx.events.publish({ orgId, ...change });
  for (const userId of notified) ctx.events.publish({ orgId, type: 'notification', userId });
}
