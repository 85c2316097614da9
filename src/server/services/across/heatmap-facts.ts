import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { KeyResultKind, ObjectiveStatus, ObjectiveType, ProgressDriver } from '../../../domain/vocabulary.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { objectives } from '../../../db/schema/index.js';
import { figuresOf } from '../evaluation/evaluation-figures.js';
import { objectiveVisibleTo, type Reader } from '../visibility/objective-visible.js';

/** What the heatmap reads of one published team objective: its cells and the read-time part of its quality score. */
export interface HeatmapObjectiveFacts {
  id: string;
  teamId: string;
  ownerId: string | null;
  type: ObjectiveType;
  status: ObjectiveStatus;
  progressDriver: ProgressDriver;
  progress: number;
  effectiveStartDate: string | null;
  standaloneReason: string | null;
  aligned: boolean;
  /** Check-ins due up to the date over its key results, and those made on time (checkInPunctuality's count). */
  due: number;
  onTime: number;
  /** The kept part of its quality score; null when none is kept yet. */
  keptPenalty: number | null;
  /** Its key results as the rhythm rule reads them, one entry each (dates as YYYY-MM-DD, created in UTC). */
  keyResultKinds: KeyResultKind[];
  lastCheckInDates: (string | null)[];
  createdDates: string[];
  /** The note of its latest check-in (any key result; by date, then entry time), from the check-in digests. */
  latestNote: string | null;
}

/**
 * Every published team objective of the cycle the reader may see, with what the heatmap needs of it, in one statement
 * and one pass over the cycle's key results: the cycle evaluation's figures (`figuresOf`: due and on-time check-ins up
 * to the date from the check-in digests) with each key result's kind and dates and its digest's latest check-in,
 * aggregated per objective by PostgreSQL; whether it is aligned is an index probe and the kept quality penalty a join.
 * The view used to pass over the key results three times (figures, rhythm, latest notes of a third of the cycle, each
 * check-in read through its index) and to map every column of 12,500 objective rows.
 */
export function heatmapObjectiveFacts(db: Executor, reader: Reader, cycleId: string, date: string): Promise<HeatmapObjectiveFacts[]> {
  const { orgId } = reader;
  const extra = {
    keyResult: sql`kr.kind, kr.last_check_in_date::text as last_check_in_date,
      to_char(kr.created_at at time zone 'UTC', 'YYYY-MM-DD') as created_date`,
    digest: sql`d.latest_as_of, d.latest_created_at, d.latest_note`,
  };
  return queryRows<HeatmapObjectiveFacts>(
    db,
    sql`with ${figuresOf(reader, [cycleId], date, undefined, extra)},
    g as (
      select f.objective_id, sum(f.due)::int as due, sum(f.on_time)::int as on_time,
        array_agg(f.kind) as kinds, array_agg(f.last_check_in_date) as lasts, array_agg(f.created_date) as created,
        (array_agg(f.latest_note order by f.latest_as_of desc nulls last, f.latest_created_at desc nulls last, f.id desc))[1]
          as latest_note
      from f group by f.objective_id
    )
    select o.id, o.team_id as "teamId", o.owner_id as "ownerId", o.type, o.status, o.progress_driver as "progressDriver",
      o.progress, o.effective_start_date::text as "effectiveStartDate", o.standalone_reason as "standaloneReason",
      exists (select 1 from alignments a where a.org_id = o.org_id and a.child_objective_id = o.id) as aligned,
      qp.penalty as "keptPenalty", coalesce(g.due, 0) as due, coalesce(g.on_time, 0) as "onTime",
      coalesce(g.kinds, '{}') as "keyResultKinds", coalesce(g.lasts, '{}') as "lastCheckInDates",
      coalesce(g.created, '{}') as "createdDates", g.latest_note as "latestNote"
    from objectives o
    left join objective_quality_penalties qp on qp.org_id = o.org_id and qp.objective_id = o.id
    left join g on g.objective_id = o.id
    where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and o.status in ('active', 'closed') and o.team_id is not null
      and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}`,
  );
}
