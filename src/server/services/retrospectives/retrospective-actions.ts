import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, retrospectiveActions, retrospectives, teams, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound } from '../../errors.js';
import { authorizeRetrospectiveEdit } from '../../policies/retrospectives.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { factsOf, requireRetrospective } from './retrospectives.js';

/** An action the retrospective agreed: it appears in its owner's week until it is done. */
export async function addAction(deps: ServiceDeps, actor: Actor, id: string, body: { text: string; ownerId: string; dueDate: string }) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const retro = await requireRetrospective(tx, actor.orgId, id);
    authorizeRetrospectiveEdit(actor, await factsOf(tx, actor, retro));
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, body.ownerId)));
    if (!owner) throw invalid('ownerId', 'The owner must be someone in this organisation.');
    const [action] = await tx
      .insert(retrospectiveActions)
      .values({ orgId: actor.orgId, retrospectiveId: retro.id, text: body.text.trim(), ownerId: owner.id, dueDate: body.dueDate })
      .returning();
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'retrospective.action_added',
      entityType: 'retrospective',
      entityId: retro.id,
      after: action,
    });
    announce.changed('retrospective', retro.id);
    return action!;
  });
}

/** Marks an action done (or not): its owner, or anyone who may edit the retrospective. */
export async function setActionDone(deps: ServiceDeps, actor: Actor, actionId: string, done: boolean) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const [action] = await tx
      .select()
      .from(retrospectiveActions)
      .where(and(eq(retrospectiveActions.orgId, actor.orgId), eq(retrospectiveActions.id, actionId)));
    if (!action) throw notFound('The action');
    const retro = await requireRetrospective(tx, actor.orgId, action.retrospectiveId);
    if (action.ownerId !== actor.userId) authorizeRetrospectiveEdit(actor, await factsOf(tx, actor, retro));
    const [saved] = await tx
      .update(retrospectiveActions)
      .set({ done })
      .where(and(eq(retrospectiveActions.orgId, actor.orgId), eq(retrospectiveActions.id, action.id)))
      .returning();
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'retrospective.action_done',
      entityType: 'retrospective',
      entityId: retro.id,
      before: action,
      after: saved,
    });
    announce.changed('retrospective', retro.id);
    return saved!;
  });
}

/** The open actions a person owns, soonest due first, with the retrospective they came from: part of "my week". */
export const openActionsOf = (db: Executor, orgId: string, userId: string) =>
  db
    .select({
      id: retrospectiveActions.id,
      text: retrospectiveActions.text,
      dueDate: retrospectiveActions.dueDate,
      done: retrospectiveActions.done,
      retrospectiveId: retrospectiveActions.retrospectiveId,
      teamName: teams.name,
      cycleName: cycles.name,
    })
    .from(retrospectiveActions)
    .innerJoin(
      retrospectives,
      and(eq(retrospectives.orgId, retrospectiveActions.orgId), eq(retrospectives.id, retrospectiveActions.retrospectiveId)),
    )
    .innerJoin(teams, and(eq(teams.orgId, retrospectives.orgId), eq(teams.id, retrospectives.teamId)))
    .innerJoin(cycles, and(eq(cycles.orgId, retrospectives.orgId), eq(cycles.id, retrospectives.cycleId)))
    .where(and(eq(retrospectiveActions.orgId, orgId), eq(retrospectiveActions.ownerId, userId), eq(retrospectiveActions.done, false)))
    .orderBy(asc(retrospectiveActions.dueDate));
