import { and, eq, inArray } from 'drizzle-orm';
import { addDays, computeGraphProgress, expectedProgress, valueAsOf } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { alignments, checkIns, keyResults } from '../../../db/schema/index.js';
import { requireCycle } from './cycles.js';
import { loadCycleTree } from './cycle-tree.js';
import { measureOf } from './measure.js';

export interface TimelinePoint {
  date: string;
  progress: number;
  expected: number;
}

export interface Timeline {
  points: TimelinePoint[];
  /** Each of the objective's own key results: progress at the same dates (for sparklines). */
  keyResults: Record<string, number[]>;
}

/**
 * An objective's progress week by week from the cycle start to today (or the end), against the
 * expected pace. Loads the objective's subtree and its check-ins once, then replays the history
 * in memory with the same functions as the live roll-up.
 */
export async function objectiveTimeline(
  db: Executor,
  orgId: string,
  objective: { id: string; cycleId: string; effectiveStartDate: string | null },
  today: string,
): Promise<Timeline> {
  const cycle = await requireCycle(db, orgId, objective.cycleId);
  const tree = await loadCycleTree(db, orgId, cycle.id, { rootId: objective.id, depth: 20 });
  const ids = tree.rows.map((o) => o.id);
  const krs = await db.select().from(keyResults).where(inArray(keyResults.objectiveId, ids));
  const links = await db.select().from(alignments).where(inArray(alignments.childObjectiveId, ids));
  const history = krs.length
    ? await db
        .select({
          keyResultId: checkIns.keyResultId,
          asOf: checkIns.asOf,
          value: checkIns.value,
          milestonesDone: checkIns.milestonesDone,
          confidence: checkIns.confidence,
          createdAt: checkIns.createdAt,
        })
        .from(checkIns)
        .where(
          and(
            inArray(
              checkIns.keyResultId,
              krs.map((k) => k.id),
            ),
            eq(checkIns.deleted, false),
          ),
        )
    : [];
  const byKr = new Map<
    string,
    { asOf: string; createdAt: string; value: number | null; milestonesDone: boolean[] | null; confidence: number | null }[]
  >();
  for (const h of history) byKr.set(h.keyResultId, [...(byKr.get(h.keyResultId) ?? []), { ...h, createdAt: h.createdAt.toISOString() }]);

  const last = today < cycle.endDate ? today : cycle.endDate;
  const dates: string[] = [];
  for (let date = cycle.startDate; date < last; date = addDays(date, 7)) dates.push(date);
  if (last >= cycle.startDate) dates.push(last);

  const objectives = tree.rows.map((o) => ({ id: o.id, weight: o.weight, driver: o.progressDriver }));
  // Links to parents outside the subtree do not change the subtree's own progress.
  const inside = links.filter((l) => l.childObjectiveId !== objective.id);
  const own = krs.filter((kr) => kr.objectiveId === objective.id);
  const keyResultSeries: Record<string, number[]> = Object.fromEntries(own.map((kr) => [kr.id, []]));
  const points = dates.map((date) => {
    const measured = krs.map((kr) => ({
      id: kr.id,
      objectiveId: kr.objectiveId,
      weight: kr.weight,
      measure: measureOf(kr, valueAsOf(byKr.get(kr.id) ?? [], date)),
    }));
    const graph = computeGraphProgress(objectives, measured, inside);
    for (const kr of own) keyResultSeries[kr.id]!.push(graph.keyResults.get(kr.id)?.progress ?? 0);
    return {
      date,
      progress: graph.objectives.get(objective.id) ?? 0,
      expected: expectedProgress(cycle, date, objective.effectiveStartDate),
    };
  });
  return { points, keyResults: keyResultSeries };
}
