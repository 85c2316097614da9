import { and, eq, sql } from 'drizzle-orm';
import type { TeamPunctuality } from '../../../domain/across/heatmap.js';
import { CADENCE_DAYS } from '../../../domain/stale.js';
import type { CheckInCadence } from '../../../domain/vocabulary.js';
import { queryRows, type Executor } from '../../../db/database.js';
import { cycles, teams } from '../../../db/schema/index.js';
import type { Reader } from '../visibility/objective-visible.js';
import { dayNumber, type KeptObjectiveFacts } from './heatmap-facts.js';
import { visibleHeatmapFacts } from './heatmap-team-facts.js';

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

type CycleDates = { startDate: string; endDate: string };

/**
 * Check-ins due up to the date over the objective's key results, and those made on time: the cycle evaluation's rule
 * (`figuresOf`), counted from the kept digests — periods from the key result's start (its own, else the objective's,
 * never before the cycle's) at the team's cadence, on time the digest's mask bits up to the periods due. `recount`
 * when a digest was made for another start or cadence: its on-time count must come from the check-ins.
 */
export function checkInCounts(o: KeptObjectiveFacts, cycle: CycleDates, date: string, cadenceDays: number, days: Map<string, number>) {
  const until = dayNumber(cycle.endDate < date ? cycle.endDate : date, days);
  let due = 0;
  let onTime = 0;
  let recount = false;
  for (const kr of o.keyResults) {
    const wanted = kr.start || o.effectiveStartDate || cycle.startDate;
    const start = wanted > cycle.startDate ? wanted : cycle.startDate;
    const periods = Math.max(0, Math.trunc((until - dayNumber(start, days)) / cadenceDays));
    due += periods;
    if (!kr.periodStart) continue; // no check-in digest: none made
    if (kr.periodStart === start && kr.periodDays === cadenceDays && periods <= 62) onTime += onTimeOfMask(kr.mask, periods);
    else recount = true;
  }
  return { due, onTime, recount };
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

/** Each objective's due and on-time check-ins up to the date (a few recounted by PostgreSQL, see checkInCounts). */
export async function punctualityOfObjectives(
  db: Executor,
  orgId: string,
  facts: readonly KeptObjectiveFacts[],
  cycle: CycleDates,
  date: string,
  cadenceOf: Map<string, CheckInCadence>,
): Promise<Map<string, TeamPunctuality>> {
  const days = new Map<string, number>();
  const counted = new Map<string, TeamPunctuality>();
  const recount: string[] = [];
  for (const o of facts) {
    const { due, onTime, recount: again } = checkInCounts(o, cycle, date, CADENCE_DAYS[cadenceOf.get(o.teamId) ?? 'weekly'], days);
    counted.set(o.id, { due, onTime });
    if (again) recount.push(o.id);
  }
  if (recount.length > 0) for (const r of await recountedOnTime(db, orgId, recount, date)) counted.get(r.id)!.onTime = r.onTime;
  return counted;
}

/**
 * Due and on-time check-ins per team up to the date, as the heatmap counts them: checkInPunctuality's count
 * (tests/across/heatmap-punctuality.test.ts compares the two).
 */
export async function punctualityByTeam(db: Executor, reader: Reader, cycleId: string, date: string) {
  const [[cycle], cadences, facts] = await Promise.all([
    db
      .select()
      .from(cycles)
      .where(and(eq(cycles.orgId, reader.orgId), eq(cycles.id, cycleId))),
    db.select({ id: teams.id, cadence: teams.checkInCadence }).from(teams).where(eq(teams.orgId, reader.orgId)),
    visibleHeatmapFacts(db, reader, cycleId),
  ]);
  const cadenceOf = new Map(cadences.map((t) => [t.id, t.cadence]));
  const counted = await punctualityOfObjectives(db, reader.orgId, facts, cycle!, date, cadenceOf);
  const byTeam = new Map<string, TeamPunctuality>();
  for (const o of facts) {
    const one = counted.get(o.id)!;
    const sum = byTeam.get(o.teamId);
    if (sum) {
      sum.due += one.due;
      sum.onTime += one.onTime;
    } else byTeam.set(o.teamId, { ...one });
  }
  return byTeam;
}
