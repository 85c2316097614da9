import { and, eq, inArray, isNull } from 'drizzle-orm';
import { checkInIdVisibleTo, targetVisibleTo } from '../visibility/child-visible.js';
import type { Viewer } from '../visibility/objective-visible.js';
import type { Executor } from '../../../db/database.js';
import { checkIns, comments, reactions, users } from '../../../db/schema/index.js';
import { notFound } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Actor } from '../../auth/actor.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { REACTION_EMOJIS } from '../../../domain/reactions.js';

/** The allowed reactions (src/domain/reactions.ts). */
export const EMOJIS = REACTION_EMOJIS;
export type Emoji = (typeof EMOJIS)[number];
export type ReactionTarget = 'comment' | 'check_in';

export interface ReactionSummary {
  emoji: Emoji;
  count: number;
  mine: boolean;
  names: string[];
}

/** Comments and check-ins of the caller's organisation that are not deleted; 404 otherwise. */
export async function requireReactionTarget(
  tx: Executor,
  viewer: Viewer & { orgId: string },
  type: ReactionTarget,
  id: string,
): Promise<void> {
  const { orgId } = viewer;
  const rows =
    type === 'comment'
      ? await tx
          .select({ id: comments.id })
          .from(comments)
          .where(
            and(
              eq(comments.orgId, orgId),
              eq(comments.id, id),
              isNull(comments.deletedAt),
              targetVisibleTo(viewer, comments.targetType, comments.targetId),
            ),
          )
      : await tx
          .select({ id: checkIns.id })
          .from(checkIns)
          .where(and(eq(checkIns.orgId, orgId), eq(checkIns.id, id), eq(checkIns.deleted, false), checkInIdVisibleTo(viewer, checkIns.id)));
  if (rows.length === 0) throw notFound(type === 'comment' ? 'The comment' : 'The check-in');
}

/** Reactions per target, emoji in the set's order, with whether the viewer is among them. */
export async function reactionSummaries(
  tx: Executor,
  type: ReactionTarget,
  ids: string[],
  viewerId: string,
): Promise<Map<string, ReactionSummary[]>> {
  const result = new Map<string, ReactionSummary[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await tx
    .select({ targetId: reactions.targetId, emoji: reactions.emoji, userId: reactions.userId, name: users.name })
    .from(reactions)
    .innerJoin(users, eq(users.id, reactions.userId))
    .where(and(eq(reactions.targetType, type), inArray(reactions.targetId, ids)))
    .orderBy(reactions.createdAt);
  for (const id of ids) {
    const onTarget = rows.filter((r) => r.targetId === id);
    const summaries = EMOJIS.map((emoji) => {
      const people = onTarget.filter((r) => r.emoji === emoji);
      return { emoji, count: people.length, mine: people.some((p) => p.userId === viewerId), names: people.map((p) => p.name) };
    });
    result.set(
      id,
      summaries.filter((s) => s.count > 0),
    );
  }
  return result;
}

/** Adds (`on`) or removes the caller's emoji; idempotent, one per person and emoji (a unique index). */
export async function setReaction(
  deps: ServiceDeps,
  actor: Actor,
  type: ReactionTarget,
  targetId: string,
  emoji: Emoji,
  on: boolean,
): Promise<ReactionSummary[]> {
  const scope = scopeOf(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    await requireReactionTarget(tx, actor, type, targetId);
    const mine = and(
      eq(reactions.targetType, type),
      eq(reactions.targetId, targetId),
      eq(reactions.userId, scope.actorId),
      eq(reactions.emoji, emoji),
    );
    const changed = on
      ? await tx
          .insert(reactions)
          .values({ orgId: scope.orgId, targetType: type, targetId, userId: scope.actorId, emoji })
          .onConflictDoNothing()
          .returning({ id: reactions.id })
      : await tx.delete(reactions).where(mine).returning({ id: reactions.id });
    if (changed.length > 0) {
      await recordActivity(tx, {
        ...scope,
        action: on ? 'reaction.added' : 'reaction.removed',
        entityType: type,
        entityId: targetId,
        after: { emoji },
      });
      // Reactions show beside comments and check-ins: pages refetch their social part only.
      announce.changed('comment', targetId);
    }
    return (await reactionSummaries(tx, type, [targetId], scope.actorId)).get(targetId)!;
  });
}
