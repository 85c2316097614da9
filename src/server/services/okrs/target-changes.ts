import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { activities, keyResults, users } from '../../../db/schema/index.js';
import type { ObjectiveStatus } from '../../../domain/vocabulary.js';
import { recordActivity } from '../activity.js';
import type { Scope } from '../scope.js';

type KeyResultRow = typeof keyResults.$inferSelect;

/** What a key result measures against: moved after publishing, it is shown to everyone, before and after. */
const MEASURE_FIELDS = ['kind', 'startValue', 'targetValue', 'targetMin', 'targetMax', 'milestones'] as const;
export type MeasureField = (typeof MEASURE_FIELDS)[number];

export interface TargetChange {
  at: Date;
  by: string | null;
  field: MeasureField;
  from: unknown;
  to: unknown;
}

const ACTION = 'key_result.target-changed';

// Milestones are compared by what they ask (title, weight), not by their done flags.
const comparable = (field: MeasureField, value: unknown) =>
  JSON.stringify(
    field === 'milestones' && Array.isArray(value) ? value.map((m: { title: string; weight: number }) => [m.title, m.weight]) : value,
  );

/** Inside the key result's update: once its objective is out of draft, a moved measure is recorded on its own. */
export async function recordTargetChanges(
  tx: Executor,
  scope: Scope,
  objectiveStatus: ObjectiveStatus,
  before: KeyResultRow,
  after: KeyResultRow,
) {
  if (objectiveStatus === 'draft') return;
  const changes = MEASURE_FIELDS.filter((f) => comparable(f, before[f]) !== comparable(f, after[f])).map((field) => ({
    field,
    from: before[field],
    to: after[field],
  }));
  if (changes.length === 0) return;
  await recordActivity(tx, { ...scope, action: ACTION, entityType: 'key_result', entityId: after.id, after: { changes } });
}

/** Per key result, its recorded measure changes, oldest first: one read for a whole page. */
export async function targetChangesOf(db: Executor, orgId: string, keyResultIds: string[]): Promise<Map<string, TargetChange[]>> {
  if (keyResultIds.length === 0) return new Map();
  return changesWhere(db, orgId, inArray(activities.entityId, keyResultIds));
}

async function changesWhere(db: Executor, orgId: string, entities: SQL): Promise<Map<string, TargetChange[]>> {
  const result = new Map<string, TargetChange[]>();
  const rows = await db
    .select({ keyResultId: activities.entityId, at: activities.createdAt, by: users.name, after: activities.after })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorId))
    .where(and(eq(activities.orgId, orgId), eq(activities.entityType, 'key_result'), entities, eq(activities.action, ACTION)))
    .orderBy(asc(activities.createdAt));
  for (const row of rows) {
    const { changes } = row.after as { changes: { field: MeasureField; from: unknown; to: unknown }[] };
    const list = result.get(row.keyResultId) ?? [];
    list.push(...changes.map((c) => ({ at: row.at, by: row.by, ...c })));
    result.set(row.keyResultId, list);
  }
  return result;
}
