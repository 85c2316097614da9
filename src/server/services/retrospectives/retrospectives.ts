import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { objectives, retrospectiveParticipants, retrospectives, teamMembers, teams, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { authorizeRetrospectiveEdit, authorizeRetrospectiveOpen, retrospectiveAbilities } from '../../policies/retrospectives.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { replaceLessons } from '../lessons/replace-lessons.js';
import { requireCycle } from '../okrs/cycles.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { applyRetrospectiveUpdate } from './retrospective-doc.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';

type Retrospective = typeof retrospectives.$inferSelect;

const isMember = async (db: Executor, orgId: string, teamId: string, userId: string) =>
  (
    await db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
  ).length > 0;

/** Whether the caller belongs to the retrospective's team or was invited to it. */
export async function factsOf(db: Executor, actor: Actor, retro: Retrospective) {
  const invited = await db
    .select({ userId: retrospectiveParticipants.userId })
    .from(retrospectiveParticipants)
    .where(
      and(
        eq(retrospectiveParticipants.orgId, actor.orgId),
        eq(retrospectiveParticipants.retrospectiveId, retro.id),
        eq(retrospectiveParticipants.userId, actor.userId),
      ),
    );
  return { inTeam: await isMember(db, actor.orgId, retro.teamId, actor.userId), invited: invited.length > 0 };
}

export async function requireRetrospective(db: Executor, orgId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(retrospectives)
    .where(and(eq(retrospectives.orgId, orgId), eq(retrospectives.id, id)));
  const [retro] = lock ? await query.for('update') : await query;
  if (!retro) throw notFound('The retrospective');
  return retro;
}

/**
 * Teams with published objectives in the cycle (the ones a retrospective is for), by name; counting only the
 * objectives `visibleTo` may read (null: all, for the close gate and write checks).
 */
export const teamsWithObjectives = (db: Executor, orgId: string, cycleId: string, visibleTo: Viewer | null) =>
  db
    .selectDistinct({ teamId: teams.id, teamName: teams.name })
    .from(objectives)
    .innerJoin(teams, and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId)))
    .where(
      and(
        eq(objectives.orgId, orgId),
        eq(objectives.cycleId, cycleId),
        sql`${objectives.status} <> 'draft'`,
        visibleTo ? objectiveVisibleTo(visibleTo) : undefined,
      ),
    )
    .orderBy(asc(teams.name));

/** For the close gate: teams with published objectives in the cycle and no team retrospective yet. */
export async function teamsMissingRetrospective(tx: Executor, orgId: string, cycleId: string, visibleTo: Viewer | null) {
  const held = await tx
    .select({ teamId: retrospectives.teamId })
    .from(retrospectives)
    .where(and(eq(retrospectives.orgId, orgId), eq(retrospectives.cycleId, cycleId), isNull(retrospectives.objectiveId)));
  const heldTeams = new Set(held.map((row) => row.teamId));
  return (await teamsWithObjectives(tx, orgId, cycleId, visibleTo)).filter((team) => !heldTeams.has(team.teamId));
}

/**
 * Opens the team's retrospective of the cycle, or one for a shared objective of the cycle (its team's). A team with
 * no published objectives in the cycle has nothing to look back on (422 naming teamId); one per team (409).
 */
export async function openRetrospective(deps: ServiceDeps, actor: Actor, cycleId: string, body: { teamId?: string; objectiveId?: string }) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const cycle = await requireCycle(tx, actor.orgId, cycleId);
    let teamId = body.teamId;
    if (body.objectiveId) {
      const [objective] = await tx
        .select()
        .from(objectives)
        .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.id, body.objectiveId), eq(objectives.cycleId, cycle.id)));
      if (!objective || objective.status === 'draft') throw invalid('objectiveId', 'Choose a published objective of this cycle.');
      teamId ??= objective.teamId ?? undefined;
    }
    if (!teamId) throw invalid('teamId', 'Choose the team holding the retrospective.');
    const holders = await teamsWithObjectives(tx, actor.orgId, cycle.id, null);
    if (!holders.some((team) => team.teamId === teamId)) {
      throw invalid('teamId', 'This team has no published objectives in this cycle, so there is nothing to look back on.');
    }
    authorizeRetrospectiveOpen(actor, await isMember(tx, actor.orgId, teamId, actor.userId));
    const [retro] = await tx
      .insert(retrospectives)
      .values({ orgId: actor.orgId, cycleId: cycle.id, teamId, objectiveId: body.objectiveId ?? null, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!retro) throw conflict(body.objectiveId ? 'objectiveId' : 'teamId', 'This retrospective is already open.');
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'retrospective.opened',
      entityType: 'retrospective',
      entityId: retro.id,
    });
    announce.changed('retrospective', retro.id);
    return retro;
  });
}

/** Applies one Yjs update from an editor, stores the merged document and its texts, and re-indexes its lessons. */
export async function updateRetrospective(deps: ServiceDeps, actor: Actor, id: string, update: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const retro = await requireRetrospective(tx, actor.orgId, id, true);
    authorizeRetrospectiveEdit(actor, await factsOf(tx, actor, retro));
    const next = applyRetrospectiveUpdate(retro.state, update);
    const [saved] = await tx
      .update(retrospectives)
      .set({
        state: next.state,
        wentWell: next.texts.wentWell,
        wentBadly: next.texts.wentBadly,
        rootCauses: next.texts.rootCauses,
        lessonsText: next.texts.lessons,
      })
      .where(and(eq(retrospectives.orgId, actor.orgId), eq(retrospectives.id, retro.id)))
      .returning();
    await replaceLessons(
      tx,
      {
        orgId: actor.orgId,
        sourceKind: 'retrospective',
        sourceId: retro.id,
        teamId: retro.teamId,
        cycleId: retro.cycleId,
        objectiveId: retro.objectiveId,
        outcome: null,
        authorId: actor.userId,
      },
      next.lessons,
    );
    announce.changed('retrospective', retro.id);
    return saved!;
  });
}

/** Invites someone (typically from another team) to write in the retrospective. */
export async function inviteParticipant(deps: ServiceDeps, actor: Actor, id: string, userId: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const retro = await requireRetrospective(tx, actor.orgId, id);
    authorizeRetrospectiveEdit(actor, await factsOf(tx, actor, retro));
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, userId)));
    if (!person) throw invalid('userId', 'Invite someone from this organisation.');
    await tx.insert(retrospectiveParticipants).values({ orgId: actor.orgId, retrospectiveId: retro.id, userId }).onConflictDoNothing();
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'retrospective.invited',
      entityType: 'retrospective',
      entityId: retro.id,
      after: { userId },
    });
    announce.changed('retrospective', retro.id);
  });
}

export const retrospectiveCan = async (db: Database, actor: Actor, retro: Retrospective) =>
  retrospectiveAbilities(actor, await factsOf(db, actor, retro));
