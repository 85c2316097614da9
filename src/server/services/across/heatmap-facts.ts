import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { KeyResultKind, ObjectiveStatus, ObjectiveType, ProgressDriver } from '../../../domain/vocabulary.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { objectives } from '../../../db/schema/index.js';
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

/** The row read per objective: its key results packed as comma-separated lists (parsing 12,500 arrays cost more). */
interface PackedFacts extends Omit<HeatmapObjectiveFacts, 'due' | 'onTime' | 'keyResultKinds' | 'lastCheckInDates' | 'createdDates'> {
  cycleStart: string;
  cycleEnd: string;
  cadenceDays: number;
  /** One entry per key result, in the same order: kind, last check-in, creation date, own effective start. */
  kinds: string | null;
  lasts: string | null;
  created: string | null;
  starts: string | null;
  /** Its digest's period start, cadence and mask: empty when it has none. */
  periodStarts: string | null;
  periodDays: string | null;
  periodMasks: string | null;
}

/** Null when the objective has no key results (no kept row); a single empty entry is a key result's null. */
const split = (list: string | null) => (list === null ? [] : list.split(','));

/** Day number of a YYYY-MM-DD date (dates as PostgreSQL prints them), for the period arithmetic below. */
function dayNumber(iso: string, days: Map<string, number>): number {
  let n = days.get(iso);
  if (n === undefined) {
    n = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
    days.set(iso, n);
  }
  return n;
}

const TWO_32 = 2 ** 32;

