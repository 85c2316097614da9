import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { closingNotes, keyResults, objectives, scoreConfirmations, teams } from '../../../db/schema/index.js';
import type { ReviewGapKind } from '../../../domain/vocabulary.js';
import { teamsMissingRetrospective } from '../retrospectives/retrospectives.js';
import { teamLeads } from '../rhythm/schedules.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';

/**
 * What the review of a cycle still lacks before it may close. Each gap has a kind, so other kinds
 * (a team's missing retrospective) can be added beside these without changing who reads the list.
 */
export type { ReviewGapKind } from '../../../domain/vocabulary.js';

export interface ReviewGap {
  kind: ReviewGapKind;
  teamId: string | null;
  teamName: string | null;
  /** Null for a team's missing retrospective, which is about the team's whole cycle. */
  objectiveId: string | null;
  objectiveTitle: string | null;
  keyResultId: string | null;
  keyResultTitle: string | null;
  /** Who owes it: the key result's owner (else the objective's) for a score, the objective's owner for a note, the team's lead for a retrospective. */
  ownerId: string | null;
}

/** The gaps of a cycle's published objectives, by team then objective; drafts are not reviewed. */
export async function findReviewGaps(
  tx: Executor,
  orgId: string,
  cycleId: string,
  /** Only what this viewer may read (null: every gap, for the close gate and the reminders to their owners). */
  visibleTo: Viewer | null,
): Promise<ReviewGap[]> {
  const reviewed = and(
    eq(objectives.orgId, orgId),
    eq(objectives.cycleId, cycleId),
    ne(objectives.status, 'draft'),
    visibleTo ? objectiveVisibleTo(visibleTo) : undefined,
  );
  const rows = await tx
    .select({
      id: objectives.id,
      title: objectives.title,
      ownerId: objectives.ownerId,
      teamId: objectives.teamId,
      teamName: teams.name,
      noteId: closingNotes.id,
    })
    .from(objectives)
    .leftJoin(teams, and(eq(teams.orgId, objectives.orgId), eq(teams.id, objectives.teamId)))
    .leftJoin(closingNotes, and(eq(closingNotes.orgId, objectives.orgId), eq(closingNotes.objectiveId, objectives.id)))
    .where(reviewed)
    .orderBy(teams.name, objectives.title);
  if (rows.length === 0) return [];
  const gaps: ReviewGap[] = await missingRetrospectives(tx, orgId, cycleId, visibleTo);
  const krs = await tx
    .select({
      id: keyResults.id,
      title: keyResults.title,
      objectiveId: keyResults.objectiveId,
      ownerId: keyResults.ownerId,
      override: keyResults.scoreOverride,
      confirmed: scoreConfirmations.id,
    })
    .from(keyResults)
    .leftJoin(scoreConfirmations, and(eq(scoreConfirmations.orgId, keyResults.orgId), eq(scoreConfirmations.keyResultId, keyResults.id)))
    .where(
      and(
        eq(keyResults.orgId, orgId),
        // The same objectives as a sub-select: 12,500 bound ids cost more to bind and plan than the read itself.
        inArray(keyResults.objectiveId, tx.select({ id: objectives.id }).from(objectives).where(reviewed)),
      ),
    )
    .orderBy(keyResults.position);
  // Grouped once: filtering all key results per objective was 12,500 × 37,500 comparisons at the close of a large cycle.
  const unconfirmed = new Map<string, typeof krs>();
  // An override with its reason is the owner's own score: it counts as confirmed.
  for (const kr of krs)
    if (kr.confirmed === null && kr.override === null) unconfirmed.set(kr.objectiveId, [...(unconfirmed.get(kr.objectiveId) ?? []), kr]);
  for (const objective of rows) {
    const base = { teamId: objective.teamId, teamName: objective.teamName, objectiveId: objective.id, objectiveTitle: objective.title };
    for (const kr of unconfirmed.get(objective.id) ?? [])
      gaps.push({
        ...base,
        kind: 'unconfirmed_score',
        keyResultId: kr.id,
        keyResultTitle: kr.title,
        ownerId: kr.ownerId ?? objective.ownerId,
      });
    if (objective.noteId === null)
      gaps.push({ ...base, kind: 'missing_closing_note', keyResultId: null, keyResultTitle: null, ownerId: objective.ownerId });
  }
  return gaps;
}

/** Each team with published objectives in the cycle looks back on it together: its lead is asked for it. */
async function missingRetrospectives(tx: Executor, orgId: string, cycleId: string, visibleTo: Viewer | null): Promise<ReviewGap[]> {
  const missing = await teamsMissingRetrospective(tx, orgId, cycleId, visibleTo);
  const leads = await teamLeads(
    tx,
    orgId,
    missing.map((team) => team.teamId),
  );
  return missing.map((team) => ({
    kind: 'missing_retrospective',
    teamId: team.teamId,
    teamName: team.teamName,
    objectiveId: null,
    objectiveTitle: null,
    keyResultId: null,
    keyResultTitle: null,
    ownerId: leads.find((lead) => lead.teamId === team.teamId)?.userId ?? null,
  }));
}

/** One line per gap for people: "Team · Objective: …". */
export function describeGap(gap: ReviewGap): string {
  if (gap.kind === 'missing_retrospective') return `${gap.teamName ?? 'Company'}: no retrospective held yet.`;
  const where = `${gap.teamName ?? 'Company'} · ${gap.objectiveTitle}`;
  return gap.kind === 'unconfirmed_score'
    ? `${where}: the score of "${gap.keyResultTitle}" is not confirmed.`
    : `${where}: no closing note yet.`;
}
