import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { dependencies, objectives, teamMembers, teams } from '../../../db/schema/index.js';
import { hours } from '../../../domain/zoned-time.js';
import type { Actor } from '../../auth/actor.js';
import { dependencyAbilities } from '../../policies/dependencies.js';
import { presentObjectives, type ReadOptions } from '../okrs/read-model.js';
import { loadRhythm } from '../rhythm/settings.js';
import { objectiveIdVisibleTo, objectiveVisibleTo } from '../visibility/objective-visible.js';

type DependencyRow = typeof dependencies.$inferSelect;

/** The end of an ISO date, in UTC: what "as of that date" includes. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999Z`);

/**
 * Dependencies as the API shows them. As of a past date, a dependency asked later is left out and one answered
 * later is still `requested`; the providing objective's status is its status on that date (time travel).
 * `atRisk`: accepted, and the providing objective is at risk or off track.
 */
export async function presentDependencies(db: Database, actor: Actor, rows: DependencyRow[], options: ReadOptions) {
  const asOf = options.asOf ? endOf(options.asOf) : options.now;
  const existing = rows.filter((d) => d.createdAt <= asOf);
  if (existing.length === 0) return [];
  const objectiveIds = [...new Set(existing.flatMap((d) => [d.objectiveId, ...(d.providingObjectiveId ? [d.providingObjectiveId] : [])]))];
  const teamIds = [...new Set(existing.flatMap((d) => [d.providingTeamId, ...(d.requestingTeamId ? [d.requestingTeamId] : [])]))];
  const [objectiveRows, teamRows, myLeads, { rhythm }] = await Promise.all([
    db
      .select()
      .from(objectives)
      .where(and(eq(objectives.orgId, actor.orgId), inArray(objectives.id, objectiveIds), objectiveVisibleTo(actor))),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.orgId, actor.orgId), inArray(teams.id, teamIds))),
    db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.userId, actor.userId), eq(teamMembers.role, 'lead'))),
    loadRhythm(db, actor.orgId),
  ]);
  const views = new Map((await presentObjectives(db, actor, objectiveRows, options)).map((v) => [v.id, v]));
  const teamName = new Map(teamRows.map((t) => [t.id, t.name]));
  const leads = new Set(myLeads.map((l) => l.teamId));
  return existing.map((d) => {
    const answeredThen = d.answeredAt !== null && d.answeredAt <= asOf;
    const status = answeredThen ? d.status : 'requested';
    // A providing objective the caller cannot see is not named, not even by its id.
    const provider = d.providingObjectiveId ? views.get(d.providingObjectiveId) : undefined;
    const providerStatus = provider?.progressStatus ?? null;
    const answerDue = new Date(d.createdAt.getTime() + hours(rhythm.answerWithinHours));
    return {
      id: d.id,
      objectiveId: d.objectiveId,
      objectiveTitle: views.get(d.objectiveId)?.title ?? '',
      keyResultId: d.keyResultId,
      requestingTeamId: d.requestingTeamId,
      requestingTeamName: d.requestingTeamId ? (teamName.get(d.requestingTeamId) ?? null) : null,
      providingTeamId: d.providingTeamId,
      providingTeamName: teamName.get(d.providingTeamId) ?? '',
      providingObjectiveId: provider ? d.providingObjectiveId : null,
      providingObjectiveTitle: provider?.title ?? null,
      providingKeyResultId: provider ? d.providingKeyResultId : null,
      description: d.description,
      neededBy: d.neededBy,
      status,
      answerNote: answeredThen ? d.answerNote : null,
      answeredAt: answeredThen ? d.answeredAt!.toISOString() : null,
      createdAt: d.createdAt.toISOString(),
      answerDueAt: answerDue.toISOString(),
      overdue: status === 'requested' && answerDue < asOf,
      providerStatus,
      atRisk: status === 'accepted' && (providerStatus === 'at_risk' || providerStatus === 'off_track'),
      can: dependencyAbilities(actor, leads.has(d.providingTeamId)),
    };
  });
}
export type DependencyView = Awaited<ReturnType<typeof presentDependencies>>[number];

/** What an objective depends on (or, with `provided`, what others depend on it for). */
export async function objectiveDependencies(db: Database, actor: Actor, objectiveId: string, options: ReadOptions) {
  const rows = await db
    .select()
    .from(dependencies)
    .where(and(eq(dependencies.orgId, actor.orgId), eq(dependencies.objectiveId, objectiveId)))
    .orderBy(dependencies.neededBy);
  return presentDependencies(db, actor, rows, options);
}

/** A team's register: what we need from others, and what others need from us. */
export async function teamRegister(db: Database, actor: Actor, teamId: string, options: ReadOptions) {
  const rows = await db
    .select()
    .from(dependencies)
    .where(
      and(
        eq(dependencies.orgId, actor.orgId),
        or(eq(dependencies.requestingTeamId, teamId), eq(dependencies.providingTeamId, teamId)),
        // A need of a hidden objective is hidden with it.
        objectiveIdVisibleTo(actor, dependencies.objectiveId),
      ),
    )
    .orderBy(dependencies.neededBy);
  const views = await presentDependencies(db, actor, rows, options);
  return {
    teamId,
    weNeed: views.filter((v) => v.requestingTeamId === teamId),
    theyNeed: views.filter((v) => v.providingTeamId === teamId),
  };
}
