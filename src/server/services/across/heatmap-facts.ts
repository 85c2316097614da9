import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { daysBetween, isValidIsoDate } from '../../../domain/dates.js';
import { isBlank } from '../../../domain/quality/helpers.js';
import type { ObjectiveStatus, ObjectiveType } from '../../../domain/vocabulary.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { objectives } from '../../../db/schema/index.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** One key result as the check-in count reads it: its own effective start and its check-in digest, if any. */
export interface KeptKeyResult {
  start: string | null;
  periodStart: string | null;
  periodDays: number;
  mask: string;
}

/**
 * What the heatmap keeps of one published team objective between reads (heatmap-team-facts.ts): nothing here
 * depends on the date or on the reader. Whether a reader sees a `restricted` one is asked of PostgreSQL on each read.
 */
export interface KeptObjectiveFacts {
  id: string;
  teamId: string;
  ownerId: string | null;
  type: ObjectiveType;
  status: ObjectiveStatus;
  progress: number;
  effectiveStartDate: string | null;
  standaloneReason: string | null;
  aligned: boolean;
  restricted: boolean;
  /** The kept part of its quality score; null when none is kept yet. */
  keptPenalty: number | null;
  /** isBlank of the note of its latest check-in (any key result; by date, then entry time). */
  latestNoteBlank: boolean;
  /** Day numbers of its non-rollup key results' last check-in, else creation, dates: what the rhythm rule reads. */
  checkInFromDays: number[];
  keyResults: KeptKeyResult[];
}

/** The row read per objective: its key results packed as comma-separated lists (parsing 12,500 arrays cost more). */
interface PackedFacts extends Omit<KeptObjectiveFacts, 'latestNoteBlank' | 'checkInFromDays' | 'keyResults'> {
  latestNote: string | null;
  /** One entry per key result, in the same order; empty for a null. Null when the objective has no key results. */
  kinds: string | null;
  lasts: string | null;
  created: string | null;
  starts: string | null;
  periodStarts: string | null;
  periodDays: string | null;
  periodMasks: string | null;
}

const split = (list: string | null) => (list === null ? [] : list.split(','));

/** Day number (days since 1970-01-01) of a valid date, kept per call: a cycle has a few hundred distinct dates. */
export function dayNumber(iso: string, days: Map<string, number>): number {
  let n = days.get(iso);
  if (n === undefined) days.set(iso, (n = daysBetween('1970-01-01', iso)));
  return n;
}

function unpack(row: PackedFacts, days: Map<string, number>): KeptObjectiveFacts {
  const kinds = split(row.kinds);
  const lasts = split(row.lasts);
  const created = split(row.created);
  const starts = split(row.starts);
  const periodStarts = split(row.periodStarts);
  const periodDays = split(row.periodDays);
  const masks = split(row.periodMasks);
  const checkInFromDays: number[] = [];
  const keyResults: KeptKeyResult[] = [];
  for (let i = 0; i < kinds.length; i++) {
    const from = lasts[i] || created[i]!;
    if (kinds[i] !== 'rollup' && isValidIsoDate(from)) checkInFromDays.push(dayNumber(from, days));
    keyResults.push({ start: starts[i] || null, periodStart: periodStarts[i] || null, periodDays: Number(periodDays[i]), mask: masks[i]! });
  }
  return {
    id: row.id,
    teamId: row.teamId,
    ownerId: row.ownerId,
    type: row.type,
    status: row.status,
    progress: row.progress,
    effectiveStartDate: row.effectiveStartDate,
    standaloneReason: row.standaloneReason,
    aligned: row.aligned,
    restricted: row.restricted,
    keptPenalty: row.keptPenalty,
    latestNoteBlank: isBlank(row.latestNote),
    checkInFromDays,
    keyResults,
  };
}

/**
 * Every published (active or closed) team objective of the cycle, of the given teams or of all, whoever may see it:
 * its own columns, whether it is aligned, its kept quality penalty and its key results from the row PostgreSQL keeps
 * per objective (`objective_key_result_digests`).
 */
export async function readKeptFacts(db: Executor, orgId: string, cycleId: string, teamIds: string[] | null): Promise<KeptObjectiveFacts[]> {
  const teams =
    teamIds === null
      ? sql``
      : sql`and o.team_id = any(${sql`array[${sql.join(
          teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]`})`;
  const rows = await queryRows<PackedFacts>(
    db,
    sql`select o.id, o.team_id as "teamId", o.owner_id as "ownerId", o.type, o.status, o.progress,
      o.effective_start_date::text as "effectiveStartDate", o.standalone_reason as "standaloneReason",
      o.id in (select a.child_objective_id from alignments a where a.org_id = ${orgId}) as aligned,
      o.visibility <> 'organization' as restricted, qp.penalty as "keptPenalty", x.latest_note as "latestNote",
      array_to_string(x.kinds, ',') as kinds, array_to_string(x.last_check_in_dates, ',', '') as lasts,
      array_to_string(x.created_dates, ',') as created, array_to_string(x.effective_start_dates, ',', '') as starts,
      array_to_string(x.period_starts, ',', '') as "periodStarts", array_to_string(x.period_days, ',', '') as "periodDays",
      array_to_string(x.period_masks, ',', '') as "periodMasks"
    from objectives o
    left join objective_key_result_digests x on x.org_id = o.org_id and x.objective_id = o.id
    left join objective_quality_penalties qp on qp.org_id = o.org_id and qp.objective_id = o.id
    where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and o.status in ('active', 'closed') and o.team_id is not null ${teams}`,
  );
  const days = new Map<string, number>();
  return rows.map((row) => unpack(row, days));
}

/** Ids of the cycle's published team objectives that are not organisation-wide and that the reader may see. */
export async function restrictedVisibleTo(db: Executor, reader: Reader, cycleId: string): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select o.id from objectives o where o.org_id = ${reader.orgId} and o.cycle_id = ${cycleId}
      and o.status in ('active', 'closed') and o.team_id is not null and o.visibility <> 'organization'
      and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}`,
  );
  return new Set(rows.map((r) => r.id));
}
