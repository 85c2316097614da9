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
  const krRows = await tx.select().from(keyResults).where(inArray(keyResults.objectiveId, ids));
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
  const history = krRows.length
    ? await tx
        .select({
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
            inArray(
              checkIns.keyResultId,
              krRows.map((k) => k.id),
            ),
            eq(checkIns.deleted, false),
            lte(checkIns.asOf, asOf),
          ),
        )
        // Newest entry first: createdAt reaches valueAsOf in milliseconds while the database keeps
        // microseconds, and on a tie valueAsOf keeps the first it saw (as refreshKeyResult orders).
        .orderBy(desc(checkIns.createdAt))
    : [];
  const byKr = new Map<string, CheckInRow[]>();
  for (const row of history)
    byKr.set(row.keyResultId, [...(byKr.get(row.keyResultId) ?? []), { ...row, createdAt: row.createdAt.toISOString() }]);
  const latestCheckIn = new Map<string, CheckInRow>();
  for (const [krId, rows] of byKr) {
    const latest = valueAsOf(rows, asOf);
    if (latest) latestCheckIn.set(krId, latest);
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
