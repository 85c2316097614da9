import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { closingNotes, keyResults, objectives, scoreConfirmations, teamMembers, teams } from '../../../db/schema/index.js';
import { proposalDate, proposeOutcome } from '../../../domain/index.js';
import type { Actor } from '../../auth/actor.js';
import { reviewKeyResultAbilities, reviewObjectiveAbilities } from '../../policies/closing.js';
import { relationFrom } from '../../policies/objectives.js';
import { requireCycle } from '../okrs/cycles.js';
import { organizationToday } from '../okrs/organization-today.js';
import { proposedScores } from './proposed-scores.js';
import { findReviewGaps } from './review-gaps.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';

/**
 * The review page of a cycle: the key results to score and the objectives to write closing notes for,
 * each with its proposal. `mine`: only what the caller owns (a key result without an owner is its objective owner's).
 */
export async function reviewBoard(db: Executor, actor: Actor, cycleId: string, options: { mine: boolean; now: Date }) {
  const cycle = await requireCycle(db, actor.orgId, cycleId);
  const today = await organizationToday(db, actor.orgId, options.now);
  const objectiveRows = await db
    .select({ objective: objectives, teamName: teams.name, note: closingNotes })
    .from(objectives)
    .leftJoin(teams, and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId)))
    .leftJoin(closingNotes, and(eq(closingNotes.orgId, objectives.orgId), eq(closingNotes.objectiveId, objectives.id)))
    .where(
      and(eq(objectives.orgId, actor.orgId), eq(objectives.cycleId, cycleId), ne(objectives.status, 'draft'), objectiveVisibleTo(actor)),
    )
    .orderBy(teams.name, objectives.title);
  const ids = objectiveRows.map((r) => r.objective.id);
  const krRows = ids.length
    ? await db
        .select({ kr: keyResults, confirmation: scoreConfirmations })
        .from(keyResults)
        .leftJoin(
          scoreConfirmations,
          and(eq(scoreConfirmations.orgId, keyResults.orgId), eq(scoreConfirmations.keyResultId, keyResults.id)),
        )
        .where(and(eq(keyResults.orgId, actor.orgId), inArray(keyResults.objectiveId, ids)))
        .orderBy(keyResults.position)
    : [];
  const myTeams = await db
    .select({ teamId: teamMembers.teamId, role: teamMembers.role })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.userId, actor.userId)));
  const actorTeams = new Map(myTeams.map((m) => [m.teamId, m.role]));
  const overrides = new Map(
    krRows
      .filter((r) => r.kr.scoreOverride !== null)
      .map((r) => [r.kr.id, { score: r.kr.scoreOverride!, reason: r.kr.scoreOverrideReason ?? '' }]),
  );
  const proposed = await proposedScores(db, cycle, today, overrides);
  const byId = new Map(objectiveRows.map((r) => [r.objective.id, r]));
  const order = new Map(ids.map((id, i) => [id, i]));
  const keyResultItems = krRows
    .sort((x, y) => order.get(x.kr.objectiveId)! - order.get(y.kr.objectiveId)! || x.kr.position - y.kr.position)
    .filter(({ kr }) => !options.mine || (kr.ownerId ?? byId.get(kr.objectiveId)!.objective.ownerId) === actor.userId)
    .map(({ kr, confirmation }) => {
      const { objective } = byId.get(kr.objectiveId)!;
      return {
        id: kr.id,
        title: kr.title,
        objectiveId: objective.id,
        objectiveTitle: objective.title,
        ownerId: kr.ownerId,
        progress: kr.progress,
        proposedScore: proposed.keyResults.get(kr.id) ?? 0,
        scoreOverride: kr.scoreOverride,
        scoreOverrideReason: kr.scoreOverrideReason,
        confirmedScore: confirmation?.score ?? null,
        confirmedAt: confirmation?.confirmedAt.toISOString() ?? null,
        can: reviewKeyResultAbilities(actor, relationFrom(actor, objective, [], actorTeams), kr.ownerId),
      };
    });
  const objectiveItems = objectiveRows
    .filter(({ objective }) => !options.mine || objective.ownerId === actor.userId)
    .map(({ objective, teamName, note }) => {
      const score = cycle.status === 'closed' ? objective.score : (proposed.objectives.get(objective.id) ?? null);
      return {
        id: objective.id,
        title: objective.title,
        type: objective.type,
        teamId: objective.teamId,
        teamName,
        ownerId: objective.ownerId,
        score,
        proposedOutcome: proposeOutcome(score, objective.type),
        closingNote: note
          ? { outcome: note.outcome, whatWorked: note.whatWorked, whatDidNot: note.whatDidNot, lessons: note.lessons, next: note.next }
          : null,
        can: reviewObjectiveAbilities(actor, relationFrom(actor, objective, [], actorTeams)),
      };
    });
  return {
    cycleId,
    status: cycle.status,
    proposalDate: proposalDate(cycle.endDate, today),
    keyResults: keyResultItems,
    objectives: objectiveItems,
    gaps: await findReviewGaps(db, actor.orgId, cycleId, actor),
  };
}
