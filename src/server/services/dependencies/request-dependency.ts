import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { dependencies, keyResults, objectives, teamMembers, teams } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, notFound, type FieldError, invalidFields } from '../../errors.js';
import { authorizeDependencyRequest } from '../../policies/dependencies.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { notify } from '../notifications/notify.js';
import { loadObjectiveFor } from '../okrs/actor-reads.js';
import { noticesFor, scopeOf, type ServiceDeps } from '../okrs/deps.js';

export interface DependencyRequest {
  teamId: string;
  objectiveId?: string | null;
  keyResultId?: string | null;
  /** The dependent key result, when the need is one key result's rather than the whole objective's. */
  forKeyResultId?: string | null;
  description: string;
  neededBy: string;
}

async function requireKeyResultOf(tx: Executor, orgId: string, id: string, objectiveId: string | null, field: string) {
  const [kr] = await tx
    .select({ id: keyResults.id, objectiveId: keyResults.objectiveId })
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), eq(keyResults.id, id)));
  if (!kr) throw notFound('The key result', field);
  if (objectiveId && kr.objectiveId !== objectiveId) throw invalid(field, 'The key result belongs to another objective.');
  return kr;
}

/** The providing side, checked: another team of the organisation; its objective (not archived) and key result if named. */
async function providingSide(tx: Executor, orgId: string, requestingTeamId: string | null, input: DependencyRequest) {
  const [team] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, input.teamId)));
  if (!team) throw notFound('The team', 'teamId');
  if (team.id === requestingTeamId) throw invalid('teamId', 'A dependency is on another team, not on your own.');
  let providingObjectiveId = input.objectiveId ?? null;
  if (input.keyResultId)
    providingObjectiveId = (await requireKeyResultOf(tx, orgId, input.keyResultId, providingObjectiveId, 'keyResultId')).objectiveId;
  if (providingObjectiveId) {
    const field = input.objectiveId ? 'objectiveId' : 'keyResultId';
    const [objective] = await tx
      .select({ id: objectives.id, teamId: objectives.teamId, status: objectives.status })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), eq(objectives.id, providingObjectiveId)));
    if (!objective) throw notFound('The objective', field);
    if (objective.status === 'archived') throw invalid(field, 'The objective is archived.');
    if (objective.teamId !== team.id) throw invalid(field, 'The objective belongs to another team.');
  }
  return { team, providingObjectiveId };
}

/** Records what an objective needs from another team and tells that team's leads. */
export async function requestDependency(deps: ServiceDeps, actor: Actor, objectiveId: string, input: DependencyRequest) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { objective, cycle, relation } = await loadObjectiveFor(tx, actor, objectiveId);
    authorizeDependencyRequest(actor, relation);
    const problems: FieldError[] = [];
    if (objective.status === 'archived') problems.push({ field: 'objectiveId', message: 'The objective is archived.' });
    if (input.neededBy < cycle.startDate || input.neededBy > cycle.endDate)
      problems.push({ field: 'neededBy', message: `Must fall within the cycle (${cycle.startDate} to ${cycle.endDate}).` });
    if (problems.length) throw invalidFields(problems);
    if (input.forKeyResultId) await requireKeyResultOf(tx, actor.orgId, input.forKeyResultId, objective.id, 'forKeyResultId');
    const { team, providingObjectiveId } = await providingSide(tx, actor.orgId, objective.teamId, input);
    const [row] = await tx
      .insert(dependencies)
      .values({
        orgId: actor.orgId,
        objectiveId: objective.id,
        keyResultId: input.forKeyResultId ?? null,
        requestingTeamId: objective.teamId,
        providingTeamId: team.id,
        providingObjectiveId,
        providingKeyResultId: input.keyResultId ?? null,
        description: input.description.trim(),
        neededBy: input.neededBy,
        requestedBy: actor.userId,
        // The service's clock, not the database's: as-of reads and the answer timeframe are measured on it.
        createdAt: deps.clock(),
      })
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'dependency.requested',
      entityType: 'dependency',
      entityId: row!.id,
      after: row,
    });
    const notices = noticesFor(deps, announce);
    const leads = await tx
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.teamId, team.id), eq(teamMembers.role, 'lead')));
    if (notices)
      for (const { userId } of leads)
        await notify(tx, notices, {
          orgId: actor.orgId,
          userId,
          // Closest existing kind: something another team waits on, to be answered within the response timeframe.
          kind: 'blocker',
          title: `${team.name} is asked for help with “${objective.title}”`,
          body: `Needed by ${input.neededBy}: ${input.description.trim()}`,
          link: `/teams/${team.id}`,
          // Leads who may not read the objective are not told of it: the need is hidden with it.
          objectiveId: objective.id,
          entityType: 'dependency',
          entityId: row!.id,
          dedupeKey: `dependency:${row!.id}`,
        });
    announce.changed('objective', objective.id, objective.id);
    announce.changed('dependency', row!.id, objective.id);
    return row!;
  });
}
