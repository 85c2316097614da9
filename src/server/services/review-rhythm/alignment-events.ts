import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { localDate, type AlignmentEventInput } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { activities, keyResults, objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo } from '../visibility/objective-visible.js';
import type { CycleHistory, HistoryObjective } from './cycle-history.js';

interface ParentRef {
  parentObjectiveId?: string | null;
  parentKeyResultId?: string | null;
}

/**
 * The titles of the parents named, from the history, and — for parents it did not load (a team's history holds
 * only that team's part of the cycle) — from the database, under the same reading rule as the history.
 */
async function parentTitles(db: Executor, orgId: string, history: CycleHistory, refs: ParentRef[]) {
  // Nothing to name (the usual window): no maps of every title of the cycle.
  if (refs.length === 0) return { objectiveTitle: new Map<string, string>(), keyResultTitle: new Map<string, string>() };
  const objectiveTitle = new Map(history.objectives.map((o) => [o.id, o.title]));
  const keyResultTitle = new Map(history.keyResults.map((k) => [k.id, k.title]));
  const missing = (ids: (string | null | undefined)[], known: Map<string, string>) =>
    [...new Set(ids)].filter((id): id is string => !!id && !known.has(id));
  const objectiveIds = missing(
    refs.map((r) => r.parentObjectiveId),
    objectiveTitle,
  );
  const keyResultIds = missing(
    refs.map((r) => r.parentKeyResultId),
    keyResultTitle,
  );
  const readable = history.visibleTo ? objectiveVisibleTo(history.visibleTo) : undefined;
  if (objectiveIds.length > 0) {
    const found = await db
      .select({ id: objectives.id, title: objectives.title })
      .from(objectives)
      .where(and(eq(objectives.orgId, orgId), inArray(objectives.id, objectiveIds), readable));
    for (const o of found) objectiveTitle.set(o.id, o.title);
  }
  if (keyResultIds.length > 0) {
    const found = await db
      .select({ id: keyResults.id, title: keyResults.title })
      .from(keyResults)
      .innerJoin(objectives, and(eq(objectives.orgId, orgId), eq(objectives.id, keyResults.objectiveId)))
      .where(and(eq(keyResults.orgId, orgId), inArray(keyResults.id, keyResultIds), readable));
    for (const k of found) keyResultTitle.set(k.id, k.title);
  }
  return { objectiveTitle, keyResultTitle };
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
  const refOf = (row: (typeof rows)[number]) => ((row.action === 'objective.aligned' ? row.after : row.before) ?? {}) as ParentRef;
  const { objectiveTitle, keyResultTitle } = await parentTitles(
    db,
    orgId,
    history,
    rows.filter((row) => scope.has(row.entityId)).map(refOf),
  );
  return rows.flatMap((row) => {
    const child = scope.get(row.entityId);
    if (!child) return [];
    const aligned = row.action === 'objective.aligned';
    const ref = refOf(row);
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
