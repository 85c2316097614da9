import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { rolloutTeamMembers, users } from '../../../db/schema/index.js';
import { blindSpots, type RolloutFocus } from '../../../domain/rollout/programme.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeRollout } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';

/** The rollout team with each member's focus, and what a missing focus leaves uncovered. */
export async function rolloutTeam(db: Executor, orgId: string) {
  const members = await db
    .select({ userId: users.id, name: users.name, title: users.title, focus: rolloutTeamMembers.focus })
    .from(rolloutTeamMembers)
    .innerJoin(users, and(eq(users.orgId, rolloutTeamMembers.orgId), eq(users.id, rolloutTeamMembers.userId)))
    .where(and(eq(rolloutTeamMembers.orgId, orgId), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
  return { members, blindSpots: blindSpots(members.map((m) => m.focus)) };
}

/** Replaces the rollout team; someone outside the organisation (or gone) is "not found", naming members. */
export async function setRolloutTeam(db: Database, actor: Actor, members: { userId: string; focus: RolloutFocus }[]) {
  authorizeRollout(actor);
  const byUser = new Map(members.map((m) => [m.userId, m.focus]));
  return db.transaction(async (tx) => {
    if (byUser.size > 0) {
      const found = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), inArray(users.id, [...byUser.keys()]), isNull(users.deactivatedAt)));
      if (found.length !== byUser.size) throw notFound('A member of the rollout team', 'members');
    }
    const before = await rolloutTeam(tx, actor.orgId);
    await tx.delete(rolloutTeamMembers).where(eq(rolloutTeamMembers.orgId, actor.orgId));
    if (byUser.size > 0)
      await tx.insert(rolloutTeamMembers).values([...byUser].map(([userId, focus]) => ({ orgId: actor.orgId, userId, focus })));
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'rollout.team-updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { members: before.members.map((m) => ({ userId: m.userId, focus: m.focus })) },
      after: { members: [...byUser].map(([userId, focus]) => ({ userId, focus })) },
    });
    return rolloutTeam(tx, actor.orgId);
  });
}
