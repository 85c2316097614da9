import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { isAdmin } from './index.js';

/** Anyone in the organisation may comment and react; a comment is edited or deleted by its author or an admin. */
export const canChangeComment = (actor: Actor, authorId: string | null) => isAdmin(actor) || authorId === actor.userId;

export function commentAbilities(actor: Actor, authorId: string | null) {
  const change = canChangeComment(actor, authorId);
  return { edit: change, delete: change };
}

export function authorizeCommentChange(actor: Actor, authorId: string | null): void {
  if (!canChangeComment(actor, authorId)) throw forbidden('Only its author or an admin can change a comment.');
}
