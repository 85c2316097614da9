import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { localDate, type AlignmentEventInput } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { activities } from '../../../db/schema/index.js';
import type { CycleHistory, HistoryObjective } from './cycle-history.js';

interface ParentRef {
  parentObjectiveId?: string | null;
  parentKeyResultId?: string | null;
}

/**
 * Links made or removed in the window, read from the activity log (the alignment row of a removed link is gone).
 * The parent is named from the cycle as it is now; a parent deleted since has no title.
 */
export async function alignmentEvents(
  db: Executor,
  orgId: string,
  history: CycleHistory,
  scope: Map<string, HistoryObjective>,
  window: { after: Date; until: Date },
): Promise<AlignmentEventInput[]> {
  if (scope.size === 0) return [];
  const rows = await db
    .select({
      action: activities.action,
      entityId: activities.entityId,
      before: activities.before,
      after: activities.after,
      at: activities.createdAt,
    })
    .from(activities)
    .where(
      and(
        eq(activities.orgId, orgId),
        eq(activities.entityType, 'objective'),
        inArray(activities.action, ['objective.aligned', 'objective.unaligned']),
        gt(activities.createdAt, window.after),
        lte(activities.createdAt, window.until),
      ),
    );
  const objectiveTitle = new Map(history.objectives.map((o) => [o.id, o.title]));
  const keyResultTitle = new Map(history.keyResults.map((k) => [k.id, k.title]));
  return rows.flatMap((row) => {
    const child = scope.get(row.entityId);
    if (!child) return [];
    const aligned = row.action === 'objective.aligned';
    const ref = ((aligned ? row.after : row.before) ?? {}) as ParentRef;
    const parentTitle = ref.parentObjectiveId
      ? (objectiveTitle.get(ref.parentObjectiveId) ?? null)
      : ref.parentKeyResultId
        ? (keyResultTitle.get(ref.parentKeyResultId) ?? null)
        : null;
    return [
      {
        objectiveId: child.id,
        objectiveTitle: child.title,
        keyResultId: null,
        keyResultTitle: null,
        action: aligned ? 'aligned' : 'unaligned',
        on: localDate(history.timeZone, row.at),
        parentTitle,
      } satisfies AlignmentEventInput,
    ];
  });
}
