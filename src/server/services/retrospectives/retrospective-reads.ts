import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { objectives, retrospectiveActions, retrospectiveParticipants, retrospectives, teams, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { requireCycle } from '../okrs/cycles.js';
import { objectiveIdVisibleTo, objectiveVisibleTo } from '../visibility/objective-visible.js';
import { requireRetrospective, retrospectiveCan, teamsMissingRetrospective } from './retrospectives.js';

type Retrospective = typeof retrospectives.$inferSelect;

/** Retrospectives with their team, objective, invited people and actions, as the page shows them. */
async function detailsOf(db: Database, actor: Actor, list: Retrospective[]) {
  if (list.length === 0) return [];
  const ids = list.map((r) => r.id);
  const [teamRows, objectiveRows, participantRows, actionRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.orgId, actor.orgId)),
    db
      .select({ id: objectives.id, title: objectives.title })
      .from(objectives)
      .where(
        and(
          eq(objectives.orgId, actor.orgId),
          inArray(
            objectives.id,
            list.flatMap((r) => (r.objectiveId ? [r.objectiveId] : [])),
          ),
          objectiveVisibleTo(actor),
        ),
      ),
    db
      .select({ retrospectiveId: retrospectiveParticipants.retrospectiveId, id: users.id, name: users.name })
      .from(retrospectiveParticipants)
      .innerJoin(users, and(eq(users.orgId, retrospectiveParticipants.orgId), eq(users.id, retrospectiveParticipants.userId)))
      .where(and(eq(retrospectiveParticipants.orgId, actor.orgId), inArray(retrospectiveParticipants.retrospectiveId, ids)))
      .orderBy(asc(users.name)),
    db
      .select({ action: retrospectiveActions, ownerName: users.name })
      .from(retrospectiveActions)
      .innerJoin(users, and(eq(users.orgId, retrospectiveActions.orgId), eq(users.id, retrospectiveActions.ownerId)))
      .where(and(eq(retrospectiveActions.orgId, actor.orgId), inArray(retrospectiveActions.retrospectiveId, ids)))
      .orderBy(asc(retrospectiveActions.dueDate), asc(retrospectiveActions.createdAt)),
  ]);
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const objectiveTitle = new Map(objectiveRows.map((o) => [o.id, o.title]));
  return Promise.all(
    list.map(async (retro) => ({
      ...retro,
      teamName: teamName.get(retro.teamId) ?? '',
      objectiveTitle: retro.objectiveId ? (objectiveTitle.get(retro.objectiveId) ?? null) : null,
      participants: participantRows.filter((p) => p.retrospectiveId === retro.id).map(({ id, name }) => ({ id, name })),
      actions: actionRows.filter((a) => a.action.retrospectiveId === retro.id).map((a) => ({ ...a.action, ownerName: a.ownerName })),
      can: await retrospectiveCan(db, actor, retro),
    })),
  );
}

/** The cycle's retrospectives and the teams still owing one. */
export async function cycleRetrospectives(db: Database, actor: Actor, cycleId: string) {
  const cycle = await requireCycle(db, actor.orgId, cycleId);
  const list = await db
    .select()
    .from(retrospectives)
    .where(
      and(
        eq(retrospectives.orgId, actor.orgId),
        eq(retrospectives.cycleId, cycle.id),
        // A retrospective of a hidden objective is hidden with it.
        or(isNull(retrospectives.objectiveId), objectiveIdVisibleTo(actor, retrospectives.objectiveId)),
      ),
    )
    .orderBy(asc(retrospectives.createdAt));
  return {
    retrospectives: await detailsOf(db, actor, list),
    missingTeams: await teamsMissingRetrospective(db, actor.orgId, cycle.id, actor),
  };
}

export async function oneRetrospective(db: Database, actor: Actor, id: string) {
  const [details] = await detailsOf(db, actor, [await requireRetrospective(db, actor.orgId, id)]);
  return details!;
}
