import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { activities, closingNotes, objectives, type cycles } from '../../../db/schema/index.js';
import { objectiveVerdict } from '../../../domain/index.js';
import { AppError } from '../../errors.js';
import type { Scope } from '../scope.js';
import { describeGap, findReviewGaps } from './review-gaps.js';

type CycleRow = typeof cycles.$inferSelect;

/**
 * Closing needs the review done: refused while scores are unconfirmed or closing notes missing, unless an admin
 * gives a reason (kept in the cycle's activity). Returns the gaps closed over, for the record.
 */
export async function assertReviewDone(tx: Executor, cycle: CycleRow, overrideReason: string | undefined) {
  const gaps = await findReviewGaps(tx, cycle.orgId, cycle.id, null);
  if (gaps.length > 0 && !overrideReason?.trim()) {
    const teams = new Set(gaps.map((g) => g.teamName ?? 'Company')).size;
    throw new AppError(
      'review-incomplete',
      `${cycle.name} cannot close yet: ${gaps.length} review item${gaps.length === 1 ? '' : 's'} outstanding in ${teams} team${teams === 1 ? '' : 's'}. An admin may close it anyway with a reason (closeOverrideReason).`,
      gaps.map((gap) => ({ field: 'status', message: describeGap(gap) })),
      undefined,
      { gaps },
    );
  }
  return gaps;
}

/**
 * After scoring: each published objective's history says it closed, with its score, verdict and outcome; achieved
 * ones are celebrated in the feed. One insert for the whole cycle.
 */
export async function recordObjectivesClosed(tx: Executor, scope: Scope, cycle: CycleRow) {
  const rows = await tx
    .select({ id: objectives.id, title: objectives.title, type: objectives.type, score: objectives.score, outcome: closingNotes.outcome })
    .from(objectives)
    .leftJoin(closingNotes, and(eq(closingNotes.orgId, objectives.orgId), eq(closingNotes.objectiveId, objectives.id)))
    .where(and(eq(objectives.orgId, cycle.orgId), eq(objectives.cycleId, cycle.id), ne(objectives.status, 'draft')));
  const entries = rows.flatMap((o) => {
    const after = { status: 'closed', score: o.score, verdict: objectiveVerdict(o.score, o.type), outcome: o.outcome, cycleId: cycle.id };
    const closed = { ...scope, action: 'objective.closed', entityType: 'objective', entityId: o.id, before: { status: 'active' }, after };
    const achieved = o.outcome ? o.outcome === 'achieved' : after.verdict === 'met';
    return achieved ? [closed, { ...closed, action: 'objective.achieved' }] : [closed];
  });
  // Batches keep each statement's parameter count well below the protocol's limit on large cycles.
  for (let i = 0; i < entries.length; i += 2000) await tx.insert(activities).values(entries.slice(i, i + 2000));
}
