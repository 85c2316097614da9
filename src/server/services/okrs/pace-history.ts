import { and, asc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { paceHistory } from '../../../db/schema/index.js';
import type { ObjectiveStatus } from '../../../domain/vocabulary.js';

/** Before any row was recorded (data older than the history): valid since always. */
const SINCE_ALWAYS = '1970-01-01';

interface PaceState {
  effectiveStartDate: string | null;
  objectiveStatus?: ObjectiveStatus;
}

interface PaceChange {
  orgId: string;
  objectiveId: string;
  keyResultId?: string | null;
  /** The organisation's date of the change. */
  today: string;
  before: PaceState | null;
  after: PaceState;
}

const differs = (a: PaceState | null, b: PaceState) =>
  !a || a.effectiveStartDate !== b.effectiveStartDate || (a.objectiveStatus ?? null) !== (b.objectiveStatus ?? null);

/**
 * Inside the write that changes an effective start or an objective's status: the new state is valid from
 * today. The first change to an entity older than this history also records what it was before, since always.
 */
export async function recordPaceChange(tx: Executor, change: PaceChange): Promise<void> {
  if (!differs(change.before, change.after)) return;
  const keyResultId = change.keyResultId ?? null;
  const row = (validFrom: string, state: PaceState) => ({
    orgId: change.orgId,
    objectiveId: change.objectiveId,
    keyResultId,
    validFrom,
    effectiveStartDate: state.effectiveStartDate,
    objectiveStatus: keyResultId ? null : (state.objectiveStatus ?? null),
  });
  const rows = [row(change.today, change.after)];
  if (change.before) {
    const [known] = await tx
      .select({ seq: paceHistory.seq })
      .from(paceHistory)
      .where(
        and(
          eq(paceHistory.orgId, change.orgId),
          eq(paceHistory.objectiveId, change.objectiveId),
          keyResultId ? eq(paceHistory.keyResultId, keyResultId) : isNull(paceHistory.keyResultId),
        ),
      )
      .limit(1);
    if (!known) rows.unshift(row(SINCE_ALWAYS, change.before));
  }
  await tx.insert(paceHistory).values(rows);
}

export interface PaceAsOf {
  effectiveStartDate: string | null;
  /** Rows about the objective: its status on that date ('draft' before it was first recorded). */
  objectiveStatus: ObjectiveStatus | null;
}

/**
 * The pace state valid at the end of `asOf`, per objective (key `objectiveId`) and key result (key its id),
 * for entities with a recorded history. Before its first row an entity was not yet published (or did not exist):
 * an objective reads as a draft, a key result keeps its first effective start.
 */
export async function paceAsOf(db: Executor, orgId: string, objectiveIds: string[], asOf: string): Promise<Map<string, PaceAsOf>> {
  const result = new Map<string, PaceAsOf>();
  if (objectiveIds.length === 0) return result;
  const rows = await db
    .select()
    .from(paceHistory)
    .where(and(eq(paceHistory.orgId, orgId), inArray(paceHistory.objectiveId, objectiveIds)))
    .orderBy(asc(paceHistory.validFrom), asc(paceHistory.seq));
  for (const row of rows) {
    const key = row.keyResultId ?? row.objectiveId;
    const seen = result.get(key);
    if (row.validFrom <= asOf || !seen)
      result.set(key, {
        effectiveStartDate: row.effectiveStartDate,
        objectiveStatus: row.keyResultId ? null : row.validFrom <= asOf ? row.objectiveStatus : 'draft',
      });
  }
  return result;
}

/**
 * SQL: the objective `id` was archived at the end of `asOf` (its status then, from the history; today's status
 * for objectives without one). Without a date: archived today.
 */
export function archivedOn(id: SQL | AnyColumn, status: SQL | AnyColumn, asOf?: string): SQL {
  if (!asOf) return sql`${status} = 'archived'`;
  const own = sql`ph.objective_id = ${id} and ph.key_result_id is null`;
  return sql`coalesce(
    (select ph.objective_status from pace_history ph where ${own} and ph.valid_from <= ${asOf} order by ph.valid_from desc, ph.seq desc limit 1),
    case when exists (select 1 from pace_history ph where ${own}) then 'draft' else ${status} end
  ) = 'archived'`;
}
