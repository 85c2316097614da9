import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles } from '../../../db/schema/index.js';
import { brierOfTotals, cycleMidpoint, RELIABILITY_BUCKETS } from '../../../domain/calibration.js';
import { roundHalfUp } from '../../../domain/numbers.js';
import type { ObjectiveType } from '../../../domain/vocabulary.js';
import { requireCycle } from '../okrs/cycles.js';
import { organizationToday } from '../okrs/organization-today.js';
import { cycleTotals, type CycleTotals, type NamedTotals, type TotalsRow } from './evaluation-totals.js';
import { cycleHeadlines } from './previous-cycles.js';
import type { Reader } from '../visibility/objective-visible.js';

type Cycle = typeof cycles.$inferSelect;

const share = (part: number, whole: number) => (whole === 0 ? null : roundHalfUp(part / whole, 4));
/** By name, then id: two people may share a name, and the database groups them in no particular order. */
const byName = (a: { id: string; name: string | null }, b: { id: string; name: string | null }) =>
  (a.name ?? '').localeCompare(b.name ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Outcomes of one type of objective, as the domain's summariseObjectives counts them. */
function typeSummary(rows: TotalsRow[], type: ObjectiveType) {
  const row = rows.find((r) => r.kind === 'objectives' && r.key === type);
  const [count, achieved, partially, sum, atLeast07] = row ? [row.n1, row.n2, row.n3, row.n4, row.n5] : [0, 0, 0, 0, 0];
  return {
    count,
    achieved,
    partially,
    missed: count - achieved - partially,
    achievedShare: share(achieved, count),
    meanScore: count === 0 ? null : roundHalfUp(sum / count, 4),
    shareAtLeast07: share(atLeast07, count),
  };
}

/** The numbers of one cycle (for one team when given) from the totals the database summed. */
function evaluate(cycle: Cycle, { rows, people, teams }: CycleTotals) {
  const kr = rows.find((r) => r.kind === 'keyResults');
  const [high, middle, aspirational, perfect, due, onTime, count, forecasts, squared] = kr
    ? [kr.n1, kr.n2, kr.n3, kr.n4, kr.n5, kr.n6, kr.n7, kr.n8, kr.n9]
    : [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const named = (totals: NamedTotals[]) =>
    totals.map(([id, name, forecasts, squared]) => ({ id, name, ...brierOfTotals(forecasts, squared) })).sort(byName);
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    final: cycle.status === 'closed',
    committed: typeSummary(rows, 'committed'),
    aspirational: typeSummary(rows, 'aspirational'),
    keyResultBands: { low: count - high - middle, middle, high },
    tooSafe: { aspirational, perfect, tooSafe: aspirational > 0 && perfect * 4 >= aspirational * 3 },
    checkIns: { due, onTime, onTimeShare: due === 0 ? null : Math.round((onTime / due) * 10_000) / 10_000 },
    calibration: {
      cycle: brierOfTotals(forecasts, squared),
      midpoint: cycleMidpoint(cycle.startDate, cycle.endDate),
      byPerson: named(people),
      byTeam: named(teams),
      reliability: RELIABILITY_BUCKETS.map(([min, max], i) => {
        const bucket = rows.find((r) => r.kind === 'bucket' && r.key === String(i));
        const [n, confidenceSum, reached] = bucket ? [bucket.n1, bucket.n2, bucket.n3] : [0, 0, 0];
        return {
          label: `${min}–${max}`,
          minConfidence: min,
          maxConfidence: max,
          count: n,
          meanForecast: n === 0 ? null : roundHalfUp(confidenceSum / 10 / n, 4),
          reachedShare: share(reached, n),
        };
      }),
    },
  };
}

const PREVIOUS_CYCLES = 3;

/**
 * GET /cycles/{id}/evaluation: how the cycle ended (for one team when `teamId` is given), with the same headline
 * numbers for up to three earlier cycles of the same team (or organisation) to compare with.
 */
export async function cycleEvaluation(db: Executor, reader: Reader, cycleId: string, now: Date, teamId?: string) {
  const { orgId } = reader;
  const cycle = await requireCycle(db, orgId, cycleId);
  const today = await organizationToday(db, orgId, now);
  const earlier = await db
    .select({ id: cycles.id, name: cycles.name })
    .from(cycles)
    .where(and(eq(cycles.orgId, orgId), lt(cycles.startDate, cycle.startDate)))
    .orderBy(desc(cycles.startDate))
    .limit(PREVIOUS_CYCLES);
  // Earlier cycles are summed by the database (only their headline numbers are compared; those without published
  // key results are left out), on a second connection of the server's pool while this cycle's rows are read.
  const [totals, headlines] = await Promise.all([
    cycleTotals(db, reader, cycle.id, today, teamId),
    cycleHeadlines(
      db,
      reader,
      earlier.map((c) => c.id),
      today,
      teamId,
    ),
  ]);
  const current = evaluate(cycle, totals);
  const previous = earlier.flatMap((c) => {
    const headline = headlines.get(c.id);
    return headline ? [{ ...headline, cycleName: c.name }] : [];
  });
  return { ...current, teamId: teamId ?? null, previous };
}
