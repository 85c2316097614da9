import { and, asc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, keyResults, objectives, users } from '../../../db/schema/index.js';
import type { CheckInGroup } from './schedules.js';
import type { Period } from './schedule.js';
import { objectiveVisibleTo, type Viewer } from '../visibility/objective-visible.js';
import { ownedOrSharedWith } from '../okrs/shared-objectives.js';

export interface DueKeyResult {
  keyResultId: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  teamId: string | null;
  /** The key result's owner, or its objective's when it has none. */
  ownerId: string | null;
  ownerName: string | null;
  lastCheckInDate: string | null;
  /** A pushed value waits for the owner's judgement: it needs their confirmation, it is not missing. */
  proposed: boolean;
  /** The first day a period may end and find it due: the cycle start, or the day after it was published. */
  dueFrom: string;
  /** Another team's objective the group's team contributes to (only with `withShared`). */
  shared: boolean;
}

/**
 * The due rule's start: a key result is never due for a period that ended before it was published,
 * nor on the day it was published (greatest ignores the nulls of never-published legacy rows).
 */
const dueFrom = sql<string>`greatest(${cycles.startDate}, ${objectives.effectiveStartDate} + 1, ${keyResults.effectiveStartDate} + 1)::text`;

/**
 * Key results of the group that have no check-in in the period: latest check-in dated on or
 * before the previous due date (or none). Only live work counts: an active objective in an
 * active cycle, published before the due date (dueFrom). Roll-ups take no values, so they are never due.
 */
export async function dueKeyResults(
  db: Executor,
  group: Pick<CheckInGroup, 'orgId' | 'teamId'>,
  period: Pick<Period, 'dueDate' | 'previousDate'>,
  /** Only the key results of objectives this viewer may read (null: all, for reminders to their own owners). */
  visibleTo: Viewer | null,
  /**
   * Also the key results of objectives the team contributes to (its week and digest; docs/cross-team-views.md).
   * Their owners are reminded by the owning team's group only, so callers that notify owners leave them out.
   */
  withShared = false,
): Promise<DueKeyResult[]> {
  const teamCondition = group.teamId
    ? withShared
      ? ownedOrSharedWith(db, group.orgId, group.teamId)
      : eq(objectives.teamId, group.teamId)
    : isNull(objectives.teamId);
  const owner = sql<string | null>`coalesce(${keyResults.ownerId}, ${objectives.ownerId})`;
  return db
    .select({
      keyResultId: keyResults.id,
      title: keyResults.title,
      objectiveId: objectives.id,
      objectiveTitle: objectives.title,
      teamId: objectives.teamId,
      ownerId: owner,
      ownerName: users.name,
      lastCheckInDate: keyResults.lastCheckInDate,
      proposed: sql<boolean>`exists (select 1 from check_in_proposals p where p.org_id = ${keyResults.orgId} and p.key_result_id = ${keyResults.id} and p.status = 'proposed')`,
      dueFrom,
      shared: sql<boolean>`${objectives.teamId} is distinct from ${group.teamId}::uuid`.mapWith(Boolean),
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(users, eq(users.id, owner))
    .where(
      and(
        eq(keyResults.orgId, group.orgId),
        teamCondition,
        ne(keyResults.kind, 'rollup'),
        eq(objectives.status, 'active'),
        eq(cycles.status, 'active'),
        sql`${dueFrom}::date <= ${period.dueDate}::date`,
        gte(cycles.endDate, period.dueDate),
        or(isNull(keyResults.lastCheckInDate), lte(keyResults.lastCheckInDate, period.previousDate)),
        visibleTo ? objectiveVisibleTo(visibleTo) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(objectives.title), asc(keyResults.position));
}

/** Groups rows by owner, keeping the order they came in. */
export function byOwner(rows: DueKeyResult[]): Map<string | null, DueKeyResult[]> {
  const owners = new Map<string | null, DueKeyResult[]>();
  for (const row of rows) owners.set(row.ownerId, [...(owners.get(row.ownerId) ?? []), row]);
  return owners;
}

export const describeKeyResult = (kr: Pick<DueKeyResult, 'title' | 'objectiveTitle'>) => `${kr.title} (${kr.objectiveTitle})`;
