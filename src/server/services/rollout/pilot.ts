import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { pilotTeams, teams } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { authorizeRollout } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';

/** The teams and departments chosen for the pilot (their sub-teams are in it too); none chosen: no pilot. */
export const listPilotTeams = (db: Executor, orgId: string) =>
  db
    .select({ id: teams.id, name: teams.name, kind: teams.kind })
    .from(pilotTeams)
    .innerJoin(teams, and(eq(teams.orgId, pilotTeams.orgId), eq(teams.id, pilotTeams.teamId)))
    .where(eq(pilotTeams.orgId, orgId))
    .orderBy(asc(teams.name));

/** Replaces the pilot's teams; a team of another organisation is "not found", naming teamIds. */
export async function setPilotTeams(db: Database, actor: Actor, teamIds: string[]) {
  authorizeRollout(actor);
  const ids = [...new Set(teamIds)];
  return db.transaction(async (tx) => {
    if (ids.length > 0) {
      const found = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.orgId, actor.orgId), inArray(teams.id, ids)));
      if (found.length !== ids.length) throw notFound('A team of the pilot', 'teamIds');
    }
    const before = (await listPilotTeams(tx, actor.orgId)).map((t) => t.id);
    await tx.delete(pilotTeams).where(eq(pilotTeams.orgId, actor.orgId));
    if (ids.length > 0) await tx.insert(pilotTeams).values(ids.map((teamId) => ({ orgId: actor.orgId, teamId })));
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'rollout.pilot-updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { teamIds: before },
      after: { teamIds: ids },
    });
    return listPilotTeams(tx, actor.orgId);
  });
}
