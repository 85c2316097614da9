import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { computeGraphProgress, valueAsOf, type GraphAdjustments, type GraphProgress } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { alignments, checkIns, keyResults, objectives } from '../../../db/schema/index.js';
import { measureOf } from './measure.js';
import { paceAsOf } from './pace-history.js';

type CheckInRow = Pick<typeof checkIns.$inferSelect, 'keyResultId' | 'asOf' | 'value' | 'milestonesDone' | 'confidence' | 'note'> & {
  createdAt: string;
};

export interface CycleSnapshot extends GraphProgress {
  /** Per key result: its latest check-in on or before the date, if any. */
  latestCheckIn: ReadonlyMap<string, CheckInRow>;
}

/**
 * The whole cycle as it stood at the end of `asOf`, recomputed from the check-in history
 * (time travel). Deleted check-ins count as never made. Reads the cycle once: a rare, heavier query.
 */
export async function cycleSnapshot(
  tx: Executor,
  orgId: string,
  cycleId: string,
  asOf: string,
  adjust: GraphAdjustments = {},
): Promise<CycleSnapshot> {
  const objectiveRows = await tx
    .select({ id: objectives.id, weight: objectives.weight, driver: objectives.progressDriver, status: objectives.status })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId)));
  const ids = objectiveRows.map((o) => o.id);
  if (ids.length === 0) return { objectives: new Map(), keyResults: new Map(), latestCheckIn: new Map() };
  // Archived later, an objective still gave its parents progress on that date (and the other way round).
  const pace = await paceAsOf(tx, orgId, ids, asOf);
  const archivedThen = new Set(objectiveRows.filter((o) => (pace.get(o.id)?.objectiveStatus ?? o.status) === 'archived').map((o) => o.id));
  // The cycle's objectives as a sub-select, not as 12,500 bound ids (binding and planning those cost more than the read).
  const cycleObjectiveIds = tx
    .select({ id: objectives.id })
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), eq(objectives.cycleId, cycleId)));
  const krRows = await tx
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, cycleObjectiveIds)));
  const alignmentRows = await tx
    .select({
      childObjectiveId: alignments.childObjectiveId,
      parentObjectiveId: alignments.parentObjectiveId,
      parentKeyResultId: alignments.parentKeyResultId,
    })
    .from(alignments)
    // An archived objective keeps its own progress but gives its parents nothing (it left scoring).
    .where(
      and(
        eq(alignments.orgId, orgId),
        inArray(
          alignments.childObjectiveId,
          ids.filter((id) => !archivedThen.has(id)),
        ),
      ),
    );
  // Only each key result's latest check-in by then leaves the database (DISTINCT ON, newest first as valueAsOf
  // orders: date, then entry time in microseconds): 37,500 rows at the close of a 12,500-objective cycle, not its
  // 375,000 check-ins.
  const history = krRows.length
    ? await tx
        .selectDistinctOn([checkIns.keyResultId], {
          keyResultId: checkIns.keyResultId,
          asOf: checkIns.asOf,
          value: checkIns.value,
          milestonesDone: checkIns.milestonesDone,
          confidence: checkIns.confidence,
          note: checkIns.note,
          createdAt: checkIns.createdAt,
        })
        .from(checkIns)
        .where(
          and(
            eq(checkIns.orgId, orgId),
            inArray(
              checkIns.keyResultId,
              tx
                .select({ id: keyResults.id })
                .from(keyResults)
                .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.objectiveId, cycleObjectiveIds))),
            ),
            eq(checkIns.deleted, false),
            lte(checkIns.asOf, asOf),
          ),
        )
        .orderBy(checkIns.keyResultId, desc(checkIns.asOf), desc(checkIns.createdAt))
    : [];
  const latestCheckIn = new Map<string, CheckInRow>();
  for (const row of history) {
    // valueAsOf still checks the row (its dates and timestamp) as every other reader of check-ins does.
    const latest = valueAsOf([{ ...row, createdAt: row.createdAt.toISOString() }], asOf);
    if (latest) latestCheckIn.set(row.keyResultId, latest);
  }
  const progress = computeGraphProgress(
    objectiveRows,
    krRows.map((kr) => ({
      id: kr.id,
      objectiveId: kr.objectiveId,
      weight: kr.weight,
      measure: measureOf(kr, latestCheckIn.get(kr.id) ?? null),
    })),
    alignmentRows,
    adjust,
  );
  return { ...progress, latestCheckIn };
}
