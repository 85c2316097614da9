import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { closingNotes, keyResults, objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { requireCycle } from '../okrs/cycles.js';
import { carriedKeyResult } from './rollover-plan.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';

/**
 * What the rollover dialog offers: each published objective with what its closing note says comes next
 * (carry_over is preselected) and its key results (those with anything left to carry preselected with it).
 */
export async function rolloverCandidates(db: Executor, actor: Actor, cycleId: string) {
  await requireCycle(db, actor.orgId, cycleId);
  const rows = await db
    .select({ id: objectives.id, title: objectives.title, score: objectives.score, next: closingNotes.next, outcome: closingNotes.outcome })
    .from(objectives)
    .leftJoin(closingNotes, and(eq(closingNotes.orgId, objectives.orgId), eq(closingNotes.objectiveId, objectives.id)))
    .where(
      and(eq(objectives.orgId, actor.orgId), eq(objectives.cycleId, cycleId), ne(objectives.status, 'draft'), objectiveVisibleTo(actor)),
    )
    .orderBy(objectives.title);
  const krs = rows.length
    ? await db
        .select()
        .from(keyResults)
        .where(
          and(
            eq(keyResults.orgId, actor.orgId),
            inArray(
              keyResults.objectiveId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(keyResults.position)
    : [];
  return rows.map((o) => {
    const preselected = o.next === 'carry_over';
    return {
      objectiveId: o.id,
      title: o.title,
      score: o.score,
      outcome: o.outcome,
      next: o.next,
      preselected,
      keyResults: krs
        .filter((kr) => kr.objectiveId === o.id)
        .map((kr) => {
          const carriable = carriedKeyResult(kr) !== null;
          return { id: kr.id, title: kr.title, kind: kr.kind, score: kr.score, carriable, preselected: preselected && carriable };
        }),
    };
  });
}