function bitCount32(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** How many of periods 1…due (bits 1…due, due ≤ 62) a digest's mask, as PostgreSQL prints it, has set. */
export function onTimeOfMask(mask: string, due: number): number {
  if (due === 0) return 0;
  // Masks below 2^53 (all a quarter's periods) are counted as plain numbers: BigInt parsing cost more than the rest.
  if (mask.length < 16) {
    const bits = Math.floor(Number(mask) / 2) % 2 ** Math.min(due, 52);
    return bitCount32(bits % TWO_32) + bitCount32(Math.floor(bits / TWO_32));
  }
  const bits = (BigInt(mask) >> 1n) & ((1n << BigInt(due)) - 1n);
  return bitCount32(Number(bits & 0xffffffffn)) + bitCount32(Number(bits >> 32n));
}

/**
 * Every published team objective of the cycle the reader may see, with what the heatmap needs of it, in one statement
 * over the cycle's objectives: its key results come from the row PostgreSQL keeps per objective
 * (`objective_key_result_digests`, kept on every key result and check-in write), so the cycle's 37,500 key results are
 * no longer joined against every key result and check-in digest of the organisation. The due and on-time check-ins
 * are the cycle evaluation's rule (`figuresOf`), counted here from the kept digests: periods from the key result's
 * start (its own, else the objective's, never before the cycle's) at the team's cadence, the on-time count the
 * digest's mask bits up to the periods due. An objective with a digest made for another start or cadence is
 * recounted from the check-ins by PostgreSQL (`recountedOnTime`). Whether it is aligned is one hashed lookup of the
 * organisation's alignments, the kept quality penalty a join.
 */
export async function heatmapObjectiveFacts(db: Executor, reader: Reader, cycleId: string, date: string): Promise<HeatmapObjectiveFacts[]> {
  const { orgId } = reader;
  const rows = await queryRows<PackedFacts>(
    db,
    sql`select o.id, o.team_id as "teamId", o.owner_id as "ownerId", o.type, o.status, o.progress_driver as "progressDriver",
      o.progress, o.effective_start_date::text as "effectiveStartDate", o.standalone_reason as "standaloneReason",
      o.id in (select a.child_objective_id from alignments a where a.org_id = ${orgId}) as aligned,
      qp.penalty as "keptPenalty", cy.start_date::text as "cycleStart", cy.end_date::text as "cycleEnd",
      case t.check_in_cadence when 'biweekly' then 14 when 'monthly' then 30 else 7 end as "cadenceDays",
      array_to_string(x.kinds, ',') as kinds, array_to_string(x.last_check_in_dates, ',', '') as lasts,
      array_to_string(x.created_dates, ',') as created, array_to_string(x.effective_start_dates, ',', '') as starts,
      array_to_string(x.period_starts, ',', '') as "periodStarts", array_to_string(x.period_days, ',', '') as "periodDays",
      array_to_string(x.period_masks, ',', '') as "periodMasks", x.latest_note as "latestNote"
    from objectives o
    join cycles cy on cy.org_id = o.org_id and cy.id = o.cycle_id
    left join teams t on t.org_id = o.org_id and t.id = o.team_id
    left join objective_key_result_digests x on x.org_id = o.org_id and x.objective_id = o.id
    left join objective_quality_penalties qp on qp.org_id = o.org_id and qp.objective_id = o.id
    where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and o.status in ('active', 'closed') and o.team_id is not null
      and ${objectiveVisibleTo(reader, alias(objectives, 'o'))}`,
  );
  const days = new Map<string, number>();
  const recount: string[] = [];
  const facts = rows.map((row): HeatmapObjectiveFacts => {
    const krStarts = split(row.starts);
    const periodStarts = split(row.periodStarts);
    const periodDays = split(row.periodDays);
    const masks = split(row.periodMasks);
    const { cycleStart, cadenceDays } = row;
    const until = dayNumber(row.cycleEnd < date ? row.cycleEnd : date, days);
    let due = 0;
    let onTime = 0;
    let recounted = false;
    for (let i = 0; i < krStarts.length; i++) {
      const wanted = krStarts[i] || row.effectiveStartDate || cycleStart;
      const start = wanted > cycleStart ? wanted : cycleStart;
      const periods = Math.max(0, Math.trunc((until - dayNumber(start, days)) / cadenceDays));
      due += periods;
      if (!periodStarts[i]) continue; // no check-in digest: none made
      if (periodStarts[i] === start && Number(periodDays[i]) === cadenceDays && periods <= 62) onTime += onTimeOfMask(masks[i]!, periods);
      else recounted = true; // counted again below, by PostgreSQL from the check-ins
    }
    if (recounted) recount.push(row.id);
    return {
      id: row.id,
      teamId: row.teamId,
      ownerId: row.ownerId,
      type: row.type,
      status: row.status,
      progressDriver: row.progressDriver,
      progress: row.progress,
      effectiveStartDate: row.effectiveStartDate,
      standaloneReason: row.standaloneReason,
      aligned: row.aligned,
      due,
      onTime,
      keptPenalty: row.keptPenalty,
      keyResultKinds: split(row.kinds) as KeyResultKind[],
      lastCheckInDates: split(row.lasts).map((d) => d || null),
      createdDates: split(row.created),
      latestNote: row.latestNote,
    };
  });
  if (recount.length > 0) {
    const counted = new Map((await recountedOnTime(db, orgId, recount, date)).map((r) => [r.id, r.onTime]));
    for (const f of facts) f.onTime = counted.get(f.id) ?? f.onTime;
  }
  return facts;
}

/**
 * The on-time check-ins of the given objectives as `figuresOf` counts them, from their kept key result rows: the
 * digest's mask when it was made for the key result's start and cadence, else the check-ins themselves.
 */
function recountedOnTime(db: Executor, orgId: string, objectiveIds: string[], date: string) {
  return queryRows<{ id: string; onTime: number }>(
    db,
    sql`select o.id, coalesce(p.on_time, 0) as "onTime"
    from objectives o
    join cycles cy on cy.org_id = o.org_id and cy.id = o.cycle_id
    left join teams t on t.org_id = o.org_id and t.id = o.team_id
    join objective_key_result_digests x on x.org_id = o.org_id and x.objective_id = o.id
    cross join lateral (
      select sum(case
          when u.period_start is null then 0
          when u.period_start = s.start and u.period_days = s.days and s.due <= 62
            then bit_count((u.period_mask & ~((-1)::bigint << (s.due + 1)) & ~1::bigint)::bit(64))
          else (select count(distinct (c.as_of - s.start + s.days - 1) / s.days) from check_ins c
            where c.org_id = o.org_id and c.key_result_id = u.id and not c.deleted
              and c.as_of > s.start and c.as_of <= s.start + s.due * s.days)
        end)::int as on_time
      from unnest(x.key_result_ids, x.effective_start_dates, x.period_starts, x.period_days, x.period_masks)
        as u(id, effective_start, period_start, period_days, period_mask)
      cross join lateral (select
        greatest(cy.start_date, coalesce(u.effective_start, o.effective_start_date, cy.start_date)) as start,
        case t.check_in_cadence when 'biweekly' then 14 when 'monthly' then 30 else 7 end as days) b
      cross join lateral (select b.start, b.days, greatest(0, (least(cy.end_date, ${date}::date) - b.start) / b.days) as due) s
    ) p
    where o.org_id = ${orgId} and o.id = any(${sql`array[${sql.join(
      objectiveIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`})`,
  );
}
