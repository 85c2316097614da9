import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { selectPrepared } from '../../../db/prepared-statements.js';
import { checkIns, cycles, keyResults, objectives, organizations } from '../../../db/schema/index.js';
import type { TeamMemberRole } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../errors.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';
import type { ObjectiveRelation } from '../../policies/objectives.js';

/*
 * The first read of an OKR write: the row it changes with its objective, cycle, the organisation's
 * time zone and the actor's relation to the objective, in one statement. The service decides the
 * policy on these facts under the organisation lock, so nothing is loaded twice.
 */

/** The actor's role in the objective's team and whether they contribute (in person or through a team). */
function relationColumns(actorId: string) {
  return {
    teamRole: sql<TeamMemberRole | null>`(select tm.role from team_members tm where tm.team_id = ${objectives.teamId} and tm.user_id = ${actorId})`,
    contributes:
      sql<boolean>`exists (select 1 from objective_contributors oc where oc.objective_id = ${objectives.id} and (oc.user_id = ${actorId} or oc.team_id in (select mt.team_id from team_members mt where mt.user_id = ${actorId})))`.mapWith(
        Boolean,
      ),
  };
}

const relationOf = (actor: Actor, ownerId: string | null, teamRole: TeamMemberRole | null, contributes: boolean): ObjectiveRelation => ({
  owns: ownerId === actor.userId,
  leadsTeam: teamRole === 'lead',
  inTeam: teamRole !== null,
  contributes,
});

function objectiveRead(actor: Actor) {
  return { cycle: cycles, timeZone: organizations.timeZone, ...relationColumns(actor.userId) };
}

async function readOne<T>(rows: Promise<T[]>, what: string, field?: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw notFound(what, field);
  return row;
}

export async function loadObjectiveFor(tx: Executor, actor: Actor, objectiveId: string, field?: string) {
  const row = await readOne(
    tx
      .select({ objective: objectives, ...objectiveRead(actor) })
      .from(objectives)
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .innerJoin(organizations, eq(organizations.id, objectives.orgId))
      // A hidden objective is answered as missing (404): its existence is not revealed.
      .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.id, objectiveId), objectiveVisibleTo(actor))),
    'The objective',
    field,
  );
  return { ...row, relation: relationOf(actor, row.objective.ownerId, row.teamRole, row.contributes) };
}

export async function loadKeyResultFor(tx: Executor, actor: Actor, keyResultId: string, field?: string) {
  // A named statement: every check-in reads it first, inside its transaction (decision 0006).
  const row = await readOne(
    selectPrepared(
      tx
        .select({
          keyResult: keyResults,
          objective: objectives,
          ...objectiveRead(actor),
          // A check-in asks this before writing: read here, it costs no statement of its own (issue 12).
          drivenByInitiatives:
            sql<boolean>`exists (select 1 from initiative_driven_key_results d where d.org_id = ${keyResults.orgId} and d.key_result_id = ${keyResults.id})`.mapWith(
              Boolean,
            ),
        })
        .from(keyResults)
        .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
        .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
        .innerJoin(organizations, eq(organizations.id, objectives.orgId))
        .where(and(eq(keyResults.orgId, actor.orgId), eq(keyResults.id, keyResultId), objectiveVisibleTo(actor))),
    ),
    'The key result',
    field,
  );
  return { ...row, relation: relationOf(actor, row.objective.ownerId, row.teamRole, row.contributes) };
}

/** A check-in with its key result, cycle and time zone: changing one is decided on its author alone. */
export async function loadCheckInFor(tx: Executor, actor: Actor, checkInId: string) {
  return readOne(
    tx
      .select({ checkIn: checkIns, keyResult: keyResults, objectiveId: objectives.id, cycle: cycles, timeZone: organizations.timeZone })
      .from(checkIns)
      .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .innerJoin(organizations, eq(organizations.id, objectives.orgId))
      .where(and(eq(checkIns.orgId, actor.orgId), eq(checkIns.id, checkInId), eq(checkIns.deleted, false), objectiveVisibleTo(actor))),
    'The check-in',
  );
}
